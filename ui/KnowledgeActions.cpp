#include "KnowledgeActions.h"

#include "FilterPanel.h"
#include "MainWindow.h"
#include "MergeDialog.h"
#include "MessageBox.h"
#include "Plural.h"
#include "ReaderView.h"
#include "models/FacetModel.h"

#include <QAction>
#include <QElapsedTimer>
#include <QListView>
#include <QMenu>
#include <QProgressDialog>
#include <QStatusBar>

namespace claimlens::ui {

/// The job's progress, from its thread to the dialog, at most every 50 ms.
class KnowledgeActions::Forwarder : public IngestProgress {
public:
    explicit Forwarder(KnowledgeActions* owner) : m_owner(owner) {}
    void started(int total) override
    {
        m_timer.start();
        QMetaObject::invokeMethod(m_owner, [o = m_owner, total] {
            if (o->m_dialog)
                o->m_dialog->setRange(0, std::max(total, 1));
        }, Qt::QueuedConnection);
    }
    void fileDone(int done, int total, const QString&) override
    {
        if (done < total && m_timer.isValid() && m_timer.elapsed() < 50)
            return;
        m_timer.restart();
        QMetaObject::invokeMethod(m_owner, [o = m_owner, done, total] {
            QProgressDialog* dialog = o->m_dialog;
            if (!dialog)
                return;
            dialog->setLabelText(KnowledgeActions::tr("Reading the documents again with what you told it: %1 of %2").arg(done).arg(total));
            // last: a window-modal dialog's setValue() handles events, the job's end among them,
            // which takes the dialog away
            dialog->setValue(done);
        }, Qt::QueuedConnection);
    }

private:
    KnowledgeActions* m_owner;
    QElapsedTimer m_timer;
};

namespace {

/// A selection as a name: one line, no quotes or punctuation around it, no possessive.
QString selectedName(const ReaderView* reader)
{
    QString s = reader->textCursor().selectedText().replace(QChar::ParagraphSeparator, u' ').simplified();
    static const QString around = QStringLiteral(" \"'\u201c\u201d\u2018\u2019,.;:()[]!?");
    while (!s.isEmpty() && around.contains(s.back()))
        s.chop(1);
    while (!s.isEmpty() && around.contains(s.front()))
        s.remove(0, 1);
    for (const QString& possessive : {QStringLiteral("'s"), QStringLiteral("\u2019s")})
        if (s.endsWith(possessive))
            s.chop(2);
    if (s.size() < 2 || s.size() > 60 || s.count(u' ') > 5)
        return {};
    return s;
}

}  // namespace

KnowledgeActions::KnowledgeActions(MainWindow* window, QMenu* editMenu)
    : QObject(window), m_window(window), m_forwarder(std::make_unique<Forwarder>(this))
{
    setObjectName(QStringLiteral("knowledgeActions"));
    qRegisterMetaType<ReextractResult>();
    QListView* companies = window->filterPanel()->companyList();
    companies->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(companies, &QWidget::customContextMenuRequested, this, [this, companies](const QPoint& pos) {
        const QString name = companies->indexAt(pos).data(FacetModel::NameRole).toString();
        QMenu menu;
        addCompanyActions(&menu, name);
        menu.exec(companies->viewport()->mapToGlobal(pos));
    });
    connect(window->reader(), &ReaderView::contextMenuOpening, this, [this](QMenu* menu) { addReaderActions(menu); });

    editMenu->addSeparator();
    editMenu->addAction(tr("&Merge Companies\u2026"), this, [this] { chooseMerge(m_window->filter().companies); });
    m_undo = editMenu->addAction(tr("Undo &Knowledge Edit"), this, &KnowledgeActions::undo);
    m_rereadAction = editMenu->addAction(tr("&Re-read Documents with Your Knowledge"), this, &KnowledgeActions::reread);
    m_rereadAction->setToolTip(tr("Reads every document again with the knowledge as it is now (after a stopped re-read)"));
    connect(editMenu, &QMenu::aboutToShow, this, &KnowledgeActions::updateUndo);
    updateUndo();
}

KnowledgeActions::~KnowledgeActions()
{
    cancel();
    wait();
}

void KnowledgeActions::wait()
{
    if (!m_thread)
        return;
    m_thread->wait();  // m_threads deletes it
    m_thread = nullptr;
}

void KnowledgeActions::addCompanyActions(QMenu* menu, const QString& company)
{
    if (company.isEmpty())
        return;
    QStringList ticked = m_window->filter().companies;
    if (!ticked.contains(company))
        ticked.prepend(company);
    menu->addAction(tr("&Merge \u201c%1\u201d with\u2026").arg(company), this, [this, ticked] { chooseMerge(ticked); });
    menu->addAction(tr("\u201c%1\u201d Is &Not a Company").arg(company), this,
                    [this, company] { edit(KnowledgeEdit::exclude(EntityKind::Company, company)); });
    updateUndo();
    menu->addSeparator();
    menu->addAction(m_undo);
}

void KnowledgeActions::addReaderActions(QMenu* menu)
{
    const QString name = selectedName(m_window->reader());
    if (name.isEmpty() || m_window->databasePath().isEmpty())
        return;
    menu->addSeparator();
    menu->addAction(tr("Add \u201c%1\u201d as a &Company").arg(name), this,
                    [this, name] { edit(KnowledgeEdit::add(EntityKind::Company, name)); });
    menu->addAction(tr("Add \u201c%1\u201d as a &Person").arg(name), this,
                    [this, name] { edit(KnowledgeEdit::add(EntityKind::Person, name)); });
    menu->addAction(tr("\u201c%1\u201d Is &Not a Company").arg(name), this,
                    [this, name] { edit(KnowledgeEdit::exclude(EntityKind::Company, name)); });
}

void KnowledgeActions::chooseMerge(const QStringList& ticked)
{
    QStringList names;
    const FacetModel* model = m_window->filterPanel()->companies();
    for (int r = 0; r < model->rowCount(); ++r)
        names.append(model->index(r).data(FacetModel::NameRole).toString());
    MergeDialog dialog(names, ticked, m_window);
    if (dialog.exec() == QDialog::Accepted)
        merge(dialog.merged(), dialog.kept());
}

bool KnowledgeActions::merge(const QStringList& names, const QString& kept)
{
    const KnowledgeEdit e = KnowledgeEdit::merge(EntityKind::Company, names, kept);
    return !e.merged.isEmpty() && edit(e);
}

bool KnowledgeActions::canStart()
{
    if (m_window->databasePath().isEmpty() || isRereading())
        return false;
    if (m_window->importer()->isRunning()) {
        MessageBox::information(m_window, tr("Import in progress"),
                                tr("Wait for the import to finish, or cancel it, before changing what the extractor knows."));
        return false;
    }
    return true;
}

bool KnowledgeActions::edit(const KnowledgeEdit& e)
{
    if (!canStart())
        return false;
    if (Status s = UserKnowledgeFile().append(e); !s) {
        MessageBox::critical(m_window, tr("Cannot save what you told the extractor"), s.error());
        return false;
    }
    Knowledge::reload();
    m_pending = e;
    start(e.describe());
    return true;
}

bool KnowledgeActions::undo()
{
    if (!canStart())
        return false;
    auto last = UserKnowledgeFile().removeLast();
    if (!last) {
        MessageBox::information(m_window, tr("Nothing to undo"), last.error());
        return false;
    }
    Knowledge::reload();
    m_pending.reset();
    start(tr("Undone: %1").arg(last->describe()));
    return true;
}

bool KnowledgeActions::reread()
{
    if (!canStart())
        return false;
    Knowledge::reload();  // the file as it is now, also when edited by hand meanwhile
    m_pending.reset();
    start(tr("Reading every document again"));
    return true;
}

void KnowledgeActions::start(const QString& what)
{
    m_cancel = false;
    m_what = what;
    // window-modal: the window keeps drawing and answering, but no second edit or import starts
    m_dialog = new QProgressDialog(tr("%1\nReading the documents again\u2026").arg(what), tr("Cancel"), 0, 0, m_window);
    m_dialog->setObjectName(QStringLiteral("rereadProgress"));
    m_dialog->setWindowTitle(tr("Re-reading Documents"));
    m_dialog->setWindowModality(Qt::WindowModal);
    m_dialog->setMinimumDuration(0);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, this, [this] {
        cancel();
        if (m_dialog)
            m_dialog->setLabelText(tr("Stopping after the documents in hand\u2026"));
    });
    m_window->statusBar()->showMessage(tr("%1: reading the documents again\u2026").arg(what));
    m_thread = m_threads.start(QStringLiteral("claimlens-reextract"), [this, path = m_window->databasePath()] {
        const ReextractResult result = ReextractJob(path).run(m_forwarder.get(), &m_cancel);
        QMetaObject::invokeMethod(this, [this, result] { finished(result); }, Qt::QueuedConnection);
    });
}

