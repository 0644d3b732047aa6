#pragma once

#include <QFrame>
#include <QList>
#include <QStringList>
#include <QUrl>

class QLabel;
class QPushButton;

namespace claimlens::ui {

/// What an empty database shows instead of empty tables: import files or a folder, drop them
/// onto it, or load the sample corpus. The window shows it while the database holds no document.
class WelcomePanel : public QFrame {
    Q_OBJECT
public:
    explicit WelcomePanel(QWidget* parent = nullptr);

    QPushButton* importFilesButton() const { return m_importFiles; }
    QPushButton* importFolderButton() const { return m_importFolder; }
    QPushButton* sampleButton() const { return m_sample; }
    QFrame* dropArea() const { return m_dropArea; }

    /// While an import runs, the buttons wait and the panel says so.
    void setImporting(bool importing);
    /// Whether the sample corpus can be offered (it is found where the program looks for it).
    void setSampleAvailable(bool available);

    /// What a drop of these URLs would import: the local files and folders among them.
    static QStringList droppedPaths(const QList<QUrl>& urls);

Q_SIGNALS:
    void importFilesRequested();
    void importFolderRequested();
    void sampleRequested();
    /// Files or folders dropped onto the panel.
    void pathsDropped(const QStringList& paths);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void setDropHighlight(bool on);

    QPushButton* m_importFiles;
    QPushButton* m_importFolder;
    QPushButton* m_sample;
    QFrame* m_dropArea;
    QLabel* m_dropLabel;
    QLabel* m_busy;
};

}  // namespace claimlens::ui
