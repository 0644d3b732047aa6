#pragma once

#include <QString>

namespace claimlens {

/// The user's Claimlens data folder (~/.local/share/claimlens/): the default database and the
/// analyst's own knowledge.json and structure-rules.json.
QString userDataFolder();

/// The installed program's read-only data folder, PREFIX/share/claimlens beside PREFIX/bin where
/// the running program lives (/usr/share/claimlens for /usr/bin/claimlens-cli): the knowledge,
/// the structure rules and the sample corpus the package ships. Empty when the program runs from
/// a build folder; the built-in copies compiled into the program are used then.
QString installedDataFolder();

/// A data file the program ships ("knowledge/companies.json"): the installed package's copy where
/// there is one, else the copy built into the program (":/claimlens/knowledge/companies.json").
QString shippedDataFile(const QString& relativePath);


}  // namespace claimlens
