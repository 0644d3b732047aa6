#include "MainWindow.h"

#include "FactsTab.h"
#include "ColumnFitter.h"
#include "FilterChips.h"
#include "FilterPanel.h"
#include "KnowledgeActions.h"
#include "MessageBox.h"
#include "Plural.h"
#include "ReaderView.h"
#include "SearchResultsPanel.h"
#include "Settings.h"
#include "Theme.h"
#include "WindowReview.h"
#include "charts/ChartsTab.h"
#include "charts/TimelineTab.h"
#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"
#include "query/DocumentListQuery.h"
#include "query/DocumentQuery.h"
#include "query/ExtractionQuery.h"
#include "query/ReaderQuery.h"
#include "store/DatabaseLocation.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#ifndef CLAIMLENS_VERSION
#define CLAIMLENS_VERSION "dev"
#endif

namespace claimlens::ui {
namespace {

/// The words of a search as the reader highlights them: as search reads them, quotes and * dropped.
QStringList searchTerms(const QString& search)
{
    QStringList out;
    for (const SearchTerm& term : DocumentQuery::searchTerms(search))
        out.append(term.text.trimmed());
    return out;
}

QTableView* makeTable(QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->setTextElideMode(Qt::ElideRight);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    view->horizontalHeader()->setSectionsMovable(true);
    view->horizontalHeader()->setHighlightSections(false);
    view->horizontalHeader()->setStretchLastSection(false);
    return view;
}

}  // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_importer(new ImportController(this)),
      m_documents(new DocumentListModel(this)),
      m_claims(new ClaimListModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(QStringLiteral("Claimlens"));
    setAcceptDrops(true);
    buildCentral();
    setWindowIcon(applicationIcon());
    buildMenus();
    m_review = new WindowReview(this);

    connect(m_importer, &ImportController::started, this, [this](int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(0);
        m_progress->show();
        m_cancelImport->show();
        statusBar()->showMessage(tr("Importing %1\u2026").arg(counted(total, tr("file"), tr("files"))));
    });
    connect(m_importer, &ImportController::progress, this, [this](int done, int total, const QString& path) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
        statusBar()->showMessage(tr("Importing %1 of %2: %3").arg(done).arg(total).arg(QFileInfo(path).fileName()));
    });
    connect(m_importer, &ImportController::finished, this, &MainWindow::importFinished);
    connect(m_documents, &DocumentListModel::errorOccurred, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Cannot read the list: %1").arg(message)); });
    restoreSettings();
}

MainWindow::~MainWindow()
{
    m_importer->cancel();
    m_importer->wait();
    m_background.waitAll();  // their answers are posted to this window
}

void MainWindow::buildCentral()
{
    // The search box sits in a toolbar above everything: words typed there filter every view.
    auto* toolbar = addToolBar(tr("Search"));
    toolbar->setObjectName(QStringLiteral("searchToolbar"));
    toolbar->setMovable(false);
    m_search = new QLineEdit(toolbar);
    m_search->setObjectName(QStringLiteral("searchBox"));
    m_search->setPlaceholderText(tr("Search sentences: words, \"a phrase\", prefix*  (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(420);
    toolbar->addWidget(m_search);
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(300);
    connect(m_search, &QLineEdit::textEdited, m_searchDelay, qOverload<>(&QTimer::start));
    auto applySearch = [this] {
        m_searchDelay->stop();
        if (m_search->text() == m_filter.search)
            return;
        DocumentFilter f = m_filter;
        f.search = m_search->text();
        setFilter(f);
    };
    connect(m_searchDelay, &QTimer::timeout, this, applySearch);
    connect(m_search, &QLineEdit::returnPressed, this, applySearch);

    m_filterPanel = new FilterPanel(this);
    m_filterPanel->setMinimumWidth(200);
    connect(m_filterPanel, &FilterPanel::changed, this, [this] { setFilter(m_filterPanel->edited(m_filter)); });

    m_chips = new FilterChips(this);
    connect(m_chips, &FilterChips::filterEdited, this, &MainWindow::setFilter);
    connect(m_chips, &FilterChips::clearRequested, this, [this] { setFilter({}); });

    // Documents: the list beside the reader.
    m_documentView = makeTable(this, QStringLiteral("documentList"));
    m_documentView->setModel(m_documents);
    m_documentView->sortByColumn(DocumentListModel::Published, Qt::DescendingOrder);
    fitDocumentColumns(m_documentView);  // the title stretches and yields first
    connect(m_documentView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::showCurrentDocument);
    connect(m_documents, &QAbstractItemModel::modelReset, this, [this] {
        // The list is read again after a filter, sort or import: keep the reader on its document
        // when the list still holds it.
        const qint64 shown = currentDocument();
        const int row = shown >= 0 ? m_documents->rowOf(shown) : -1;
        if (row >= 0) {
            QSignalBlocker block(m_documentView->selectionModel());
            m_documentView->selectionModel()->setCurrentIndex(m_documents->index(row, 0),
                                                              QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        }
    });

    m_reader = new ReaderView(this);
    m_reader->setObjectName(QStringLiteral("reader"));
    connect(m_reader, &ReaderView::companyClicked, this, [this](const QString& name) {
        DocumentFilter f = m_filter;
        if (!f.companies.contains(name))
            f.companies.append(name);
        setFilter(f);
    });
    connect(m_reader, &ReaderView::countryClicked, this, [this](const QString& name) {
        DocumentFilter f = m_filter;
        if (!f.countries.contains(name))
            f.countries.append(name);
        setFilter(f);
    });

    auto* readerPane = new QWidget(this);
    auto* readerLayout = new QVBoxLayout(readerPane);
    readerLayout->setContentsMargins(0, 0, 0, 0);
    readerLayout->setSpacing(2);
    auto* readerBar = new QHBoxLayout;
    readerBar->setContentsMargins(4, 0, 4, 0);
    m_readerInfo = new QLabel(readerPane);
    m_readerInfo->setObjectName(QStringLiteral("readerInfo"));
    m_readerInfo->setTextFormat(Qt::RichText);
    updateReaderLegend();
    m_openOriginal = new QToolButton(readerPane);
    m_openOriginal->setObjectName(QStringLiteral("openOriginal"));
    m_openOriginal->setText(tr("Open original file"));
    m_openOriginal->setEnabled(false);
    connect(m_openOriginal, &QToolButton::clicked, this, [this] {
        if (m_reader->readerDocument())
            QDesktopServices::openUrl(QUrl::fromLocalFile(m_reader->readerDocument()->summary.path));
    });
    readerBar->addWidget(m_readerInfo, 1);
    readerBar->addWidget(m_openOriginal);
    readerLayout->addLayout(readerBar);
    readerLayout->addWidget(m_reader, 1);

    // The list above the reader: the list's columns and the reader's lines both want the width.
    m_documentSplitter = new QSplitter(Qt::Vertical, this);
    m_documentSplitter->setObjectName(QStringLiteral("documentSplitter"));
    m_documentSplitter->addWidget(m_documentView);
    m_documentSplitter->addWidget(readerPane);
    m_documentSplitter->setStretchFactor(0, 2);
    m_documentSplitter->setStretchFactor(1, 3);

    // Claims: every claim of the filtered documents.
    m_claimView = makeTable(this, QStringLiteral("claimList"));
    m_claimView->setModel(m_claims);
    m_claimView->sortByColumn(ClaimListModel::Date, Qt::AscendingOrder);
    fitClaimColumns(m_claimView);  // the claim's text stretches and yields first
    m_claimView->setToolTip(tr("Double-click or press Enter to open the claim in its document"));
    connect(m_claimView, &QTableView::activated, this, [this](const QModelIndex& index) {
        openFromView(index.data(ClaimListModel::DocumentIdRole).toLongLong(),
                     index.data(ClaimListModel::SentenceOrdinalRole).toInt());
    });

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("tabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_documentSplitter, tr("&Documents"));
    m_tabs->addTab(m_claimView, tr("C&laims"));
    m_facts = new FactsTab(this);
    m_tabs->addTab(m_facts, tr("F&acts"));
    connect(m_facts, &FactsTab::openSentence, this, &MainWindow::openFromView);
    m_timeline = new charts::TimelineTab(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_tabs->addTab(m_timeline, tr("&Timeline"));
    m_charts = new charts::ChartsTab(this);
    m_charts->setObjectName(QStringLiteral("charts"));
    m_tabs->addTab(m_charts, tr("C&harts"));
    // Both tabs read on one worker thread with its own connection, where the chart index is built
    // once per database (seconds on 100,000 documents) without holding up the window.
    m_chartLoader = new charts::ChartLoader(this);
    m_timeline->setLoader(m_chartLoader);
    m_charts->setLoader(m_chartLoader);
    connect(m_timeline, &charts::TimelineTab::openDocument, this, &MainWindow::openFromView);
    connect(m_charts, &charts::ChartsTab::openDocument, this, &MainWindow::openFromView);
    auto exportable = [this] {
        if (m_exportAction)
            m_exportAction->setEnabled(canExportCurrent());
    };
    connect(m_timeline, &charts::TimelineTab::timelineReady, this, exportable);
    connect(m_charts, &charts::ChartsTab::chartReady, this, exportable);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        refreshCurrentTab();
        if (m_exportAction)
            m_exportAction->setEnabled(canExportCurrent());
    });

    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->setSpacing(0);
    rightLayout->addWidget(m_chips);
    rightLayout->addWidget(m_tabs, 1);
    right->setMinimumWidth(560);  // not the widest tab bar's: the filter panel keeps its width on every tab

    m_mainSplitter = new QSplitter(Qt::Horizontal, this);
    m_mainSplitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mainSplitter->addWidget(m_filterPanel);
    m_mainSplitter->addWidget(right);
    m_mainSplitter->setStretchFactor(0, 0);
    m_mainSplitter->setStretchFactor(1, 1);
    m_mainSplitter->setSizes({250, 1200});
    setCentralWidget(m_mainSplitter);

    m_statusDelay = new QTimer(this);
    m_statusDelay->setSingleShot(true);
    m_statusDelay->setInterval(0);
    connect(m_statusDelay, &QTimer::timeout, this, &MainWindow::updateStatus);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("statusText"));
    m_progress = new QProgressBar(this);
    m_progress->setMaximumWidth(220);
    m_progress->hide();
    m_cancelImport = new QToolButton(this);
    m_cancelImport->setText(tr("Cancel import"));
    m_cancelImport->hide();
    connect(m_cancelImport, &QToolButton::clicked, this, [this] {
        m_importer->cancel();
        statusBar()->showMessage(tr("Cancelling the import after the file in hand\u2026"));
    });
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancelImport);
    statusBar()->addPermanentWidget(m_status);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    m_importFilesAction = file->addAction(tr("&Import Files\u2026"), this, &MainWindow::chooseImportFiles);
    m_importFilesAction->setShortcut(QKeySequence(tr("Ctrl+I")));
    m_importFolderAction = file->addAction(tr("Import &Folder\u2026"), this, &MainWindow::chooseImportFolder);
    m_importFolderAction->setShortcut(QKeySequence(tr("Ctrl+Shift+I")));
    file->addSeparator();
    file->addAction(tr("&New Database\u2026"), this, &MainWindow::chooseNewDatabase)->setShortcut(QKeySequence::New);
    file->addAction(tr("&Open Database\u2026"), this, &MainWindow::chooseOpenDatabase)->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    m_exportAction = file->addAction(tr("&Export Chart\u2026"), this, &MainWindow::exportCurrent);
    m_exportAction->setShortcut(QKeySequence(tr("Ctrl+E")));
    m_exportAction->setToolTip(tr("Export the chart or timeline in view as PNG, SVG, PDF, the clipboard or CSV"));
    m_exportAction->setEnabled(false);
    connect(file, &QMenu::aboutToShow, this, [this] { m_exportAction->setEnabled(canExportCurrent()); });
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* edit = m_editMenu = menuBar()->addMenu(tr("&Edit"));
    QAction* find = edit->addAction(tr("&Find in Sentences"), this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction* findCompany = edit->addAction(tr("Find &Company"), this, [this] {
        m_filterPanel->companySearch()->setFocus(Qt::ShortcutFocusReason);
        m_filterPanel->companySearch()->selectAll();
    });
    findCompany->setShortcut(QKeySequence(tr("Ctrl+Shift+F")));
    // Ctrl+Z undoes the analyst's decisions (WindowReview); going back to a filter is navigation
    m_undoFilterAction = edit->addAction(tr("&Back to the Previous Filter"), this, &MainWindow::undoFilter);
    m_undoFilterAction->setShortcut(QKeySequence::Back);
    m_undoFilterAction->setEnabled(false);
    edit->addSeparator();
    QAction* clear = edit->addAction(tr("C&lear Filters"), this, [this] { setFilter({}); });
    clear->setShortcut(QKeySequence(tr("Ctrl+Shift+L")));
    // Merge, Add as Company or Person, Not a Company, their undo: the documents are read again after each
    connect(new KnowledgeActions(this, edit), &KnowledgeActions::rereadDone, this, &MainWindow::refreshAll);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_showFurnitureAction = view->addAction(tr("Show Page &Furniture"));
    m_showFurnitureAction->setCheckable(true);
    m_showFurnitureAction->setChecked(Settings().get(Setting::ShowFurniture));
    m_reader->setFurnitureShown(m_showFurnitureAction->isChecked());
    connect(m_showFurnitureAction, &QAction::toggled, m_reader, &ReaderView::setFurnitureShown);
    connect(m_reader, &ReaderView::furnitureToggled, m_showFurnitureAction, &QAction::setChecked);
    view->addSeparator();
    for (int i = 0; i < m_tabs->count(); ++i) {
        QAction* tab = view->addAction(m_tabs->tabText(i).remove(u'&'), this, [this, i] { m_tabs->setCurrentIndex(i); });
        tab->setShortcut(QKeySequence(QStringLiteral("Ctrl+%1").arg(i + 1)));
    }
    view->addSeparator();
    addThemeMenu(view);
    view->addAction(tr("&Reload"), this, &MainWindow::refreshAll)->setShortcut(QKeySequence::Refresh);
    buildPanels(edit, view);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Claimlens"), this, &MainWindow::about);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::updateReaderLegend()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    QStringList legend;
    for (auto [kind, name] : {std::pair{TextMark::Kind::Company, tr("company")}, {TextMark::Kind::Product, tr("product")},
                              {TextMark::Kind::Country, tr("country")}, {TextMark::Kind::Organization, tr("organisation")},
                              {TextMark::Kind::Person, tr("person")}, {TextMark::Kind::Claim, tr("claim")}})
        legend.append(QStringLiteral("<span style=\"background-color:%1\">&nbsp;%2&nbsp;</span>")
                          .arg(ReaderView::markColour(kind, dark).name(), name));
    legend.append(QStringLiteral("<u style=\"color:%1\"><b>%2</b></u>")
                      .arg(ReaderView::markColour(TextMark::Kind::Statistic, dark).name(), tr("statistic")));
    m_readerInfo->setText(legend.join(u' '));
}

void MainWindow::changeEvent(QEvent* event)
{
    QMainWindow::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && m_readerInfo)
        updateReaderLegend();  // the mark colours follow a light or dark palette
}

void MainWindow::restoreSettings()
{
    Settings s;
    if (const Theme theme = themeFromName(s.get(Setting::ThemeName)); theme != currentTheme())
        applyTheme(theme);
    if (!restoreGeometry(s.get(Setting::WindowGeometry)))
        resize(1500, 900);
    restoreState(s.get(Setting::WindowState));
    m_mainSplitter->restoreState(s.get(Setting::MainSplitter));
    m_documentSplitter->restoreState(s.get(Setting::DocumentSplitter));
    m_documentView->horizontalHeader()->restoreState(s.get(Setting::DocumentListHeader));
    m_claimView->horizontalHeader()->restoreState(s.get(Setting::ClaimListHeader));
    for (QTableView* table : {m_documentView, m_claimView})  // the user's widths, in this window's width
        table->findChild<ColumnFitter*>()->adoptHeaderWidths();
    m_tabs->setCurrentIndex(std::clamp(s.get(Setting::CurrentTab), 0, m_tabs->count() - 1));
    // The header's remembered sort is the list's sort too.
    m_documents->sort(m_documentView->horizontalHeader()->sortIndicatorSection(),
                      m_documentView->horizontalHeader()->sortIndicatorOrder());
    updateRecentMenu();
}

void MainWindow::saveSettings()
{
    Settings s;
    s.set(Setting::WindowGeometry, saveGeometry());
    s.set(Setting::WindowState, saveState());
    s.set(Setting::MainSplitter, m_mainSplitter->saveState());
    s.set(Setting::DocumentSplitter, m_documentSplitter->saveState());
    s.set(Setting::DocumentListHeader, m_documentView->horizontalHeader()->saveState());
    s.set(Setting::ClaimListHeader, m_claimView->horizontalHeader()->saveState());
    s.set(Setting::CurrentTab, m_tabs->currentIndex());
    s.set(Setting::ShowFurniture, m_reader->furnitureShown());
}

QIcon applicationIcon()
{
    return QIcon(QStringLiteral(":/claimlens/icons/io.github.claimlens.Claimlens.svg"));
}

void MainWindow::openDefaultDatabase(bool sampleWhenEmpty)
{
    const QString path = defaultDatabasePath();
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!openDatabase(path))
        return;
    if (m_totalDocuments == 0 && sampleWhenEmpty) {
        const QString sample = sampleCorpusPath();
        if (!sample.isEmpty()) {
            statusBar()->showMessage(tr("Reading the bundled sample corpus\u2026"));
            importPaths({sample});
        }
    }
}

bool MainWindow::openDatabase(const QString& path)
{
    if (m_importer->isRunning()) {
        MessageBox::information(this, tr("Import in progress"),
                                tr("Wait for the import to finish, or cancel it, before opening another database."));
        return false;
    }
    auto db = Database::open(path);
    if (!db) {  // where nothing may be written (a read-only share), a database can still be browsed
        if (auto readable = Database::openForReading(path))
            db = std::move(readable);
    }
    if (!db) {
        MessageBox::critical(this, tr("Cannot open database"), tr("%1 cannot be opened as a Claimlens database.").arg(path),
                             db.error());
        return false;
    }
    m_reader->clear();
    m_db.emplace(std::move(*db));
    m_documents->setDatabase(&*m_db);
    m_results->setDatabase(&*m_db);
    m_chartLoader->setDatabasePath(path);
    ++m_dataVersion;
    Settings s;
    s.set(Setting::LastDatabase, path);
    s.addRecentDatabase(QFileInfo(path).absoluteFilePath());
    updateRecentMenu();
    setWindowTitle(QStringLiteral("%1 \u2014 Claimlens").arg(QFileInfo(path).fileName()));
    setFilter({});
    m_filterHistory.clear();  // another database's filters mean nothing here
    m_undoFilterAction->setEnabled(false);
    updateStatus();
    if (m_documents->rowCount() > 0)
        m_documentView->selectRow(0);
    return true;
}

QString MainWindow::databasePath() const
{
    return m_db ? m_db->path() : QString();
}

bool MainWindow::importPaths(const QStringList& paths)
{
    if (!m_db || paths.isEmpty())
        return false;
    if (!m_importer->start(paths, m_db->path())) {
        MessageBox::information(this, tr("Import in progress"), tr("Another import is running; wait for it or cancel it."));
        return false;
    }
    m_importFilesAction->setEnabled(false);
    m_importFolderAction->setEnabled(false);
    return true;
}

void MainWindow::importFinished(const IngestResult& result)
{
    m_progress->hide();
    m_cancelImport->hide();
    m_importFilesAction->setEnabled(true);
    m_importFolderAction->setEnabled(true);
    refreshAll();
    const QString summary = importSummary(result);
    statusBar()->showMessage(summary.section(u'\n', 0, 0), 15000);
    if (m_documentView->currentIndex().row() < 0 && m_documents->rowCount() > 0)
        m_documentView->selectRow(0);
    QStringList details;
    for (const SkippedFile& f : result.skipped)
        details.append(tr("Skipped %1: %2").arg(f.path, f.reason));
    for (const SkippedFile& f : result.warnings)
        details.append(tr("Read with a repair %1: %2").arg(f.path, f.reason));
    if (!result.ok())
        MessageBox::critical(this, tr("Import stopped"), summary, details.join(u'\n'));
    else if (!details.isEmpty())
        MessageBox::information(this, tr("Import finished"),
                                summary + u'\n' + tr("The files skipped or repaired are listed under Show Details."),
                                details.join(u'\n'));
}

void MainWindow::refreshFacets()
{
    if (!m_db)
        return;
    // Only the newest request counts: a database opened or an import finished meanwhile asks again.
    // Counted under the filter, each facet with its own selection left out (FacetIndex).
    m_background.start(QStringLiteral("claimlens-facets"), [this, self = QPointer<QObject>(this), path = m_db->path(),
                                                            request = m_facetRequests.next(), filter = m_filter,
                                                            cache = m_facetIndex, generation = m_dataVersion] {
        if (!request.isCurrent())
            return;  // a newer filter came before this one started
        FacetCounts facets = readFacetCounts(path, filter, *cache, generation);
        async::deliver(this, self, request, [this, facets = std::move(facets), filter, generation]() mutable {
                if (!facets.error.isEmpty())
                    statusBar()->showMessage(tr("Cannot count the filter panel's values: %1").arg(facets.error), 10000);
                // the status bar's count is the worker's too: a search counted in SQL held the window
                m_countedFilter = {filter, generation, facets.error.isEmpty() ? facets.matching : -1};
                if (filter == m_filter && generation == m_dataVersion)
                    updateStatus();
                m_filterPanel->companies()->setItems(std::move(facets.companies));
                m_filterPanel->countries()->setItems(std::move(facets.countries));
                m_filterPanel->sources()->setItems(std::move(facets.sources));
                m_filterPanel->setDateBounds(facets.dates.first, facets.dates.second);
                m_filterPanel->showFilter(m_filter);
                Q_EMIT facetsLoaded();
            });
    });
}

void MainWindow::refreshAll()
{
    m_documents->reload();
    ++m_dataVersion;
    refreshCurrentTab();
    refreshFacets();
    updateStatus();
}

void MainWindow::reloadData()
{
    const qint64 shown = currentDocument();
    const int scroll = m_reader->verticalScrollBar()->value();
    refreshAll();
    if (shown < 0 || !m_db)
        return;
    if (auto doc = ReaderQuery(*m_db).load(shown)) {
        m_reader->setDocument(std::move(*doc));
        m_reader->verticalScrollBar()->setValue(scroll);
    }
}

void MainWindow::setFilter(const DocumentFilter& filter)
{
    if (filter != m_filter && !m_undoingFilter) {
        m_filterHistory.append(m_filter);
        if (m_filterHistory.size() > 100)
            m_filterHistory.removeFirst();
    }
    m_undoFilterAction->setEnabled(!m_filterHistory.isEmpty());
    m_filter = filter;
    refreshFacets();  // first: the worker counts while this thread reads the list's first page
    m_documents->setFilter(filter);
    m_results->setFilter(filter);
    keepReaderAmongResults();
    refreshCurrentTab();  // the other tabs follow when they are shown: a hidden tab does not query
    m_filterPanel->showFilter(filter);
    m_chips->showFilter(filter);
    if (m_search->text() != filter.search)
        m_search->setText(filter.search);
    m_reader->setSearchTerms(searchTerms(filter.search));
    if (const QString notice = DocumentQuery::searchNotice(filter.search); !notice.isEmpty())
        statusBar()->showMessage(tr("Search: %1").arg(notice), 15000);  // what a long query left out
    m_statusDelay->start();  // the count follows the first rows, which paint first
}

void MainWindow::undoFilter()
{
    if (m_filterHistory.isEmpty())
        return;
    const QScopedValueRollback undoing(m_undoingFilter, true);
    setFilter(m_filterHistory.takeLast());
    m_undoFilterAction->setEnabled(!m_filterHistory.isEmpty());
}

void MainWindow::updateStatus()
{
    m_totalDocuments = 0;
    m_filteredDocuments = 0;
    if (m_db) {
        DocumentListQuery list(*m_db);
        if (auto n = list.count({}))
            m_totalDocuments = *n;
        if (m_filter.isEmpty())
            m_filteredDocuments = m_totalDocuments;
        else if (m_countedFilter.filter == m_filter && m_countedFilter.generation == m_dataVersion
                 && m_countedFilter.documents >= 0)
            m_filteredDocuments = m_countedFilter.documents;
        else if (m_countedFilter.filter == m_filter && m_countedFilter.generation == m_dataVersion) {
            auto n = list.count(m_filter);  // the worker could not count
            m_filteredDocuments = n ? *n : 0;
        }
        else
            m_filteredDocuments = -1;  // the facet worker's count follows (refreshFacets)
    }
    m_status->setText(statusText());
    showWelcomeWhenEmpty();
}

QString MainWindow::statusText() const
{
    if (!m_db)
        return tr("No database open");
    const QString of = counted(m_totalDocuments, tr("document"), tr("documents"));
    QString text = m_filteredDocuments < 0 ? tr("Counting\u2026 of %1").arg(of) : tr("%1 of %2").arg(m_filteredDocuments).arg(of);
    if (!m_filter.isEmpty())
        text += tr(" \u00B7 filtered by %1").arg(FilterChips::describe(m_filter));
    return text;
}

void MainWindow::showCurrentDocument()
{
    const qint64 id = m_documents->documentId(m_documentView->currentIndex().row());
    if (id < 0 || id == currentDocument())
        return;
    openDocument(id);
}

qint64 MainWindow::currentDocument() const
{
    return m_reader->readerDocument() ? m_reader->readerDocument()->summary.id : -1;
}

void MainWindow::openDocument(qint64 documentId, int sentenceOrdinal)
{
    if (!m_db)
        return;
    if (documentId != currentDocument()) {
        auto doc = ReaderQuery(*m_db).load(documentId);
        if (!doc) {
            statusBar()->showMessage(doc.error(), 10000);
            return;
        }
        m_reader->setDocument(std::move(*doc));
        m_openOriginal->setEnabled(QFileInfo::exists(m_reader->readerDocument()->summary.path));
        m_openOriginal->setToolTip(m_reader->readerDocument()->summary.path);
    }
    const int row = m_documents->rowOf(documentId);
    if (row >= 0 && m_documentView->currentIndex().row() != row) {
        QSignalBlocker block(m_documentView->selectionModel());
        m_documentView->selectionModel()->setCurrentIndex(m_documents->index(row, 0),
                                                          QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        m_documentView->scrollTo(m_documents->index(row, 0));
    }
    if (sentenceOrdinal >= 0)
        m_reader->showSentence(sentenceOrdinal);
}

void MainWindow::refreshCurrentTab()
{
    QWidget* tab = m_tabs->currentWidget();
    if (!m_db || tab == m_documentSplitter)
        return;
    TabState& state = m_tabStates[tab];
    const bool dataChanged = state.dataVersion != m_dataVersion;
    if (!dataChanged && state.filter == m_filter)
        return;
    Database* db = &*m_db;
    // Each view reads once: with new data, its source is taken away while the filter is set.
    auto update = [&](auto* view) {
        if (dataChanged)
            view->setDatabase(nullptr);
        view->setFilter(m_filter);
        if (dataChanged)
            view->setDatabase(db);
    };
    if (tab == m_claimView)
        update(m_claims);
    else if (tab == m_facts)
        update(m_facts);
    else if (tab == m_timeline)
        update(m_timeline);
    else if (tab == m_charts)
        update(m_charts);
    state = {m_filter, m_dataVersion};
}

bool MainWindow::canExportCurrent() const
{
    QWidget* tab = m_tabs->currentWidget();
    return (tab == m_charts && m_charts->canExport()) || (tab == m_timeline && m_timeline->canExport());
}

void MainWindow::exportCurrent()
{
    if (m_tabs->currentWidget() == m_charts && m_charts->canExport())
        m_charts->exportCurrent();
    else if (m_tabs->currentWidget() == m_timeline && m_timeline->canExport())
        m_timeline->exportCurrent();
}

void MainWindow::openFromView(qint64 documentId, int sentenceOrdinal)
{
    m_tabs->setCurrentWidget(m_documentSplitter);
    openDocument(documentId, sentenceOrdinal);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (m_importer->isRunning()) {
        m_importer->cancel();
        m_importer->wait();  // the batch in hand commits; nothing is half-written
    }
    saveSettings();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    QStringList paths;
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty() && importPaths(paths))
        event->acceptProposedAction();
}

}  // namespace claimlens::ui
