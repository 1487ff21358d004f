#include "certificateverifier.h"

#include "apiclient.h"
#include "certificatedocument.h"

#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QJsonArray>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfSelection>
#include <QRegularExpression>

#include <memory>
#include <zbar.h>

namespace xueshi {

namespace {

// Points (1/72 in) to millimetres.
constexpr double MillimetresPerPoint = 25.4 / 72.0;

QString normalized(const QString &text)
{
    // Some ideographs extract as their radicals' compatibility forms; NFKC folds them back.
    QString folded = text.normalized(QString::NormalizationForm_KC);
    folded.remove(QRegularExpression(QStringLiteral("\\s+")));
    return folded;
}

// The part of a labelled line after its last colon ("Version: 2", "版本：2").
QString afterColon(const QString &text)
{
    const qsizetype colon
        = std::max(text.lastIndexOf(QLatin1Char(':')), text.lastIndexOf(QChar(0xff1a)));
    return colon < 0 ? text : text.mid(colon + 1);
}

// The first number in the text, as hours are printed ("42", "4.5").
QString firstNumber(const QString &text)
{
    static const QRegularExpression Number(QStringLiteral("\\d+(?:\\.\\d+)?"));
    return Number.match(text).captured(0);
}

// The page's text, field by field: each run of non-blank characters is placed by its box on
// the page and collected into the printed rectangle of the field it falls in. (Runs rather than
// characters: QPdfDocument loads the page for every query, so fewer queries are much faster.)
// Blanks between runs are dropped; the comparison ignores them anyway.
QMap<QString, QString> printedTexts(QPdfDocument *document)
{
    QMap<QString, QString> texts;
    const QString all = document->getAllText(0).text();
    if (all.isEmpty())
        return texts;
    QMap<QString, QRectF> rects;
    for (const QString &field : CertificateFields::fieldNames()) {
        const QRectF rect = CertificateDocument::printedFieldRect(field);
        if (!rect.isNull())
            rects.insert(field, rect.adjusted(-0.5, -1, 0.5, 1));
    }
    // PDFium counts characters in code points, QString in UTF-16 units.
    const auto codePoints = [&all](qsizetype from, qsizetype to) {
        int count = 0;
        for (qsizetype i = from; i < to; ++i)
            count += all.at(i).isLowSurrogate() ? 0 : 1;
        return count;
    };
    static const QRegularExpression Run(QStringLiteral("\\S+"));
    int index = 0; // in code points, at `position`
    qsizetype position = 0;
    for (auto it = Run.globalMatch(all); it.hasNext();) {
        const QRegularExpressionMatch run = it.next();
        index += codePoints(position, run.capturedStart());
        const int length = codePoints(run.capturedStart(), run.capturedEnd());
        position = run.capturedEnd();
        const QRectF box = document->getSelectionAtIndex(0, index, length).boundingRectangle();
        index += length;
        if (box.isEmpty())
            continue;
        const QPointF centre = box.center() * MillimetresPerPoint;
        for (auto rect = rects.constBegin(); rect != rects.constEnd(); ++rect) {
            if (rect.value().contains(centre)) {
                texts[rect.key()] += run.captured();
                break;
            }
        }
    }
    return texts;
}

// The fields as the page prints them, starting from the signed ones: each field whose printed
// text reads differently replaces its value. `result` is printed as a word of the language the
// page was made in, so it is compared only through its digest.
CertificateFields printedFields(
    const CertificateFields &signedFields, const QMap<QString, QString> &texts, int *compared)
{
    CertificateFields printed = signedFields;
    *compared = 0;
    for (const QString &field : CertificateFields::fieldNames()) {
        if (field == QLatin1String("result"))
            continue;
        const QString expected = CertificateDocument::printedValue(signedFields, field);
        const QString text = texts.value(field);
        QString value;
        if (field == QLatin1String("serial") || field == QLatin1String("version")
            || field == QLatin1String("issuedOn")) {
            value = normalized(afterColon(text));
        } else if (field.endsWith(QLatin1String("Tenths"))) {
            value = firstNumber(text.normalized(QString::NormalizationForm_KC));
        } else {
            value = normalized(text);
        }
        ++*compared;
        if (value == normalized(expected))
            continue;
        // Differs: put what the page shows in the field, so differingFields() names it.
        bool ok = false;
        if (field == QLatin1String("serial"))
            printed.serial = value;
        else if (field == QLatin1String("version"))
            printed.version = value.toInt(&ok) == signedFields.version ? -1 : value.toInt();
        else if (field == QLatin1String("year"))
            printed.year = value.toInt(&ok) == signedFields.year ? -1 : value.toInt();
        else if (field == QLatin1String("name"))
            printed.name = value;
        else if (field == QLatin1String("residentIdMasked"))
            printed.residentIdMasked = value;
        else if (field == QLatin1String("employer"))
            printed.employer = value == QStringLiteral("—") ? QString() : value;
        else if (field == QLatin1String("issuedOn"))
            printed.issuedOn = QDate::fromString(value, Qt::ISODate).isValid()
                    && QDate::fromString(value, Qt::ISODate) != signedFields.issuedOn
                ? QDate::fromString(value, Qt::ISODate)
                : signedFields.issuedOn.addDays(1);
        else {
            // Hours: compare in tenths; an unreadable number counts as different.
            const int tenths = qRound(value.toDouble(&ok) * 10);
            int &target = field == QLatin1String("publicTenths") ? printed.publicTenths
                : field == QLatin1String("professionalTenths")   ? printed.professionalTenths
                : field == QLatin1String("electiveTenths")       ? printed.electiveTenths
                : field == QLatin1String("totalTenths")          ? printed.totalTenths
                                                                 : printed.requiredTenths;
            target = ok && tenths != target ? tenths : target - 1;
        }
    }
    return printed;
}

QImage onWhite(const QImage &image)
{
    // Transparent areas (a PDF page's background, a PNG's alpha) are paper, not ink.
    if (!image.hasAlphaChannel())
        return image;
    QImage flat(image.size(), QImage::Format_RGB32);
    flat.fill(Qt::white);
    QPainter painter(&flat);
    painter.drawImage(0, 0, image);
    return flat;
}

} // namespace

int CertificateVerification::exitCode() const
{
    switch (outcome) {
    case Outcome::Valid:
        return 0;
    case Outcome::Unreadable:
        return 2;
    case Outcome::FieldChanged:
    case Outcome::BadSignature:
    case Outcome::UnknownKey:
    case Outcome::Malformed:
        break;
    }
    return 1;
}

QString CertificateVerification::outcomeText() const
{
    switch (outcome) {
    case Outcome::Valid:
        return CertificateVerifier::tr("Valid");
    case Outcome::FieldChanged: {
        QStringList labels;
        for (const QString &field : changedFields)
            labels.append(CertificateVerifier::fieldLabel(field));
        return CertificateVerifier::tr("Tampered with (%1)")
            .arg(labels.join(CertificateVerifier::tr(", ")));
    }
    case Outcome::BadSignature:
        return CertificateVerifier::tr("Invalid signature");
    case Outcome::UnknownKey:
        return CertificateVerifier::tr("Unknown signing key");
    case Outcome::Malformed:
        return CertificateVerifier::tr("Not a Xueshi certificate");
    case Outcome::Unreadable:
        break;
    }
    return error.isEmpty() ? CertificateVerifier::tr("No QR code found") : error;
}

std::optional<CertificateStatus::Version> CertificateStatus::version(int number) const
{
    for (const Version &v : versions) {
        if (v.version == number)
            return v;
    }
    return std::nullopt;
}

QString CertificateStatus::describe(int number) const
{
    if (unknown)
        return CertificateVerifier::tr("Unknown to the server");
    if (!ok)
        return CertificateVerifier::tr("Not checked online: %1").arg(error);
    const auto v = version(number);
    if (!v)
        return CertificateVerifier::tr("This version is unknown to the server");
    if (v->status == QLatin1String("current"))
        return CertificateVerifier::tr("Current");
    if (v->status == QLatin1String("revoked"))
        return CertificateVerifier::tr("Revoked: %1").arg(v->revokedReason);
    if (v->status == QLatin1String("superseded")) {
        int latest = number;
        for (const Version &other : versions)
            latest = std::max(latest, other.version);
        return CertificateVerifier::tr("Superseded by version %1").arg(latest);
    }
    return v->status;
}

CertificateVerifier::CertificateVerifier(const QList<QByteArray> &publicKeys)
    : m_publicKeys(publicKeys)
{ }

QString CertificateVerifier::fieldLabel(const QString &field)
{
    static const QMap<QString, const char *> Labels {
        { QStringLiteral("serial"), QT_TR_NOOP("Serial number") },
        { QStringLiteral("version"), QT_TR_NOOP("Version") },
        { QStringLiteral("year"), QT_TR_NOOP("Year") },
        { QStringLiteral("name"), QT_TR_NOOP("Name") },
        { QStringLiteral("residentIdMasked"), QT_TR_NOOP("Resident ID") },
        { QStringLiteral("employer"), QT_TR_NOOP("Employer") },
        { QStringLiteral("publicTenths"), QT_TR_NOOP("Public subjects") },
        { QStringLiteral("professionalTenths"), QT_TR_NOOP("Professional subjects") },
        { QStringLiteral("electiveTenths"), QT_TR_NOOP("Elective subjects") },
        { QStringLiteral("totalTenths"), QT_TR_NOOP("Total hours") },
        { QStringLiteral("requiredTenths"), QT_TR_NOOP("Required hours") },
        { QStringLiteral("result"), QT_TR_NOOP("Result") },
        { QStringLiteral("issuedOn"), QT_TR_NOOP("Issued on") },
    };
    const auto it = Labels.constFind(field);
    return it == Labels.constEnd() ? field : tr(it.value());
}

CertificateVerification CertificateVerifier::verifyPayload(const QString &payload) const
{
    CertificateVerification result;
    result.payload = payload.trimmed();
    const CertificateCheck check = verifyCertificate(result.payload, m_publicKeys);
    result.fields = check.fields;
    result.keyId = check.keyId;
    result.changedFields = check.changedFields;
    switch (check.outcome) {
    case CertificateCheck::Outcome::Valid:
        result.outcome = CertificateVerification::Outcome::Valid;
        break;
    case CertificateCheck::Outcome::FieldChanged:
        result.outcome = CertificateVerification::Outcome::FieldChanged;
        break;
    case CertificateCheck::Outcome::BadSignature:
        result.outcome = CertificateVerification::Outcome::BadSignature;
        break;
    case CertificateCheck::Outcome::UnknownKey:
        result.outcome = CertificateVerification::Outcome::UnknownKey;
        break;
    case CertificateCheck::Outcome::Malformed:
        result.outcome = CertificateVerification::Outcome::Malformed;
        break;
    }
    return result;
}

QStringList CertificateVerifier::decodeQrCodes(const QImage &image)
{
    if (image.isNull())
        return {};
    const QImage gray = onWhite(image).convertToFormat(QImage::Format_Grayscale8);
    const int width = gray.width();
    const int height = gray.height();
    // zbar wants the rows packed (Y800); QImage pads each to 4 bytes.
    QByteArray packed(qsizetype(width) * height, Qt::Uninitialized);
    for (int y = 0; y < height; ++y)
        std::memcpy(packed.data() + qsizetype(y) * width, gray.constScanLine(y), size_t(width));

    const std::unique_ptr<zbar::zbar_image_scanner_t, decltype(&zbar::zbar_image_scanner_destroy)>
        scanner(zbar::zbar_image_scanner_create(), &zbar::zbar_image_scanner_destroy);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
    // The payload is ASCII: no guessing of a text encoding.
    zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_BINARY, 1);
    const std::unique_ptr<zbar::zbar_image_t, decltype(&zbar::zbar_image_destroy)> frame(
        zbar::zbar_image_create(), &zbar::zbar_image_destroy);
    zbar::zbar_image_set_format(frame.get(), zbar_fourcc('Y', '8', '0', '0'));
    zbar::zbar_image_set_size(frame.get(), unsigned(width), unsigned(height));
    zbar::zbar_image_set_data(frame.get(), packed.constData(), ulong(packed.size()), nullptr);
    QStringList codes;
    if (zbar::zbar_scan_image(scanner.get(), frame.get()) <= 0)
        return codes;
    for (const zbar::zbar_symbol_t *symbol = zbar::zbar_image_first_symbol(frame.get()); symbol;
         symbol = zbar::zbar_symbol_next(symbol)) {
        if (zbar::zbar_symbol_get_type(symbol) != zbar::ZBAR_QRCODE)
            continue;
        codes.append(QString::fromLatin1(zbar::zbar_symbol_get_data(symbol),
            qsizetype(zbar::zbar_symbol_get_data_length(symbol))));
    }
    return codes;
}

