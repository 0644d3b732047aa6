#pragma once

#include "util/Result.h"

namespace claimlens {

class Database;

/// The database schema as a list of forward migrations; PRAGMA user_version says how many ran.
/// Offsets stored anywhere are UTF-16 code units into documents.clean_text.
class Schema {
public:
    /// The version a fully migrated database has.
    static int currentVersion();
    /// Runs every migration above the database's version, each in its own transaction. A database
    /// newer than this program is refused rather than touched.
    static Status migrate(Database& db);
    /// Migrates only up to `version` (tests build old databases this way).
    static Status migrateTo(Database& db, int version);
};

}  // namespace claimlens
