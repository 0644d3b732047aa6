#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <memory>

namespace claimlens::ui {

/// A setting's name and its default, so that every use agrees on both.
template <typename T>
struct SettingKey {
    const char* name;
    T defaultValue;
};

namespace Setting {
inline const SettingKey<QByteArray> WindowGeometry{"window/geometry", {}};
inline const SettingKey<QByteArray> WindowState{"window/state", {}};
inline const SettingKey<QByteArray> MainSplitter{"window/mainSplitter", {}};
inline const SettingKey<QByteArray> DocumentSplitter{"window/documentSplitter", {}};
inline const SettingKey<QByteArray> DocumentListHeader{"documents/header", {}};
inline const SettingKey<QByteArray> ClaimListHeader{"claims/header", {}};
inline const SettingKey<int> CurrentTab{"window/tab", 0};
inline const SettingKey<QStringList> RecentDatabases{"databases/recent", {}};
inline const SettingKey<QString> LastDatabase{"databases/last", {}};
inline const SettingKey<QString> LastImportFolder{"import/lastFolder", {}};
inline const SettingKey<bool> ShowFurniture{"reader/showFurniture", false};
inline const SettingKey<QString> ThemeName{"view/theme", QStringLiteral("system")};
}  // namespace Setting

/// Typed access to the application's settings. Tests point it at a file of their own with
/// useFile(), so they neither read nor change the user's settings.
class Settings {
public:
    Settings();

    template <typename T>
    T get(const SettingKey<T>& key) const
    {
        return m_settings->value(QLatin1String(key.name), QVariant::fromValue(key.defaultValue)).template value<T>();
    }
    template <typename T>
    void set(const SettingKey<T>& key, const T& value)
    {
        m_settings->setValue(QLatin1String(key.name), QVariant::fromValue(value));
    }

    /// Adds a database to the front of the recent list (at most eight, each once).
    void addRecentDatabase(const QString& path);

    /// Settings from now on live in this INI file; an empty path restores the user's settings.
    static void useFile(const QString& iniPath);

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace claimlens::ui
