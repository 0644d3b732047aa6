#include "charts/SeriesPalette.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace claimlens::charts::palette {
namespace {

// Chosen by search over CIELCh for the largest smallest CIEDE2000 distance at >= 3.2:1 against
// both of the theme's backgrounds (the light one against white and #f4f6f8, the dark one against
// #2e303a and #363945), hues in a similar order in both themes: blue, orange, green, magenta, teal,
// red, indigo, olive, brick or gold, lavender.
const std::array<QColor, 10> kLight{QColor(0x10, 0x84, 0xe0), QColor(0xc5, 0x60, 0x03), QColor(0x00, 0x6f, 0x00),
                                    QColor(0xb1, 0x3a, 0xa9), QColor(0x0f, 0x8c, 0x7b), QColor(0xe7, 0x47, 0x4a),
                                    QColor(0x35, 0x48, 0xbb), QColor(0x75, 0x91, 0x00), QColor(0xa4, 0x21, 0x03),
                                    QColor(0x87, 0x7b, 0xd2)};
const std::array<QColor, 10> kDark{QColor(0x0f, 0x94, 0xfa), QColor(0xe3, 0x70, 0x28), QColor(0x31, 0xa6, 0x3a),
                                   QColor(0xf2, 0x5d, 0xbe), QColor(0x00, 0xf8, 0xdb), QColor(0xf7, 0x4d, 0x63),
                                   QColor(0x8c, 0x7f, 0xdf), QColor(0xbe, 0xe6, 0x5a), QColor(0xdf, 0xa0, 0x1e),
                                   QColor(0xe5, 0xb5, 0xfa)};

double linear(double channel)
{
    return channel <= 0.04045 ? channel / 12.92 : std::pow((channel + 0.055) / 1.055, 2.4);
}

struct Lab {
    double l, a, b;
};

Lab toLab(const QColor& c)
{
    const double r = linear(c.redF()), g = linear(c.greenF()), b = linear(c.blueF());
    const double x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / 0.95047;
    const double y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b;
    const double z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / 1.08883;
    auto f = [](double t) { return t > 216.0 / 24389.0 ? std::cbrt(t) : (24389.0 / 27.0 * t + 16.0) / 116.0; };
    return {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
}

double degrees(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

}  // namespace

std::span<const QColor> series(bool dark)
{
    return dark ? std::span<const QColor>(kDark) : std::span<const QColor>(kLight);
}

QColor seriesColour(qsizetype index, bool dark)
{
    const auto colours = series(dark);
    return colours[static_cast<size_t>(index) % colours.size()];
}

QColor neutral(bool dark)
{
    return dark ? QColor(0xa3, 0xa7, 0xb0) : QColor(0x6b, 0x70, 0x78);
}

QColor conflict(bool dark)
{
    return dark ? QColor(0xff, 0x6b, 0x5e) : QColor(0xd6, 0x33, 0x2f);
}

QColor background(bool dark)
{
    return dark ? QColor(0x2e, 0x30, 0x3a) : QColor(Qt::white);
}

QColor shade(bool dark)
{
    return dark ? QColor(0x36, 0x39, 0x45) : QColor(0xf4, 0xf6, 0xf8);
}

QColor text(bool dark)
{
    return dark ? QColor(0xdd, 0xdd, 0xdd) : QColor(0x22, 0x22, 0x22);
}

double relativeLuminance(const QColor& c)
{
    return 0.2126 * linear(c.redF()) + 0.7152 * linear(c.greenF()) + 0.0722 * linear(c.blueF());
}

double contrastRatio(const QColor& a, const QColor& b)
{
    const double x = relativeLuminance(a), y = relativeLuminance(b);
    return (std::max(x, y) + 0.05) / (std::min(x, y) + 0.05);
}

double ciede2000(const QColor& first, const QColor& second)
{
    // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", with kL = kC = kH = 1
    const Lab p = toLab(first), q = toLab(second);
    const double c1 = std::hypot(p.a, p.b), c2 = std::hypot(q.a, q.b);
    const double cMean7 = std::pow((c1 + c2) / 2, 7);
    const double g = 0.5 * (1 - std::sqrt(cMean7 / (cMean7 + std::pow(25.0, 7))));
    const double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
    const double c1p = std::hypot(a1, p.b), c2p = std::hypot(a2, q.b);
    auto hue = [](double b, double a) {
        if (a == 0 && b == 0)
            return 0.0;
        const double h = degrees(std::atan2(b, a));
        return h < 0 ? h + 360 : h;
    };
    const double h1 = hue(p.b, a1), h2 = hue(q.b, a2);
    const double dL = q.l - p.l, dC = c2p - c1p;
    double dh = 0;
    if (c1p * c2p != 0) {
        dh = h2 - h1;
        if (dh > 180)
            dh -= 360;
        else if (dh < -180)
            dh += 360;
    }
    const double dH = 2 * std::sqrt(c1p * c2p) * std::sin(radians(dh / 2));
    const double lMean = (p.l + q.l) / 2, cMeanP = (c1p + c2p) / 2;
    double hMean = h1 + h2;
    if (c1p * c2p != 0) {
        if (std::abs(h1 - h2) <= 180)
            hMean = (h1 + h2) / 2;
        else
            hMean = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
    }
    const double t = 1 - 0.17 * std::cos(radians(hMean - 30)) + 0.24 * std::cos(radians(2 * hMean)) +
                     0.32 * std::cos(radians(3 * hMean + 6)) - 0.20 * std::cos(radians(4 * hMean - 63));
    const double dTheta = 30 * std::exp(-std::pow((hMean - 275) / 25, 2));
    const double cMeanP7 = std::pow(cMeanP, 7);
    const double rc = 2 * std::sqrt(cMeanP7 / (cMeanP7 + std::pow(25.0, 7)));
    const double sl = 1 + 0.015 * std::pow(lMean - 50, 2) / std::sqrt(20 + std::pow(lMean - 50, 2));
    const double sc = 1 + 0.045 * cMeanP;
    const double sh = 1 + 0.015 * cMeanP * t;
    const double rt = -std::sin(radians(2 * dTheta)) * rc;
    return std::sqrt(std::pow(dL / sl, 2) + std::pow(dC / sc, 2) + std::pow(dH / sh, 2) + rt * (dC / sc) * (dH / sh));
}

}  // namespace claimlens::charts::palette
