#include "common/uicommon.h"

#include <QApplication>
#include <QEvent>
#include <QFont>
#include <QIcon>
#include <QLabel>
#include <QLayout>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QPushButton>
#include <QStyle>
#include <QStyleFactory>
#include <QVBoxLayout>

namespace xueshi {

QString UiText::productName()
{
    return tr("Xueshi");
}

QString UiText::windowTitle(const QString &page)
{
    return page.isEmpty() ? productName() : tr("%1 — %2").arg(productName(), page);
}

QString UiText::roleName(Role role)
{
    switch (role) {
    case Role::Learner:
        return tr("Professional");
    case Role::Employer:
        return tr("Employer");
    case Role::Institution:
        return tr("Training institution");
    case Role::Administrator:
        return tr("Administrator");
    }
    return {};
}

QString UiText::validationMessage(const ValidationResult &result)
{
    if (result.ok() || !result.message)
        return {};
    return QCoreApplication::translate("Validation", result.message);
}

QString UiText::notProvided()
{
    return tr("Not provided");
}

namespace ui {

QLabel *createMessageLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    label->setFont(font);
    return label;
}

void setMessage(QLabel *label, const QString &text, Severity severity)
{
    const char *color = "#5f6b7a";
    switch (severity) {
    case Severity::Hint:
        color = "#6b7280";
        break;
    case Severity::Info:
        color = "#1f2937";
        break;
    case Severity::Success:
        color = "#1b7f3b";
        break;
    case Severity::Warning:
        color = "#9a5b00";
        break;
    case Severity::Error:
        color = "#c62828";
        break;
    }
    label->setStyleSheet(QStringLiteral("color: %1;").arg(QLatin1String(color)));
    label->setProperty("severity", int(severity));
    label->setText(text);
}

QString joinSentences(const QString &first, const QString &second)
{
    if (first.isEmpty())
        return second;
    if (second.isEmpty())
        return first;
    const QChar last = first.back();
    const bool wide = last.unicode() >= 0x3000; // CJK punctuation and ideographs
    return wide ? first + second : first + QLatin1Char(' ') + second;
}

QWidget *fieldWithMessage(QWidget *input, QLabel *message, QWidget *parent)
{
    auto *container = new QWidget(parent);
    auto *layout = new QVBoxLayout(container);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(input);
    layout->addWidget(message);
    return container;
}

namespace {

// Resizes its window once, when it is first shown: only then are fonts, style sheets and
// layouts final, so heightForWidth() is right.
class FitOnFirstShow final : public QObject
{
public:
    explicit FitOnFirstShow(QWidget *window)
        : QObject(window)
    {
        window->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Show) {
            auto *window = static_cast<QWidget *>(watched);
            window->removeEventFilter(this);
            if (QLayout *layout = window->layout())
                layout->activate();
            const int width = std::max(window->minimumWidth(), window->sizeHint().width());
            const int height = window->hasHeightForWidth() ? window->heightForWidth(width)
                                                           : window->sizeHint().height();
            window->resize(width, std::max(height, window->minimumSizeHint().height()));
            deleteLater();
        }
        return false;
    }
};

} // namespace

void fitToContents(QWidget *window)
{
    new FitOnFirstShow(window);
}

void makePrimary(QPushButton *button)
{
    button->setProperty("primary", true);
    button->setDefault(true);
    button->setCursor(Qt::PointingHandCursor);
}

void makeLink(QPushButton *button)
{
    button->setProperty("link", true);
    button->setFlat(true);
    button->setCursor(Qt::PointingHandCursor);
    button->setAutoDefault(false);
}

void makeHeading(QLabel *label, int pointSizeDelta)
{
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() + pointSizeDelta);
    font.setBold(true);
    label->setFont(font);
}