void KnowledgeActions::finished(const ReextractResult& result)
{
    wait();  // the job's connection is closed before the views read again
    if (m_dialog) {
        m_dialog->hide();
        m_dialog->deleteLater();
        m_dialog = nullptr;
    }
    const qint64 shown = m_window->currentDocument();
    m_window->reader()->clear();  // its marks are the old reading's
    Q_EMIT rereadDone(result);
    if (m_pending && result.ok() && !result.cancelled)
        followInFilter(*m_pending);
    m_pending.reset();
    if (shown >= 0)
        m_window->openDocument(shown);
    updateUndo();
    if (!result.ok()) {
        MessageBox::critical(m_window, tr("Re-reading stopped"),
                             tr("%1\n%2 read again before it stopped; the others keep what the earlier knowledge found.")
                                 .arg(result.error, counted(result.documents, tr("document"), tr("documents"))));
    } else if (result.cancelled) {
        m_window->statusBar()->showMessage(
            tr("Re-reading stopped after %1; the others keep what the earlier knowledge found (Edit \u2192 Re-read "
               "Documents with Your Knowledge finishes it)")
                .arg(counted(result.documents, tr("document"), tr("documents"))),
            30000);
    } else {
        m_window->statusBar()->showMessage(
            tr("%1: %2 read again").arg(m_what, counted(result.documents, tr("document"), tr("documents"))), 15000);
    }
}

