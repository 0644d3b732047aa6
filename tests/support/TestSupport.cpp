#include "TestSupport.h"

#include <QFile>
#include <QFileInfo>

namespace claimlens::test {

Workspace::Workspace() = default;

QString Workspace::path(const QString& name) const
{
    return name.isEmpty() ? m_dir.path() : QDir(m_dir.path()).filePath(name);
}

QString Workspace::write(const QString& name, const QByteArray& bytes) const
{
    const QString file = path(name);
    QDir().mkpath(QFileInfo(file).absolutePath());
    QFile f(file);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(bytes);
    return QFileInfo(file).absoluteFilePath();
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString testData(const QString& relative)
{
    return QDir(QStringLiteral(CLAIMLENS_TEST_DATA)).filePath(relative);
}

}  // namespace claimlens::test
