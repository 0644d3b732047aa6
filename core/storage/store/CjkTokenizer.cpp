#include "store/CjkTokenizer.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace claimlens {
namespace {

/// The wrapped unicode61 tokenizer, created with the table's arguments.
struct Tokenizer {
    fts5_tokenizer inner{};
    Fts5Tokenizer* instance = nullptr;
};

/// The code point of the UTF-8 character at `s` (of `length` bytes), for the ranges that matter here.
unsigned codePoint(const unsigned char* s, int length)
{
    if (length == 3)
        return ((s[0] & 0x0Fu) << 12) | ((s[1] & 0x3Fu) << 6) | (s[2] & 0x3Fu);
    if (length == 4)
        return ((s[0] & 0x07u) << 18) | ((s[1] & 0x3Fu) << 12) | ((s[2] & 0x3Fu) << 6) | (s[3] & 0x3Fu);
    return 0;
}

int utf8Length(unsigned char lead)
{
    return lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
}

/// Scripts written without spaces between words: Han ideographs (with their extensions and
/// compatibility forms), Hiragana, Katakana.
bool writtenWithoutSpaces(unsigned c)
{
    return (c >= 0x3040 && c <= 0x30FF) ||   // Hiragana, Katakana
           (c >= 0x3400 && c <= 0x4DBF) ||   // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||   // CJK unified ideographs
           (c >= 0xF900 && c <= 0xFAFF) ||   // CJK compatibility ideographs
           (c >= 0x20000 && c <= 0x3134F);   // CJK extensions B to G
}

struct Forward {
    void* context;
    int (*token)(void*, int, const char*, int, int, int);
};

/// unicode61's tokens, with each run of such characters inside one split into single characters.
int splitToken(void* forwardPtr, int flags, const char* token, int length, int start, int end)
{
    const auto* forward = static_cast<const Forward*>(forwardPtr);
    const auto* bytes = reinterpret_cast<const unsigned char*>(token);
    bool any = false;
    for (int i = 0; i < length && !any; i += utf8Length(bytes[i]))
        any = bytes[i] >= 0xE3 && writtenWithoutSpaces(codePoint(bytes + i, utf8Length(bytes[i])));
    if (!any)
        return forward->token(forward->context, flags, token, length, start, end);
    // Offsets within the token are the text's when folding kept its length (as it does for these
    // scripts); otherwise every piece is given the whole token's place.
    const bool sameLength = end - start == length;
    int piece = 0;  // start of the pending run of other characters
    for (int i = 0; i < length;) {
        const int n = std::min(utf8Length(bytes[i]), length - i);
        if (n >= 3 && writtenWithoutSpaces(codePoint(bytes + i, n))) {
            if (piece < i) {
                if (int rc = forward->token(forward->context, flags, token + piece, i - piece,
                                            sameLength ? start + piece : start, sameLength ? start + i : end);
                    rc != SQLITE_OK)
                    return rc;
            }
            if (int rc = forward->token(forward->context, flags, token + i, n, sameLength ? start + i : start,
                                        sameLength ? start + i + n : end);
                rc != SQLITE_OK)
                return rc;
            piece = i + n;
        }
        i += n;
    }
    if (piece < length)
        return forward->token(forward->context, flags, token + piece, length - piece, sameLength ? start + piece : start, end);
    return SQLITE_OK;
}

int create(void* apiPtr, const char** args, int argCount, Fts5Tokenizer** out)
{
    auto* api = static_cast<fts5_api*>(apiPtr);
    void* innerData = nullptr;
    auto* t = new (std::nothrow) Tokenizer;
    if (!t)
        return SQLITE_NOMEM;
    int rc = api->xFindTokenizer(api, "unicode61", &innerData, &t->inner);
    if (rc == SQLITE_OK)
        rc = t->inner.xCreate(innerData, args, argCount, &t->instance);
    if (rc != SQLITE_OK) {
        delete t;
        return rc;
    }
    *out = reinterpret_cast<Fts5Tokenizer*>(t);
    return SQLITE_OK;
}

void destroy(Fts5Tokenizer* tokenizer)
{
    auto* t = reinterpret_cast<Tokenizer*>(tokenizer);
    t->inner.xDelete(t->instance);
    delete t;
}

int tokenize(Fts5Tokenizer* tokenizer, void* context, int flags, const char* text, int length,
             int (*token)(void*, int, const char*, int, int, int))
{
    auto* t = reinterpret_cast<Tokenizer*>(tokenizer);
    // Text with no lead byte of those scripts (0xE3 and above: U+3000 on) goes to unicode61 as it
    // is, so English text costs no more than before.
    const auto* bytes = reinterpret_cast<const unsigned char*>(text);
    if (std::none_of(bytes, bytes + length, [](unsigned char b) { return b >= 0xE3; }))
        return t->inner.xTokenize(t->instance, context, flags, text, length, token);
    Forward forward{context, token};
    return t->inner.xTokenize(t->instance, &forward, flags, text, length, splitToken);
}

}  // namespace

int registerCjkTokenizer(sqlite3* db)
{
    fts5_api* api = nullptr;
    sqlite3_stmt* statement = nullptr;
    int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &statement, nullptr);
    if (rc != SQLITE_OK)
        return rc;
    sqlite3_bind_pointer(statement, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(statement);
    rc = sqlite3_finalize(statement);
    if (rc != SQLITE_OK || !api)
        return rc != SQLITE_OK ? rc : SQLITE_ERROR;
    static fts5_tokenizer tokenizer{create, destroy, tokenize};
    return api->xCreateTokenizer(api, "claimlens", api, &tokenizer, nullptr);
}

}  // namespace claimlens
