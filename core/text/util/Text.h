#pragma once

#include <QChar>
#include <QHash>
#include <QString>

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

/// Whether two texts are equal ignoring case, as QStringView::compare(..., Qt::CaseInsensitive)
/// says, with ASCII compared without the Unicode tables (asked of every capitalised word).
inline bool equalsCaseless(QStringView a, QStringView b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const char16_t x = a[i].unicode();
        const char16_t y = b[i].unicode();
        if (x == y)
            continue;
        if (x >= 0x80 || y >= 0x80)  // KELVIN SIGN folds onto k, LONG S onto s: Qt decides the rest
            return a.sliced(i).compare(b.sliced(i), Qt::CaseInsensitive) == 0;
        if (lowerChar(x) != lowerChar(y))
            return false;
    }
    return true;
}

/// A count written in digits or as a small word ("a", "two"), as in "a year earlier" or "three
/// days ago"; 0 when it is neither.
inline int smallCount(const QString& word)
{
    static const QHash<QString, int> words{{QStringLiteral("a"), 1},     {QStringLiteral("an"), 1},
                                           {QStringLiteral("one"), 1},   {QStringLiteral("two"), 2},
                                           {QStringLiteral("three"), 3}, {QStringLiteral("four"), 4},
                                           {QStringLiteral("five"), 5},  {QStringLiteral("six"), 6}};
    const QString lower = word.toLower();
    return words.value(lower, lower.toInt());
}

}  // namespace claimlens
