#pragma once

#include <QString>

namespace claimlens {

/// The user's Claimlens data folder (~/.local/share/claimlens/): the default database and the
/// analyst's own knowledge.json and structure-rules.json.
QString userDataFolder();

}  // namespace claimlens
