// claimlens-docs OUTDIR VERSION DATE: writes the man pages and the bash completion from the
// programs' declared command lines. Run by the build; not installed.
#include "cmdline/Programs.h"

#include <QDir>
#include <QFile>

#include <cstdio>

namespace {

bool write(const QString& path, const QString& text)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(text.toUtf8()) < 0) {
        std::fprintf(stderr, "claimlens-docs: cannot write %s\n", qPrintable(path));
        return false;
    }
    return true;
}

}  // namespace

int main(int argc, char* argv[])
{
    if (argc != 4) {
        std::fputs("usage: claimlens-docs OUTDIR VERSION DATE\n", stderr);
        return 2;
    }
    using namespace claimlens::cmdline;
    const QDir out(QString::fromLocal8Bit(argv[1]));
    const QString version = QString::fromLocal8Bit(argv[2]);
    const QString date = QString::fromLocal8Bit(argv[3]);
    QDir().mkpath(out.filePath(QStringLiteral("man")));
    QDir().mkpath(out.filePath(QStringLiteral("completion")));
    const bool ok = write(out.filePath(QStringLiteral("man/claimlens-cli.1")), manPage(cliProgram(), version, date)) &&
                    write(out.filePath(QStringLiteral("man/claimlens.1")), manPage(guiProgram(), version, date)) &&
                    write(out.filePath(QStringLiteral("completion/claimlens-cli")), bashCompletion(cliProgram()));
    return ok ? 0 : 1;
}
