// The client's certificates (app/certificates): the printed page (its PDF text through pdftotext,
// a page rendered by pdftoppm against a reference image), the PDF cache, the keyring of signing
// keys, the verifier on PDFs, images and payloads (valid, tampered payload, tampered page,
// unknown key, no QR code) and `xueshi --verify`'s exit codes.
#include "certificatedocument.h"
#include "certificatefixtures.h"
#include "certificatekeyring.h"
#include "certificatepdfcache.h"
#include "certificateverifier.h"
#include "clientfakes.h"
#include "fakesyncserver.h"
#include "issuedcertificate.h"
#include "localstore.h"
#include "syncengine.h"
#include "testsupport.h"
#include "tokenstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QPainter>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTranslator>

#include <sodium.h>

using namespace xueshi;

namespace {

CertificateFields sample()
{
    return test::sampleCertificate(315, 420, 185);
}

QString run(const QString &program, const QStringList &arguments, int *exitCode = nullptr,
    const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(60'000))
        qWarning("%s did not finish", qPrintable(program));
    if (exitCode)
        *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardOutput());
}

QString pdfText(const QString &pdf)
{
    int code = -1;
    const QString text = run(QStringLiteral("pdftotext"),
        { QStringLiteral("-layout"), pdf, QStringLiteral("-") }, &code);
    if (code != 0)
        return {};
    return text.normalized(QString::NormalizationForm_KC);
}

// Renders page 1 of `pdf` with pdftoppm at `dpi` to a PNG; returns its path.
QString renderPage(const QString &pdf, int dpi)
{
    const QString prefix = pdf + QStringLiteral("-page");
    int code = -1;
    run(QStringLiteral("pdftoppm"),
        { QStringLiteral("-r"), QString::number(dpi), QStringLiteral("-png"), QStringLiteral("-f"),
            QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
            QStringLiteral("-singlefile"), pdf, prefix },
        &code);
    return code == 0 ? prefix + QStringLiteral(".png") : QString();
}

// The payload with one field's value replaced, its digest and the signature left as signed.
QString withValue(const QString &payload, int fieldIndex, const QByteArray &value)
{
    const QStringList parts = payload.split(QLatin1Char('.'));
    const auto options = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;
    QByteArray body = QByteArray::fromBase64(parts.at(1).toLatin1(), options);
    qsizetype at = 1 + 8;
    for (int i = 0; i < fieldIndex; ++i)
        at += 2 + ((uchar(body.at(at)) << 8) | uchar(body.at(at + 1)));
    const int length = (uchar(body.at(at)) << 8) | uchar(body.at(at + 1));
    QByteArray replaced = body.left(at);
    replaced.append(char(value.size() >> 8)).append(char(value.size() & 0xff)).append(value);
    replaced.append(body.mid(at + 2 + length));
    return parts.at(0) + QLatin1Char('.') + QString::fromLatin1(replaced.toBase64(options))
        + QLatin1Char('.') + parts.at(2);
}

// The certificate's labels in Chinese, as the lead's translation will give them (the .ts files
// are updated after the merge), so the page is tested as learners get it.
class ChineseLabels final : public QTranslator
{
public:
    QString translate(
        const char *context, const char *source, const char * = nullptr, int = -1) const override
    {
        if (qstrcmp(context, "xueshi::CertificateDocument") != 0)
            return {};
        static const QHash<QByteArray, QString> Labels {
            { "Certificate of Continuing Education", QStringLiteral("继续教育证书") },
            { "Name", QStringLiteral("姓名") },
            { "Resident ID", QStringLiteral("身份证号") },
            { "Employer", QStringLiteral("工作单位") },
            { "Year", QStringLiteral("年度") },
            { "Subject type", QStringLiteral("科目类型") },
            { "Hours obtained", QStringLiteral("已获学时") },
            { "Public subjects", QStringLiteral("公需科目") },
            { "Professional subjects", QStringLiteral("专业科目") },
            { "Elective subjects", QStringLiteral("选修科目") },
            { "Total", QStringLiteral("合计") },
            { "Annual requirement: %1 hours in total", QStringLiteral("年度要求：合计 %1 学时") },
            { "Passed", QStringLiteral("通过") },
            { "Annual certification: %1", QStringLiteral("年度认证情况：%1") },
            { "Serial number: %1", QStringLiteral("证书编号：%1") },
            { "Version: %1", QStringLiteral("版本：%1") },
            { "Issued on: %1", QStringLiteral("签发日期：%1") },
            { "Scan the QR code, or check it in Xueshi under [Verify certificate]",
                QStringLiteral("扫描二维码或在 Xueshi 的【证书验证】中核验") },
        };
        return Labels.value(QByteArray(source));
    }
    bool isEmpty() const override { return false; }
};

QString referenceImagePath()
{
    return QStringLiteral(XUESHI_TEST_DATA_DIR "/certificate-page-r50.png");
}

} // namespace

