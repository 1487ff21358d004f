// 证书验证 (VerifyDialog) driven through its widgets: a valid PDF, an edited page, pasted
// payloads (tampered, forged signature, not a certificate), the server's status of the serial
// (superseded, revoked, unknown), keys taken from the server when the signer is unknown, and the
// login window's way in.
#include "account/loginwindow.h"
#include "certificatedocument.h"
#include "certificatefixtures.h"
#include "certificatekeyring.h"
#include "certificates/verifydialog.h"
#include "clientfakes.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "user.h"
#include "windows/rolewindow.h"

#include <QAction>
#include <QJsonArray>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPrintPreviewWidget>
#include <QPrinter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>

#include <sodium.h>

using namespace xueshi;
using namespace xueshi::test;

namespace {

CertificateFields sample()
{
    return sampleCertificate(300, 420, 180);
}

QJsonObject statusBody(const QString &secondStatus, const QString &reason = {})
{
    return { { QStringLiteral("serial"), QStringLiteral("XS2026K7M3Q9X2PA") },
        { QStringLiteral("versions"),
            QJsonArray { QJsonObject { { QStringLiteral("certificateVersion"), 1 },
                             { QStringLiteral("status"), secondStatus },
                             { QStringLiteral("issuedOn"), QStringLiteral("2026-12-06") },
                             { QStringLiteral("revokedReason"), reason } },
                QJsonObject { { QStringLiteral("certificateVersion"), 2 },
                    { QStringLiteral("status"), QStringLiteral("current") },
                    { QStringLiteral("issuedOn"), QStringLiteral("2026-12-20") } } } } };
}

} // namespace

class TestVerifyDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void openedPdf_valid_showsFieldsAndServerStatus();
    void openedPdf_pageEdited_namesTheField();
    void pastedPayload_outcomes_data();
    void pastedPayload_outcomes();
    void revokedOnServer_showsTheReason();
    void serverUnknownSerial_isSaid();
    void unknownKey_takesTheServersKeysOnce();
    void loginWindow_opensTheDialog();
    void printPreview_oneLandscapePage();
    void roleWindows_helpMenu_opensTheDialog_data();
    void roleWindows_helpMenu_opensTheDialog();

private:
    VerifyDialog *makeDialog();

    std::unique_ptr<ClientFixture> m_fixture;
    QByteArray m_publicKey;
    QByteArray m_secretKey;
    QString m_payload;
    QString m_dir;
    QJsonObject m_status;
    int m_statusCode = 200;
};

void TestVerifyDialog::initTestCase()
{
    QVERIFY(sodium_init() >= 0);
    const SigningKeyPair key = deterministicSigningKey('d');
    m_publicKey = key.publicKey;
    m_secretKey = key.secretKey;
    m_payload = signCertificate(sample(), m_secretKey);
    QVERIFY(!m_payload.isEmpty());
}

void TestVerifyDialog::init()
{
    m_fixture = std::make_unique<ClientFixture>();
    m_dir = temporaryDirectory();
    m_fixture->core->enableLocalData(m_dir, nullptr);
    SigningKey key;
    key.keyId = signingKeyId(m_publicKey);
    key.publicKey = m_publicKey;
    key.current = true;
    QCOMPARE(
        m_fixture->core->certificateKeyring()->merge(QStringLiteral("xueshi.test:8443"), { key }),
        1);
    m_status = statusBody(QStringLiteral("superseded"));
    m_statusCode = 200;
    m_fixture->network.setHandler([this](const FakeRequest &request) {
        if (request.path == QLatin1String("/certificates/XS2026K7M3Q9X2PA")) {
            if (m_statusCode == 404)
                return FakeResponse::error(
                    404, QStringLiteral("not_found"), QStringLiteral("No such certificate."));
            return FakeResponse::json(200, m_status);
        }
        if (request.path == QLatin1String("/certificates/keys")) {
            return FakeResponse::json(200,
                { { QStringLiteral("keys"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("keyId"),
                                          QString::fromLatin1(signingKeyId(m_publicKey).toHex()) },
                            { QStringLiteral("publicKey"),
                                QString::fromLatin1(m_publicKey.toBase64()) },
                            { QStringLiteral("current"), true } } } } });
        }
        return FakeResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Not found."));
    });
}

void TestVerifyDialog::cleanup()
{
    m_fixture.reset();
}

