// libFuzzer target: raw bytes read as a saved web page (HTML reader, assembler) and extracted.
#include "extract/Extractor.h"
#include "read/ArticleReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const claimlens::ArticleReader reader;
    static const claimlens::Extractor extractor;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto read = reader.read(bytes, QStringLiteral("fuzz.html"));
    if (read)
        extractor.extract(reader.article(*read));
    return 0;
}
