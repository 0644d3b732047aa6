#pragma once

#include <QString>
#include <QStringList>

namespace claimlens {

/// The one table of the files Claimlens reads: each suffix (lower case, no dot) with the format
/// its reader takes it as, "text", "html" or "pdf". FileCollector picks files by it and
/// ArticleReader chooses a reader by it.
class FileFormats {
public:
    /// Every suffix of the table, in its order (text, then HTML, then PDF).
    static const QStringList& suffixes();
    /// The format of a path by its suffix (any case); empty when the table does not list it.
    static QString formatOf(const QString& path);
};

}  // namespace claimlens