VerifyDialog *TestVerifyDialog::makeDialog()
{
    auto *dialog = new VerifyDialog(m_fixture->core.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    return dialog;
}

void TestVerifyDialog::openedPdf_valid_showsFieldsAndServerStatus()
{
    const QString pdf = m_dir + QStringLiteral("/valid.pdf");
    QVERIFY(writeCertificatePdf(sample(), m_payload, pdf));
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy online(dialog.get(), &VerifyDialog::onlineStatusChanged);
    dialog->verifyFile(pdf);
    auto *outcome = dialog->findChild<QLabel *>(QStringLiteral("outcomeLabel"));
    QVERIFY(outcome);
    QCOMPARE(outcome->text(), QStringLiteral("Valid"));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("detailLabel"))
                ->text()
                .contains(QLatin1String("xueshi.test:8443")));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("fieldsTableWidget"));
    QVERIFY(table);
    QCOMPARE(table->rowCount(), int(CertificateFields::fieldNames().size()));
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("张三丰"));
    QCOMPARE(table->item(7, 1)->text(), QStringLiteral("42"));
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("sourceLabel"))->text(),
        QStringLiteral("valid.pdf"));
    // Version 1 was superseded by version 2 on the server.
    QVERIFY(online.wait());
    const QString status = dialog->findChild<QLabel *>(QStringLiteral("onlineStatusLabel"))->text();
    QVERIFY2(status.contains(QLatin1String("Superseded by version 2")), qPrintable(status));
    QCOMPARE(m_fixture->network.requestCount(QStringLiteral("/certificates/XS2026K7M3Q9X2PA")), 1);
}

void TestVerifyDialog::openedPdf_pageEdited_namesTheField()
{
    CertificateFields edited = sample();
    edited.name = QStringLiteral("张三峰");
    const QString pdf = m_dir + QStringLiteral("/edited.pdf");
    QVERIFY(writeCertificatePdf(edited, m_payload, pdf));
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    dialog->verifyFile(pdf);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text(),
        QStringLiteral("Tampered with (Name)"));
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("fieldsTableWidget"));
    // The signed name, marked.
    QCOMPARE(table->item(3, 1)->text(), QStringLiteral("张三丰 (changed)"));
    QCOMPARE(table->item(4, 1)->text(), QStringLiteral("440106********1234"));
}

void TestVerifyDialog::pastedPayload_outcomes_data()
{
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("outcome");
    QString badSignature = m_payload;
    const qsizetype at = badSignature.size() - 3;
    badSignature[at]
        = badSignature.at(at) == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    CertificateFields other = sample();
    other.name = QStringLiteral("李四");
    // The body of another certificate with this one's signature: every digest differs.
    const QString forged = signCertificate(other, m_secretKey).section(QLatin1Char('.'), 0, 1)
        + QLatin1Char('.') + m_payload.section(QLatin1Char('.'), 2, 2);
    QTest::newRow("valid") << m_payload << QStringLiteral("Valid");
    QTest::newRow("valid with blanks")
        << (QStringLiteral("  ") + m_payload + QStringLiteral("\n")) << QStringLiteral("Valid");
    QTest::newRow("signature altered") << badSignature << QStringLiteral("Invalid signature");
    QTest::newRow("digests of another") << forged << QStringLiteral("Invalid signature");
    QTest::newRow("not a certificate")
        << QStringLiteral("https://example.com/") << QStringLiteral("Not a Xueshi certificate");
}

void TestVerifyDialog::pastedPayload_outcomes()
{
    QFETCH(QString, payload);
    QFETCH(QString, outcome);
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    auto *edit = dialog->findChild<QPlainTextEdit *>(QStringLiteral("payloadTextEdit"));
    auto *button = dialog->findChild<QPushButton *>(QStringLiteral("verifyPayloadButton"));
    QVERIFY(edit && button);
    QVERIFY(!button->isEnabled());
    edit->setPlainText(payload);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(dialog->hasResult());
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text(), outcome);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("sourceLabel"))->text(),
        QStringLiteral("Pasted text"));
}

void TestVerifyDialog::revokedOnServer_showsTheReason()
{
    m_status = statusBody(QStringLiteral("revoked"), QStringLiteral("Issued in error"));
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy online(dialog.get(), &VerifyDialog::onlineStatusChanged);
    dialog->verifyPayload(m_payload);
    QVERIFY(online.wait());
    const QString status = dialog->findChild<QLabel *>(QStringLiteral("onlineStatusLabel"))->text();
    QVERIFY2(status.contains(QLatin1String("Revoked: Issued in error")), qPrintable(status));
}

void TestVerifyDialog::serverUnknownSerial_isSaid()
{
    m_statusCode = 404;
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy online(dialog.get(), &VerifyDialog::onlineStatusChanged);
    dialog->verifyPayload(m_payload);
    QVERIFY(online.wait());
    QVERIFY(online.at(0).at(0).value<CertificateStatus>().unknown);
    const QString status = dialog->findChild<QLabel *>(QStringLiteral("onlineStatusLabel"))->text();
    QVERIFY2(status.contains(QLatin1String("Unknown to the server")), qPrintable(status));
}

