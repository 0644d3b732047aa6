// View → Theme: the window, its charts and its reader change colours at once, and the choice is
// remembered for the next window.
#include "UiTestSupport.h"

#include "MainWindow.h"
#include "Settings.h"
#include "TestSupport.h"
#include "Theme.h"
#include "charts/ChartsTab.h"

#include <QApplication>
#include <QMenu>
#include <QMenuBar>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <gtest/gtest.h>

#include <cmath>

using namespace claimlens;
using namespace claimlens::ui;

namespace {

/// The View → Theme entry named `label` ("Dark"), as a user finds it in the menu bar.
QAction* themeAction(MainWindow& window, const QString& label)
{
    for (QAction* top : window.menuBar()->actions()) {
        if (top->text().remove(u'&') != QStringLiteral("View"))
            continue;
        for (QAction* entry : top->menu()->actions()) {
            if (!entry->menu() || entry->text().remove(u'&') != QStringLiteral("Theme"))
                continue;
            Q_EMIT entry->menu()->aboutToShow();
            for (QAction* choice : entry->menu()->actions())
                if (choice->text().remove(u'&') == label)
                    return choice;
        }
    }
    return nullptr;
}

/// How light the middle of the chart tab's picture is (0 black .. 255 white).
int chartLightness(charts::ChartsTab* tab)
{
    const QImage picture = tab->grab().toImage();
    return picture.pixelColor(picture.width() / 2, picture.height() / 3).lightness();
}

}  // namespace

TEST(ThemeTest, ViewThemeRecoloursTheWindowAndChartsAndIsRemembered)
{
    test::Workspace ws;
    const int systemWindow = QApplication::palette().color(QPalette::Window).lightness();
    {
        MainWindow window;
        window.resize(1200, 800);
        window.show();
        ASSERT_TRUE(window.openDatabase(ws.database()));
        QSignalSpy finished(window.importer(), &ImportController::finished);
        ASSERT_TRUE(window.importPaths(test::goldArticleFiles()));
        ASSERT_TRUE(finished.wait(60000));
        window.tabs()->setCurrentWidget(window.chartsTab());
        ASSERT_TRUE(QTest::qWaitFor([&] { return !window.chartsTab()->isLoading() && window.chartsTab()->currentModel(); }, 30000));
        QTest::qWait(50);
        const int lightChart = chartLightness(window.chartsTab());
        EXPECT_GT(lightChart, 160);

        QAction* dark = themeAction(window, QStringLiteral("Dark"));
        ASSERT_NE(dark, nullptr);
        dark->trigger();
        EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
        QTest::qWait(50);  // widgets hear of the new palette through the event loop
        EXPECT_LT(window.palette().color(QPalette::Base).lightness(), 100);
        EXPECT_LT(chartLightness(window.chartsTab()), 100) << "the chart is drawn again in dark colours";
        EXPECT_EQ(Settings().get(Setting::ThemeName), QStringLiteral("dark"));
        EXPECT_TRUE(themeAction(window, QStringLiteral("Dark"))->isChecked());
        EXPECT_FALSE(themeAction(window, QStringLiteral("System"))->isChecked());

        QAction* light = themeAction(window, QStringLiteral("Light"));
        light->trigger();
        EXPECT_GT(QApplication::palette().color(QPalette::Window).lightness(), 200);
        EXPECT_EQ(Settings().get(Setting::ThemeName), QStringLiteral("light"));
        Settings().set(Setting::ThemeName, QStringLiteral("dark"));
    }
    {
        MainWindow next;  // a later start: the remembered theme is applied before it is shown
        EXPECT_EQ(currentTheme(), Theme::Dark);
        EXPECT_LT(QApplication::palette().color(QPalette::Window).lightness(), 100);
        themeAction(next, QStringLiteral("System"))->trigger();
        EXPECT_EQ(QApplication::palette().color(QPalette::Window).lightness(), systemWindow);
        EXPECT_EQ(Settings().get(Setting::ThemeName), QStringLiteral("system"));
    }
}

TEST(ThemeTest, DarkPaletteTextIsReadable)
{
    // WCAG contrast of text on its background at least 4.5:1 in both palettes
    auto luminance = [](const QColor& c) {
        auto channel = [](double v) { return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4); };
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
    };
    auto contrast = [&](const QColor& a, const QColor& b) {
        const double la = luminance(a), lb = luminance(b);
        return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
    };
    for (const QPalette& p : {lightPalette(), darkPalette()}) {
        EXPECT_GE(contrast(p.color(QPalette::Text), p.color(QPalette::Base)), 4.5);
        EXPECT_GE(contrast(p.color(QPalette::WindowText), p.color(QPalette::Window)), 4.5);
        EXPECT_GE(contrast(p.color(QPalette::ButtonText), p.color(QPalette::Button)), 4.5);
        EXPECT_GE(contrast(p.color(QPalette::HighlightedText), p.color(QPalette::Highlight)), 4.5);
        EXPECT_GE(contrast(p.color(QPalette::Link), p.color(QPalette::Base)), 4.5);
        EXPECT_GE(contrast(p.color(QPalette::Disabled, QPalette::Text), p.color(QPalette::Base)), 3.0);
    }
}

TEST(ThemeTest, TheWindowCarriesTheApplicationIcon)
{
    MainWindow window;
    const QImage icon = window.windowIcon().pixmap(QSize(64, 64)).toImage();
    ASSERT_FALSE(icon.isNull()) << "the SVG icon is built into the program and drawn by Qt's SVG icon engine";
    EXPECT_EQ(icon.width(), 64);
    EXPECT_GT(icon.pixelColor(32, 32).alpha(), 0);  // drawn, not an empty square
    EXPECT_EQ(icon.pixelColor(0, 0).alpha(), 0);    // its rounded corner is transparent
}
