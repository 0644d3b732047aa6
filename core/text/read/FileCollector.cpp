#include "read/FileCollector.h"

#include "read/FileFormats.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QStringDecoder>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <set>
#include <utility>

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

namespace {

/// What a path is once links are followed, from stat(2).
enum class Kind { Missing, Folder, Regular, Other };

struct Node {
    Kind kind = Kind::Missing;
    dev_t device = 0;
    ino_t inode = 0;
    mode_t mode = 0;
    qint64 size = 0;
};

Node statPath(const QByteArray& path)
{
    struct stat st {};
    if (::stat(path.constData(), &st) != 0)
        return {};
    const Kind kind = S_ISDIR(st.st_mode) ? Kind::Folder : S_ISREG(st.st_mode) ? Kind::Regular : Kind::Other;
    return {kind, st.st_dev, st.st_ino, st.st_mode, static_cast<qint64>(st.st_size)};
}

/// "a FIFO", "a device", "a socket": what a path that is not a regular file is.
QString otherKind(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISCHR(mode) || S_ISBLK(mode))
        return QStringLiteral("a device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    return QStringLiteral("not a regular file");
}

QString systemError(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

struct Entry {
    QString name;
    QByteArray bytes;  ///< the name as the file system has it
    bool validName = true;
};

}  // namespace

bool FileCollector::walk(const QString& root, const std::function<bool(const QString&)>& visit)
{
    // Iterative (an explicit stack of folders), so depth costs no call stack; each real folder
    // (device and inode) is entered once, so links that loop back or lead to a folder already
    // walked add nothing.
    struct Frame {
        QString folder;
        QByteArray folderBytes;
        std::vector<Entry> entries;
        size_t next = 0;
    };
    std::set<std::pair<dev_t, ino_t>> entered;
    std::vector<Frame> stack;
    auto enter = [&](const QString& folder, const QByteArray& folderBytes) {
        const Node node = statPath(folderBytes);
        if (!entered.insert({node.device, node.inode}).second)
            return;
        DIR* dir = ::opendir(folderBytes.constData());
        if (!dir) {
            m_skipped.push_back({folder, QStringLiteral("cannot read folder (%1)").arg(systemError(errno))});
            return;
        }
        Frame frame{folder, folderBytes, {}, 0};
        QStringDecoder utf8(QStringDecoder::Utf8);
        while (const dirent* e = ::readdir(dir)) {
            const QByteArray bytes(e->d_name);
            if (bytes.startsWith('.'))  // hidden, and . and ..
                continue;
            const QString name = utf8.decode(bytes);
            frame.entries.push_back({name, bytes, !utf8.hasError()});
            utf8.resetState();
        }
        ::closedir(dir);
        std::sort(frame.entries.begin(), frame.entries.end(), [](const Entry& a, const Entry& b) { return a.name < b.name; });
        stack.push_back(std::move(frame));
    };
    enter(root, QFile::encodeName(root));
    while (!stack.empty()) {
        Frame& frame = stack.back();
        if (frame.next == frame.entries.size()) {
            stack.pop_back();
            continue;
        }
        const Entry entry = frame.entries[frame.next++];
        const bool rootFolder = frame.folderBytes.endsWith('/');
        const QString path = rootFolder ? frame.folder + entry.name : frame.folder + u'/' + entry.name;
        const QByteArray pathBytes = rootFolder ? frame.folderBytes + entry.bytes : frame.folderBytes + '/' + entry.bytes;
        const Node node = statPath(pathBytes);
        if (!entry.validName) {
            if (node.kind == Kind::Folder || isSupported(entry.name))
                m_skipped.push_back({path, QStringLiteral("its name is not valid UTF-8 (rename it to read it)")});
            else
                ++m_ignored;
        } else if (node.kind == Kind::Folder) {
            enter(path, pathBytes);  // may grow the stack: `frame` is not used after this
        } else if (!isSupported(entry.name)) {
            ++m_ignored;
        } else if (node.kind == Kind::Regular) {
            if (!visit(path))
                return false;
        } else if (node.kind == Kind::Missing) {
            m_skipped.push_back({path, QStringLiteral("a link to nothing (its target is missing)")});
        } else {
            m_skipped.push_back({path, QStringLiteral("%1, not an article file").arg(otherKind(node.mode))});
        }
    }
    return true;
}

Result<QByteArray> FileCollector::readFile(const QString& path, qint64 maxBytes)
{
    // Opened without blocking, so a FIFO cannot hang the reader, and checked to be a regular file
    // before a byte is read, so a link to /dev/zero cannot fill the memory.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return Error{QStringLiteral("cannot read file (%1)").arg(systemError(errno))};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{QStringLiteral("%1, not an article file").arg(otherKind(st.st_mode))};
    }
    if (st.st_size > maxBytes) {
        ::close(fd);
        return Error{QStringLiteral("too large (%1 MiB; files over %2 MiB are not read)")
                         .arg(static_cast<double>(st.st_size) / (1024.0 * 1024.0), 0, 'f', 1)
                         .arg(maxBytes / (1024 * 1024))};
    }
    QByteArray bytes;
    bytes.resize(static_cast<qsizetype>(st.st_size));
    qsizetype got = 0;
    while (true) {
        if (got == bytes.size()) {  // a file that grew while read: read on, up to the limit
            if (bytes.size() > maxBytes)
                break;
            bytes.resize(std::min<qsizetype>(bytes.size() * 2 + 4096, maxBytes + 1));
        }
        const ssize_t n = ::read(fd, bytes.data() + got, static_cast<size_t>(bytes.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            return Error{QStringLiteral("cannot read file (%1)").arg(systemError(error))};
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    if (got > maxBytes)
        return Error{QStringLiteral("too large (files over %1 MiB are not read)").arg(maxBytes / (1024 * 1024))};
    bytes.resize(got);
    return bytes;
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
        } else if (!info.isFile()) {
            const Node node = statPath(QFile::encodeName(clean));
            m_skipped.push_back({path, QStringLiteral("%1, not an article file").arg(otherKind(node.mode))});
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
