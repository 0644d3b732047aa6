#pragma once

#include "AsyncTask.h"
#include "ingest/ReextractJob.h"
#include "knowledge/KnowledgeEdits.h"

#include <QObject>

#include <atomic>
#include <memory>
#include <optional>

class QAction;
class QMenu;
class QProgressDialog;

namespace claimlens::ui {

class MainWindow;

/// What the analyst tells the extractor from the window: merge two companies (filter panel →
/// right-click a company), add a company or person from a selection in the reader (right-click),
/// mark a name as not a company, and undo the last of these (Edit menu). Each edit is written to
/// the analyst's knowledge file (knowledge/KnowledgeEdits.h), which the CLI reads too; then every
/// stored document is read again (ReextractJob) on a thread of its own, with a progress dialog
/// whose Cancel stops after the batch in hand.
class KnowledgeActions : public QObject {
    Q_OBJECT
public:
    /// Adds its actions to the window's filter panel, reader and `editMenu`.
    KnowledgeActions(MainWindow* window, QMenu* editMenu);
    ~KnowledgeActions() override;

    /// Writes the edit, then reads the documents again; false (and says why) when it cannot.
    bool edit(const KnowledgeEdit& edit);
    bool merge(const QStringList& names, const QString& kept);
    /// Takes the last edit out of the file and reads the documents again.
    bool undo();
    /// Reads every document again with the knowledge as it is (after a cancelled re-read).
    bool reread();
    bool isRereading() const { return m_thread != nullptr; }
    void cancel() { m_cancel = true; }
    /// Blocks until a running re-read has finished (closing the window, tests).
    void wait();

    /// The reader's context menu items for its selection (what right-clicking the reader adds).
    void addReaderActions(QMenu* menu);
    /// The companies list's context menu items for `company`.
    void addCompanyActions(QMenu* menu, const QString& company);
    QProgressDialog* progressDialog() const { return m_dialog; }
    QAction* undoAction() const { return m_undo; }
    /// Opens the merge dialog with `ticked` ticked.
    void chooseMerge(const QStringList& ticked);

Q_SIGNALS:
    /// The documents were read again (or the reading stopped); the views should read them anew.
    void rereadDone(const claimlens::ReextractResult& result);

private:
    bool canStart();
    void start(const QString& what);
    void finished(const ReextractResult& result);
    void updateUndo();
    /// The filter after an edit: merged names become the one kept, an excluded name goes.
    void followInFilter(const KnowledgeEdit& edit);

    class Forwarder;
    MainWindow* m_window;
    std::unique_ptr<Forwarder> m_forwarder;
    async::Threads m_threads{this};
    QThread* m_thread = nullptr;
    std::atomic_bool m_cancel{false};
    QProgressDialog* m_dialog = nullptr;
    QAction* m_undo = nullptr;
    QAction* m_rereadAction = nullptr;
    std::optional<KnowledgeEdit> m_pending;  ///< the edit the running re-read applies, for the filter
    QString m_what;                          ///< what the running re-read is for, in words
};

}  // namespace claimlens::ui

Q_DECLARE_METATYPE(claimlens::ReextractResult)
