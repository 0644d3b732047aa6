#pragma once

#include "AsyncTask.h"
#include "query/ChartIndex.h"
#include "query/ChartQuery.h"
#include "store/Database.h"

#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QThread>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace claimlens::charts {

/// A line of chart requests of which only the newest counts (skipped on the worker when it has
/// not started, its answer dropped when it has).
using ChartTicket = ui::async::Line;

/// The connection the charts read on the worker thread, with the ChartIndexCache it owns: the
/// index lives and is built on the worker, beside its connection.
class ChartWorker : public QObject {
    Q_OBJECT
public:
    /// Closes the connection (on the worker thread, where it was opened).
    ~ChartWorker() override;

    /// Opens `path` (closing what was open); an empty path only closes. Worker thread.
    void open(const QString& path);
    /// The open connection, else the error that kept it closed. Worker thread.
    Database* database() { return m_db ? &*m_db : nullptr; }
    const QString& openError() const { return m_openError; }
    /// The connection's index, for the ChartQuery of each request. Worker thread.
    ChartIndexCache* indexCache() { return &m_indexCache; }
    /// Loads the connection's ChartIndex when it is missing or out of date, saying so before and
    /// after (queued to the GUI thread). Worker thread.
    void prepareIndex();
    /// Stops the statement running on the connection, if any. Any thread.
    void interrupt();

Q_SIGNALS:
    /// The ChartIndex is being built for `documents` documents.
    void preparing(int documents);
    /// It is built (or failed), in `milliseconds`.
    void prepared(double milliseconds);

private:
    ChartIndexCache m_indexCache;  // before m_db: let go after the connection closes
    std::optional<Database> m_db;
    QString m_openError;
    std::mutex m_dbMutex;  // guards m_db against interrupt() (any thread) while it opens or closes
};

/// Reads the data behind the charts and the timeline on one long-lived thread of its own, with its
/// own connection and so its own ChartIndex, built there once and reused until the database
/// changes. Requests are functions of a ChartQuery on that connection returning plain data; the
/// answer comes back queued to the GUI thread, and only when the request is still its ticket's
/// newest. The window owns one and lends it to both tabs.
class ChartLoader : public QObject {
    Q_OBJECT
public:
    explicit ChartLoader(QObject* parent = nullptr);
    /// Stops the running request (Database::interrupt) and waits for the thread.
    ~ChartLoader() override;

    /// The database the worker reads; the same path again does nothing, another one closes the
    /// previous connection (stopping what runs on it) and opens this one.
    void setDatabasePath(const QString& path);
    const QString& databasePath() const { return m_path; }

    /// Runs `work` on the worker with a ChartQuery over its connection and hands the result to
    /// `done` on the GUI thread (where `receiver`, which must live there, still is), unless a newer request of `ticket` was made meanwhile.
    /// `needsIndex` (a filtered request) builds the ChartIndex first when it is out of date,
    /// announced by preparing()/prepared(). When the connection could not be opened, `work` is not
    /// run and `failed` gets the reason instead.
    template <typename R>
    quint64 request(ChartTicket& ticket, QObject* receiver, bool needsIndex, std::function<R(ChartQuery&)> work,
                    std::function<void(R&&)> done, std::function<void(const QString&)> failed)
    {
        const ui::async::Request asked = ticket.next();
        QPointer<QObject> to(receiver);
        auto* worker = m_worker;
        QMetaObject::invokeMethod(
            m_worker,
            [=, loader = this, stale = m_stale, work = std::move(work), done = std::move(done), failed = std::move(failed)]() mutable {
                if (!asked.isCurrent()) {
                    ++*stale;  // a newer request is queued behind this one
                    return;
                }
                // answers are posted to the loader (alive while its thread runs), not to the
                // receiver, which may go meanwhile: the receiver is looked at on the GUI thread only
                auto dropped = [stale] { ++*stale; };  // the filter or the chart changed while this ran
                Database* db = worker->database();
                if (!db) {
                    ui::async::deliver(loader, to, asked, [failed, error = worker->openError()] { failed(error); }, dropped);
                    return;
                }
                if (needsIndex)
                    worker->prepareIndex();
                ChartQuery query(*db, ChartPath::Index, worker->indexCache());
                R result = work(query);
                ui::async::deliver(
                    loader, to, asked, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); },
                    dropped);
            },
            Qt::QueuedConnection);
        return asked.generation();
    }

    /// The worker is building the ChartIndex for this many documents (0 when not building).
    int preparingDocuments() const { return m_preparingDocuments; }
    /// How long the last index build took on the worker, in ms (0 before the first).
    double lastIndexBuildMs() const { return m_lastBuildMs; }
    /// Requests skipped or answers dropped because a newer request of their ticket came.
    int staleCount() const { return m_stale->load(); }
    /// The worker thread (for tests and benches).
    QThread* thread() const { return m_thread; }
    /// Calls `hook` on the worker after each ChartIndex build (for tests and benches: where and
    /// how often the index is built); nullptr removes it. Takes effect before later requests.
    void setIndexLoadHook(std::function<void(const ChartIndex&)> hook);

Q_SIGNALS:
    /// The worker started building the ChartIndex (the first filtered chart after opening a
    /// database or after it changed): tabs waiting for it say so.
    void preparing(int documents);
    void prepared(double milliseconds);

private:
    using Counter = std::shared_ptr<std::atomic<int>>;

    QThread* m_thread;
    ChartWorker* m_worker;
    QString m_path;
    int m_preparingDocuments = 0;
    double m_lastBuildMs = 0;
    Counter m_stale = std::make_shared<std::atomic<int>>(0);
};

}  // namespace claimlens::charts
