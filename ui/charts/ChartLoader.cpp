#include "charts/ChartLoader.h"

#include "query/ChartQuery.h"

#include <QElapsedTimer>

namespace claimlens::charts {

ChartWorker::~ChartWorker()
{
    open({});
}

void ChartWorker::open(const QString& path)
{
    m_indexCache.clear();
    {
        std::lock_guard lock(m_dbMutex);
        m_db.reset();
    }
    m_openError.clear();
    if (path.isEmpty()) {
        m_openError = tr("No database open.");
        return;
    }
    auto db = Database::openForReading(path);  // charts only read
    if (!db) {
        m_openError = db.error();
        return;
    }
    std::lock_guard lock(m_dbMutex);
    m_db.emplace(std::move(*db));
}

void ChartWorker::interrupt()
{
    std::lock_guard lock(m_dbMutex);
    if (m_db)
        m_db->interrupt();
}

void ChartWorker::prepareIndex()
{
    if (!m_db || m_indexCache.isCurrent(*m_db))
        return;
    auto documents = ChartQuery(*m_db).documentCount({});  // all of them: the query layer, not SQL here
    Q_EMIT preparing(documents ? *documents : 0);
    QElapsedTimer timer;
    timer.start();
    (void)m_indexCache.get(*m_db);  // an error comes back with the request that needed it
    Q_EMIT prepared(static_cast<double>(timer.nsecsElapsed()) / 1e6);
}

ChartLoader::ChartLoader(QObject* parent)
    : QObject(parent), m_thread(new QThread(this)), m_worker(new ChartWorker)
{
    m_thread->setObjectName(QStringLiteral("chart loader"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    // Queued: the worker's signals are emitted on its thread, handled here on the GUI thread.
    connect(m_worker, &ChartWorker::preparing, this, [this](int documents) {
        m_preparingDocuments = std::max(documents, 1);
        Q_EMIT preparing(documents);
    });
    connect(m_worker, &ChartWorker::prepared, this, [this](double ms) {
        m_preparingDocuments = 0;
        m_lastBuildMs = ms;
        Q_EMIT prepared(ms);
    });
    m_thread->start();
    setDatabasePath({});
}

ChartLoader::~ChartLoader()
{
    m_worker->interrupt();
    m_thread->quit();
    m_thread->wait();
    // the worker is deleted on its thread by deleteLater when the thread finishes; when the loop
    // had already gone, QThread deletes pending deferred deletes on finishing
}

void ChartLoader::setIndexLoadHook(std::function<void(const ChartIndex&)> hook)
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, hook = std::move(hook)]() mutable { worker->indexCache()->setLoadHook(std::move(hook)); },
        Qt::QueuedConnection);
}

void ChartLoader::setDatabasePath(const QString& path)
{
    if (path == m_path && !path.isEmpty())
        return;
    m_path = path;
    m_worker->interrupt();  // what runs on the old connection is of no use now
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, path] { worker->open(path); }, Qt::QueuedConnection);
}

}  // namespace claimlens::charts