class TestClientCertificates : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void qrCode_payload_readsBackWithZbar();
    void qrCode_notAscii_isRefused();
    void writePdf_text_carriesEveryField();
    void writePdf_metadata_titleAndCreator();
    void writePdf_page_matchesTheReferenceImage();
    void writePdf_qrCode_isAtLeast35mmWide();
    void writePdf_unwritablePath_fails();
    void writePdf_inChinese_textAndVerification();
    void print_onAQPrinter_isTheSameCertificate();

    void verifyFile_issuedPdf_isValid();
    void verifyFile_tamperedPayload_namesTheField_data();
    void verifyFile_tamperedPayload_namesTheField();
    void verifyFile_pageEdited_namesTheField_data();
    void verifyFile_pageEdited_namesTheField();
    void verifyFile_unknownKey_isRefused();
    void verifyFile_alteredSignature_isBadSignature();
    void verifyFile_imageOfTheQrCode_isValid();
    void verifyFile_noQrCode_isUnreadable();
    void verifyFile_notAPdfNorAnImage_isUnreadable();

    void pdfCache_writesOnce_andReusesTheFile();
    void pdfCache_hostileSerial_hasNoPath();

    void keyring_merge_keepsEveryKeyAndFollowsCurrent();
    void keyring_wrongKeyId_isSkipped();
    void keyring_entities_areMerged();
    void keyring_afterSync_holdsTheServersKeys();

    void issuedCertificate_entity_isReadAndChecked();
    void certificateOfYear_prefersTheCurrentVersion();

    void commandLine_verify_exitCodes();

private:
    QString writeCertificate(const CertificateFields &fields, const QString &payload,
        const QString &name = QStringLiteral("certificate.pdf"));

    QString m_dir;
    test::SigningKeyPair m_key;
    CertificateFields m_fields;
    QString m_payload;
};

void TestClientCertificates::initTestCase()
{
    QVERIFY(sodium_init() >= 0);
    m_dir = test::temporaryDirectory();
    m_key = test::deterministicSigningKey('k');
    m_fields = sample();
    m_payload = signCertificate(m_fields, m_key.secretKey);
    QVERIFY(m_payload.startsWith(QLatin1String("XSC1.")));
    QVERIFY2(!QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty(),
        "poppler-utils (scripts/install-deps.sh) is needed");
}

QString TestClientCertificates::writeCertificate(
    const CertificateFields &fields, const QString &payload, const QString &name)
{
    const QString path = m_dir + QLatin1Char('/') + name;
    QString error;
    if (!writeCertificatePdf(fields, payload, path, &error)) {
        qWarning("writePdf: %s", qPrintable(error));
        return {};
    }
    return path;
}

void TestClientCertificates::qrCode_payload_readsBackWithZbar()
{
    const auto qr = CertificateDocument::qrCode(m_payload);
    QVERIFY(qr);
    const int scale = 4;
    const int quiet = 4;
    QImage image((qr->width + 2 * quiet) * scale, (qr->width + 2 * quiet) * scale,
        QImage::Format_Grayscale8);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < qr->width; ++y) {
        for (int x = 0; x < qr->width; ++x) {
            if (qr->isDark(x, y))
                painter.fillRect((x + quiet) * scale, (y + quiet) * scale, scale, scale, Qt::black);
        }
    }
    painter.end();
    QCOMPARE(CertificateVerifier::decodeQrCodes(image), QStringList { m_payload });
}

