#include "account/accountpage.h"
#include "account/certificatetrustdialog.h"
#include "account/loginwindow.h"
#include "account/passwordrecoverydialog.h"
#include "account/registrationdialog.h"
#include "account/usernamerecoverydialog.h"
#include "clientfakes.h"
#include "common/uicommon.h"
#include "tls/tlsmaterial.h"
#include "windows/administratorwindow.h"
#include "windows/clientcontroller.h"
#include "windows/learnerwindow.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QSslCertificate generateCertificate()
{
    QString error;
    const server::PemPair pem = server::tls::generateSelfSigned(
        { QStringLiteral("localhost") }, { QHostAddress(QHostAddress::LocalHost) }, 30, &error);
    return QSslCertificate(pem.certificatePem, QSsl::Pem);
}

} // namespace

// The login window and the window flow, driven through the widgets against the fake network:
// labels in Chinese, validation, busy state, server errors, the certificate prompt, role windows.
class TestLoginWindow final : public QObject
{
    Q_OBJECT

private:
    QSslCertificate m_certificateA;
    QSslCertificate m_certificateB;

    template<typename T> static T *child(QObject *parent, const char *name)
    {
        T *object = parent->findChild<T *>(QLatin1String(name));
        if (!object)
            qWarning("no child %s", name);
        return object;
    }
    static void login(LoginWindow &window, const QString &username, const QString &password)
    {
        auto *user = child<QLineEdit>(&window, "usernameLineEdit");
        user->clear();
        QTest::keyClicks(user, username);
        auto *pass = child<QLineEdit>(&window, "passwordLineEdit");
        pass->clear();
        QTest::keyClicks(pass, password);
        QTest::keyClick(pass, Qt::Key_Return);
    }
    static QString status(LoginWindow &window)
    {
        return child<QLabel>(&window, "statusLabel")->text();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
        m_certificateA = generateCertificate();
        m_certificateB = generateCertificate();
        QVERIFY(!m_certificateA.isNull());
    }

    void chinese_manualLabelsExact_andLiveSwitchToEnglish()
    {
        ClientFixture f;
        f.core->setLanguage(Language::Chinese);
        LoginWindow window(f.core.get());
        window.show();
        QCOMPARE(child<QPushButton>(&window, "loginButton")->text(), QStringLiteral("登录"));
        QCOMPARE(child<QPushButton>(&window, "registerButton")->text(), QStringLiteral("注册"));
        QCOMPARE(child<QPushButton>(&window, "recoverUsernameButton")->text(),
            QStringLiteral("账号找回"));
        QCOMPARE(child<QPushButton>(&window, "recoverPasswordButton")->text(),
            QStringLiteral("密码找回"));
        QVERIFY(window.windowTitle().contains(QStringLiteral("学时")));

        RegistrationDialog registration(f.core.get());
        QCOMPARE(child<QLabel>(&registration, "titleLabel")->text(), QStringLiteral("个人注册"));
        QCOMPARE(
            child<QPushButton>(&registration, "registerButton")->text(), QStringLiteral("注册"));
        UsernameRecoveryDialog usernameRecovery(f.core.get());
        QCOMPARE(
            child<QLabel>(&usernameRecovery, "titleLabel")->text(), QStringLiteral("账号找回"));
        QCOMPARE(child<QPushButton>(&usernameRecovery, "sendCodeButton")->text(),
            QStringLiteral("发送验证码"));
        PasswordRecoveryDialog passwordRecovery(f.core.get());
        QCOMPARE(
            child<QLabel>(&passwordRecovery, "titleLabel")->text(), QStringLiteral("密码找回"));

        // The language switch retranslates every open window at once.
        auto *language = child<QComboBox>(&window, "languageComboBox");
        language->setCurrentIndex(language->findData(int(Language::English)));
        emit language->activated(language->currentIndex());
        // Qt delivers LanguageChange through the event loop.
        QTRY_COMPARE(child<QPushButton>(&window, "loginButton")->text(), QStringLiteral("Log in"));
        QTRY_COMPARE(child<QLabel>(&registration, "titleLabel")->text(),
            QStringLiteral("Personal registration"));
        QCOMPARE(f.settings->language(), Language::English);
        QCOMPARE(f.core->api()->language(), Language::English);

        f.core->setLanguage(Language::Chinese);
        QTRY_COMPARE(child<QPushButton>(&window, "loginButton")->text(), QStringLiteral("登录"));
        QCOMPARE(language->currentData().toInt(), int(Language::Chinese));
        f.core->setLanguage(Language::English); // the other tests compare English texts
    }

