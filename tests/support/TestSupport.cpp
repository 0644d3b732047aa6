#include "TestSupport.h"

#include "ingest/IngestJob.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <unistd.h>

#include <gtest/gtest.h>
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

std::optional<Unprivileged> unprivileged(const Workspace& workspace, const QString& program, QString* why)
{
    if (::geteuid() != 0)
        return Unprivileged{program, {}, ::geteuid(), ::getegid()};
    const QString setpriv = QStandardPaths::findExecutable(QStringLiteral("setpriv"));
    if (setpriv.isEmpty()) {
        *why = QStringLiteral("running as root, and setpriv (util-linux) is not installed to drop to another user");
        return std::nullopt;
    }
    // QTemporaryDir makes its folder 0700: the user nobody could not enter it
    QFile::setPermissions(workspace.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                                QFileDevice::ReadGroup | QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther);
    constexpr uid_t kNobody = 65534;
    Unprivileged u{setpriv,
                   {QStringLiteral("--reuid=%1").arg(kNobody), QStringLiteral("--regid=%1").arg(kNobody),
                    QStringLiteral("--clear-groups"), QStringLiteral("--"), program},
                   kNobody,
                   kNobody};
    QProcess probe;  // can this process change user, and can nobody start the program?
    probe.start(setpriv, QStringList(u.prefix) << QStringLiteral("--version"));
    if (!probe.waitForFinished(30000) || probe.exitStatus() != QProcess::NormalExit || probe.exitCode() != 0) {
        *why = QStringLiteral("running as root, and cannot run %1 as the user nobody: %2")
                   .arg(program, QString::fromUtf8(probe.readAllStandardError()).trimmed());
        return std::nullopt;
    }
    return u;
}

bool giveTo(const Unprivileged& u, const QString& path)
{
    return ::geteuid() != 0 || ::chown(QFile::encodeName(path).constData(), u.uid, u.gid) == 0;
}

std::optional<claimlens::Database> ingestAndOpen(const Workspace& ws, const QString& folder, int expectedDocuments)
{
    const claimlens::IngestResult r = claimlens::IngestJob({{ws.path(folder)}, ws.database()}).run();
    EXPECT_TRUE(r.ok()) << qPrintable(r.error);
    EXPECT_EQ(r.imported, expectedDocuments);
    auto db = claimlens::Database::open(ws.database());
    EXPECT_TRUE(db.ok());
    if (!r.ok() || r.imported != expectedDocuments || !db)
        return std::nullopt;
    return std::move(db.value());
}

QStringList integrityProblems(claimlens::Database& db)
{
    QStringList problems;
    auto check = db.prepare("PRAGMA integrity_check");
    if (!check)
        return {check.error()};
    static const QRegularExpression nullValue(QStringLiteral("^NULL value in (\\w+)\\.(\\w+)$"));
    while (check->step()) {
        const QString line = check->text(0);
        if (line == QLatin1String("ok"))
            continue;
        if (const auto m = nullValue.match(line); m.hasMatch()) {
            auto nulls = db.prepare(QStringLiteral("SELECT count(*) FROM %1 WHERE %2 IS NULL")
                                        .arg(m.captured(1), m.captured(2))
                                        .toUtf8()
                                        .constData());
            if (nulls && nulls->step() && nulls->int64(0) == 0)
                continue;
        }
        problems.append(line);
    }
    problems.removeDuplicates();
    return problems;
}

QString testData(const QString& relative)
{
    return QDir(QStringLiteral(CLAIMLENS_TEST_DATA)).filePath(relative);
}

}  // namespace claimlens::test
