#pragma once

#include "util/Result.h"

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace claimlens {

/// A file that was passed over, and why.
struct SkippedFile {
    QString path;
    QString reason;
};

/// Finds article files under files and folders (folders searched recursively, hidden entries
/// skipped) and hands them out one at a time in a stable order: each folder's entries by name.
/// Nothing is held per file, so a walk over 100,000 articles costs no more memory than over 1,000.
/// Files named explicitly with an unsupported type, or missing, are reported; inside folders
/// other files are only counted, since folders often hold images and the like.
class FileCollector {
public:
    explicit FileCollector(QStringList paths);

    /// Suffixes read as articles, lower case without the dot.
    static const QStringList& supportedSuffixes();
    static bool isSupported(const QString& path);

    /// The one way Claimlens reads a file: regular files only (a FIFO, device or socket is refused
    /// without waiting on it), at most `maxBytes` (larger files are refused with their size).
    static Result<QByteArray> readFile(const QString& path, qint64 maxBytes = kDefaultMaxBytes);
    static constexpr qint64 kDefaultMaxBytes = 64LL * 1024 * 1024;

    /// Calls `visit` with each article file's absolute path; stops early when it returns false.
    /// Folders are walked without recursion, each real folder once however many links lead to it;
    /// unreadable folders, names that are not UTF-8, links to nothing and special files with an
    /// article's suffix are reported in skipped().
    void forEach(const std::function<bool(const QString&)>& visit);
    /// How many article files a walk finds (a walk of its own).
    int count();

    const std::vector<SkippedFile>& skipped() const { return m_skipped; }
    int ignored() const { return m_ignored; }

private:
    bool walk(const QString& root, const std::function<bool(const QString&)>& visit);

    QStringList m_paths;
    std::vector<SkippedFile> m_skipped;
    int m_ignored = 0;
};

}  // namespace claimlens