    void emptyFields_messageAndNoRequest()
    {
        ClientFixture f;
        LoginWindow window(f.core.get());
        window.show();
        QTest::mouseClick(child<QPushButton>(&window, "loginButton"), Qt::LeftButton);
        QVERIFY(status(window).contains(QLatin1String("username")));
        QTest::keyClicks(child<QLineEdit>(&window, "usernameLineEdit"), QStringLiteral("zhangsan"));
        QTest::mouseClick(child<QPushButton>(&window, "loginButton"), Qt::LeftButton);
        QVERIFY(status(window).contains(QLatin1String("password")));
        QCOMPARE(f.network.requests().size(), 0);
    }

    void invalidServerAddress_refusedBeforeAnyRequest()
    {
        ClientFixture f;
        LoginWindow window(f.core.get());
        window.show();
        window.setServerAddress(QStringLiteral("http://insecure.example"));
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        QVERIFY(status(window).contains(QLatin1String("https://")));
        QCOMPARE(f.network.requests().size(), 0);
    }

    void success_enterSubmits_busyWhileWaiting_emitsLoggedIn()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) { return loginAnswer(learnerUserJson()); });
        f.network.hold();
        LoginWindow window(f.core.get());
        window.show();
        window.setServerAddress(QStringLiteral("xueshi.test:8443"));
        QSignalSpy loggedIn(&window, &LoginWindow::loggedIn);
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        QVERIFY(window.isBusy());
        QVERIFY(child<QProgressBar>(&window, "busyIndicator")->isVisible());
        QVERIFY(!child<QPushButton>(&window, "loginButton")->isEnabled());
        QVERIFY(!child<QLineEdit>(&window, "passwordLineEdit")->isEnabled());
        // A second Enter while busy sends nothing more.
        QTest::keyClick(child<QLineEdit>(&window, "usernameLineEdit"), Qt::Key_Return);
        QCOMPARE(f.network.requestCount(QStringLiteral("/session")), 1);

        f.network.release();
        QTRY_COMPARE(loggedIn.count(), 1);
        QVERIFY(!window.isBusy());
        QVERIFY(!child<QProgressBar>(&window, "busyIndicator")->isVisible());
        QCOMPARE(loggedIn.first().first().value<User>().username, QStringLiteral("zhangsan"));
        QVERIFY(child<QLineEdit>(&window, "passwordLineEdit")->text().isEmpty());
        const FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.url.toString(), QStringLiteral("https://xueshi.test:8443/api/v1/session"));
        QCOMPARE(
            request.body.value(QLatin1String("password")).toString(), QStringLiteral("secret123"));
        QCOMPARE(f.settings->lastUsername(), QStringLiteral("zhangsan"));
        QCOMPARE(f.settings->serverAddress(), QStringLiteral("https://xueshi.test:8443"));
    }

    void wrongPassword_showsServerMessage_clearsPassword()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(401, QStringLiteral("invalid_credentials"),
                QStringLiteral("The username or password is wrong."));
        });
        LoginWindow window(f.core.get());
        window.show();
        login(window, QStringLiteral("zhangsan"), QStringLiteral("wrong1234"));
        QTRY_COMPARE(status(window), QStringLiteral("The username or password is wrong."));
        QVERIFY(child<QLineEdit>(&window, "passwordLineEdit")->text().isEmpty());
        QCOMPARE(child<QLineEdit>(&window, "usernameLineEdit")->text(), QStringLiteral("zhangsan"));
    }

    void lockedAccount_showsServerMessage()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(423, QStringLiteral("account_locked"),
                QStringLiteral("Locked for 15 minutes."), QString(),
                QJsonObject { { QStringLiteral("retryAfterSeconds"), 900 } });
        });
        LoginWindow window(f.core.get());
        window.show();
        login(window, QStringLiteral("zhangsan"), QStringLiteral("wrong1234"));
        QTRY_COMPARE(status(window), QStringLiteral("Locked for 15 minutes."));
    }

    void networkError_clearMessage()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::networkFailure(QNetworkReply::HostNotFoundError);
        });
        LoginWindow window(f.core.get());
        window.show();
        window.setServerAddress(QStringLiteral("https://nowhere.test"));
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        QTRY_VERIFY(status(window).contains(QLatin1String("nowhere.test")));
        QVERIFY(status(window).contains(QLatin1String("not found")));
        QVERIFY(!window.isBusy());
    }

    void untrustedCertificate_prompt_trust_pinsAndLogsIn()
    {
        ClientFixture f;
        const QList<QSslError> errors { QSslError(
            QSslError::SelfSignedCertificate, m_certificateA) };
        f.network.setHandler([errors](const FakeRequest &) {
            FakeResponse response = loginAnswer(learnerUserJson());
            response.sslErrors = errors;
            return response;
        });
        LoginWindow window(f.core.get());
        window.show();
        window.setServerAddress(QStringLiteral("https://xueshi.test:8443"));
        QSignalSpy loggedIn(&window, &LoginWindow::loggedIn);
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));

        CertificateTrustDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<CertificateTrustDialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        QCOMPARE(dialog->objectName(), QStringLiteral("certificateTrustDialog"));
        const QString fingerprint = ServerTrust::fingerprint(m_certificateA);
        QCOMPARE(child<QLabel>(dialog, "fingerprintLabel")
                     ->text()
                     .replace(QLatin1Char('\n'), QLatin1Char(':')),
            fingerprint);
        QVERIFY(child<QLabel>(dialog, "fingerprintLabel")->text().startsWith(fingerprint.left(47)));
        QVERIFY(child<QLabel>(dialog, "fingerprintLabel")->text().endsWith(fingerprint.right(47)));
        QVERIFY(child<QLabel>(dialog, "detailsLabel")->text().contains(QLatin1String("localhost")));
        QVERIFY(!child<QWidget>(dialog, "certificateWarningFrame")->isVisible());
        QCOMPARE(loggedIn.count(), 0);
        QCOMPARE(f.core->trust()->pinnedFingerprint(QStringLiteral("xueshi.test:8443")), QString());

        QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
        QTRY_COMPARE(loggedIn.count(), 1);
        QCOMPARE(
            f.core->trust()->pinnedFingerprint(QStringLiteral("xueshi.test:8443")), fingerprint);
        // The accepted reply ignored exactly the reported errors, never all of them.
        QCOMPARE(f.network.ignoredSslErrors(), QList<QList<QSslError>> { errors });
        QCOMPARE(f.network.ignoreAllCount(), 0);
    }

    void untrustedCertificate_cancel_noPinNoLogin()
    {
        ClientFixture f;
        f.network.setHandler([this](const FakeRequest &) {
            FakeResponse response = loginAnswer(learnerUserJson());
            response.sslErrors = { QSslError(QSslError::SelfSignedCertificate, m_certificateA) };
            return response;
        });
        LoginWindow window(f.core.get());
        window.show();
        QSignalSpy loggedIn(&window, &LoginWindow::loggedIn);
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        CertificateTrustDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<CertificateTrustDialog *>()) != nullptr);
        QTest::mouseClick(child<QPushButton>(dialog, "cancelButton"), Qt::LeftButton);
        QTRY_VERIFY(window.findChild<CertificateTrustDialog *>() == nullptr);
        QCOMPARE(loggedIn.count(), 0);
        QVERIFY(f.core->trust()->pinnedFingerprint(f.core->api()->serverKey()).isEmpty());
        QVERIFY(status(window).contains(QLatin1String("not trusted")));
    }

    void changedCertificate_loudWarning_replaceOnlyExplicitly()
    {
        ClientFixture f;
        f.network.setHandler([this](const FakeRequest &) {
            FakeResponse response = loginAnswer(learnerUserJson());
            response.sslErrors = { QSslError(QSslError::SelfSignedCertificate, m_certificateB) };
            return response;
        });
        LoginWindow window(f.core.get());
        window.show();
        window.setServerAddress(QStringLiteral("https://xueshi.test:8443"));
        f.core->trust()->pin(QStringLiteral("xueshi.test:8443"), m_certificateA);
        QSignalSpy loggedIn(&window, &LoginWindow::loggedIn);
        login(window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));

        CertificateTrustDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<CertificateTrustDialog *>()) != nullptr);
        QVERIFY(child<QWidget>(dialog, "certificateWarningFrame")->isVisible());
        QVERIFY(child<QLabel>(dialog, "warningLabel")
                    ->text()
                    .contains(QLatin1String("man-in-the-middle")));
        QVERIFY(child<QLabel>(dialog, "pinnedFingerprintLabel")->isVisible());
        QVERIFY(child<QLabel>(dialog, "pinnedFingerprintLabel")
                    ->text()
                    .startsWith(ServerTrust::fingerprint(m_certificateA).left(47)));
        QVERIFY(child<QLabel>(dialog, "fingerprintLabel")
                    ->text()
                    .startsWith(ServerTrust::fingerprint(m_certificateB).left(47)));
        auto *trustButton = child<QPushButton>(dialog, "trustButton");
        QVERIFY(!trustButton->isEnabled());
        QVERIFY(status(window).contains(QLatin1String("changed")));

        child<QCheckBox>(dialog, "confirmChangeCheckBox")->setChecked(true);
        QVERIFY(trustButton->isEnabled());
        QTest::mouseClick(trustButton, Qt::LeftButton);
        QTRY_COMPARE(loggedIn.count(), 1);
        QCOMPARE(f.core->trust()->pinnedFingerprint(QStringLiteral("xueshi.test:8443")),
            ServerTrust::fingerprint(m_certificateB));
    }

    void recoveryButtons_openDialogs_resultFillsUsername()
    {
        ClientFixture f;
        LoginWindow window(f.core.get());
        window.show();
        QTest::mouseClick(child<QPushButton>(&window, "recoverUsernameButton"), Qt::LeftButton);
        auto *usernameDialog = window.findChild<UsernameRecoveryDialog *>();
        QVERIFY(usernameDialog && usernameDialog->isVisible());
        emit usernameDialog->usernameRecovered(QStringLiteral("found_user"));
        QCOMPARE(
            child<QLineEdit>(&window, "usernameLineEdit")->text(), QStringLiteral("found_user"));
        usernameDialog->close();

        QTest::mouseClick(child<QPushButton>(&window, "recoverPasswordButton"), Qt::LeftButton);
        auto *passwordDialog = window.findChild<PasswordRecoveryDialog *>();
        QVERIFY(passwordDialog && passwordDialog->isVisible());
        // The username typed in the login window is carried over.
        QCOMPARE(child<QLineEdit>(passwordDialog, "usernameLineEdit")->text(),
            QStringLiteral("found_user"));
        passwordDialog->close();

        QTest::mouseClick(child<QPushButton>(&window, "registerButton"), Qt::LeftButton);
        auto *registration = window.findChild<RegistrationDialog *>();
        QVERIFY(registration && registration->isVisible());
        emit registration->registered(QStringLiteral("new_user"));
        QCOMPARE(child<QLineEdit>(&window, "usernameLineEdit")->text(), QStringLiteral("new_user"));
        QVERIFY(status(window).contains(QLatin1String("Registration complete")));
    }

    void controller_loginOpensRoleWindow_logoutReturns()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session") && request.verb == "POST")
                return loginAnswer(learnerUserJson());
            return FakeResponse::noContent();
        });
        ClientController controller(f.core.get());
        controller.start();
        LoginWindow *window = controller.loginWindow();
        QVERIFY(window->isVisible());
        login(*window, QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        QTRY_VERIFY(controller.roleWindow() != nullptr);
        QVERIFY(qobject_cast<LearnerWindow *>(controller.roleWindow()));
        QVERIFY(controller.roleWindow()->isVisible());
        QVERIFY(!window->isVisible());

        QTest::mouseClick(
            child<QPushButton>(controller.roleWindow(), "logoutButton"), Qt::LeftButton);
        QTRY_VERIFY(window->isVisible());
        QVERIFY(controller.roleWindow() == nullptr);
        QCOMPARE(f.network.lastRequest().verb, QByteArray("DELETE"));
        QCOMPARE(f.network.lastRequest().header("Authorization"), QByteArray("Bearer token-123"));
        QCOMPARE(child<QLineEdit>(window, "usernameLineEdit")->text(), QStringLiteral("zhangsan"));
        QVERIFY(status(*window).contains(QLatin1String("logged out")));
        QVERIFY(!f.core->session()->isLoggedIn());
    }

    void controller_sessionExpired_backToLoginWithMessage()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session"))
                return loginAnswer(learnerUserJson());
            return FakeResponse::error(
                401, QStringLiteral("token_expired"), QStringLiteral("Your session has expired."));
        });
        ClientController controller(f.core.get());
        controller.start();
        login(*controller.loginWindow(), QStringLiteral("zhangsan"), QStringLiteral("secret123"));
        QTRY_VERIFY(controller.roleWindow() != nullptr);
        f.core->session()->refreshUser(nullptr, {});
        QTRY_VERIFY(controller.loginWindow()->isVisible());
        QCOMPARE(status(*controller.loginWindow()), QStringLiteral("Your session has expired."));
    }

    void controller_administrator_opensAdministratorWindow()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session") && request.verb == "POST") {
                QJsonObject admin = learnerUserJson(QStringLiteral("admin"));
                admin.insert(QStringLiteral("role"), QStringLiteral("administrator"));
                admin.insert(QStringLiteral("learner"), QJsonValue::Null);
                return loginAnswer(admin);
            }
            return FakeResponse::noContent();
        });
        ClientController controller(f.core.get());
        controller.start();
        login(*controller.loginWindow(), QStringLiteral("admin"), QStringLiteral("secret123"));
        QTRY_VERIFY(controller.roleWindow() != nullptr);
        QVERIFY(qobject_cast<AdministratorWindow *>(controller.roleWindow()));
        QVERIFY(!controller.loginWindow()->isVisible());
        QVERIFY(f.core->session()->isLoggedIn());
    }
};

QTEST_MAIN(TestLoginWindow)
#include "tst_loginwindow.moc"