QIcon applicationIcon(bool inverted)
{
    const QColor brand { QLatin1String(BrandColor) };
    const QColor background = inverted ? QColor(Qt::white) : brand;
    const QColor foreground = inverted ? brand : QColor(Qt::white);
    QIcon icon;
    for (int size : { 16, 24, 32, 48, 64, 128, 256 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        QPainterPath path;
        path.addRoundedRect(QRectF(0, 0, size, size), size * 0.2, size * 0.2);
        painter.fillPath(path, background);
        QFont font(QStringList { QStringLiteral("Noto Sans CJK SC"), QStringLiteral("Sans") });
        font.setPixelSize(int(size * 0.66));
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(foreground);
        // U+5B66 学, the first character of the product name.
        painter.drawText(QRectF(0, 0, size, size), Qt::AlignCenter, QString(QChar(0x5B66)));
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

QPixmap successPixmap(int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1b, 0x7f, 0x3b));
    painter.drawEllipse(QRectF(0, 0, size, size));
    QPen pen(Qt::white, size * 0.1, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    const qreal s = size;
    painter.drawPolyline(QPolygonF {
        QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68), QPointF(s * 0.73, s * 0.36) });
    painter.end();
    return pixmap;
}

QIcon accountIcon()
{
    QIcon icon;
    for (int size : { 16, 20, 24, 32, 48 }) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(QLatin1String(BrandColor)));
        const qreal s = size;
        painter.drawEllipse(QRectF(s * 0.32, s * 0.08, s * 0.36, s * 0.36));
        QPainterPath body;
        body.moveTo(s * 0.12, s * 0.95);
        body.cubicTo(s * 0.12, s * 0.55, s * 0.88, s * 0.55, s * 0.88, s * 0.95);
        body.closeSubpath();
        painter.drawPath(body);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

void applyTheme(QApplication &application)
{
    application.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QPalette palette = application.style()->standardPalette();
    palette.setColor(QPalette::Window, QColor(0xf4, 0xf6, 0xf9));
    palette.setColor(QPalette::Highlight, QColor(QLatin1String(BrandColor)));
    palette.setColor(QPalette::Link, QColor(QLatin1String(BrandColor)));
    application.setPalette(palette);

    QFont font = application.font();
    font.setFamilies({ QStringLiteral("Noto Sans CJK SC"), QStringLiteral("DejaVu Sans") });
    if (font.pointSizeF() < 10)
        font.setPointSizeF(10);
    application.setFont(font);

    application.setWindowIcon(applicationIcon());
    application.setStyleSheet(QStringLiteral(R"(
QPushButton[primary="true"] {
    background: #1d5fb8; color: white; border: 1px solid #174d96; border-radius: 4px;
    padding: 6px 20px; font-weight: bold;
}
QPushButton[primary="true"]:hover { background: #2369c9; }
QPushButton[primary="true"]:pressed { background: #174d96; }
QPushButton[primary="true"]:disabled { background: #a9bfdf; border-color: #a9bfdf; color: #eef3fa; }
QPushButton[link="true"] {
    border: none; background: transparent; color: #1d5fb8; padding: 2px 6px;
}
QPushButton[link="true"]:hover { color: #2369c9; text-decoration: underline; }
QPushButton[link="true"]:disabled { color: #9aa5b1; }
QLineEdit, QComboBox { padding: 4px 6px; min-height: 20px; }
QGroupBox { font-weight: bold; border: 1px solid #d8dee6; border-radius: 6px;
    margin-top: 12px; padding: 12px 10px 8px 10px; background: white; }
QGroupBox::title { subcontrol-origin: margin; left: 10px; padding: 0 4px; color: #1f2937; }
QWidget#brandPanel { background: qlineargradient(x1:0, y1:0, x2:1, y2:1,
    stop:0 #1d5fb8, stop:1 #123f7d); }
QWidget#brandPanel QLabel { color: white; background: transparent; }
QWidget#headerWidget { background: #1d5fb8; }
QWidget#headerWidget QLabel { color: white; background: transparent; }
QListWidget#navigationListWidget { background: white; border: none;
    border-right: 1px solid #d8dee6; padding-top: 8px; }
QListWidget#navigationListWidget::item { padding: 10px 14px; border-left: 3px solid transparent; }
QListWidget#navigationListWidget::item:selected { background: #e8f0fb; color: #123f7d;
    border-left: 3px solid #1d5fb8; }
QFrame#approvalBanner { background: #fff4d6; border: 1px solid #e8c060; border-radius: 4px; }
QFrame#offlineBanner { background: #eef1f5; border: 1px solid #9aa5b1; border-radius: 4px; }
QLabel#fingerprintValueLabel { font-family: "DejaVu Sans Mono", monospace; }
QFrame#certificateWarningFrame { background: #fdecea; border: 1px solid #e57373; border-radius: 4px; }
QLabel#fingerprintLabel, QLabel#pinnedFingerprintLabel {
    font-family: "DejaVu Sans Mono", monospace; background: white; border: 1px solid #d8dee6;
    border-radius: 4px; padding: 6px; }
QStatusBar { background: #e9edf2; color: #374151; }
)"));
}

} // namespace ui
} // namespace xueshi
