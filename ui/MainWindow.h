#pragma once

#include "AsyncTask.h"
#include "ImportController.h"
#include "query/DocumentFilter.h"
#include "store/Database.h"

#include <QHash>
#include <QIcon>
#include <QMainWindow>

#include <memory>
#include <optional>

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QTabWidget;
class QTableView;
class QThread;
class QTimer;
class QToolButton;

namespace claimlens {
class FacetIndexCache;
}

namespace claimlens::charts {
class ChartLoader;
class ChartsTab;
class TimelineTab;
}  // namespace claimlens::charts

namespace claimlens::ui {

class ClaimListModel;
class FactsTab;
class WindowReview;
class DocumentListModel;
class FilterChips;
class FilterPanel;
class ReaderView;
class SearchResultsPanel;
class WelcomePanel;

/// The explorer: filter panel, document list and reader in splitters, the claims tab, import with
/// progress, and the database menu. Every view follows one DocumentFilter, which the window owns.
/// Claimlens's icon (resources/icons), the one the desktop entry names.
QIcon applicationIcon();

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens (creating when needed) a database and shows it; on failure says why in a dialog
    /// and keeps what was open.
    bool openDatabase(const QString& path);
    QString databasePath() const;
    /// Opens the default database; when it is empty (and `sampleWhenEmpty`), reads the bundled
    /// sample corpus into it.
    void openDefaultDatabase(bool sampleWhenEmpty = true);

    /// Imports files and folders: what File → Import and dropping files onto the window do.
    bool importPaths(const QStringList& paths);
    ImportController* importer() const { return m_importer; }

    void setFilter(const DocumentFilter& filter);
    const DocumentFilter& filter() const { return m_filter; }
    /// Goes back to the filter before the last change (Edit → Undo Filter Change, Ctrl+Z).
    void undoFilter();
    /// Shows a document in the reader, scrolled to a sentence when one is given.
    void openDocument(qint64 documentId, int sentenceOrdinal = -1);
    qint64 currentDocument() const;

    /// "12 of 240 documents · filtered by Baidu".
    QString statusText() const;

    DocumentListModel* documentModel() const { return m_documents; }
    ClaimListModel* claimModel() const { return m_claims; }
    charts::ChartsTab* chartsTab() const { return m_charts; }
    charts::TimelineTab* timelineTab() const { return m_timeline; }
    /// The worker thread both chart tabs read on.
    charts::ChartLoader* chartLoader() const { return m_chartLoader; }
    FilterPanel* filterPanel() const { return m_filterPanel; }
    FilterChips* filterChips() const { return m_chips; }
    ReaderView* reader() const { return m_reader; }
    QTableView* documentView() const { return m_documentView; }
    QTableView* claimView() const { return m_claimView; }
    QTabWidget* tabs() const { return m_tabs; }
    QLineEdit* searchBox() const { return m_search; }
    FactsTab* factsTab() const { return m_facts; }
    WindowReview* review() const { return m_review; }
    QMenu* editMenu() const { return m_editMenu; }
    /// The database shown, or nullptr.
    Database* database() { return m_db ? &*m_db : nullptr; }
    /// Reads the data again after it changed under the views (a review): lists, tabs, counts and
    /// the document in the reader, which keeps its place.
    void reloadData();
    SearchResultsPanel* searchResults() const { return m_results; }
    WelcomePanel* welcomePanel() const { return m_welcome; }

    /// Where the bundled sample corpus is: beside the installed program, else in the source tree.
    static QString sampleCorpusPath();

Q_SIGNALS:
    /// The filter panel's counts have been read (they are read off the GUI thread).
    void facetsLoaded();

public Q_SLOTS:
    /// Shows a document from another view (claims, timeline, charts) in the reader, at a sentence.
    void openFromView(qint64 documentId, int sentenceOrdinal);
    /// Exports the chart or timeline in view (File → Export Chart, Ctrl+E).
    void exportCurrent();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void updateReaderLegend();
    void buildMenus();
    void buildCentral();
    void restoreSettings();
    void saveSettings();
    void refreshFacets();
    /// The search results dock, the welcome panel and Find Next / Previous (MainWindowPanels.cpp).
    void buildPanels(QMenu* edit, QMenu* view);
    /// With a search, keeps the reader on a document among the results (the first one when its
    /// document has none).
    void keepReaderAmongResults();
    /// The welcome panel instead of the views while the database holds no document.
    void showWelcomeWhenEmpty();
    /// Brings the tab in view up to the filter and the data; hidden tabs wait until shown.
    void refreshCurrentTab();
    bool canExportCurrent() const;
    void refreshAll();
    void updateStatus();
    void updateRecentMenu();
    void importFinished(const IngestResult& result);
    void showCurrentDocument();
    void chooseImportFiles();
    void chooseImportFolder();
    void chooseNewDatabase();
    void chooseOpenDatabase();
    void about();

    std::optional<Database> m_db;
    FactsTab* m_facts = nullptr;
    WindowReview* m_review = nullptr;
    QMenu* m_editMenu = nullptr;
    DocumentFilter m_filter;
    ImportController* m_importer;
    DocumentListModel* m_documents;
    ClaimListModel* m_claims;

    FilterPanel* m_filterPanel = nullptr;
    FilterChips* m_chips = nullptr;
    ReaderView* m_reader = nullptr;
    QTableView* m_documentView = nullptr;
    QTableView* m_claimView = nullptr;
    QTabWidget* m_tabs = nullptr;
    charts::TimelineTab* m_timeline = nullptr;
    charts::ChartsTab* m_charts = nullptr;
    charts::ChartLoader* m_chartLoader = nullptr;
    struct TabState {
        DocumentFilter filter;
        int dataVersion = -1;
    };
    QHash<QWidget*, TabState> m_tabStates;
    int m_dataVersion = 0;  ///< counts databases opened and imports finished
    QSplitter* m_mainSplitter = nullptr;
    QSplitter* m_documentSplitter = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchDelay = nullptr;
    QLabel* m_readerInfo = nullptr;
    QToolButton* m_openOriginal = nullptr;

    QLabel* m_status = nullptr;
    QTimer* m_statusDelay = nullptr;
    SearchResultsPanel* m_results = nullptr;
    WelcomePanel* m_welcome = nullptr;
    std::shared_ptr<FacetIndexCache> m_facetIndex;  ///< shared with the threads counting the filter panel
    async::Line m_facetRequests;  ///< only the newest count of the filter panel's values is shown
    async::Threads m_background{this};
    QProgressBar* m_progress = nullptr;
    QToolButton* m_cancelImport = nullptr;
    QMenu* m_recentMenu = nullptr;
    QAction* m_importFilesAction = nullptr;
    QAction* m_importFolderAction = nullptr;
    QAction* m_showFurnitureAction = nullptr;
    QAction* m_undoFilterAction = nullptr;
    QAction* m_exportAction = nullptr;
    QList<DocumentFilter> m_filterHistory;
    bool m_undoingFilter = false;
    int m_totalDocuments = 0;
    int m_filteredDocuments = 0;  ///< -1 while the facet worker counts them
    /// The documents the facet worker counted under a filter, for the data version it read.
    struct CountedFilter {
        DocumentFilter filter;
        std::int64_t generation = -1;
        int documents = -1;  ///< -1: the worker failed, the status bar counts in SQL
    } m_countedFilter;
};

}  // namespace claimlens::ui
