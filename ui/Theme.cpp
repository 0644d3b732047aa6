#include "Theme.h"

#include "Settings.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace claimlens::ui {
namespace {

struct Applied {
    Theme theme = Theme::System;
    bool captured = false;
    QString style;     ///< the style the desktop gave, restored by System
    QPalette palette;  ///< the palette the desktop gave
};

Applied& applied()
{
    static Applied state;
    return state;
}

/// Fusion, with check boxes outlined in a colour that shows on a dark base (Fusion outlines them
/// in the window colour darkened, which vanishes on a dark palette's base).
class ThemeStyle : public QProxyStyle {
public:
    ThemeStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption* option, QPainter* painter,
                       const QWidget* widget) const override
    {
        QProxyStyle::drawPrimitive(element, option, painter, widget);
        const bool checkBox = element == PE_IndicatorCheckBox || element == PE_IndicatorItemViewItemCheck;
        if (!checkBox || option->palette.color(QPalette::Base).lightness() >= 128)
            return;
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, false);
        painter->setBrush(Qt::NoBrush);
        painter->setPen(option->palette.color(QPalette::Disabled, QPalette::Text));
        painter->drawRect(option->rect.adjusted(0, 0, -1, -1));
        painter->restore();
    }
};

void setDisabled(QPalette& p, const QColor& text)
{
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::PlaceholderText})
        p.setColor(QPalette::Disabled, role, text);
}

}  // namespace

QString themeName(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

Theme themeFromName(const QString& name)
{
    if (name == QStringLiteral("light"))
        return Theme::Light;
    if (name == QStringLiteral("dark"))
        return Theme::Dark;
    return Theme::System;
}

QPalette lightPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0xef, 0xf0, 0xf1));
    p.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Base, Qt::white);
    p.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf6, 0xf7));
    p.setColor(QPalette::ToolTipBase, QColor(0xff, 0xfc, 0xe8));
    p.setColor(QPalette::ToolTipText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::PlaceholderText, QColor(0x6b, 0x70, 0x76));
    p.setColor(QPalette::Text, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Button, QColor(0xe6, 0xe8, 0xea));
    p.setColor(QPalette::ButtonText, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, Qt::white);
    p.setColor(QPalette::Midlight, QColor(0xf0, 0xf1, 0xf2));
    p.setColor(QPalette::Mid, QColor(0xb8, 0xbc, 0xc0));
    p.setColor(QPalette::Dark, QColor(0x9a, 0x9e, 0xa3));
    p.setColor(QPalette::Shadow, QColor(0x47, 0x4a, 0x4e));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xba));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x1f, 0x5f, 0xa8));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a));
    setDisabled(p, QColor(0x8c, 0x90, 0x95));
    return p;
}

QPalette darkPalette()
{
    // The window's grey is the dark chart export's background, so a chart sits in its tab seamlessly.
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x2e, 0x30, 0x3a));
    p.setColor(QPalette::WindowText, QColor(0xe4, 0xe6, 0xeb));
    p.setColor(QPalette::Base, QColor(0x23, 0x25, 0x2d));
    p.setColor(QPalette::AlternateBase, QColor(0x2a, 0x2c, 0x35));
    p.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3d, 0x48));
    p.setColor(QPalette::ToolTipText, QColor(0xe4, 0xe6, 0xeb));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9e, 0xa8));
    p.setColor(QPalette::Text, QColor(0xe4, 0xe6, 0xeb));
    p.setColor(QPalette::Button, QColor(0x38, 0x3b, 0x46));
    p.setColor(QPalette::ButtonText, QColor(0xe4, 0xe6, 0xeb));
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x4a, 0x4d, 0x5a));
    p.setColor(QPalette::Midlight, QColor(0x41, 0x44, 0x50));
    p.setColor(QPalette::Mid, QColor(0x30, 0x32, 0x3c));
    p.setColor(QPalette::Dark, QColor(0x1c, 0x1d, 0x23));
    p.setColor(QPalette::Shadow, QColor(0x10, 0x10, 0x14));
    p.setColor(QPalette::Highlight, QColor(0x35, 0x71, 0xcc));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x7a, 0xb8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb8, 0x9c, 0xf0));
    setDisabled(p, QColor(0x7d, 0x80, 0x8a));
    return p;
}

void applyTheme(Theme theme)
{
    Applied& state = applied();
    if (!state.captured) {
        state.captured = true;
        state.style = QApplication::style()->name();
        state.palette = QApplication::palette();
    }
    state.theme = theme;
    if (theme == Theme::System) {
        QApplication::setStyle(QStyleFactory::create(state.style));
        QApplication::setPalette(state.palette);
        return;
    }
    // Fusion draws everything from the palette, so the same colours hold on every desktop.
    QApplication::setStyle(new ThemeStyle);
    QApplication::setPalette(theme == Theme::Dark ? darkPalette() : lightPalette());
}

Theme currentTheme()
{
    return applied().theme;
}

void addThemeMenu(QMenu* view)
{
    QMenu* menu = view->addMenu(QObject::tr("&Theme"));
    auto* group = new QActionGroup(menu);
    for (auto [theme, label] : {std::pair{Theme::System, QObject::tr("&System")}, std::pair{Theme::Light, QObject::tr("&Light")},
                                std::pair{Theme::Dark, QObject::tr("&Dark")}}) {
        QAction* action = menu->addAction(label);
        action->setCheckable(true);
        action->setData(themeName(theme));
        group->addAction(action);
        QObject::connect(action, &QAction::triggered, menu, [theme = theme] {
            applyTheme(theme);
            Settings().set(Setting::ThemeName, themeName(theme));
        });
    }
    // checked as applied whenever the menu opens (a test or another window may have changed it)
    QObject::connect(menu, &QMenu::aboutToShow, menu, [group] {
        for (QAction* a : group->actions())
            a->setChecked(a->data().toString() == themeName(currentTheme()));
    });
}

}  // namespace claimlens::ui
