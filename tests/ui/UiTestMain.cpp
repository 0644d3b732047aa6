// The UI tests run real widgets on Qt's offscreen platform, with settings in a file of their own.
#include "Settings.h"
#include "knowledge/KnowledgeEdits.h"

#include <QApplication>
#include <QTemporaryDir>

#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    qputenv("QT_QPA_PLATFORM", qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("claimlens-ui-tests"));
    QTemporaryDir settings;
    claimlens::ui::Settings::useFile(settings.filePath(QStringLiteral("settings.ini")));
    // the analyst's knowledge file the window's Merge, Add and Not a Company write: the tests' own
    claimlens::setUserKnowledgePath(settings.filePath(QStringLiteral("knowledge.json")));
    claimlens::Knowledge::reload();
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
