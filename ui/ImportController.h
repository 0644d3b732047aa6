#pragma once

#include "AsyncTask.h"
#include "ingest/IngestJob.h"

#include <QElapsedTimer>
#include <QObject>

#include <atomic>
#include <memory>

namespace claimlens::ui {

/// Runs an IngestJob on a thread of its own (async::Threads) and reports on the GUI thread through signals: the
/// window stays responsive, the job owns its database connection, and cancel takes effect after
/// the file in hand (whatever was committed stays).
class ImportController : public QObject {
    Q_OBJECT
public:
    explicit ImportController(QObject* parent = nullptr);
    ~ImportController() override;

    /// Starts reading `paths` into the database at `databasePath`; false while an import runs.
    bool start(const QStringList& paths, const QString& databasePath);
    bool isRunning() const { return m_thread != nullptr; }
    /// Asks the running import to stop.
    void cancel();
    /// Blocks until the running import has finished (for closing the window and for tests).
    void wait();

Q_SIGNALS:
    void started(int total);
    /// At most every 50 ms, and after the last file.
    void progress(int done, int total, const QString& path);
    void finished(const claimlens::IngestResult& result);

private:
    class Forwarder;
    std::unique_ptr<Forwarder> m_forwarder;
    async::Threads m_threads{this};
    QThread* m_thread = nullptr;  ///< the running import's, among m_threads
    std::atomic_bool m_cancel{false};
};

/// The summary an import ends with, in the words the window and its dialog show.
QString importSummary(const IngestResult& result);

}  // namespace claimlens::ui

Q_DECLARE_METATYPE(claimlens::IngestResult)
