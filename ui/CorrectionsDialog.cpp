#include "CorrectionsDialog.h"

#include "MainWindow.h"
#include "MessageBox.h"
#include "ReviewController.h"
#include "knowledge/Knowledge.h"
#include "review/Reviewer.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStatusBar>
#include <QUndoStack>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace claimlens::ui {

CorrectionsDialog::CorrectionsDialog(MainWindow* window, ReviewController* controller)
    : QDialog(window), m_window(window), m_controller(controller), m_table(new QTableWidget(0, ColumnCount, this)),
      m_summary(new QLabel(this))
{
    setWindowTitle(tr("Corrections"));
    setObjectName(QStringLiteral("correctionsDialog"));
    m_table->setHorizontalHeaderLabels({tr("State"), tr("Document"), tr("Correction"), tr("Recorded"), tr("Why orphaned")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSortingEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* takeBack = buttons->addButton(tr("&Take Back"), QDialogButtonBox::ActionRole);
    takeBack->setObjectName(QStringLiteral("takeBack"));
    QPushButton* exportButton = buttons->addButton(tr("&Export\u2026"), QDialogButtonBox::ActionRole);
    QPushButton* importButton = buttons->addButton(tr("&Import\u2026"), QDialogButtonBox::ActionRole);
    connect(takeBack, &QPushButton::clicked, this, &CorrectionsDialog::takeBack);
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export corrections"), QStringLiteral("corrections.json"),
                                                          tr("Corrections (*.json)"));
        if (!path.isEmpty())
            exportTo(path);
    });
    connect(importButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Import corrections"), {}, tr("Corrections (*.json)"));
        if (!path.isEmpty())
            importFrom(path);
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(controller, &ReviewController::changed, this, &CorrectionsDialog::reload);
    resize(900, 420);
    reload();
}

void CorrectionsDialog::reload()
{
    m_table->setRowCount(0);
    m_listed.clear();
    Database* db = m_window->database();
    if (!db)
        return;
    auto listed = CorrectionStore(*db).list();
    if (!listed) {
        m_summary->setText(tr("Cannot read the corrections: %1").arg(listed.error()));
        return;
    }
    m_listed = std::move(*listed);
    int orphans = 0;
    m_table->setRowCount(static_cast<int>(m_listed.size()));
    for (int r = 0; r < static_cast<int>(m_listed.size()); ++r) {
        const ListedCorrection& l = m_listed[static_cast<size_t>(r)];
        orphans += l.orphaned ? 1 : 0;
        const QStringList cells{l.orphaned ? tr("orphaned") : tr("applied"),
                                l.fileName.isEmpty() ? l.correction.contentHash.left(12) : l.fileName,
                                describeCorrection(l.correction), l.correction.created, l.why};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(cells.at(c));
            item->setToolTip(cells.at(c));
            if (l.orphaned && c == State)
                item->setForeground(QColor(0xd6, 0x33, 0x2f));
            m_table->setItem(r, c, item);
        }
    }
    m_table->resizeColumnsToContents();
    m_summary->setText(tr("%1 corrections, %2 orphaned. An orphan's sentence or document is no longer stored as it "
                          "was: it is kept here and applied nowhere else.")
                           .arg(m_listed.size())
                           .arg(orphans));
}

void CorrectionsDialog::takeBack()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= static_cast<int>(m_listed.size()))
        return;
    m_controller->setDatabasePath(m_window->databasePath());
    m_controller->clear(m_listed[static_cast<size_t>(row)].correction);
    reload();  // an orphan changes no reading, so no `changed` may come for it
}

bool CorrectionsDialog::exportTo(const QString& path)
{
    std::vector<Correction> all;
    for (const ListedCorrection& l : m_listed)
        all.push_back(l.correction);
    const QByteArray bytes = correctionsFile(all);
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        MessageBox::critical(this, tr("Export corrections"), tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    m_window->statusBar()->showMessage(tr("%1 corrections written to %2").arg(all.size()).arg(path), 8000);
    return true;
}

bool CorrectionsDialog::importFrom(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        MessageBox::critical(this, tr("Import corrections"), tr("Cannot read %1: %2").arg(path, file.errorString()));
        return false;
    }
    auto corrections = readCorrectionsFile(file.readAll());
    Database* db = m_window->database();
    if (!corrections || !db) {
        MessageBox::critical(this, tr("Import corrections"),
                             tr("%1: %2. Nothing was imported.").arg(path, corrections ? tr("no database") : corrections.error()));
        return false;
    }
    auto report = Reviewer(*db, Knowledge::defaults()).import(*corrections);
    if (!report) {
        MessageBox::critical(this, tr("Import corrections"), tr("%1: %2. Nothing was imported.").arg(path, report.error()));
        return false;
    }
    m_controller->undoStack()->clear();  // an import is not one of the steps Undo takes back
    m_window->reloadData();
    reload();
    m_window->statusBar()->showMessage(
        tr("%1 corrections imported; %2 documents read again").arg(report->stored).arg(report->documents), 8000);
    return true;
}

}  // namespace claimlens::ui
