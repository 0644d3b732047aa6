// claimlens-cli review list|export|import: the analyst's corrections, so a team can share them.
#include "Cli.h"

#include "knowledge/Knowledge.h"
#include "review/Reviewer.h"

#include <QFile>
#include <QSaveFile>

#include <cstdio>


namespace claimlens {
namespace {

/// One field of a tab-separated line: tabs and line breaks as spaces, so a line stays a record.
QString field(QString s)
{
    for (QChar& c : s)
        if (c == u'\t' || c == u'\n' || c == u'\r')
            c = u' ';
    return s;
}

}  // namespace

int Cli::review(const QStringList& argsIn)
{
    QStringList args = argsIn;
    bool missing = false;
    const QString out = takeOption(args, QStringLiteral("--out"), &missing);
    if (missing)
        return usage(QStringLiteral("--out needs a file"));
    if (args.isEmpty())
        return usage(QStringLiteral("review needs list, export or import"));
    const QString action = args.takeFirst();
    if (action == QLatin1String("import")) {
        if (args.size() > 1)
            return usage(QStringLiteral("review import takes one file (or none: standard input)"));
        const QString path = args.value(0, QStringLiteral("-"));
        QFile file;
        const bool opened = path == QLatin1String("-") ? file.open(stdin, QIODevice::ReadOnly)
                                                        : (file.setFileName(path), file.open(QIODevice::ReadOnly));
        if (!opened) {
            m_err << "claimlens-cli: " << path << ": " << file.errorString() << '\n';
            return NotFound;
        }
        auto corrections = readCorrectionsFile(file.readAll());
        if (!corrections) {
            m_err << "claimlens-cli: " << path << ": " << corrections.error() << " (nothing was imported)\n";
            return Usage;
        }
        auto db = Database::open(m_db);
        if (!db) {
            m_err << "claimlens-cli: " << db.error() << '\n';
            return DatabaseError;
        }
        if (db->isReadOnly()) {
            m_err << "claimlens-cli: " << m_db << ": " << Database::readOnlyMessage() << '\n';
            return DatabaseError;
        }
        auto report = Reviewer(*db, Knowledge::defaults()).import(*corrections);
        if (!report) {
            m_err << "claimlens-cli: " << report.error() << " (nothing was imported)\n";
            return DatabaseError;
        }
        m_out << QStringLiteral("%1 corrections imported; %2 stored documents read again with them\n")
                     .arg(report->stored)
                     .arg(report->documents);
        return Ok;
    }
    if (action != QLatin1String("list") && action != QLatin1String("export"))
        return usage(QStringLiteral("unknown review action '%1': list, export or import").arg(action));
    if (!args.isEmpty())
        return usage(QStringLiteral("review %1 takes no file (export writes to --out)").arg(action));
    auto db = openDatabase();
    if (!db)
        return DatabaseError;
    auto listed = CorrectionStore(*db).list();
    if (!listed) {
        m_err << "claimlens-cli: " << listed.error() << '\n';
        return DatabaseError;
    }
    if (action == QLatin1String("list")) {
        int orphans = 0;
        for (const ListedCorrection& l : *listed) {
            orphans += l.orphaned ? 1 : 0;
            m_out << l.correction.id << '\t' << (l.orphaned ? QStringLiteral("orphaned") : QStringLiteral("applied"))
                  << '\t' << field(l.fileName.isEmpty() ? l.correction.contentHash.left(12) : l.fileName) << '\t'
                  << field(describeCorrection(l.correction));
            if (l.orphaned)
                m_out << '\t' << l.why;
            m_out << '\n';
        }
        m_err << QStringLiteral("%1 corrections, %2 orphaned\n").arg(listed->size()).arg(orphans);
        return Ok;
    }
    std::vector<Correction> all;
    for (const ListedCorrection& l : *listed)
        all.push_back(l.correction);
    const QByteArray json = correctionsFile(all);
    if (out.isEmpty()) {
        m_out << QString::fromUtf8(json);
        return Ok;
    }
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        m_err << "claimlens-cli: " << out << ": " << file.errorString() << '\n';
        return DatabaseError;
    }
    m_err << QStringLiteral("%1 corrections written to %2\n").arg(all.size()).arg(out);
    return Ok;
}

}  // namespace claimlens
