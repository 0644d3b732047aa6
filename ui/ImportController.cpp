#include "ImportController.h"

#include "Plural.h"

#include <QFileInfo>
#include <QMetaObject>

#include <mutex>

namespace claimlens::ui {

/// Turns the job's calls on its thread into queued signals on the controller, throttled so that a
/// folder of small files does not flood the GUI thread's event queue.
class ImportController::Forwarder : public IngestProgress {
public:
    explicit Forwarder(ImportController* owner) : m_owner(owner) {}

    void started(int total) override
    {
        m_timer.start();
        QMetaObject::invokeMethod(m_owner, [o = m_owner, total] { Q_EMIT o->started(total); }, Qt::QueuedConnection);
    }
    void fileDone(int done, int total, const QString& path) override
    {
        if (done < total && m_timer.isValid() && m_timer.elapsed() < 50)
            return;
        m_timer.restart();
        QMetaObject::invokeMethod(
            m_owner, [o = m_owner, done, total, path] { Q_EMIT o->progress(done, total, path); }, Qt::QueuedConnection);
    }

private:
    ImportController* m_owner;
    QElapsedTimer m_timer;
};

ImportController::ImportController(QObject* parent)
    : QObject(parent), m_forwarder(std::make_unique<Forwarder>(this))
{
    qRegisterMetaType<IngestResult>();
}

ImportController::~ImportController()
{
    cancel();
    wait();
}

bool ImportController::start(const QStringList& paths, const QString& databasePath)
{
    if (m_thread)
        return false;
    m_cancel = false;
    IngestParams params;
    params.paths = paths;
    params.databasePath = databasePath;
    m_thread = m_threads.start(QStringLiteral("claimlens-import"), [this, params] {
        IngestJob job(params);
        IngestResult result = job.run(m_forwarder.get(), &m_cancel);
        QMetaObject::invokeMethod(
            this,
            [this, result] {
                wait();  // the job's connection is closed before anyone hears it finished
                Q_EMIT finished(result);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void ImportController::cancel()
{
    m_cancel = true;
}

void ImportController::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();  // m_threads deletes it
    // The finished() call queued by the thread still arrives; it finds no thread and only reports.
    m_thread = nullptr;
}

QString importSummary(const IngestResult& r)
{
    QStringList parts;
    parts.append(counted(r.imported, QStringLiteral("new document"), QStringLiteral("new documents")));
    if (r.updated)
        parts.append(QStringLiteral("%1 updated").arg(r.updated));
    if (r.unchanged)
        parts.append(QStringLiteral("%1 already stored").arg(r.unchanged));
    if (r.duplicates)
        parts.append(counted(r.duplicates, QStringLiteral("duplicate"), QStringLiteral("duplicates")) + QStringLiteral(" of stored documents"));
    if (!r.skipped.empty())
        parts.append(QStringLiteral("%1 skipped").arg(r.skipped.size()));
    if (!r.warnings.empty())
        parts.append(QStringLiteral("%1 read with repairs").arg(r.warnings.size()));
    QString text = parts.join(QStringLiteral(", "));
    if (r.cancelled)
        text = ImportController::tr("Import cancelled after %1 of %2 files: %3").arg(r.imported + r.updated + r.unchanged + r.duplicates + static_cast<int>(r.skipped.size())).arg(r.total).arg(text);
    if (!r.ok())
        text += u'\n' + ImportController::tr("The import stopped: %1\n%2 documents stored before it are kept; importing "
                                             "the same files again continues (stored files are recognised and skipped).")
                             .arg(r.error)
                             .arg(r.imported + r.updated);
    return text;
}

}  // namespace claimlens::ui
