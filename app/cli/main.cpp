#include "Cli.h"

#include <QCoreApplication>

#include <cstdio>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
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
