#pragma once

#include <QString>

namespace claimlens {

/// The database every front end opens by default: $CLAIMLENS_DB, else claimlens.sqlite in the
/// user's data folder (util/DataFolder.h), whatever the application's name.
QString defaultDatabasePath();

}  // namespace claimlens
