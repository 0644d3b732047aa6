#include "read/FileFormats.h"

#include <QFileInfo>

#include <utility>
#include <vector>

namespace claimlens {
namespace {

const std::vector<std::pair<QString, QString>>& table()
{
    static const std::vector<std::pair<QString, QString>> formats{
        {QStringLiteral("txt"), QStringLiteral("text")},   {QStringLiteral("text"), QStringLiteral("text")},
        {QStringLiteral("md"), QStringLiteral("text")},    {QStringLiteral("html"), QStringLiteral("html")},
        {QStringLiteral("htm"), QStringLiteral("html")},   {QStringLiteral("xhtml"), QStringLiteral("html")},
        {QStringLiteral("pdf"), QStringLiteral("pdf")}};
    return formats;
}

}  // namespace

const QStringList& FileFormats::suffixes()
{
    static const QStringList all = [] {
        QStringList s;
        for (const auto& [suffix, format] : table())
            s.append(suffix);
        return s;
    }();
    return all;
}

QString FileFormats::formatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    for (const auto& [known, format] : table())
        if (known == suffix)
            return format;
    return {};
}

}  // namespace claimlens