void TestClientCertificates::qrCode_notAscii_isRefused()
{
    QVERIFY(!CertificateDocument::qrCode(QStringLiteral("XSC1.张")));
    QVERIFY(!CertificateDocument::qrCode(QString()));
    CertificateDocument document(m_fields, QStringLiteral("XSC1.张"));
    QString error;
    QVERIFY(document.toPdf(&error).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestClientCertificates::writePdf_text_carriesEveryField()
{
    const QString pdf = writeCertificate(m_fields, m_payload);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QVERIFY2(!text.isEmpty(), "pdftotext failed");
    const QString compact = QString(text).remove(QRegularExpression(QStringLiteral("\\s+")));
    for (const QString &expected : { m_fields.name, m_fields.residentIdMasked, m_fields.employer,
             m_fields.serial, QStringLiteral("2026"), QStringLiteral("31.5"), QStringLiteral("42"),
             QStringLiteral("18.5"), QStringLiteral("92"), QStringLiteral("90"),
             QStringLiteral("2026-12-06") }) {
        QVERIFY2(
            compact.contains(expected), qPrintable(expected + QStringLiteral(" in:\n") + text));
    }
    QVERIFY(text.contains(QLatin1String("Certificate of Continuing Education")));
}

void TestClientCertificates::writePdf_metadata_titleAndCreator()
{
    const QString pdf = writeCertificate(m_fields, m_payload);
    const QString info = run(QStringLiteral("pdfinfo"), { pdf });
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Title:\\s+.*XS2026K7M3Q9X2PA"))),
        qPrintable(info));
    QVERIFY2(
        info.contains(QRegularExpression(QStringLiteral("Creator:\\s+Xueshi"))), qPrintable(info));
    // A4 landscape: 841.89 x 595.28 pt.
    QVERIFY2(info.contains(QRegularExpression(
                 QStringLiteral("Page size:\\s+84[12](\\.\\d+)? x 595(\\.\\d+)?"))),
        qPrintable(info));
    QCOMPARE(info.count(QRegularExpression(
                 QStringLiteral("^Pages:\\s+1$"), QRegularExpression::MultilineOption)),
        1);
}

void TestClientCertificates::writePdf_page_matchesTheReferenceImage()
{
    const QString pdf = writeCertificate(m_fields, m_payload, QStringLiteral("reference.pdf"));
    const QString png = renderPage(pdf, 50);
    QVERIFY(!png.isEmpty());
    const QImage page = QImage(png).convertToFormat(QImage::Format_Grayscale8);
    QVERIFY(!page.isNull());
    if (qEnvironmentVariableIsSet("XUESHI_UPDATE_REFERENCE_IMAGES")) {
        QVERIFY(page.save(referenceImagePath()));
        QSKIP("reference image written");
    }
    const QImage reference
        = QImage(referenceImagePath()).convertToFormat(QImage::Format_Grayscale8);
    QVERIFY2(!reference.isNull(), qPrintable(referenceImagePath()));
    QCOMPARE(page.size(), reference.size());
    double difference = 0;
    for (int y = 0; y < page.height(); ++y) {
        const uchar *a = page.constScanLine(y);
        const uchar *b = reference.constScanLine(y);
        for (int x = 0; x < page.width(); ++x)
            difference += std::abs(int(a[x]) - int(b[x]));
    }
    const double mean = difference / (double(page.width()) * page.height() * 255.0);
    QVERIFY2(mean < 0.03, qPrintable(QStringLiteral("mean difference %1").arg(mean)));

    // The comparison can fail: a page with another name is visibly different.
    CertificateFields other = m_fields;
    other.name = QStringLiteral("欧阳娜娜娜");
    other.employer = QStringLiteral("深圳市第一人民医院心血管内科");
    const QImage changed
        = QImage(renderPage(writeCertificate(other, m_payload, QStringLiteral("other.pdf")), 50))
              .convertToFormat(QImage::Format_Grayscale8);
    QCOMPARE(changed.size(), reference.size());
    int differentPixels = 0;
    for (int y = 0; y < changed.height(); ++y) {
        for (int x = 0; x < changed.width(); ++x)
            differentPixels
                += std::abs(int(changed.constScanLine(y)[x]) - int(reference.constScanLine(y)[x]))
                > 64;
    }
    QVERIFY(differentPixels > 50);
}

void TestClientCertificates::writePdf_qrCode_isAtLeast35mmWide()
{
    // At 100 dpi a millimetre is 3.94 pixels: the QR code's dark modules span its width.
    const QString pdf = writeCertificate(m_fields, m_payload, QStringLiteral("qr.pdf"));
    const QImage page = QImage(renderPage(pdf, 100)).convertToFormat(QImage::Format_Grayscale8);
    QVERIFY(!page.isNull());
    // The code is right of the table (which ends 211 mm from the left), inside the border (8 mm
    // from the right), in the upper half; find its black extent.
    int left = page.width();
    int right = -1;
    for (int y = page.height() / 4; y < page.height() / 2; ++y) {
        for (int x = page.width() * 213 / 297; x < page.width() * 286 / 297; ++x) {
            if (page.constScanLine(y)[x] < 64) {
                left = std::min(left, x);
                right = std::max(right, x);
            }
        }
    }
    const double millimetres = (right - left + 1) * 25.4 / 100;
    QVERIFY2(millimetres >= CertificateDocument::MinimumQrMillimetres,
        qPrintable(QString::number(millimetres)));
    QVERIFY(millimetres < 60);
}

void TestClientCertificates::writePdf_unwritablePath_fails()
{
    QString error;
    QVERIFY(!writeCertificatePdf(
        m_fields, m_payload, m_dir + QStringLiteral("/missing/dir/x.pdf"), &error));
    QVERIFY(!error.isEmpty());
}

void TestClientCertificates::writePdf_inChinese_textAndVerification()
{
    ChineseLabels chinese;
    QVERIFY(QCoreApplication::installTranslator(&chinese));
    const auto removeTranslator
        = qScopeGuard([&chinese] { QCoreApplication::removeTranslator(&chinese); });
    const QString pdf = writeCertificate(m_fields, m_payload, QStringLiteral("chinese.pdf"));
    const QString text = pdfText(pdf);
    const QString compact = QString(text).remove(QRegularExpression(QStringLiteral("\\s+")));
    for (const QString &expected : { QStringLiteral("继续教育证书"),
             QStringLiteral("CertificateofContinuingEducation"), QStringLiteral("公需科目"),
             QStringLiteral("专业科目"), QStringLiteral("选修科目"), QStringLiteral("合计"),
             QStringLiteral("年度认证情况：通过"), QStringLiteral("证书编号：XS2026K7M3Q9X2PA"),
             QStringLiteral("签发日期：2026-12-06"), m_fields.name, m_fields.residentIdMasked,
             QStringLiteral("42"), QStringLiteral("证书验证") }) {
        QVERIFY2(compact.contains(expected.normalized(QString::NormalizationForm_KC)),
            qPrintable(expected + QStringLiteral(" in:\n") + text));
    }
    CertificateVerifier verifier({ m_key.publicKey });
    CertificateVerification result = verifier.verifyFile(pdf);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
    QVERIFY(result.textCompared);
    // Labelled lines after a full-width colon are read back too.
    CertificateFields edited = m_fields;
    edited.version = 3;
    edited.issuedOn = QDate(2026, 1, 6);
    edited.requiredTenths = 600;
    result = verifier.verifyFile(
        writeCertificate(edited, m_payload, QStringLiteral("chinese-edited.pdf")));
    QCOMPARE(result.outcome, CertificateVerification::Outcome::FieldChanged);
    QCOMPARE(result.changedFields,
        (QStringList { QStringLiteral("version"), QStringLiteral("requiredTenths"),
            QStringLiteral("issuedOn") }));
}

void TestClientCertificates::print_onAQPrinter_isTheSameCertificate()
{
    // What the learner page's 打印 and 在线打印 use: a QPrinter (here printing to a PDF file,
    // portrait A4 with the default margins, as a printer dialog may leave it).
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString path = m_dir + QStringLiteral("/printed.pdf");
    printer.setOutputFileName(path);
    QString error;
    QVERIFY2(CertificateDocument(m_fields, m_payload).print(&printer, &error), qPrintable(error));
    QCOMPARE(printer.pageLayout().orientation(), QPageLayout::Landscape);
    QCOMPARE(printer.pageLayout().pageSize().id(), QPageSize::A4);
    const CertificateVerification result
        = CertificateVerifier({ m_key.publicKey }).verifyFile(path);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
    QVERIFY(result.textCompared);
}

void TestClientCertificates::verifyFile_issuedPdf_isValid()
{
    const QString pdf = writeCertificate(m_fields, m_payload);
    const CertificateVerification result = CertificateVerifier({ m_key.publicKey }).verifyFile(pdf);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
    QCOMPARE(result.fields, m_fields);
    QCOMPARE(result.payload, m_payload);
    QVERIFY(result.textCompared);
    QVERIFY(result.changedFields.isEmpty());
    QCOMPARE(result.exitCode(), 0);
    QCOMPARE(result.keyId, signingKeyId(m_key.publicKey));
}

void TestClientCertificates::verifyFile_tamperedPayload_namesTheField_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("field");
    QTest::newRow("name") << 3 << QStringLiteral("李四丰").toUtf8() << QStringLiteral("name");
    QTest::newRow("professional hours")
        << 7 << QByteArray("520") << QStringLiteral("professionalTenths");
    QTest::newRow("year") << 2 << QByteArray("2025") << QStringLiteral("year");
    QTest::newRow("employer") << 5 << QStringLiteral("别的单位").toUtf8()
                              << QStringLiteral("employer");
}

