#include "read/TextDecoder.h"

#include <QStringDecoder>

#include <uchardet.h>

#include <iconv.h>

#include <cerrno>
#include <memory>
#include <utility>

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


/// A single-byte code page other than the Western ones ("WINDOWS-1257", "ISO-8859-13"): uchardet
/// names one of these for a Western text with a few accented letters about as readily as
/// Windows-1252, having little to go on.
bool isOtherSingleByte(const QByteArray& charset)
{
    if (charset == "WINDOWS-1252" || charset == "ISO-8859-1" || charset == "ISO-8859-15")
        return false;
    return charset.startsWith("ISO-8859-") || charset.startsWith("WINDOWS-125") || charset.startsWith("IBM") ||
           charset.startsWith("MAC-") || charset.startsWith("KOI8");
}

/// Western text read as Windows-1252: mostly ASCII, and each byte above it a character Windows-1252
/// defines, the letters among them inside words (beside an ASCII letter), as accented letters are
/// in English, French or Irish names. Text in another script has runs of such bytes instead.
bool readsAsWestern(const QByteArray& bytes)
{
    qsizetype high = 0;
    auto asciiLetter = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80)
            continue;
        ++high;
        if (b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D)  // undefined in Windows-1252
            return false;
        const bool letter = b >= 0xC0 && b != 0xD7 && b != 0xF7;
        const bool besideLetter = (i > 0 && asciiLetter(bytes[i - 1])) || (i + 1 < bytes.size() && asciiLetter(bytes[i + 1]));
        if (letter && !besideLetter)
            return false;
    }
    return high * 20 <= bytes.size();
}

/// UTF-16 without a byte-order mark, told by where its zero bytes fall: text in a Latin script has
/// a zero as the high byte of most characters, always on the same side of each pair.
std::optional<QStringConverter::Encoding> utf16WithoutBom(const QByteArray& bytes)
{
    if (bytes.size() < 4 || bytes.size() % 2 != 0)
        return std::nullopt;
    qsizetype evenZeros = 0, oddZeros = 0;
    for (qsizetype i = 0; i < bytes.size(); i += 2) {
        evenZeros += bytes[i] == '\0';
        oddZeros += bytes[i + 1] == '\0';
    }
    const qsizetype pairs = bytes.size() / 2;
    if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 <= pairs)
        return QStringConverter::Utf16LE;
    if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 <= pairs)
        return QStringConverter::Utf16BE;
    return std::nullopt;
}

/// UTF-8 with a few bytes that are not: at least as many well-formed multi-byte characters as broken
/// sequences (a stray byte in an article of curly quotes, bullets or Chinese). Text in a legacy
/// encoding has no well-formed multi-byte characters, or hardly any, and goes to detection.
/// Returns the text with each broken sequence replaced by U+FFFD, and how many there were.
std::optional<std::pair<QString, qsizetype>> mostlyUtf8(const QByteArray& bytes)
{
    qsizetype multiByte = 0, broken = 0;
    for (qsizetype i = 0; i < bytes.size();) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        const int length = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        bool wellFormed = length > 0 && i + length <= bytes.size() && !(b == 0xC0 || b == 0xC1 || b > 0xF4);
        for (int k = 1; wellFormed && k < length; ++k)
            wellFormed = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
        if (!wellFormed) {
            ++broken;
            ++i;
            continue;
        }
        multiByte += length > 1;
        i += length;
    }
    if (broken == 0 || multiByte < broken)
        return std::nullopt;
    QStringDecoder decoder(QStringConverter::Utf8);  // not stateless: broken bytes become U+FFFD
    return std::pair{decoder.decode(bytes), broken};
}

/// Binary data shows itself through control characters that no article contains.
/// (`replacementsAreGarbage` false: U+FFFD stands for bytes already judged few, and not counted.)
bool looksBinary(QStringView text, bool replacementsAreGarbage = true)
{
    qsizetype controls = 0;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        if (u == 0)
            return true;
        if ((u < 0x20 && u != '\n' && u != '\r' && u != '\t' && u != '\f') || (u == 0xFFFD && replacementsAreGarbage))
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
    } else if (const auto utf16 = utf16WithoutBom(bytes)) {
        out.encoding = *utf16 == QStringConverter::Utf16LE ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        text = decodeWith(*utf16, bytes);
        out.warning = QStringLiteral("%1 without a byte-order mark, told by its zero bytes").arg(out.encoding);
    } else if (bytes.contains('\0')) {
        return Error{QStringLiteral("binary file (contains NUL bytes, and not as UTF-16 text has them)")};
    } else if ((text = decodeWith(QStringConverter::Utf8, bytes))) {
        out.encoding = QStringLiteral("UTF-8");
    } else if (auto repaired = mostlyUtf8(bytes)) {
        out.encoding = QStringLiteral("UTF-8");
        text = std::move(repaired->first);
        out.warning = repaired->second == 1 ? QStringLiteral("1 byte that is not UTF-8 replaced by \uFFFD")
                                            : QStringLiteral("%1 bytes that are not UTF-8 replaced by \uFFFD").arg(repaired->second);
    } else {
        QByteArray charset = detectCharset(bytes);
        if (isOtherSingleByte(charset) && readsAsWestern(bytes))
            charset = "WINDOWS-1252";
        if (charset.isEmpty() || charset == "ASCII")
            return Error{QStringLiteral("binary or undecodable file (not UTF-8, and no other text encoding fits)")};
        text = decodeWithIconv(charset, bytes);
        if (!text)
            return Error{QStringLiteral("undecodable file (looks like %1 but does not convert)")
                             .arg(QString::fromLatin1(charset))};
        out.encoding = QString::fromLatin1(charset);
    }
    if (!text)
        return Error{QStringLiteral("undecodable file (invalid %1)").arg(out.encoding)};
    if (looksBinary(*text, out.warning.isEmpty()))
        return Error{QStringLiteral("binary file (control characters, read as %1)").arg(out.encoding)};
    if (text->trimmed().isEmpty())
        return Error{QStringLiteral("empty file (only whitespace)")};
    out.text = normalizeNewlines(std::move(*text));
    return out;
}

}  // namespace claimlens
