#include "util/DataFolder.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace claimlens {

QString userDataFolder()
{
    // The generic data folder, not the application's: the window (which has an organisation name
    // for its settings) and the CLI (which has none) must read the same files.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("claimlens"));
}

QString installedDataFolder()
{
    static const QString folder = [] {
        // The program's own path: from Qt when an application object exists, else from the kernel
        // (tests and tools may ask before one is made).
        const QString program = QCoreApplication::instance() ? QCoreApplication::applicationFilePath()
                                                             : QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath();
        const QDir bin = QFileInfo(program).absoluteDir();
        if (bin.dirName() != QStringLiteral("bin"))
            return QString();
        const QFileInfo share(bin.filePath(QStringLiteral("../share/claimlens")));
        return share.isDir() ? share.canonicalFilePath() : QString();
    }();
    return folder;
}

QString shippedDataFile(const QString& relativePath)
{
    const QString folder = installedDataFolder();
    if (!folder.isEmpty()) {
        const QString installed = QDir(folder).filePath(relativePath);
        if (QFileInfo::exists(installed))
            return installed;
    }
    return QStringLiteral(":/claimlens/") + relativePath;
}

}  // namespace claimlens