void TestClientCertificates::verifyFile_tamperedPayload_namesTheField()
{
    QFETCH(int, index);
    QFETCH(QByteArray, value);
    QFETCH(QString, field);
    const QString tampered = withValue(m_payload, index, value);
    QCOMPARE(verifyCertificate(tampered, { m_key.publicKey }).outcome,
        CertificateCheck::Outcome::FieldChanged);
    // The page is printed from the tampered payload's own fields, so the page agrees with the
    // payload and only the digest can tell.
    const CertificateFields forged = verifyCertificate(tampered, { m_key.publicKey }).fields;
    const QString pdf = writeCertificate(forged, tampered, QStringLiteral("tampered.pdf"));
    const CertificateVerification result = CertificateVerifier({ m_key.publicKey }).verifyFile(pdf);
    QCOMPARE(result.outcome, CertificateVerification::Outcome::FieldChanged);
    QCOMPARE(result.changedFields, QStringList { field });
    QVERIFY(result.printedDifferences.isEmpty());
    QCOMPARE(result.exitCode(), 1);
    QVERIFY(result.outcomeText().contains(CertificateVerifier::fieldLabel(field)));
}

void TestClientCertificates::verifyFile_pageEdited_namesTheField_data()
{
    QTest::addColumn<QString>("field");
    for (const QString &field : CertificateFields::fieldNames()) {
        if (field != QLatin1String("result")) // printed as a translated word (see the verifier)
            QTest::newRow(qPrintable(field)) << field;
    }
}

void TestClientCertificates::verifyFile_pageEdited_namesTheField()
{
    QFETCH(QString, field);
    // The QR code as issued, the page printed with one value changed.
    CertificateFields printed = m_fields;
    if (field == QLatin1String("serial"))
        printed.serial = QStringLiteral("XS2026K7M3Q9X2PB");
    else if (field == QLatin1String("version"))
        printed.version = 2;
    else if (field == QLatin1String("year"))
        printed.year = 2025;
    else if (field == QLatin1String("name"))
        printed.name = QStringLiteral("张三峰");
    else if (field == QLatin1String("residentIdMasked"))
        printed.residentIdMasked = QStringLiteral("440106********1235");
    else if (field == QLatin1String("employer"))
        printed.employer = QStringLiteral("广州市环境监测中心站");
    else if (field == QLatin1String("publicTenths"))
        printed.publicTenths = 415;
    else if (field == QLatin1String("professionalTenths"))
        printed.professionalTenths = 425;
    else if (field == QLatin1String("electiveTenths"))
        printed.electiveTenths = 180;
    else if (field == QLatin1String("totalTenths"))
        printed.totalTenths = 990;
    else if (field == QLatin1String("requiredTenths"))
        printed.requiredTenths = 720;
    else if (field == QLatin1String("issuedOn"))
        printed.issuedOn = QDate(2026, 12, 7);
    const QString pdf = writeCertificate(printed, m_payload, QStringLiteral("edited.pdf"));
    const CertificateVerification result = CertificateVerifier({ m_key.publicKey }).verifyFile(pdf);
    QCOMPARE(result.outcome, CertificateVerification::Outcome::FieldChanged);
    QCOMPARE(result.changedFields, QStringList { field });
    QCOMPARE(result.printedDifferences, QStringList { field });
    QCOMPARE(result.fields, m_fields); // what was signed
}

