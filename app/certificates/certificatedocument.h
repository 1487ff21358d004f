#pragma once

#include "certificatepayload.h"

#include <QCoreApplication>
#include <QPageLayout>
#include <QRectF>
#include <QString>
#include <QVector>

#include <optional>

class QPainter;
class QPagedPaintDevice;

namespace xueshi {

// The modules of a QR code (libqrencode, error correction level M, 8-bit mode), row by row.
struct QrMatrix
{
    int width = 0; // modules per side, without the quiet zone
    QVector<bool> dark; // width * width, row-major
    bool isDark(int x, int y) const { return dark.at(y * width + x); }
};

// One certificate as a printed page: A4 landscape with a border, the title, the learner's name,
// masked resident id, employer, year, the hours by subject type against the requirement, the
// result, serial number, version, issue date and the signed payload as a QR code drawn as vector
// squares. The same paint() serves the PDF (QPdfWriter), the print preview and a real printer,
// so what is previewed is what is printed. Labels follow the current UI language (tr()); the
// values are the signed fields as they are. Fonts put DejaVu Sans first so digits and Latin text
// are extractable from the PDF (TOOLCHAIN.md "Printing and PDF"), Noto Sans CJK SC for Chinese.
class CertificateDocument final
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::CertificateDocument)

public:
    CertificateDocument(const CertificateFields &fields, const QString &payload);

    const CertificateFields &fields() const { return m_fields; }
    const QString &payload() const { return m_payload; }

    // A4 landscape, no margins of its own (a printer's hardware margins are respected by
    // paint(), which fits the page into whatever rectangle it is given).
    static QPageLayout pageLayout();
    // The QR code of `payload`, or nothing when it cannot be encoded (too long, not Latin-1).
    static std::optional<QrMatrix> qrCode(const QString &payload);
    // The smallest width of the printed QR code, quiet zone excluded.
    static constexpr double MinimumQrMillimetres = 35.0;

    // Paints the page into `pageRect` (in the painter's device coordinates), keeping the A4
    // proportions, centred. Returns false (painting nothing) when the payload has no QR code.
    bool paint(QPainter *painter, const QRectF &pageRect) const;
    // Lays `device` out A4 landscape and paints the page on it: a QPrinter (PDF or a real
    // printer; QPrinter is a QPagedPaintDevice) or a QPdfWriter.
    bool print(QPagedPaintDevice *device, QString *error = nullptr) const;
    // The certificate as a one-page PDF (title and creator set); empty, with *error, on failure.
    QByteArray toPdf(QString *error = nullptr) const;
    // Writes toPdf() to `path` through a temporary file renamed into place.
    bool writePdf(const QString &path, QString *error = nullptr) const;

    // Where the value of a field (CertificateFields::fieldNames()) is printed, in millimetres
    // from the page's top left corner; a label may share the rectangle ("Version: 2"). The
    // verifier reads the PDF's text back from these rectangles. Null for an unknown name.
    static QRectF printedFieldRect(const QString &field);
    // A field's value as the page prints it (hours as "42"/"4.5", the date as YYYY-MM-DD, the
    // result "passed" as the translated word, an empty employer as a dash).
    static QString printedValue(const CertificateFields &fields, const QString &field);
    QString printedValue(const QString &field) const;

    // The PDF's title: "<translated title> <serial>".
    QString pdfTitle() const;

private:
    CertificateFields m_fields;
    QString m_payload;
};

// Convenience for the cache and the command line: CertificateDocument(fields, payload).writePdf.
bool writeCertificatePdf(const CertificateFields &fields, const QString &payload,
    const QString &path, QString *error = nullptr);

} // namespace xueshi
