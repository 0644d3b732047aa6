#pragma once

#include <sqlite3.h>

namespace claimlens {

/// Registers the full-text tokenizer "claimlens" on a connection: SQLite's unicode61 (with its
/// arguments, e.g. remove_diacritics 2), except that Chinese and Japanese text, written without
/// spaces, is indexed a character at a time. unicode61 alone takes "华为公司发布" for one word, so
/// a search for 华为 finds nothing; with each character a token, a quoted search is a phrase of
/// adjacent characters and finds it anywhere. Every connection that reads or writes the
/// full-text index must register it before use (Database::openRaw does).
/// Returns SQLITE_OK or SQLite's error code.
int registerCjkTokenizer(sqlite3* db);

}  // namespace claimlens
