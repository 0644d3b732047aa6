#include "Cli.h"

#include <QApplication>
#include <QCoreApplication>

#include <cstring>
#include <memory>

#include <cstdio>

int main(int argc, char* argv[])
{
    // Qt Charts draws through QGraphicsWidget, which needs a QApplication; only the chart command
    // pays for one, offscreen unless the caller chose a platform.
    bool charting = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--db") == 0) {
            ++i;
            continue;
        }
        if (argv[i][0] != '-') {
            charting = std::strcmp(argv[i], "chart") == 0;  // the command
            break;
        }
    }
    if (charting && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(charting ? new QApplication(argc, argv) : new QCoreApplication(argc, argv));
    QCoreApplication::setApplicationName(QStringLiteral("claimlens"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CLAIMLENS_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    claimlens::Cli cli(out, err);
    QStringList args = QCoreApplication::arguments();
    args.removeFirst();
    const int code = cli.run(args);
    out.flush();
    err.flush();
    return code;
}
