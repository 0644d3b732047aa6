#include "WelcomePanel.h"

#include <QDragEnterEvent>
#include <QDropEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace claimlens::ui {

WelcomePanel::WelcomePanel(QWidget* parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("welcomePanel"));
    setAcceptDrops(true);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    auto* title = new QLabel(tr("Welcome to Claimlens"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    auto* intro = new QLabel(tr("This database holds no articles yet. Import news articles (text, Markdown, HTML or "
                                "PDF) to explore the companies, claims and numbers in them."),
                             this);
    intro->setWordWrap(true);
    intro->setAlignment(Qt::AlignCenter);

    m_importFiles = new QPushButton(tr("Import Files\u2026"), this);
    m_importFiles->setObjectName(QStringLiteral("welcomeImportFiles"));
    m_importFiles->setToolTip(tr("Choose article files to import (%1)")
                                  .arg(QKeySequence(tr("Ctrl+I")).toString(QKeySequence::NativeText)));
    m_importFolder = new QPushButton(tr("Import Folder\u2026"), this);
    m_importFolder->setObjectName(QStringLiteral("welcomeImportFolder"));
    m_importFolder->setToolTip(tr("Import every article in a folder and its subfolders (%1)")
                                   .arg(QKeySequence(tr("Ctrl+Shift+I")).toString(QKeySequence::NativeText)));
    m_sample = new QPushButton(tr("Load the Sample Corpus"), this);
    m_sample->setObjectName(QStringLiteral("welcomeSample"));
    m_sample->setToolTip(tr("Import the articles Claimlens ships with, to try it out"));
    for (QPushButton* b : {m_importFiles, m_importFolder, m_sample})
        b->setMinimumWidth(200);
    m_importFiles->setDefault(true);
    connect(m_importFiles, &QPushButton::clicked, this, &WelcomePanel::importFilesRequested);
    connect(m_importFolder, &QPushButton::clicked, this, &WelcomePanel::importFolderRequested);
    connect(m_sample, &QPushButton::clicked, this, &WelcomePanel::sampleRequested);

    m_dropArea = new QFrame(this);
    m_dropArea->setObjectName(QStringLiteral("welcomeDropArea"));
    m_dropArea->setFrameShape(QFrame::StyledPanel);
    m_dropArea->setMinimumSize(420, 130);
    m_dropLabel = new QLabel(tr("Drop files or folders here to import them"), m_dropArea);
    m_dropLabel->setAlignment(Qt::AlignCenter);
    auto* dropLayout = new QVBoxLayout(m_dropArea);
    dropLayout->addWidget(m_dropLabel);
    setDropHighlight(false);

    m_busy = new QLabel(tr("Importing\u2026 the documents appear when the import finishes."), this);
    m_busy->setAlignment(Qt::AlignCenter);
    m_busy->hide();

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_importFiles);
    buttons->addWidget(m_importFolder);
    buttons->addStretch(1);
    auto* sample = new QHBoxLayout;
    sample->addStretch(1);
    sample->addWidget(m_sample);
    sample->addStretch(1);
    auto* drop = new QHBoxLayout;
    drop->addStretch(1);
    drop->addWidget(m_dropArea, 3);
    drop->addStretch(1);

    auto* column = new QVBoxLayout(this);
    column->addStretch(2);
    column->addWidget(title);
    column->addSpacing(8);
    column->addWidget(intro);
    column->addSpacing(20);
    column->addLayout(buttons);
    column->addSpacing(16);
    column->addLayout(drop);
    column->addSpacing(16);
    column->addLayout(sample);
    column->addSpacing(8);
    column->addWidget(m_busy);
    column->addStretch(3);
}

void WelcomePanel::setImporting(bool importing)
{
    for (QPushButton* b : {m_importFiles, m_importFolder, m_sample})
        b->setEnabled(!importing);
    m_busy->setVisible(importing);
}

void WelcomePanel::setSampleAvailable(bool available)
{
    m_sample->setVisible(available);
}

QStringList WelcomePanel::droppedPaths(const QList<QUrl>& urls)
{
    QStringList paths;
    for (const QUrl& url : urls)
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    return paths;
}

void WelcomePanel::setDropHighlight(bool on)
{
    // a dashed outline, filled in the highlight colour while something is dragged over it
    const QPalette p = palette();
    m_dropArea->setStyleSheet(QStringLiteral("#welcomeDropArea { border: 2px dashed %1; border-radius: 8px; background: %2; }")
                                  .arg(p.color(on ? QPalette::Highlight : QPalette::Mid).name(),
                                       on ? p.color(QPalette::Highlight).lighter(170).name() : QStringLiteral("transparent")));
}

void WelcomePanel::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls() && !droppedPaths(event->mimeData()->urls()).isEmpty() && m_importFiles->isEnabled()) {
        setDropHighlight(true);
        event->acceptProposedAction();
    }
}

void WelcomePanel::dragLeaveEvent(QDragLeaveEvent* event)
{
    setDropHighlight(false);
    QFrame::dragLeaveEvent(event);
}

void WelcomePanel::dropEvent(QDropEvent* event)
{
    setDropHighlight(false);
    const QStringList paths = droppedPaths(event->mimeData()->urls());
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    Q_EMIT pathsDropped(paths);
}

}  // namespace claimlens::ui
