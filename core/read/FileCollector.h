#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace claimlens {

/// A file that was passed over, and why.
struct SkippedFile {
    QString path;
    QString reason;
};

/// The article files found under the given paths.
struct CollectedFiles {
    QStringList files;                 ///< absolute, clean paths, in a stable (sorted) order
    std::vector<SkippedFile> skipped;  ///< named paths that do not exist or are not articles
    int ignored = 0;                   ///< files inside folders whose type is not an article type
};

/// Finds article files: each path may be a file or a folder, searched recursively (hidden entries
/// skipped). Files named explicitly with an unsupported type are reported; inside folders they are
/// only counted, since folders often hold images and the like.
class FileCollector {
public:
    /// Suffixes read as articles, lower case without the dot.
    static const QStringList& supportedSuffixes();
    static bool isSupported(const QString& path);

    static CollectedFiles collect(const QStringList& paths);
};

}  // namespace claimlens
