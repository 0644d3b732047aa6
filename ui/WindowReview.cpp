#include "WindowReview.h"

#include "CorrectionsDialog.h"
#include "FactsTab.h"
#include "MainWindow.h"
#include "MessageBox.h"
#include "ReaderView.h"
#include "ReviewController.h"
#include "models/ClaimListModel.h"
#include "models/DocumentListModel.h"
#include "query/ReaderQuery.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QUndoStack>

namespace claimlens::ui {

WindowReview::WindowReview(MainWindow* window)
    : QObject(window), m_window(window), m_controller(new ReviewController(this))
{
    ReviewController* c = m_controller;
    connect(window->reader(), &ReaderView::reviewRequested, this, [this](const Correction& correction, bool edit) {
        m_controller->setDatabasePath(m_window->databasePath());
        m_controller->request(correction, edit, m_window);
    });
    connect(window->reader(), &ReaderView::reviewCleared, this, [this](const Correction& reading) {
        m_controller->setDatabasePath(m_window->databasePath());
        m_controller->clear(reading);
    });
    connect(c, &ReviewController::changed, window, [window] { window->reloadData(); });
    connect(c, &ReviewController::changed, this, [this] {
        m_window->statusBar()->showMessage(tr("%1 \u2014 Undo with %2")
                                               .arg(m_controller->undoStack()->undoText(),
                                                    QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)),
                                           8000);
    });
    connect(c, &ReviewController::failed, window, [window](const QString& message) {
        MessageBox::critical(window, tr("Review"), message);
    });

