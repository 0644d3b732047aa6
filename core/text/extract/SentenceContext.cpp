#include "extract/SentenceContext.h"

#include "util/Text.h"

namespace claimlens {

QString regexAlternatives(const QStringList& words)
{
    QStringList escaped;
    for (const QString& w : words)
        escaped.append(QRegularExpression::escape(w).replace(QStringLiteral("\\ "), QStringLiteral("\\s+")));
    std::sort(escaped.begin(), escaped.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return escaped.join(u'|');
}

QStringList wordsOf(QStringView s)
{
    // each word copied once from its span: appending a character at a time reallocates
    QStringList out;
    qsizetype begin = -1;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s[i];
        if (c.isLetterOrNumber() || c == u'-' || c == u'\'' || c == u'\u2019') {
            if (begin < 0)
                begin = i;
        } else if (begin >= 0) {
            out.append(s.sliced(begin, i - begin).toString());
            begin = -1;
        }
    }
    if (begin >= 0)
        out.append(s.sliced(begin).toString());
    return out;
}

void SentenceContext::readWords()
{
    // spans read once, no word copied: every sentence is asked about a few dozen words
    lower = text;
    for (QChar& ch : lower)
        ch = QChar(lowerChar(ch));
    const QStringView view(text);
    const QStringView lowerView(lower);
    qsizetype begin = -1;
    for (qsizetype i = 0; i <= view.size(); ++i) {
        const QChar ch = i < view.size() ? view[i] : QChar(u' ');
        if (ch.isLetterOrNumber() || ch == u'-' || ch == u'\'' || ch == u'\u2019') {
            if (begin < 0)
                begin = i;
        } else if (begin >= 0) {
            words.push_back(view.sliced(begin, i - begin));
            lowerWords.push_back(lowerView.sliced(begin, i - begin));
            begin = -1;
        }
    }
}

}  // namespace claimlens
