#include "read/FileCollector.h"

#include "read/FileFormats.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace claimlens {

FileCollector::FileCollector(QStringList paths) : m_paths(std::move(paths)) {}

const QStringList& FileCollector::supportedSuffixes()
{
    return FileFormats::suffixes();
}

bool FileCollector::isSupported(const QString& path)
{
    return !FileFormats::formatOf(path).isEmpty();
}

bool FileCollector::walk(const QString& folder, const std::function<bool(const QString&)>& visit)
{
    const QDir dir(folder);
    const QFileInfoList entries =
        dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);  // hidden ones excluded
    for (const QFileInfo& entry : entries) {
        if (entry.isDir()) {
            if (!walk(entry.absoluteFilePath(), visit))
                return false;
        } else if (isSupported(entry.fileName())) {
            if (!visit(QDir::cleanPath(entry.absoluteFilePath())))
                return false;
        } else {
            ++m_ignored;
        }
    }
    return true;
}

void FileCollector::forEach(const std::function<bool(const QString&)>& visit)
{
    m_skipped.clear();
    m_ignored = 0;
    // a folder inside another named folder, or a file named twice, is walked once
    QStringList folders;
    for (const QString& path : m_paths) {
        const QFileInfo info(path);
        if (info.isDir())
            folders.append(QDir::cleanPath(info.absoluteFilePath()) + u'/');
    }
    auto insideAnother = [&](const QString& clean, const QString& self) {
        for (const QString& f : folders)
            if (f != self && clean.startsWith(f))
                return true;
        return false;
    };
    QSet<QString> named;
    for (const QString& path : m_paths) {
        const QFileInfo info(path);
        const QString clean = QDir::cleanPath(info.absoluteFilePath());
        if (!info.exists()) {
            m_skipped.push_back({path, QStringLiteral("no such file or folder")});
        } else if (info.isDir()) {
            if (insideAnother(clean + u'/', clean + u'/') || named.contains(clean + u'/'))
                continue;
            named.insert(clean + u'/');
            if (!walk(clean, visit))
                return;
        } else if (!isSupported(path)) {
            m_skipped.push_back({path, QStringLiteral("unsupported file type (expected .%1)")
                                           .arg(supportedSuffixes().join(QStringLiteral(", .")))});
        } else if (!named.contains(clean) && !insideAnother(clean, QString())) {
            named.insert(clean);
            if (!visit(clean))
                return;
        }
    }
}

int FileCollector::count()
{
    int n = 0;
    forEach([&](const QString&) {
        ++n;
        return true;
    });
    return n;
}

}  // namespace claimlens
