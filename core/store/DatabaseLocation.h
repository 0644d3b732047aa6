#pragma once

#include <QString>

namespace claimlens {

/// The database every front end opens by default: $CLAIMLENS_DB, else claimlens.sqlite in the
/// user's data folder (~/.local/share/claimlens/). The application name must be "claimlens".
QString defaultDatabasePath();

}  // namespace claimlens
