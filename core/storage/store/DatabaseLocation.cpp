#include "store/DatabaseLocation.h"

#include "util/DataFolder.h"

#include <QDir>

namespace claimlens {

QString defaultDatabasePath()
{
    const QString env = qEnvironmentVariable("CLAIMLENS_DB");
    if (!env.isEmpty())
        return env;
    return QDir(userDataFolder()).filePath(QStringLiteral("claimlens.sqlite"));
}

}  // namespace claimlens