void TestClientCertificates::verifyFile_unknownKey_isRefused()
{
    const QString pdf = writeCertificate(m_fields, m_payload);
    const CertificateVerification result
        = CertificateVerifier({ test::deterministicSigningKey('o').publicKey }).verifyFile(pdf);
    QCOMPARE(result.outcome, CertificateVerification::Outcome::UnknownKey);
    QCOMPARE(result.exitCode(), 1);
    QCOMPARE(CertificateVerifier({}).verifyFile(pdf).outcome,
        CertificateVerification::Outcome::UnknownKey);
}

void TestClientCertificates::verifyFile_alteredSignature_isBadSignature()
{
    QString payload = m_payload;
    const qsizetype last = payload.size() - 3;
    payload[last] = payload.at(last) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    const QString pdf = writeCertificate(m_fields, payload, QStringLiteral("badsig.pdf"));
    const CertificateVerification result = CertificateVerifier({ m_key.publicKey }).verifyFile(pdf);
    QCOMPARE(result.outcome, CertificateVerification::Outcome::BadSignature);
    QCOMPARE(result.exitCode(), 1);
}

void TestClientCertificates::verifyFile_imageOfTheQrCode_isValid()
{
    const QString pdf = writeCertificate(m_fields, m_payload, QStringLiteral("forimage.pdf"));
    const QString png = renderPage(pdf, 150);
    QVERIFY(!png.isEmpty());
    CertificateVerifier verifier({ m_key.publicKey });
    CertificateVerification result = verifier.verifyFile(png);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
    QVERIFY(!result.textCompared);
    // A photo-like JPEG of just the code's corner of the page.
    const QImage page(png);
    const QString jpeg = m_dir + QStringLiteral("/qr.jpg");
    QVERIFY(page.copy(page.width() * 2 / 3, 0, page.width() / 3, page.height() * 2 / 3)
                .save(jpeg, "JPEG", 85));
    result = verifier.verifyFile(jpeg);
    QVERIFY2(result.isValid(), qPrintable(formatVerification(result)));
}

void TestClientCertificates::verifyFile_noQrCode_isUnreadable()
{
    QImage blank(400, 300, QImage::Format_RGB32);
    blank.fill(Qt::white);
    const QString png = m_dir + QStringLiteral("/blank.png");
    QVERIFY(blank.save(png));
    const CertificateVerification result = CertificateVerifier({ m_key.publicKey }).verifyFile(png);
    QCOMPARE(result.outcome, CertificateVerification::Outcome::Unreadable);
    QCOMPARE(result.exitCode(), 2);
    QVERIFY(!result.error.isEmpty());
}

void TestClientCertificates::verifyFile_notAPdfNorAnImage_isUnreadable()
{
    const QString text = m_dir + QStringLiteral("/notes.pdf");
    QFile file(text);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a certificate\n");
    file.close();
    CertificateVerifier verifier({ m_key.publicKey });
    QCOMPARE(verifier.verifyFile(text).outcome, CertificateVerification::Outcome::Unreadable);
    QCOMPARE(verifier.verifyFile(m_dir + QStringLiteral("/missing.pdf")).exitCode(), 2);
    // A truncated PDF.
    const QByteArray pdf = CertificateDocument(m_fields, m_payload).toPdf();
    QFile cut(m_dir + QStringLiteral("/cut.pdf"));
    QVERIFY(cut.open(QIODevice::WriteOnly));
    cut.write(pdf.left(pdf.size() / 3));
    cut.close();
    QCOMPARE(verifier.verifyFile(cut.fileName()).exitCode(), 2);
}

void TestClientCertificates::pdfCache_writesOnce_andReusesTheFile()
{
    const QString data = test::temporaryDirectory();
    CertificatePdfCache cache(data);
    QVERIFY(!cache.contains(m_fields.serial, 1));
    QString error;
    const QString path = cache.ensure(m_fields, m_payload, &error);
    QVERIFY2(!path.isEmpty(), qPrintable(error));
    QCOMPARE(path, data + QStringLiteral("/certificates/XS2026K7M3Q9X2PA-1.pdf"));
    QCOMPARE(cache.pathFor(m_fields.serial, 1), path);
    QVERIFY(cache.contains(m_fields.serial, 1));
    QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
    QCOMPARE(QFileInfo(cache.directory()).permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::ExeOther),
        QFileDevice::Permissions());
    QVERIFY(CertificateVerifier({ m_key.publicKey }).verifyFile(path).isValid());

    // Mark the stored file: the cache must hand it back as it is, not render a new one, even
    // for fields that changed since (the PDF as issued).
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write("\n% kept\n");
    file.close();
    const QByteArray stored = [&] {
        QFile f(path);
        f.open(QIODevice::ReadOnly);
        return f.readAll();
    }();
    CertificateFields later = m_fields;
    later.name = QStringLiteral("别人");
    QCOMPARE(cache.ensure(later, m_payload), path);
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    QCOMPARE(again.readAll(), stored);

    // Another version is another file; no temporary file is left behind.
    CertificateFields second = m_fields;
    second.version = 2;
    QCOMPARE(cache.ensure(second, signCertificate(second, m_key.secretKey)),
        data + QStringLiteral("/certificates/XS2026K7M3Q9X2PA-2.pdf"));
    QCOMPARE(QDir(cache.directory()).entryList(QDir::Files).size(), 2);
}

