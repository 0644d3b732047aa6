#include "store/DatabaseLocation.h"

#include <QDir>
#include <QStandardPaths>

namespace claimlens {

QString defaultDatabasePath()
{
    const QString env = qEnvironmentVariable("CLAIMLENS_DB");
    if (!env.isEmpty())
        return env;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(dir).filePath(QStringLiteral("claimlens.sqlite"));
}

}  // namespace claimlens