void KnowledgeActions::updateUndo()
{
    auto edits = UserKnowledgeFile().edits();
    const bool any = edits && !edits->empty();
    m_undo->setEnabled(any && !isRereading());
    m_undo->setText(any ? tr("Undo &Knowledge Edit: %1").arg(edits->back().describe()) : tr("Undo &Knowledge Edit"));
    m_rereadAction->setEnabled(!isRereading());
}

void KnowledgeActions::followInFilter(const KnowledgeEdit& e)
{
    // a filter on a name merged away follows it to the name kept; one on a name excluded drops it
    if (e.kind != EntityKind::Company || e.action == KnowledgeEdit::Action::Add)
        return;
    DocumentFilter f = m_window->filter();
    QStringList companies;
    for (const QString& c : f.companies) {
        QString now = c;
        if (e.action == KnowledgeEdit::Action::Merge && e.merged.contains(c, Qt::CaseInsensitive))
            now = e.name;
        else if (e.action == KnowledgeEdit::Action::Exclude && c.compare(e.name, Qt::CaseInsensitive) == 0)
            continue;
        if (!companies.contains(now))
            companies.append(now);
    }
    if (companies != f.companies) {
        f.companies = companies;
        m_window->setFilter(f);
    }
}

}  // namespace claimlens::ui
