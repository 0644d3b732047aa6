// libFuzzer target: the date parser on any text, as a header line, inside a sentence and as a
// relative phrase against a publication day.
#include "structure/DateParser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using claimlens::DateParser;
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    const auto order = DateParser::numericOrderOf(text);
    DateParser::parseDateLine(text, order);
    for (qsizetype i = 0; i < text.size(); i += 7) {
        qsizetype length = 0;
        if (auto date = DateParser::parseAt(QStringView(text).mid(i), &length); date && (length <= 0 || i + length > text.size()))
            __builtin_trap();  // a date cannot use more text than there is
    }
    const claimlens::PartialDate published{2024, 7, 4, claimlens::DatePrecision::Day};
    DateParser::relativeDates(text, published);
    DateParser::dayCountedFrom(text, published);
    DateParser::monthFromName(text);
    DateParser::looksAhead(text.toLower());
    return 0;
}
