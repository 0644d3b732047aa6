#pragma once

#include <QString>

namespace claimlens {

/// The database every front end opens by default: $CLAIMLENS_DB, else claimlens.sqlite in the
/// user's data folder (~/.local/share/claimlens/), whatever the application's name.
QString defaultDatabasePath();
/// The user's Claimlens data folder (~/.local/share/claimlens/): the default database and the
/// analyst's own knowledge.json and structure-rules.json.
QString userDataFolder();

}  // namespace claimlens