void TestClientCertificates::pdfCache_hostileSerial_hasNoPath()
{
    CertificatePdfCache cache(test::temporaryDirectory());
    QVERIFY(cache.pathFor(QStringLiteral("../../etc/passwd"), 1).isEmpty());
    QVERIFY(cache.pathFor(QStringLiteral("XS2026K7M3Q9X2PA/.."), 1).isEmpty());
    QVERIFY(cache.pathFor(m_fields.serial, 0).isEmpty());
    QVERIFY(cache.pathFor(m_fields.serial, 10000).isEmpty());
    CertificateFields hostile = m_fields;
    hostile.serial = QStringLiteral("../x");
    QString error;
    QVERIFY(cache.ensure(hostile, m_payload, &error).isEmpty());
    QVERIFY(!error.isEmpty());
    QVERIFY(!QFileInfo::exists(cache.directory()));
}

void TestClientCertificates::keyring_merge_keepsEveryKeyAndFollowsCurrent()
{
    const QString path = CertificateKeyring::defaultPath(test::temporaryDirectory());
    const test::SigningKeyPair second = test::deterministicSigningKey('s');
    {
        CertificateKeyring keyring(path);
        QVERIFY(keyring.publicKeys().isEmpty());
        SigningKey first;
        first.keyId = signingKeyId(m_key.publicKey);
        first.publicKey = m_key.publicKey;
        first.current = true;
        QCOMPARE(keyring.merge(QStringLiteral("example.cn:8443"), { first }), 1);
        QCOMPARE(keyring.merge(QStringLiteral("example.cn:8443"), { first }), 0);
    }
    {
        // A rotation: the server now publishes only the new key as current.
        CertificateKeyring keyring(path);
        QCOMPARE(keyring.publicKeys(), QList<QByteArray> { m_key.publicKey });
        SigningKey next;
        next.keyId = signingKeyId(second.publicKey);
        next.publicKey = second.publicKey;
        next.current = true;
        SigningKey retired;
        retired.keyId = signingKeyId(m_key.publicKey);
        retired.publicKey = m_key.publicKey;
        retired.current = false;
        QCOMPARE(keyring.merge(QStringLiteral("example.cn:8443"), { next, retired }), 1);
        QCOMPARE(keyring.merge(QStringLiteral("other:443"), { next }), 1);
    }
    CertificateKeyring keyring(path);
    const QList<SigningKey> keys = keyring.keys(QStringLiteral("example.cn:8443"));
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).publicKey, m_key.publicKey);
    QVERIFY(!keys.at(0).current);
    QVERIFY(keys.at(1).current);
    QCOMPARE(keyring.servers(),
        (QStringList { QStringLiteral("example.cn:8443"), QStringLiteral("other:443") }));
    QCOMPARE(keyring.serverOf(signingKeyId(m_key.publicKey)), QStringLiteral("example.cn:8443"));
    QCOMPARE(QFileInfo(path).permissions() & 0x0077, QFileDevice::Permissions());
    // The old certificate still verifies offline with what the keyring holds.
    QVERIFY(CertificateVerifier(keyring.publicKeys()).verifyPayload(m_payload).isValid());
}

void TestClientCertificates::keyring_wrongKeyId_isSkipped()
{
    const QJsonObject lying { { QStringLiteral("keyId"), QStringLiteral("0011223344556677") },
        { QStringLiteral("publicKey"), QString::fromLatin1(m_key.publicKey.toBase64()) },
        { QStringLiteral("current"), true } };
    QVERIFY(!SigningKey::fromJson(lying));
    QVERIFY(!SigningKey::fromJson({ { QStringLiteral("publicKey"), QStringLiteral("AAAA") } }));
    QJsonObject honest = lying;
    honest.insert(
        QStringLiteral("keyId"), QString::fromLatin1(signingKeyId(m_key.publicKey).toHex()));
    const auto key = SigningKey::fromJson(honest);
    QVERIFY(key);
    QCOMPARE(key->publicKey, m_key.publicKey);
    QVERIFY(key->current);
}

void TestClientCertificates::keyring_entities_areMerged()
{
    CertificateKeyring keyring(CertificateKeyring::defaultPath(test::temporaryDirectory()));
    const QString id = QString::fromLatin1(signingKeyId(m_key.publicKey).toHex());
    CachedEntity entity;
    entity.type = QStringLiteral("signingKey");
    entity.id = id;
    entity.version = 7;
    entity.data = { { QStringLiteral("id"), id }, { QStringLiteral("keyId"), id },
        { QStringLiteral("publicKey"), QString::fromLatin1(m_key.publicKey.toBase64()) },
        { QStringLiteral("createdAt"), QStringLiteral("2026-12-01T00:00:00Z") },
        { QStringLiteral("current"), true } };
    CachedEntity junk = entity;
    junk.id = QStringLiteral("junk");
    junk.data.insert(QStringLiteral("publicKey"), QStringLiteral("not base64!"));
    QCOMPARE(keyring.mergeEntities(QStringLiteral("localhost:8443"), { entity, junk }), 1);
    QCOMPARE(keyring.publicKeys(), QList<QByteArray> { m_key.publicKey });
}

