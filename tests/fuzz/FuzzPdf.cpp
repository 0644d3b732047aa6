// libFuzzer target: raw bytes read as a PDF (poppler, the reading-order and furniture rules).
#include "read/ArticleReader.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const claimlens::ArticleReader reader;
    const QByteArray bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto read = reader.read(bytes, QStringLiteral("fuzz.pdf"));
    if (read)
        reader.article(*read);
    return 0;
}
