#include "util/DataFolder.h"

#include <QDir>
#include <QStandardPaths>

namespace claimlens {

QString userDataFolder()
{
    // The generic data folder, not the application's: the window (which has an organisation name
    // for its settings) and the CLI (which has none) must read the same files.
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation)).filePath(QStringLiteral("claimlens"));
}

}  // namespace claimlens
