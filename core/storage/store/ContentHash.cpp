#include "store/ContentHash.h"

#include <QCryptographicHash>

namespace claimlens {

QString contentHash(QStringView text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Blake2b_256).toHex());
}

}  // namespace claimlens
