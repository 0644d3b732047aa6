#include "read/TextDecoder.h"

#include <QStringDecoder>

#include <uchardet.h>

#include <iconv.h>

#include <cerrno>
#include <memory>

namespace claimlens {
namespace {

bool startsWith(const QByteArray& b, std::initializer_list<unsigned char> prefix)
{
    if (b.size() < static_cast<qsizetype>(prefix.size()))
        return false;
    qsizetype i = 0;
    for (unsigned char c : prefix)
        if (static_cast<unsigned char>(b[i++]) != c)
            return false;
    return true;
}

std::optional<QString> decodeWith(QStringConverter::Encoding encoding, QByteArrayView bytes)
{
    QStringDecoder decoder(encoding, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(bytes);
    if (decoder.hasError())
        return std::nullopt;
    return text;
}

QByteArray detectCharset(const QByteArray& bytes)
{
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                           &uchardet_delete);
    if (uchardet_handle_data(detector.get(), bytes.constData(), static_cast<size_t>(bytes.size())) != 0)
        return {};
    uchardet_data_end(detector.get());
    return QByteArray(uchardet_get_charset(detector.get())).toUpper();
}


/// Binary data shows itself through control characters that no article contains.
bool looksBinary(QStringView text)
{
    qsizetype controls = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0)
            return true;
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f') || u == 0xFFFD)
            ++controls;
    }
    return controls > 0 && controls * 100 > text.size();  // more than 1% garbage
}

}  // namespace

std::optional<QString> decodeWithIconv(const QByteArray& charset, const QByteArray& bytes)
{
    iconv_t cd = iconv_open("UTF-8", charset.constData());
    if (cd == reinterpret_cast<iconv_t>(-1))
        return std::nullopt;
    std::unique_ptr<void, int (*)(iconv_t)> guard(cd, &iconv_close);
    QByteArray out;
    out.resize(bytes.size() * 4 + 16);
    char* in = const_cast<char*>(bytes.constData());
    size_t inLeft = static_cast<size_t>(bytes.size());
    char* outPtr = out.data();
    size_t outLeft = static_cast<size_t>(out.size());
    if (iconv(cd, &in, &inLeft, &outPtr, &outLeft) == static_cast<size_t>(-1))
        return std::nullopt;
    out.truncate(out.size() - static_cast<qsizetype>(outLeft));
    return QString::fromUtf8(out);
}


QString normalizeNewlines(QString text)
{
    if (text.contains(u'\r')) {
        text.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
        text.replace(u'\r', u'\n');
    }
    return text;
}

Result<DecodedText> decodeText(const QByteArray& bytes)
{
    if (bytes.isEmpty())
        return Error{QStringLiteral("empty file")};

    DecodedText out;
    std::optional<QString> text;
    if (startsWith(bytes, {0xEF, 0xBB, 0xBF})) {
        out.encoding = QStringLiteral("UTF-8");
        text = decodeWith(QStringConverter::Utf8, QByteArrayView(bytes).sliced(3));
    } else if (startsWith(bytes, {0xFF, 0xFE, 0x00, 0x00})) {
        out.encoding = QStringLiteral("UTF-32LE");
        text = decodeWith(QStringConverter::Utf32LE, QByteArrayView(bytes).sliced(4));
    } else if (startsWith(bytes, {0x00, 0x00, 0xFE, 0xFF})) {
        out.encoding = QStringLiteral("UTF-32BE");
        text = decodeWith(QStringConverter::Utf32BE, QByteArrayView(bytes).sliced(4));
    } else if (startsWith(bytes, {0xFF, 0xFE})) {
        out.encoding = QStringLiteral("UTF-16LE");
        text = decodeWith(QStringConverter::Utf16LE, QByteArrayView(bytes).sliced(2));
    } else if (startsWith(bytes, {0xFE, 0xFF})) {
        out.encoding = QStringLiteral("UTF-16BE");
        text = decodeWith(QStringConverter::Utf16BE, QByteArrayView(bytes).sliced(2));
    } else if (bytes.contains('\0')) {
        return Error{QStringLiteral("binary file (contains NUL bytes)")};
    } else if ((text = decodeWith(QStringConverter::Utf8, bytes))) {
        out.encoding = QStringLiteral("UTF-8");
    } else {
        const QByteArray charset = detectCharset(bytes);
        if (charset.isEmpty() || charset == "ASCII")
            return Error{QStringLiteral("binary or undecodable file (no known text encoding)")};
        text = decodeWithIconv(charset, bytes);
        if (!text)
            return Error{QStringLiteral("undecodable file (looks like %1 but does not convert)")
                             .arg(QString::fromLatin1(charset))};
        out.encoding = QString::fromLatin1(charset);
    }
    if (!text)
        return Error{QStringLiteral("undecodable file (invalid %1)").arg(out.encoding)};
    if (looksBinary(*text))
        return Error{QStringLiteral("binary file (control characters)")};
    if (text->trimmed().isEmpty())
        return Error{QStringLiteral("empty file (only whitespace)")};
    out.text = normalizeNewlines(std::move(*text));
    return out;
}

}  // namespace claimlens
