// SPDX-License-Identifier: MIT
#include "widgets/appicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace shardscope::ui {
namespace {

// Paints the icon on the SVG's 128 × 128 grid, scaled to `size`.
QPixmap paintIcon(int size) {
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 128.0, size / 128.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1f, 0x2a, 0x3c));
    painter.drawRoundedRect(QRectF(4, 4, 120, 120), 22, 22);

    auto stroke = [&](const QPainterPath& path, QColor color, double width) {
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(color, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(path);
    };
    const QColor lane(0x5b, 0x8d, 0xef);
    QPainterPath parent(QPointF(18, 40));
    parent.lineTo(62, 40);
    stroke(parent, lane, 12);
    for (double childY : {28.0, 54.0}) {
        QPainterPath child(QPointF(62, 40));
        child.cubicTo(QPointF(76, 40), QPointF(76, childY), QPointF(90, childY));
        child.lineTo(110, childY);
        stroke(child, lane, 8);
    }
    QPainterPath older(QPointF(18, 84));
    older.lineTo(110, 84);
    stroke(older, QColor(0x3c, 0x4b, 0x66), 12);

    auto ticks = [&](std::initializer_list<std::pair<double, double>> tops, QColor color,
                     double length) {
        QPainterPath path;
        for (auto [x, y] : tops) {
            path.moveTo(x, y);
            path.lineTo(x, y + length);
        }
        stroke(path, color, 4);
    };
    const QColor insert(0x7e, 0xe0, 0xa1), modify(0xf2, 0xc1, 0x4e), remove(0xef, 0x6f, 0x6c);
    ticks({{26, 34}, {36, 34}, {48, 34}, {28, 78}, {44, 78}, {58, 78}}, insert, 12);
    ticks({{96, 23}, {104, 49}}, modify, 10);
    ticks({{74, 78}}, modify, 12);
    ticks({{90, 78}}, remove, 12);

    const QColor face(0xe8, 0xed, 0xf5);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(face, 5));
    painter.drawEllipse(QPointF(100, 100), 14, 14);
    QPainterPath hands(QPointF(100, 92));
    hands.lineTo(100, 100);
    hands.lineTo(106, 104);
    stroke(hands, face, 4);
    return pixmap;
}

}  // namespace

QIcon applicationIcon() {
    QIcon icon;
    for (int size : {16, 24, 32, 48, 64, 128, 256}) icon.addPixmap(paintIcon(size));
    return icon;
}

}  // namespace shardscope::ui
