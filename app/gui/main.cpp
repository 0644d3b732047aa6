#include "MainWindow.h"

#include <QApplication>
#include <QCommandLineParser>

#include <cstdio>

int main(int argc, char* argv[])
{
    // Without a display Qt would abort with a long platform-plugin message; say it in one line.
    const bool display = !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") ||
                         !qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM");
    if (!display) {
        std::fputs("claimlens: no display to open a window on (DISPLAY is not set); claimlens-cli does everything "
                   "from a terminal: claimlens-cli --help\n",
                   stderr);
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("claimlens"));
    QApplication::setOrganizationName(QStringLiteral("claimlens"));
    QApplication::setApplicationDisplayName(QStringLiteral("Claimlens"));
    QApplication::setApplicationVersion(QStringLiteral(CLAIMLENS_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("claimlens"));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Claimlens: an explorer for claims in news about China's AI industry"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("database"), QStringLiteral("the database to open (default: $CLAIMLENS_DB, "
                                                                            "else claimlens.sqlite in your data folder)"),
                                 QStringLiteral("[database]"));
    parser.process(app);

    claimlens::ui::MainWindow window;
    window.show();
    if (parser.positionalArguments().isEmpty())
        window.openDefaultDatabase();
    else
        window.openDatabase(parser.positionalArguments().first());
    return QApplication::exec();
}
