#include "MainWindow.h"
#include "cmdline/Programs.h"

#include <QApplication>
#include <QFileInfo>

#include <cstdio>

namespace {

void print(FILE* stream, const QString& text)
{
    std::fputs(text.toLocal8Bit().constData(), stream);
}

}  // namespace

int main(int argc, char* argv[])
{
    // The command line is read before the window needs a display, so --help and --version work
    // from any terminal.
    const claimlens::cmdline::Program& program = claimlens::cmdline::guiProgram();
    QString database;
    QStringList files;
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == QStringLiteral("--help") || arg == QStringLiteral("-h")) {
            print(stdout, claimlens::cmdline::usageText(program));
            return 0;
        }
        if (arg == QStringLiteral("--version")) {
            print(stdout, QStringLiteral("claimlens %1\n").arg(QStringLiteral(CLAIMLENS_VERSION)));
            return 0;
        }
        if (arg.startsWith(u'-') && arg.size() > 1) {
            print(stderr, QStringLiteral("claimlens: unknown option '%1'\n\n%2").arg(arg, claimlens::cmdline::usageText(program)));
            return 2;
        }
        if (claimlens::cmdline::isDatabaseFile(arg) && database.isEmpty() && files.isEmpty())
            database = arg;
        else
            files << QFileInfo(arg).absoluteFilePath();
    }

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
    QApplication::setDesktopFileName(QStringLiteral("io.github.claimlens.Claimlens"));
    QApplication::setWindowIcon(claimlens::ui::applicationIcon());  // dialogs too

    claimlens::ui::MainWindow window;
    window.show();
    if (!database.isEmpty())
        window.openDatabase(database);
    else
        window.openDefaultDatabase(files.isEmpty());
    if (!files.isEmpty())
        window.importPaths(files);
    return QApplication::exec();
}
