#include "certificatedocument.h"

#include "annualcertification.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPainterPath>
#include <QPdfWriter>
#include <QSaveFile>
#include <qrencode.h>

#include <memory>

namespace xueshi {

namespace {

// The page in millimetres: A4 landscape.
constexpr double PageWidth = 297.0;
constexpr double PageHeight = 210.0;
// The QR code's side, quiet zone excluded (at least MinimumQrMillimetres), and its quiet zone
// in modules (the QR standard asks for 4).
constexpr double QrSide = 48.0;
constexpr int QuietZoneModules = 4;
// Nothing else lies within the quiet zone: the right column starts this far left of the code.
constexpr double QrLeft = 221.0;
constexpr double QrTop = 60.0;
constexpr double ValueColumnRight = QrLeft - 10.0;
// The learner's rows (label, then value) and the table of hours.
constexpr double LabelLeft = 28;
constexpr double ValueLeft = 72;
constexpr double RowHeight = 8;
constexpr double NameTop = 58;
constexpr double RowPitch = 10;
constexpr double TableLeft = LabelLeft;
constexpr double TableTop = 101;
constexpr double CellHeight = 9;
constexpr double HeaderWidth = 36;
constexpr double ColumnWidth = (ValueColumnRight - TableLeft - HeaderWidth) / 4;
constexpr double LineWidth = 180;
constexpr double RequirementTop = TableTop + 2 * CellHeight + 2;
constexpr double ResultTop = 134;
constexpr double SerialTop = 160;
constexpr double LinePitch = 8;

const QColor Ink(0x20, 0x20, 0x20);
const QColor Accent(0x8b, 0x1a, 0x1a);

static_assert(QrSide >= CertificateDocument::MinimumQrMillimetres);

// Maps the page's millimetres onto the device rectangle the painter was given.
class PageGeometry
{
public:
    explicit PageGeometry(const QRectF &pageRect)
    {
        m_unit = std::min(pageRect.width() / PageWidth, pageRect.height() / PageHeight);
        m_origin = pageRect.center() - QPointF(PageWidth * m_unit / 2, PageHeight * m_unit / 2);
    }
    double unit() const { return m_unit; }
    double length(double mm) const { return mm * m_unit; }
    QPointF point(double x, double y) const { return m_origin + QPointF(x * m_unit, y * m_unit); }
    QRectF rect(double x, double y, double w, double h) const
    {
        return QRectF(point(x, y), QSizeF(w * m_unit, h * m_unit));
    }
    QRectF rect(const QRectF &mm) const { return rect(mm.x(), mm.y(), mm.width(), mm.height()); }

private:
    double m_unit = 1;
    QPointF m_origin;
};

QFont certificateFont(const PageGeometry &page, double millimetres, bool bold = false)
{
    QFont font;
    // DejaVu first: digits and Latin drawn in the CJK font do not survive pdftotext.
    font.setFamilies({ QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC") });
    font.setPixelSize(std::max(1, qRound(page.length(millimetres))));
    font.setBold(bold);
    // Kerning would let the PDF's text layer split or merge words differently from the source.
    font.setKerning(false);
    return font;
}

// Draws `text` in `rect`, shrinking the font down to `minimumMm` when it does not fit on one
// line, and wrapping it (anywhere) below that. Values are never elided: the page must carry
// each signed value whole.
void drawFitted(QPainter *painter, const PageGeometry &page, const QRectF &rect,
    const QString &text, double sizeMm, double minimumMm, int alignment, bool bold = false)
{
    double size = sizeMm;
    QFont font = certificateFont(page, size, bold);
    while (size > minimumMm && QFontMetricsF(font).horizontalAdvance(text) > rect.width()) {
        size -= 0.25;
        font = certificateFont(page, size, bold);
    }
    painter->setFont(font);
    const bool fits = QFontMetricsF(font).horizontalAdvance(text) <= rect.width();
    painter->drawText(rect, alignment | (fits ? 0 : int(Qt::TextWrapAnywhere)), text);
}

} // namespace

CertificateDocument::CertificateDocument(const CertificateFields &fields, const QString &payload)
    : m_fields(fields)
    , m_payload(payload)
{ }

QPageLayout CertificateDocument::pageLayout()
{
    return QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Landscape, QMarginsF(0, 0, 0, 0),
        QPageLayout::Millimeter);
}

std::optional<QrMatrix> CertificateDocument::qrCode(const QString &payload)
{
    // The payload is ASCII (XSC1.<base64url>.<base64url>); anything else is not ours to encode.
    for (const QChar c : payload) {
        if (c.unicode() < 0x20 || c.unicode() > 0x7e)
            return std::nullopt;
    }
    if (payload.isEmpty())
        return std::nullopt;
    const QByteArray bytes = payload.toLatin1();
    const std::unique_ptr<QRcode, decltype(&QRcode_free)> code(
        QRcode_encodeString(bytes.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), &QRcode_free);
    if (!code)
        return std::nullopt;
    QrMatrix matrix;
    matrix.width = code->width;
    matrix.dark.resize(qsizetype(code->width) * code->width);
    for (qsizetype i = 0; i < matrix.dark.size(); ++i)
        matrix.dark[i] = (code->data[i] & 1) != 0; // bit 0: the module is dark
    return matrix;
}

QRectF CertificateDocument::printedFieldRect(const QString &field)
{
    const QStringList rows { QStringLiteral("name"), QStringLiteral("residentIdMasked"),
        QStringLiteral("employer"), QStringLiteral("year") };
    if (const qsizetype row = rows.indexOf(field); row >= 0)
        return QRectF(ValueLeft, NameTop + row * RowPitch, ValueColumnRight - ValueLeft, RowHeight);
    const QStringList cells { QStringLiteral("publicTenths"), QStringLiteral("professionalTenths"),
        QStringLiteral("electiveTenths"), QStringLiteral("totalTenths") };
    if (const qsizetype column = cells.indexOf(field); column >= 0)
        return QRectF(TableLeft + HeaderWidth + column * ColumnWidth + 1, TableTop + CellHeight,
            ColumnWidth - 2, CellHeight);
    if (field == QLatin1String("requiredTenths"))
        return QRectF(TableLeft, RequirementTop, LineWidth, RowHeight);
    if (field == QLatin1String("result"))
        return QRectF(TableLeft, ResultTop, LineWidth, 11);
    const QStringList lines { QStringLiteral("serial"), QStringLiteral("version"),
        QStringLiteral("issuedOn") };
    if (const qsizetype line = lines.indexOf(field); line >= 0)
        return QRectF(TableLeft, SerialTop + line * LinePitch, LineWidth, 7);
    return {};
}

QString CertificateDocument::printedValue(const CertificateFields &fields, const QString &field)
{
    if (field == QLatin1String("serial"))
        return fields.serial;
    if (field == QLatin1String("version"))
        return QString::number(fields.version);
    if (field == QLatin1String("year"))
        return QString::number(fields.year);
    if (field == QLatin1String("name"))
        return fields.name;
    if (field == QLatin1String("residentIdMasked"))
        return fields.residentIdMasked;
    if (field == QLatin1String("employer"))
        return fields.employer.isEmpty() ? QStringLiteral("—") : fields.employer;
    if (field == QLatin1String("publicTenths"))
        return formatTenths(fields.publicTenths);
    if (field == QLatin1String("professionalTenths"))
        return formatTenths(fields.professionalTenths);
    if (field == QLatin1String("electiveTenths"))
        return formatTenths(fields.electiveTenths);
    if (field == QLatin1String("totalTenths"))
        return formatTenths(fields.totalTenths);
    if (field == QLatin1String("requiredTenths"))
        return formatTenths(fields.requiredTenths);
    if (field == QLatin1String("result"))
        // Only passed years are issued; anything else is shown as it was signed.
        return fields.result == QLatin1String("passed") ? tr("Passed") : fields.result;
    if (field == QLatin1String("issuedOn"))
        return fields.issuedOn.toString(Qt::ISODate);
    return {};
}

QString CertificateDocument::printedValue(const QString &field) const
{
    return printedValue(m_fields, field);
}

QString CertificateDocument::pdfTitle() const
{
    return tr("Certificate of Continuing Education") + QLatin1Char(' ') + m_fields.serial;
}

bool CertificateDocument::paint(QPainter *painter, const QRectF &pageRect) const
{
    const std::optional<QrMatrix> qr = qrCode(m_payload);
    if (!qr)
        return false;
    const PageGeometry page(pageRect);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, false);
    painter->fillRect(page.rect(0, 0, PageWidth, PageHeight), Qt::white);