    // Edit → Undo / Redo: the analyst's decisions, newest first
    QMenu* editMenu = window->editMenu();
    QAction* first = editMenu->actions().value(0);
    QAction* undo = c->undoStack()->createUndoAction(editMenu, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setObjectName(QStringLiteral("undoReview"));
    QAction* redo = c->undoStack()->createRedoAction(editMenu, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setObjectName(QStringLiteral("redoReview"));
    editMenu->insertAction(first, undo);
    editMenu->insertAction(first, redo);
    QAction* list = new QAction(tr("&Corrections\u2026"), editMenu);
    list->setObjectName(QStringLiteral("corrections"));
    list->setShortcut(QKeySequence(tr("Ctrl+Shift+R")));
    connect(list, &QAction::triggered, this, [this] { CorrectionsDialog(m_window, m_controller).exec(); });
    editMenu->insertAction(first, list);
    editMenu->insertSeparator(first);

    connect(window->factsTab(), &FactsTab::openSentence, window, &MainWindow::openFromView);
    connect(window->factsTab(), &FactsTab::readingReviewed, this,
            [this](qint64 documentId, qsizetype start, qsizetype end, int action, bool edit) {
                decide(documentId, CorrectionItem::Statistic, start, end, action, edit);
            });
    installClaimsTable();
    installDocumentList();
}

bool WindowReview::decide(qint64 documentId, CorrectionItem item, qsizetype start, qsizetype end, int action, bool edit)
{
    Database* db = m_window->database();
    if (!db)
        return false;
    auto doc = ReaderQuery(*db).load(documentId);
    if (!doc) {
        m_window->statusBar()->showMessage(doc.error(), 10000);
        return false;
    }
    const auto mark = std::find_if(doc->marks.begin(), doc->marks.end(), [&](const TextMark& m) {
        return m.item() == item && m.start == start && (item == CorrectionItem::Claim || m.end == end);
    });
    if (mark == doc->marks.end())
        return false;
    m_controller->setDatabasePath(m_window->databasePath());
    if (action < 0 || mark->rejected)
        return m_controller->clear(doc->correctionFor(*mark, CorrectionAction::Confirm));
    Correction c = doc->correctionFor(*mark, static_cast<CorrectionAction>(action));
    if (edit)
        c.value = mark->reading;
    return m_controller->request(c, edit, m_window);
}

bool WindowReview::correctMetadata(qint64 documentId, CorrectionItem field)
{
    Database* db = m_window->database();
    if (!db)
        return false;
    auto doc = ReaderQuery(*db).load(documentId);
    if (!doc)
        return false;
    const DocumentSummary& s = doc->summary;
    const QString shown = field == CorrectionItem::Title    ? s.title
                          : field == CorrectionItem::Author ? s.author
                          : field == CorrectionItem::Outlet ? s.source
                                                            : s.published.iso();
    Correction c;
    c.contentHash = doc->contentHash;
    c.item = field;
    c.action = CorrectionAction::Edit;
    c.machine = {{QStringLiteral("value"), shown}};
    for (const Correction& before : doc->metadataCorrections)
        if (before.item == field)
            c.machine = before.machine;  // what the machine read, not the analyst's earlier value
    c.value = {{QStringLiteral("value"), shown}};
    m_controller->setDatabasePath(m_window->databasePath());
    return m_controller->request(c, true, m_window);
}

void WindowReview::installClaimsTable()
{
    QTableView* view = m_window->claimView();
    auto current = [view] {
        const QModelIndex i = view->currentIndex();
        return std::pair{i.siblingAtColumn(0).data(ClaimListModel::DocumentIdRole).toLongLong(),
                         i.siblingAtColumn(0).data(ClaimListModel::SentenceOrdinalRole).toInt()};
    };
    // a claim is its sentence: find the sentence's span, then decide about the claim there
    auto decideClaim = [this, current](int action, bool edit) {
        const auto [documentId, ordinal] = current();
        if (documentId <= 0)
            return;
        auto doc = ReaderQuery(*m_window->database()).load(documentId);
        if (!doc)
            return;
        for (const ReaderSentence& s : doc->sentences)
            if (s.ordinal == ordinal) {
                decide(documentId, CorrectionItem::Claim, s.start, s.end, action, edit);
                return;
            }
    };
    struct Key {
        QString text;
        QKeySequence key;
        int action;
        bool edit;
    };
    const Key keys[] = {{tr("&Confirm the Claim"), QKeySequence(Qt::Key_Space), static_cast<int>(CorrectionAction::Confirm), false},
                        {tr("&Not a Claim"), QKeySequence(Qt::Key_Delete), static_cast<int>(CorrectionAction::Reject), false},
                        {tr("C&orrect Actors and Date\u2026"), QKeySequence(Qt::Key_F2), static_cast<int>(CorrectionAction::Edit), true},
                        {tr("&Take Back the Decision"), QKeySequence(), -1, false}};
    QList<QAction*> actions;
    for (const Key& k : keys) {
        auto* a = new QAction(k.text, view);
        a->setShortcut(k.key);
        a->setShortcutContext(Qt::WidgetShortcut);
        connect(a, &QAction::triggered, this, [decideClaim, k] { decideClaim(k.action, k.edit); });
        view->addAction(a);
        actions.append(a);
    }
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [view, actions](const QPoint& pos) {
        if (!view->indexAt(pos).isValid())
            return;
        QMenu menu(view);
        menu.addActions(actions);
        menu.exec(view->viewport()->mapToGlobal(pos));
    });
}

void WindowReview::installDocumentList()
{
    QTableView* view = m_window->documentView();
    view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(view, &QWidget::customContextMenuRequested, this, [this, view](const QPoint& pos) {
        const QModelIndex index = view->indexAt(pos);
        const qint64 id = index.isValid() ? m_window->documentModel()->documentId(index.row()) : -1;
        if (id < 0)
            return;
        QMenu menu(view);
        for (auto [text, field] : {std::pair{tr("Correct the &Title\u2026"), CorrectionItem::Title},
                                   std::pair{tr("Correct the &Author\u2026"), CorrectionItem::Author},
                                   std::pair{tr("Correct the &Outlet\u2026"), CorrectionItem::Outlet},
                                   std::pair{tr("Correct the &Published Date\u2026"), CorrectionItem::Published}})
            menu.addAction(text, this, [this, id, field = field] { correctMetadata(id, field); });
        menu.exec(view->viewport()->mapToGlobal(pos));
    });
}

}  // namespace claimlens::ui