void TestVerifyDialog::unknownKey_takesTheServersKeysOnce()
{
    // A client that never synced: an empty keyring.
    m_fixture = std::make_unique<ClientFixture>();
    const QString fresh = temporaryDirectory();
    m_fixture->core->enableLocalData(fresh, nullptr);
    QVERIFY(m_fixture->core->certificateKeyring()->publicKeys().isEmpty());
    m_fixture->network.setHandler([this](const FakeRequest &request) {
        if (request.path == QLatin1String("/certificates/keys"))
            return FakeResponse::json(200,
                { { QStringLiteral("keys"),
                    QJsonArray {
                        QJsonObject { { QStringLiteral("keyId"),
                                          QString::fromLatin1(signingKeyId(m_publicKey).toHex()) },
                            { QStringLiteral("publicKey"),
                                QString::fromLatin1(m_publicKey.toBase64()) },
                            { QStringLiteral("current"), true } } } } });
        return FakeResponse::json(200, m_status);
    });
    std::unique_ptr<VerifyDialog> dialog(makeDialog());
    dialog->setAttribute(Qt::WA_DeleteOnClose, false);
    QSignalSpy verified(dialog.get(), &VerifyDialog::verified);
    dialog->verifyPayload(m_payload);
    QCOMPARE(verified.size(), 1);
    QCOMPARE(dialog->verification().outcome, CertificateVerification::Outcome::UnknownKey);
    QTRY_COMPARE(verified.size(), 2);
    QCOMPARE(dialog->verification().outcome, CertificateVerification::Outcome::Valid);
    QCOMPARE(m_fixture->network.requestCount(QStringLiteral("/certificates/keys")), 1);
    // Kept for offline checks.
    CertificateKeyring reread(CertificateKeyring::defaultPath(fresh));
    QCOMPARE(reread.publicKeys(), QList<QByteArray> { m_publicKey });

    // A signer the server does not publish either: asked once, then left unknown.
    const QByteArray otherSecret = deterministicSigningKey('x').secretKey;
    m_fixture->network.clearRequests();
    dialog->verifyPayload(signCertificate(sample(), otherSecret));
    QTRY_COMPARE(m_fixture->network.requestCount(QStringLiteral("/certificates/keys")), 1);
    QTest::qWait(50);
    QCOMPARE(m_fixture->network.requestCount(QStringLiteral("/certificates/keys")), 1);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("outcomeLabel"))->text(),
        QStringLiteral("Unknown signing key"));
}

void TestVerifyDialog::loginWindow_opensTheDialog()
{
    LoginWindow window(m_fixture->core.get());
    window.show();
    auto *button = window.findChild<QPushButton *>(QStringLiteral("verifyCertificateButton"));
    QVERIFY(button);
    QVERIFY(!window.findChild<VerifyDialog *>());
    QTest::mouseClick(button, Qt::LeftButton);
    auto *dialog = window.findChild<VerifyDialog *>(QStringLiteral("verifyDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("openFileButton")));
    dialog->verifyPayload(m_payload);
    QCOMPARE(dialog->verification().outcome, CertificateVerification::Outcome::Valid);
}

void TestVerifyDialog::printPreview_oneLandscapePage()
{
    // The learner page's 打印: a print preview painting the certificate on its QPrinter.
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageLayout(CertificateDocument::pageLayout());
    QPrintPreviewWidget preview(&printer);
    const CertificateDocument document(sample(), m_payload);
    int painted = 0;
    connect(&preview, &QPrintPreviewWidget::paintRequested, this, [&](QPrinter *target) {
        QString error;
        QVERIFY2(document.print(target, &error), qPrintable(error));
        ++painted;
    });
    preview.show();
    preview.updatePreview();
    QTRY_VERIFY(painted > 0);
    QCOMPARE(preview.pageCount(), 1);
    QCOMPARE(printer.pageLayout().orientation(), QPageLayout::Landscape);
    QCOMPARE(printer.pageLayout().pageSize().id(), QPageSize::A4);
}

void TestVerifyDialog::roleWindows_helpMenu_opensTheDialog_data()
{
    QTest::addColumn<QJsonObject>("user");
    QTest::newRow("learner") << learnerUserJson();
    QTest::newRow("employer") << organisationUserJson(
        QStringLiteral("employer"), QStringLiteral("hr_office"));
    QTest::newRow("institution") << organisationUserJson(
        QStringLiteral("institution"), QStringLiteral("training"));
    QTest::newRow("administrator")
        << organisationUserJson(QStringLiteral("administrator"), QStringLiteral("admin"));
}

void TestVerifyDialog::roleWindows_helpMenu_opensTheDialog()
{
    QFETCH(QJsonObject, user);
    std::unique_ptr<RoleWindow> window(
        RoleWindow::create(m_fixture->core.get(), User::fromJson(user)));
    QVERIFY(window);
    window->show();
    auto *action = window->findChild<QAction *>(QStringLiteral("verifyCertificateAction"));
    QVERIFY(action);
    QVERIFY(!action->text().isEmpty());
    action->trigger();
    auto *dialog = window->findChild<VerifyDialog *>(QStringLiteral("verifyDialog"));
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->verifyPayload(m_payload);
    QCOMPARE(dialog->verification().outcome, CertificateVerification::Outcome::Valid);
}

QTEST_MAIN(TestVerifyDialog)
#include "tst_verifydialog.moc"
