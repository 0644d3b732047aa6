// The window's file dialogs and About box, apart from MainWindow.cpp's layout and state.
#include "MainWindow.h"
#include "MessageBox.h"
#include "Settings.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace claimlens::ui {

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = Settings().get(Setting::RecentDatabases);
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openDatabase(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::chooseImportFiles()
{
    Settings s;
    const QStringList files = QFileDialog::getOpenFileNames(
        this, tr("Import articles"), s.get(Setting::LastImportFolder),
        tr("Articles (*.txt *.text *.md *.html *.htm *.xhtml *.pdf);;All files (*)"));
    if (files.isEmpty())
        return;
    s.set(Setting::LastImportFolder, QFileInfo(files.first()).absolutePath());
    importPaths(files);
}

void MainWindow::chooseImportFolder()
{
    Settings s;
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Import a folder of articles"),
                                                             s.get(Setting::LastImportFolder));
    if (folder.isEmpty())
        return;
    s.set(Setting::LastImportFolder, folder);
    importPaths({folder});
}

void MainWindow::chooseNewDatabase()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("New database"), QDir::homePath(),
                                                      tr("Claimlens databases (*.sqlite);;All files (*)"));
    if (path.isEmpty())
        return;
    if (QFileInfo::exists(path) &&
        MessageBox::question(this, tr("Database exists"), tr("%1 exists. Open it instead?").arg(path)) != QMessageBox::Yes)
        return;
    openDatabase(path);
}

void MainWindow::chooseOpenDatabase()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open database"), QFileInfo(databasePath()).absolutePath(),
                                                      tr("Claimlens databases (*.sqlite);;All files (*)"));
    if (!path.isEmpty())
        openDatabase(path);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About Claimlens"),
                       tr("<h3>Claimlens %1</h3><p>An explorer for the claims, companies and numbers in news about "
                          "China's AI industry and its race with the United States.</p><p>Database: %2</p>")
                           .arg(QStringLiteral(CLAIMLENS_VERSION), databasePath().toHtmlEscaped()));
}

}  // namespace claimlens::ui
