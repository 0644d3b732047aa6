#pragma once

#include <QLatin1StringView>
#include <QStringView>

#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <unordered_set>

namespace claimlens {

/// False only when no needle (ASCII, lower case when `caseless`) can occur in `text`: one pass
/// over the text that lets a sentence skip an expression whose every match holds a needle.
/// Under `caseless`, the two characters that fold onto ASCII letters (KELVIN SIGN and LONG S)
/// send the text to the expression, so the test never refuses what case-insensitive matching takes.
inline bool mayContain(QStringView text, std::initializer_list<QLatin1StringView> needles, bool caseless = false)
{
    // the needles' first letters (under `caseless` in both cases), so that most characters cost
    // one bit test and only a candidate is folded
    std::uint64_t first[2] = {0, 0};
    auto mark = [&first](unsigned f) { first[f >> 6] |= std::uint64_t{1} << (f & 63u); };
    for (QLatin1StringView n : needles) {
        const auto f = static_cast<unsigned char>(n.front().toLatin1()) & 127u;
        mark(f);
        if (caseless && f >= 'a' && f <= 'z')
            mark(f - 32);
    }
    auto fold = [caseless](char16_t c) {
        return caseless && c >= u'A' && c <= u'Z' ? static_cast<char16_t>(c + 32) : c;
    };
    const char16_t* data = text.utf16();
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char16_t raw = data[i];
        if (raw >= 128) {
            if (caseless && (raw == 0x212A || raw == 0x017F))
                return true;
            continue;
        }
        if (!((first[raw >> 6] >> (raw & 63u)) & 1u))
            continue;
        const char16_t c = fold(raw);
        for (QLatin1StringView n : needles) {
            if (n.front().unicode() != c || n.size() > size - i)
                continue;
            qsizetype k = 1;
            while (k < n.size() && fold(data[i + k]) == n[k].unicode())
                ++k;
            if (k == n.size())
                return true;
        }
    }
    return false;
}

/// Where `needle` (plain characters, no case folding) first stands in `text` at or after `from`, or
/// -1: a plain loop, cheaper than the general search on a sentence's few hundred characters.
inline qsizetype findPlain(QStringView text, QStringView needle, qsizetype from = 0)
{
    if (needle.isEmpty())
        return from;
    const char16_t first = needle.front().unicode();
    const char16_t* data = text.utf16();
    for (qsizetype i = from, last = text.size() - needle.size(); i <= last; ++i) {
        if (data[i] != first)
            continue;
        qsizetype k = 1;
        while (k < needle.size() && data[i + k] == needle[k].unicode())
            ++k;
        if (k == needle.size())
            return i;
    }
    return -1;
}

/// A set of words held as views into strings that outlive it (literals, a knowledge list, a
/// sentence's own text): built and asked without copying a word.
class WordSet
{
public:
    WordSet() = default;
    WordSet(std::initializer_list<const char16_t*> words)
    {
        for (const char16_t* w : words)
            m_words.insert(std::u16string_view(w));
    }
    template <typename Strings>
    static WordSet of(const Strings& words)
    {
        WordSet set;
        for (const auto& w : words)
            set.insert(w);
        return set;
    }
    void insert(QStringView w) { m_words.insert(view(w)); }
    bool contains(QStringView w) const { return m_words.contains(view(w)); }

private:
    static std::u16string_view view(QStringView w) { return {w.utf16(), static_cast<size_t>(w.size())}; }
    std::unordered_set<std::u16string_view> m_words;
};

}  // namespace claimlens
