#include "certificates/hourschart.h"

#include "common/uicommon.h"

#include <QEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace xueshi {

namespace {

struct Bar
{
    QString label;
    int confirmed = 0;
    int pending = 0;
    int minimum = 0;
};

} // namespace

HoursChart::HoursChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("hoursChart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void HoursChart::setJudgement(const YearJudgement &judgement)
{
    m_judgement = judgement;
    QStringList tip;
    for (const QString &line : judgement.missingInWords())
        tip << line;
    setToolTip(tip.join(QLatin1Char('\n')));
    update();
}

QSize HoursChart::sizeHint() const
{
    return { 640, fontMetrics().height() * 10 };
}

QSize HoursChart::minimumSizeHint() const
{
    return { 320, fontMetrics().height() * 8 };
}

void HoursChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange)
        update();
    QWidget::changeEvent(event);
}

void HoursChart::paintEvent(QPaintEvent *)
{
    const YearJudgement &j = m_judgement;
    const YearPolicy &p = j.policy;
    const QList<Bar> bars {
        { tr("Public"), j.confirmed.publicTenths, j.pending.publicTenths, p.publicTenths },
        { tr("Professional"), j.confirmed.professionalTenths, j.pending.professionalTenths,
            p.professionalTenths },
        { tr("Elective"), j.confirmed.electiveTenths, j.pending.electiveTenths, p.electiveTenths },
        { tr("Total"), j.confirmed.totalTenths(), j.pending.totalTenths(), p.totalTenths },
    };

    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm = fontMetrics();
    const int lineHeight = fm.height();
    int labelWidth = 0;
    for (const Bar &b : bars)
        labelWidth = std::max(labelWidth, fm.horizontalAdvance(b.label));
    labelWidth += 12;
    const int valueWidth = fm.horizontalAdvance(QStringLiteral("000.0 / 000")) + 12;
    const QRect area = rect().adjusted(8, 6, -8, -6 - lineHeight);
    const int barsLeft = area.left() + labelWidth;
    const int barsWidth = std::max(40, area.width() - labelWidth - valueWidth);
    const int rowHeight = area.height() / int(bars.size());
    const int barHeight = std::max(8, rowHeight * 3 / 5);

    // One scale for all bars, so the total reads against the types.
    int scale = 1;
    for (const Bar &b : bars)
        scale = std::max({ scale, b.confirmed + b.pending, b.minimum });
    scale = scale * 11 / 10;
    const auto x = [&](int tenths) { return barsLeft + qreal(barsWidth) * tenths / scale; };

    const QColor met(0x2e, 0x8b, 0x57);
    const QColor short_(QLatin1String(ui::BrandColor));
    const QColor pendingColor(0xc9, 0xd8, 0xef);
    const QColor track = palette().color(QPalette::AlternateBase);
    const QColor text = palette().color(QPalette::WindowText);

    for (int i = 0; i < bars.size(); ++i) {
        const Bar &b = bars.at(i);
        const int top = area.top() + i * rowHeight + (rowHeight - barHeight) / 2;
        const QRectF trackRect(barsLeft, top, barsWidth, barHeight);
        painter.setPen(Qt::NoPen);
        painter.setBrush(track);
        painter.drawRect(trackRect);

        const bool reached = b.confirmed >= b.minimum;
        painter.setBrush(reached ? met : short_);
        painter.drawRect(QRectF(x(0), top, x(b.confirmed) - x(0), barHeight));
        if (b.pending > 0) {
            painter.setBrush(QBrush(pendingColor, Qt::SolidPattern));
            painter.drawRect(QRectF(
                x(b.confirmed), top, x(b.confirmed + b.pending) - x(b.confirmed), barHeight));
        }
        // The minimum: a dark mark across the bar.
        painter.setPen(QPen(text, 2));
        const qreal mx = x(b.minimum);
        painter.drawLine(QPointF(mx, top - 3), QPointF(mx, top + barHeight + 3));

        painter.setPen(text);
        painter.drawText(QRect(area.left(), top, labelWidth - 8, barHeight),
            Qt::AlignRight | Qt::AlignVCenter, b.label);
        painter.drawText(QRect(barsLeft + barsWidth + 8, top, valueWidth, barHeight),
            Qt::AlignLeft | Qt::AlignVCenter,
            QStringLiteral("%1 / %2").arg(formatTenths(b.confirmed), formatTenths(b.minimum)));
    }

    // The legend under the bars.
    int lx = barsLeft;
    const int ly = area.bottom() + 4;
    const auto legend = [&](const QColor &colour, const QString &label, bool mark = false) {
        if (mark) {
            painter.setPen(QPen(text, 2));
            painter.drawLine(QPointF(lx + 5, ly + 2), QPointF(lx + 5, ly + lineHeight - 2));
        } else {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawRect(QRectF(lx, ly + lineHeight / 4.0, 10, lineHeight / 2.0));
        }
        painter.setPen(text);
        painter.drawText(QPoint(lx + 16, ly + fm.ascent()), label);
        lx += 16 + fm.horizontalAdvance(label) + 18;
    };
    legend(met, tr("Confirmed, minimum met"));
    legend(short_, tr("Confirmed, short"));
    legend(pendingColor, tr("Pending confirmation"));
    legend(text, tr("Minimum"), true);
}

} // namespace xueshi