void TestClientCertificates::keyring_afterSync_holdsTheServersKeys()
{
    // A learner logs in; the feed carries the server's signing keys; after the sync they are in
    // the keyring of the client's data directory, where --verify and 证书验证 find them without a
    // login. A key the feed no longer carries stays.
    test::ClientFixture fixture;
    const QString data = test::temporaryDirectory();
    fixture.core->enableLocalData(data, nullptr);
    fixture.core->setEngineSetup([](SyncEngine *engine) {
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
    });
    const QJsonObject user = test::learnerUserJson();
    test::FakeSyncServer server(user.value(QLatin1String("id")).toString());
    const auto keyEntity = [](const QByteArray &publicKey, bool current) {
        const QString id = QString::fromLatin1(signingKeyId(publicKey).toHex());
        return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("keyId"), id },
            { QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toBase64()) },
            { QStringLiteral("createdAt"), QStringLiteral("2026-12-01T00:00:00Z") },
            { QStringLiteral("current"), current } };
    };
    server.upsert(QStringLiteral("signingKey"),
        QString::fromLatin1(signingKeyId(m_key.publicKey).toHex()),
        keyEntity(m_key.publicKey, true));
    fixture.network.setHandler([&](const test::FakeRequest &request) {
        if (request.path == QLatin1String("/session"))
            return test::loginAnswer(user);
        return server.handle(request);
    });
    QSignalSpy engines(fixture.core.get(), &ClientCore::syncEngineChanged);
    fixture.core->session()->login(QStringLiteral("zhangsan"), QStringLiteral("Secret-pass-1"),
        this, [](const ApiResult &) {});
    QTRY_VERIFY(fixture.core->syncEngine());
    QSignalSpy finished(fixture.core->syncEngine(), &SyncEngine::syncFinished);
    QVERIFY(finished.wait());
    QVERIFY(finished.at(0).at(0).toBool());
    const QString path = CertificateKeyring::defaultPath(data);
    QCOMPARE(CertificateKeyring(path).publicKeys(), QList<QByteArray> { m_key.publicKey });
    QCOMPARE(
        CertificateKeyring(path).servers(), QStringList { QStringLiteral("xueshi.test:8443") });

    // A rotation: the old key retired, a new current one; then the old one gone from the feed.
    const test::SigningKeyPair next = test::deterministicSigningKey('n');
    server.upsert(QStringLiteral("signingKey"),
        QString::fromLatin1(signingKeyId(m_key.publicKey).toHex()),
        keyEntity(m_key.publicKey, false));
    server.upsert(QStringLiteral("signingKey"),
        QString::fromLatin1(signingKeyId(next.publicKey).toHex()), keyEntity(next.publicKey, true));
    server.remove(
        QStringLiteral("signingKey"), QString::fromLatin1(signingKeyId(m_key.publicKey).toHex()));
    finished.clear();
    fixture.core->syncEngine()->syncNow();
    QVERIFY(finished.wait());
    const QList<SigningKey> keys
        = CertificateKeyring(path).keys(QStringLiteral("xueshi.test:8443"));
    QCOMPARE(keys.size(), 2);
    QCOMPARE(keys.at(0).publicKey, m_key.publicKey);
    QCOMPARE(keys.at(1).publicKey, next.publicKey);
    QVERIFY(keys.at(1).current);
    QVERIFY(CertificateVerifier(CertificateKeyring(path).publicKeys())
                .verifyPayload(m_payload)
                .isValid());
}

namespace {

QJsonObject certificateEntity(
    const CertificateFields &fields, const QString &payload, const QString &status)
{
    return { { QStringLiteral("id"),
                 fields.serial + QLatin1Char('-') + QString::number(fields.version) },
        { QStringLiteral("serial"), fields.serial },
        { QStringLiteral("certificateVersion"), fields.version },
        { QStringLiteral("learnerId"), QStringLiteral("6f1c0000-0000-4000-8000-000000000001") },
        { QStringLiteral("year"), fields.year }, { QStringLiteral("status"), status },
        { QStringLiteral("fields"), fields.toJson() }, { QStringLiteral("payload"), payload },
        { QStringLiteral("keyId"), QStringLiteral("0011223344556677") },
        { QStringLiteral("issuedAt"), QStringLiteral("2026-12-06T02:00:00Z") },
        { QStringLiteral("revokedReason"),
            status == QLatin1String("revoked") ? QStringLiteral("Issued in error") : QString() } };
}

} // namespace

void TestClientCertificates::issuedCertificate_entity_isReadAndChecked()
{
    const QJsonObject data = certificateEntity(m_fields, m_payload, QStringLiteral("current"));
    const auto certificate = IssuedCertificate::fromJson(data);
    QVERIFY(certificate);
    QCOMPARE(certificate->id, QStringLiteral("XS2026K7M3Q9X2PA-1"));
    QCOMPARE(certificate->fields, m_fields);
    QCOMPARE(certificate->payload, m_payload);
    QVERIFY(certificate->isCurrent());
    QCOMPARE(certificate->issuedAt, QDateTime(QDate(2026, 12, 6), QTime(2, 0), Qt::UTC));

    // Parts that disagree are not a certificate to print or cache.
    QJsonObject wrong = data;
    wrong.insert(QStringLiteral("certificateVersion"), 2);
    QVERIFY(!IssuedCertificate::fromJson(wrong));
    wrong = data;
    wrong.insert(QStringLiteral("serial"), QStringLiteral("../XS2026K7M3Q9X2PA"));
    QVERIFY(!IssuedCertificate::fromJson(wrong));
    wrong = data;
    wrong.insert(QStringLiteral("status"), QStringLiteral("draft"));
    QVERIFY(!IssuedCertificate::fromJson(wrong));
    wrong = data;
    wrong.remove(QStringLiteral("fields"));
    QVERIFY(!IssuedCertificate::fromJson(wrong));
    wrong = data;
    wrong.insert(QStringLiteral("payload"), QString());
    QVERIFY(!IssuedCertificate::fromJson(wrong));
}

