#include "read/FileCollector.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <algorithm>

namespace claimlens {

const QStringList& FileCollector::supportedSuffixes()
{
    static const QStringList suffixes{QStringLiteral("txt"), QStringLiteral("text"), QStringLiteral("md")};
    return suffixes;
}

bool FileCollector::isSupported(const QString& path)
{
    return supportedSuffixes().contains(QFileInfo(path).suffix().toLower());
}

CollectedFiles FileCollector::collect(const QStringList& paths)
{
    CollectedFiles out;
    QSet<QString> seen;
    auto add = [&](const QString& file) {
        const QString clean = QDir::cleanPath(QFileInfo(file).absoluteFilePath());
        if (!seen.contains(clean)) {
            seen.insert(clean);
            out.files.append(clean);
        }
    };
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.exists()) {
            out.skipped.push_back({path, QStringLiteral("no such file or folder")});
        } else if (info.isDir()) {
            QStringList found;
            QDirIterator it(info.absoluteFilePath(), QDir::Files | QDir::NoDotAndDotDot,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (file.mid(info.absoluteFilePath().size()).contains(QStringLiteral("/.")))
                    continue;  // hidden files and anything inside hidden folders
                if (isSupported(file))
                    found.append(file);
                else
                    ++out.ignored;
            }
            std::sort(found.begin(), found.end());
            for (const QString& file : found)
                add(file);
        } else if (!isSupported(path)) {
            out.skipped.push_back({path, QStringLiteral("unsupported file type (expected .%1)")
                                             .arg(supportedSuffixes().join(QStringLiteral(", .")))});
        } else {
            add(path);
        }
    }
    return out;
}

}  // namespace claimlens