CertificateVerification CertificateVerifier::fromCodes(
    const QStringList &codes, const QString &noCodeError) const
{
    if (codes.isEmpty()) {
        CertificateVerification result;
        result.error = noCodeError;
        return result;
    }
    // Several codes on one page: the first that is a certificate payload counts.
    CertificateVerification first;
    for (qsizetype i = 0; i < codes.size(); ++i) {
        CertificateVerification result = verifyPayload(codes.at(i));
        if (result.outcome != CertificateVerification::Outcome::Malformed)
            return result;
        if (i == 0)
            first = result;
    }
    return first;
}

CertificateVerification CertificateVerifier::verifyImage(const QImage &image) const
{
    return fromCodes(decodeQrCodes(image), tr("No QR code was found in the image."));
}

CertificateVerification CertificateVerifier::verifyFile(const QString &path) const
{
    const auto unreadable = [](const QString &why) {
        CertificateVerification result;
        result.error = why;
        return result;
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unreadable(tr("The file could not be opened: %1").arg(file.errorString()));
    if (file.size() > MaximumFileBytes)
        return unreadable(tr("The file is larger than %1 MB.").arg(MaximumFileBytes >> 20));
    const QByteArray head = file.peek(5);
    file.close();

    if (head == "%PDF-") {
        QPdfDocument document;
        if (document.load(path) != QPdfDocument::Error::None || document.pageCount() < 1)
            return unreadable(tr("The PDF could not be read."));
        const QSizeF points = document.pagePointSize(0);
        double scale = RenderDpi / 72.0;
        const double pixels = points.width() * points.height() * scale * scale;
        if (pixels > MaximumRenderPixels)
            scale *= std::sqrt(MaximumRenderPixels / pixels);
        const QSize size = (points * scale).toSize();
        if (size.isEmpty())
            return unreadable(tr("The PDF could not be read."));
        CertificateVerification result = fromCodes(decodeQrCodes(document.render(0, size)),
            tr("No QR code was found on the first page of the PDF."));
        if (result.outcome == CertificateVerification::Outcome::Valid
            || result.outcome == CertificateVerification::Outcome::FieldChanged) {
            // The page's text against the signed values: a name edited on the page, with the
            // QR code left alone, is as much a forgery as an edited payload.
            int compared = 0;
            const QMap<QString, QString> texts = printedTexts(&document);
            // A page without a text layer (a scan saved as PDF) has nothing to compare.
            if (texts.size() >= 3) {
                const CertificateFields printed = printedFields(result.fields, texts, &compared);
                result.textCompared = compared > 0;
                result.printedDifferences = differingFields(printed, result.fields);
                QStringList all = result.changedFields;
                for (const QString &field : std::as_const(result.printedDifferences)) {
                    if (!all.contains(field))
                        all.append(field);
                }
                QStringList ordered;
                for (const QString &field : CertificateFields::fieldNames()) {
                    if (all.contains(field))
                        ordered.append(field);
                }
                result.changedFields = ordered;
                if (!ordered.isEmpty())
                    result.outcome = CertificateVerification::Outcome::FieldChanged;
            }
        }
        return result;
    }

    QImageReader reader(path);
    reader.setAutoTransform(true);
    if (!reader.canRead())
        return unreadable(tr("The file is neither a PDF nor an image."));
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() > MaximumImagePixels)
        return unreadable(
            tr("The image is larger than %1 megapixels.").arg(MaximumImagePixels / 1'000'000));
    const QImage image = reader.read();
    if (image.isNull())
        return unreadable(tr("The image could not be read: %1").arg(reader.errorString()));
    return verifyImage(image);
}