    // The border: a heavy frame and a fine one inside it.
    painter->setBrush(Qt::NoBrush);
    painter->setPen(QPen(Accent, page.length(1.2), Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter->drawRect(page.rect(8, 8, PageWidth - 16, PageHeight - 16));
    painter->setPen(QPen(Accent, page.length(0.35), Qt::SolidLine, Qt::SquareCap, Qt::MiterJoin));
    painter->drawRect(page.rect(11.5, 11.5, PageWidth - 23, PageHeight - 23));

    // The title, and the English one under it when the title is in another language.
    const QString title = tr("Certificate of Continuing Education");
    const QString english = QStringLiteral("Certificate of Continuing Education");
    painter->setPen(Accent);
    painter->setFont(certificateFont(page, 11, true));
    painter->drawText(page.rect(12, 20, PageWidth - 24, 18), Qt::AlignCenter, title);
    if (title != english) {
        painter->setFont(certificateFont(page, 4.5));
        painter->drawText(page.rect(12, 38, PageWidth - 24, 7), Qt::AlignCenter, english);
    }
    painter->setPen(QPen(Accent, page.length(0.3)));
    painter->drawLine(page.point(40, 49), page.point(PageWidth - 40, 49));

    // The learner.
    const auto row = [&](const QString &field, const QString &label, const QString &value) {
        const QRectF valueRect = printedFieldRect(field);
        painter->setPen(Ink);
        painter->setFont(certificateFont(page, 4.6));
        painter->drawText(
            page.rect(LabelLeft, valueRect.top(), ValueLeft - LabelLeft - 2, RowHeight),
            Qt::AlignLeft | Qt::AlignVCenter, label);
        drawFitted(painter, page, page.rect(valueRect), value, 5.2, 3.2,
            Qt::AlignLeft | Qt::AlignVCenter, true);
    };
    row(QStringLiteral("name"), tr("Name"), m_fields.name);
    row(QStringLiteral("residentIdMasked"), tr("Resident ID"), m_fields.residentIdMasked);
    row(QStringLiteral("employer"), tr("Employer"), printedValue(QStringLiteral("employer")));
    row(QStringLiteral("year"), tr("Year"), printedValue(QStringLiteral("year")));

    // The hours by subject type.
    const double tableWidth = HeaderWidth + 4 * ColumnWidth;
    painter->setPen(QPen(Ink, page.length(0.25)));
    painter->setBrush(QColor(0xf6, 0xee, 0xe6));
    painter->drawRect(page.rect(TableLeft, TableTop, tableWidth, CellHeight));
    painter->setBrush(Qt::NoBrush);
    painter->drawRect(page.rect(TableLeft, TableTop + CellHeight, tableWidth, CellHeight));
    for (int column = 0; column < 4; ++column) {
        const double left = TableLeft + HeaderWidth + column * ColumnWidth;
        painter->drawLine(page.point(left, TableTop), page.point(left, TableTop + 2 * CellHeight));
    }
    painter->setPen(Ink);
    drawFitted(painter, page, page.rect(TableLeft + 1, TableTop, HeaderWidth - 2, CellHeight),
        tr("Subject type"), 4, 2.8, Qt::AlignCenter);
    drawFitted(painter, page,
        page.rect(TableLeft + 1, TableTop + CellHeight, HeaderWidth - 2, CellHeight),
        tr("Hours obtained"), 4, 2.8, Qt::AlignCenter);
    const QStringList headers { tr("Public subjects"), tr("Professional subjects"),
        tr("Elective subjects"), tr("Total") };
    const QStringList hourFields { QStringLiteral("publicTenths"),
        QStringLiteral("professionalTenths"), QStringLiteral("electiveTenths"),
        QStringLiteral("totalTenths") };
    for (int column = 0; column < 4; ++column) {
        const double left = TableLeft + HeaderWidth + column * ColumnWidth;
        drawFitted(painter, page, page.rect(left + 1, TableTop, ColumnWidth - 2, CellHeight),
            headers.at(column), 4, 2.8, Qt::AlignCenter);
        drawFitted(painter, page, page.rect(printedFieldRect(hourFields.at(column))),
            printedValue(hourFields.at(column)), 4.6, 3, Qt::AlignCenter, column == 3);
    }
    painter->setFont(certificateFont(page, 4.2));
    painter->drawText(page.rect(printedFieldRect(QStringLiteral("requiredTenths"))),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("Annual requirement: %1 hours in total")
            .arg(printedValue(QStringLiteral("requiredTenths"))));

    // The result.
    painter->setPen(Accent);
    painter->setFont(certificateFont(page, 6.2, true));
    painter->drawText(page.rect(printedFieldRect(QStringLiteral("result"))),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("Annual certification: %1").arg(printedValue(QStringLiteral("result"))));

    // The certificate's own identity.
    painter->setPen(Ink);
    painter->setFont(certificateFont(page, 3.9));
    painter->drawText(page.rect(printedFieldRect(QStringLiteral("serial"))),
        Qt::AlignLeft | Qt::AlignVCenter, tr("Serial number: %1").arg(m_fields.serial));
    painter->drawText(page.rect(printedFieldRect(QStringLiteral("version"))),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("Version: %1").arg(printedValue(QStringLiteral("version"))));
    painter->drawText(page.rect(printedFieldRect(QStringLiteral("issuedOn"))),
        Qt::AlignLeft | Qt::AlignVCenter,
        tr("Issued on: %1").arg(printedValue(QStringLiteral("issuedOn"))));

    // The QR code: one path of the dark runs of each row, filled with the winding rule so
    // neighbouring squares merge without hairline seams when the PDF is rasterised.
    const double module = QrSide / qr->width;
    QPainterPath modules;
    modules.setFillRule(Qt::WindingFill);
    for (int y = 0; y < qr->width; ++y) {
        int x = 0;
        while (x < qr->width) {
            if (!qr->isDark(x, y)) {
                ++x;
                continue;
            }
            const int start = x;
            while (x < qr->width && qr->isDark(x, y))
                ++x;
            modules.addRect(page.rect(
                QrLeft + start * module, QrTop + y * module, (x - start) * module, module));
        }
    }
    const double quiet = QuietZoneModules * module;
    painter->fillRect(
        page.rect(QrLeft - quiet, QrTop - quiet, QrSide + 2 * quiet, QrSide + 2 * quiet),
        Qt::white);
    painter->setPen(Qt::NoPen);
    painter->setBrush(Qt::black);
    painter->drawPath(modules);
    painter->setBrush(Qt::NoBrush);
    painter->setPen(Ink);
    painter->setFont(certificateFont(page, 3.2));
    // Under the code only: the table of hours ends 10 mm left of it.
    painter->drawText(page.rect(QrLeft - 6, QrTop + QrSide + quiet + 1, QrSide + 14, 16),
        Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap,
        tr("Scan the QR code, or check it in Xueshi under [Verify certificate]"));

    painter->restore();
    return true;
}

bool CertificateDocument::print(QPagedPaintDevice *device, QString *error) const
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    // A real printer may refuse margins below its hardware ones; A4 landscape is what matters.
    if (!device->setPageLayout(pageLayout())) {
        device->setPageSize(QPageSize(QPageSize::A4));
        device->setPageOrientation(QPageLayout::Landscape);
    }
    QPainter painter;
    if (!painter.begin(device))
        return fail(tr("The printer or file could not be opened."));
    const bool painted = paint(&painter, QRectF(0, 0, device->width(), device->height()));
    painter.end();
    if (!painted)
        return fail(tr("The certificate's QR code could not be made."));
    return true;
}

QByteArray CertificateDocument::toPdf(QString *error) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setResolution(1200);
        writer.setTitle(pdfTitle());
        writer.setCreator(QStringLiteral("Xueshi " XUESHI_VERSION));
        if (!print(&writer, error))
            return {};
    }
    return buffer.data();
}

bool CertificateDocument::writePdf(const QString &path, QString *error) const
{
    const QByteArray pdf = toPdf(error);
    if (pdf.isEmpty())
        return false;
    // Through a temporary file renamed into place: a reader never sees half a certificate.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf) != pdf.size() || !file.commit()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    return true;
}

bool writeCertificatePdf(
    const CertificateFields &fields, const QString &payload, const QString &path, QString *error)
{
    return CertificateDocument(fields, payload).writePdf(path, error);
}

} // namespace xueshi
