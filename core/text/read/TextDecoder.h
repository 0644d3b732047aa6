#pragma once

#include "util/Result.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace claimlens {

/// Text decoded from a file's bytes, with the encoding it was read in.
struct DecodedText {
    QString text;      ///< BOM removed, CRLF and CR turned into LF
    QString encoding;  ///< e.g. "UTF-8", "UTF-16LE", "WINDOWS-1252", "GB18030"
    QString warning;   ///< what was repaired on the way ("3 invalid UTF-8 bytes replaced"); empty when nothing
};

/// Turns raw bytes into text: BOMs (UTF-8, UTF-16 LE/BE, UTF-32), UTF-16 without a BOM (told by
/// its zero bytes), valid UTF-8, UTF-8 with a few invalid bytes (replaced, with a warning), else
/// the legacy encoding uchardet detects (Windows-1252, Latin-1, GB18030/GBK, Big5, ...), converted
/// with iconv.
/// Fails for empty or whitespace-only input and for binary data (NUL bytes, control characters,
/// nothing that decodes), with a reason suitable for "FILE: reason".
Result<DecodedText> decodeText(const QByteArray& bytes);

/// `bytes` in `charset` (an iconv name) as text, or nothing when they do not convert. iconv
/// handles every legacy charset glibc knows; Qt 6.4's converters cover only Unicode and Latin-1.
std::optional<QString> decodeWithIconv(const QByteArray& charset, const QByteArray& bytes);

/// CRLF and lone CR become LF.
QString normalizeNewlines(QString text);

}  // namespace claimlens