QString formatVerification(const CertificateVerification &verification, const QString &issuer)
{
    QString text;
    const auto line = [&text](const QString &label, const QString &value) {
        text += CertificateVerifier::tr("%1: %2").arg(label, value) + QLatin1Char('\n');
    };
    line(CertificateVerifier::tr("Result"), verification.outcomeText());
    using Outcome = CertificateVerification::Outcome;
    if (verification.outcome == Outcome::Malformed || verification.outcome == Outcome::Unreadable)
        return text;
    for (const QString &field : CertificateFields::fieldNames()) {
        const QString value = CertificateDocument::printedValue(verification.fields, field);
        line(CertificateVerifier::fieldLabel(field),
            verification.changedFields.contains(field)
                ? CertificateVerifier::tr("%1 (changed)").arg(value)
                : value);
    }
    const QString keyId = QString::fromLatin1(verification.keyId.toHex());
    line(CertificateVerifier::tr("Signing key"),
        issuer.isEmpty() ? keyId : CertificateVerifier::tr("%1 (server %2)").arg(keyId, issuer));
    if (verification.textCompared && verification.printedDifferences.isEmpty())
        text += CertificateVerifier::tr("The text printed on the page matches the QR code.")
            + QLatin1Char('\n');
    return text;
}

void CertificateVerifier::fetchStatus(ApiClient *api, const QString &serial, const QObject *context,
    std::function<void(const CertificateStatus &)> done)
{
    if (!isCertificateSerial(serial) || !api->serverUrl().isValid()) {
        CertificateStatus status;
        status.serial = serial;
        status.error = api->serverUrl().isValid() ? tr("The serial number is not valid.")
                                                  : tr("No server address is set.");
        QMetaObject::invokeMethod(
            const_cast<QObject *>(context), [done, status] { done(status); }, Qt::QueuedConnection);
        return;
    }
    api->get(
        QStringLiteral("/certificates/") + serial, context, [serial, done](const ApiResult &reply) {
            CertificateStatus status;
            status.serial = serial;
            if (!reply.ok()) {
                status.unknown = reply.error.httpStatus == 404;
                status.error = reply.error.message;
                done(status);
                return;
            }
            status.ok = true;
            for (const QJsonValue &value : reply.body.value(QLatin1String("versions")).toArray()) {
                const QJsonObject object = value.toObject();
                CertificateStatus::Version v;
                v.version = object.value(QLatin1String("certificateVersion")).toInt();
                v.status = object.value(QLatin1String("status")).toString();
                v.issuedOn = QDate::fromString(
                    object.value(QLatin1String("issuedOn")).toString(), Qt::ISODate);
                v.revokedReason = object.value(QLatin1String("revokedReason")).toString();
                status.versions.append(v);
            }
            done(status);
        });
}

} // namespace xueshi

namespace xueshi {

void CertificateVerifier::fetchKeys(ApiClient *api, const QObject *context,
    std::function<void(const QList<SigningKey> &, const QString &)> done)
{
    api->get(QStringLiteral("/certificates/keys"), context, [done](const ApiResult &reply) {
        if (!reply.ok()) {
            done({}, reply.error.message);
            return;
        }
        QList<SigningKey> keys;
        const QJsonArray array = reply.body.value(QLatin1String("keys")).toArray();
        // A server publishing thousands of keys is not one to take them from.
        for (qsizetype i = 0; i < std::min<qsizetype>(array.size(), 1000); ++i) {
            if (const auto key = SigningKey::fromJson(array.at(i).toObject()))
                keys.append(*key);
        }
        done(keys, {});
    });
}

} // namespace xueshi
