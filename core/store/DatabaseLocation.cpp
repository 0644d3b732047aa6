#include "store/DatabaseLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace claimlens {

QString defaultDatabasePath()
{
    const QString env = qEnvironmentVariable("CLAIMLENS_DB");
    if (!env.isEmpty())
        return env;
    return QDir(userDataFolder()).filePath(QStringLiteral("claimlens.sqlite"));
}

QString userDataFolder()
{
    // The generic data folder, not the application's: the window (which has an organisation name
    // for its settings) and the CLI (which has none) must read the same files.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("claimlens"));
}

}  // namespace claimlens
