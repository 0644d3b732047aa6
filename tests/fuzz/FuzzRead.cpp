// libFuzzer target: raw bytes read as a file named FUZZ_PATH (fuzz.txt: the text decoder and
// structure parser; fuzz.html: the HTML reader; fuzz.pdf: the PDF reader), then extracted.
#include "extract/Extractor.h"
#include "read/ArticleReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const claimlens::ArticleReader reader;
    static const claimlens::Extractor extractor;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto read = reader.read(bytes, QStringLiteral(FUZZ_PATH));
    if (read)
        extractor.extract(reader.article(*read));
    return 0;
}
