#pragma once

#include <QString>

namespace claimlens::ui {

/// "1 document", "16 documents": English plurals without a translation file (Qt's %n needs one).
inline QString counted(qsizetype n, const QString& one, const QString& many)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? one : many);
}

}  // namespace claimlens::ui
