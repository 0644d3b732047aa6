// The window's search results dock, welcome panel and Find Next / Previous, kept apart from
// MainWindow.cpp (which builds the rest of the window).
#include "MainWindow.h"

#include "ReaderView.h"
#include "SearchResultsPanel.h"
#include "WelcomePanel.h"
#include "models/DocumentListModel.h"
#include "models/SearchResultsModel.h"
#include "query/DocumentListQuery.h"
#include "query/DocumentQuery.h"
#include "query/FacetIndex.h"
#include "util/DataFolder.h"

#include <QAction>
#include <QBoxLayout>
#include <QDir>
#include <QFileInfo>
#include <QKeySequence>
#include <QMenu>
#include <QStatusBar>
#include <QTabWidget>

namespace claimlens::ui {

void MainWindow::buildPanels(QMenu* edit, QMenu* view)
{
    m_facetIndex = std::make_shared<FacetIndexCache>();

    m_results = new SearchResultsPanel(this);
    addDockWidget(Qt::RightDockWidgetArea, m_results);
    connect(m_results, &SearchResultsPanel::openRequested, this, &MainWindow::openFromView);
    auto step = [this](int direction) {
        if (DocumentQuery::ftsQuery(m_filter.search).isEmpty()) {
            statusBar()->showMessage(tr("No search to step through: type words in the search box (Ctrl+F)"), 5000);
            return;
        }
        m_results->show();
        if (!m_results->step(direction))
            statusBar()->showMessage(direction > 0 ? tr("No further match: this is the last one")
                                                   : tr("No earlier match: this is the first one"),
                                     5000);
    };
    edit->addSeparator();
    edit->addAction(tr("Find &Next Match"), this, [step] { step(+1); })->setShortcut(QKeySequence::FindNext);
    edit->addAction(tr("Find &Previous Match"), this, [step] { step(-1); })->setShortcut(QKeySequence::FindPrevious);
    view->addSeparator();
    QAction* toggle = m_results->toggleViewAction();
    toggle->setText(tr("&Search Results"));
    view->addAction(toggle);

    m_welcome = new WelcomePanel(this);
    if (auto* layout = qobject_cast<QBoxLayout*>(m_tabs->parentWidget()->layout()))
        layout->insertWidget(layout->indexOf(m_tabs) + 1, m_welcome, 1);
    m_welcome->hide();
    m_welcome->setSampleAvailable(!sampleCorpusPath().isEmpty());
    connect(m_welcome, &WelcomePanel::importFilesRequested, this, &MainWindow::chooseImportFiles);
    connect(m_welcome, &WelcomePanel::importFolderRequested, this, &MainWindow::chooseImportFolder);
    connect(m_welcome, &WelcomePanel::pathsDropped, this, &MainWindow::importPaths);
    connect(m_welcome, &WelcomePanel::sampleRequested, this, [this] {
        if (importPaths({sampleCorpusPath()}))
            statusBar()->showMessage(tr("Reading the bundled sample corpus\u2026"));
    });
    connect(m_importer, &ImportController::started, m_welcome, [this] { m_welcome->setImporting(true); });
    connect(m_importer, &ImportController::finished, m_welcome, [this] { m_welcome->setImporting(false); });
}

void MainWindow::keepReaderAmongResults()
{
    if (!m_db || DocumentQuery::ftsQuery(m_filter.search).isEmpty())
        return;
    const qint64 shown = currentDocument();
    if (shown >= 0 && m_documents->rowOf(shown) >= 0)
        return;
    if (shown >= 0) {  // beyond the rows read so far, perhaps
        auto among = DocumentListQuery(*m_db).contains(m_filter, shown);
        if (!among || *among)
            return;
    }
    const QModelIndex first = m_results->model()->index(0, 0);
    if (first.isValid())
        openDocument(first.data(SearchResultsModel::DocumentIdRole).toLongLong(),
                     first.data(SearchResultsModel::OrdinalRole).toInt());
    else
        m_reader->clear();
}

void MainWindow::showWelcomeWhenEmpty()
{
    const bool empty = m_db && m_totalDocuments == 0;
    m_welcome->setVisible(empty);
    m_tabs->setVisible(!empty);
}

QString MainWindow::sampleCorpusPath()
{
    // an installed program reads the corpus its package ships; one run from a build folder, the
    // source tree's
    const QString installed = installedDataFolder();
    QString candidate;
    if (!installed.isEmpty())
        candidate = QDir(installed).filePath(QStringLiteral("sample-corpus"));
#ifdef CLAIMLENS_SAMPLE_CORPUS_DIR
    else
        candidate = QStringLiteral(CLAIMLENS_SAMPLE_CORPUS_DIR);
#endif
    return !candidate.isEmpty() && QFileInfo(candidate).isDir() ? QFileInfo(candidate).canonicalFilePath() : QString();
}

}  // namespace claimlens::ui