void TestClientCertificates::certificateOfYear_prefersTheCurrentVersion()
{
    const auto entity = [](const QJsonObject &data) {
        CachedEntity e;
        e.type = QStringLiteral("certificate");
        e.id = data.value(QLatin1String("id")).toString();
        e.data = data;
        return e;
    };
    CertificateFields second = m_fields;
    second.version = 2;
    CertificateFields third = m_fields;
    third.version = 3;
    CertificateFields otherYear = m_fields;
    otherYear.serial = QStringLiteral("XS2025K7M3Q9X2PA");
    otherYear.year = 2025;
    QList<CachedEntity> entities { entity(certificateEntity(
                                       m_fields, m_payload, QStringLiteral("superseded"))),
        entity(certificateEntity(second, m_payload, QStringLiteral("current"))),
        entity(certificateEntity(otherYear, m_payload, QStringLiteral("current"))) };
    QCOMPARE(certificateOfYear(entities, 2026)->certificateVersion, 2);
    QCOMPARE(certificateOfYear(entities, 2025)->serial, QStringLiteral("XS2025K7M3Q9X2PA"));
    QVERIFY(!certificateOfYear(entities, 2024));
    // Revoked, with nothing current: the latest, shown as revoked.
    entities[1] = entity(certificateEntity(second, m_payload, QStringLiteral("superseded")));
    entities.append(entity(certificateEntity(third, m_payload, QStringLiteral("revoked"))));
    const auto latest = certificateOfYear(entities, 2026);
    QCOMPARE(latest->certificateVersion, 3);
    QVERIFY(latest->isRevoked());
    QCOMPARE(latest->revokedReason, QStringLiteral("Issued in error"));
}

void TestClientCertificates::commandLine_verify_exitCodes()
{
    // The real program, offscreen, with a data directory of its own and nobody logged in.
    const QString home = test::temporaryDirectory();
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("HOME"), home);
    environment.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    const QString program = QStringLiteral(XUESHI_CLIENT_EXECUTABLE);
    const QString key = QString::fromLatin1(m_key.publicKey.toBase64());
    const QString valid = writeCertificate(m_fields, m_payload, QStringLiteral("cli.pdf"));
    CertificateFields edited = m_fields;
    edited.name = QStringLiteral("张三峰");
    const QString tampered = writeCertificate(edited, m_payload, QStringLiteral("cli-edited.pdf"));
    const QString blank = m_dir + QStringLiteral("/cli-blank.png");
    QImage white(200, 200, QImage::Format_RGB32);
    white.fill(Qt::white);
    QVERIFY(white.save(blank));

    int code = -1;
    QString out = run(program, { QStringLiteral("--verify"), valid, QStringLiteral("--key"), key },
        &code, environment);
    QCOMPARE(code, 0);
    QVERIFY2(out.contains(m_fields.serial) && out.contains(m_fields.name), qPrintable(out));

    out = run(program, { QStringLiteral("--verify"), tampered, QStringLiteral("--key"), key },
        &code, environment);
    QCOMPARE(code, 1);
    QVERIFY2(out.contains(CertificateVerifier::fieldLabel(QStringLiteral("name")))
            || out.contains(QStringLiteral("姓名")),
        qPrintable(out));

    // Without the key: nobody logged in, nothing synced, so the key is unknown.
    run(program, { QStringLiteral("--verify"), valid }, &code, environment);
    QCOMPARE(code, 1);

    run(program, { QStringLiteral("--verify"), blank, QStringLiteral("--key"), key }, &code,
        environment);
    QCOMPARE(code, 2);
    run(program,
        { QStringLiteral("--verify"), m_dir + QStringLiteral("/nothing-here.pdf"),
            QStringLiteral("--key"), key },
        &code, environment);
    QCOMPARE(code, 2);

    // The keyring a sync left in the data directory is enough: no --key, no login.
    const QString data = home + QStringLiteral("/data/Xueshi/xueshi");
    CertificateKeyring keyring(CertificateKeyring::defaultPath(data));
    SigningKey stored;
    stored.keyId = signingKeyId(m_key.publicKey);
    stored.publicKey = m_key.publicKey;
    stored.current = true;
    QCOMPARE(keyring.merge(QStringLiteral("localhost:8443"), { stored }), 1);
    out = run(program, { QStringLiteral("--verify"), valid }, &code, environment);
    QVERIFY2(code == 0, qPrintable(out));
    QVERIFY2(out.contains(QLatin1String("localhost:8443")), qPrintable(out));
}

QTEST_MAIN(TestClientCertificates)
#include "tst_clientcertificates.moc"
