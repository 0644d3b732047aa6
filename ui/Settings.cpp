#include "Settings.h"

namespace claimlens::ui {
namespace {

QString& overridePath()
{
    static QString path;
    return path;
}

}  // namespace

Settings::Settings()
    : m_settings(overridePath().isEmpty() ? std::make_unique<QSettings>()
                                          : std::make_unique<QSettings>(overridePath(), QSettings::IniFormat))
{
}

void Settings::addRecentDatabase(const QString& path)
{
    QStringList recent = get(Setting::RecentDatabases);
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > 8)
        recent.removeLast();
    set(Setting::RecentDatabases, recent);
}

void Settings::useFile(const QString& iniPath)
{
    overridePath() = iniPath;
}

}  // namespace claimlens::ui
