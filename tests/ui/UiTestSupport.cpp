#include "UiTestSupport.h"

#include "TestSupport.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace claimlens::test {

QStringList goldArticleFiles()
{
    const QDir dir(testData(QStringLiteral("articles")));
    QStringList out;
    for (const QString& name : dir.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name))
        out.append(dir.filePath(name));
    return out;
}

QSet<QString> goldFilesNaming(const QString& goldPath, const QString& company)
{
    QSet<QString> out;
    const QJsonArray docs = QJsonDocument::fromJson(readAll(goldPath)).object().value(QStringLiteral("documents")).toArray();
    for (const QJsonValue& d : docs) {
        const QJsonObject doc = d.toObject();
        bool named = false;
        for (const QJsonValue& c : doc.value(QStringLiteral("companies")).toArray()) {
            // a list holds accepted alternatives, its first entry the canonical name
            const QString name = c.isArray() ? c.toArray().first().toString() : c.toString();
            named |= name == company;
        }
        for (const QJsonValue& p : doc.value(QStringLiteral("products")).toArray())
            named |= p.toObject().value(QStringLiteral("owner")).toString() == company;
        if (named)
            out.insert(doc.value(QStringLiteral("file")).toString());
    }
    return out;
}

}  // namespace claimlens::test
