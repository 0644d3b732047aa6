#pragma once

#include <QChar>

namespace claimlens {

/// A character in lower case, one for one (QChar::toLower's simple mapping), with ASCII answered
/// without the Unicode tables: asked of every character of every sentence.
inline char16_t lowerChar(QChar c)
{
    const char16_t u = c.unicode();
    if (u < 0x80)
        return u >= u'A' && u <= u'Z' ? static_cast<char16_t>(u + 32) : u;
    return c.toLower().unicode();
}

}  // namespace claimlens
