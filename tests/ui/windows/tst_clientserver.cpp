#include "account/accountpage.h"
#include "account/certificatetrustdialog.h"
#include "account/countdownbutton.h"
#include "account/loginwindow.h"
#include "account/passwordrecoverydialog.h"
#include "account/registrationdialog.h"
#include "account/usernamerecoverydialog.h"
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/administratorwindow.h"
#include "windows/clientcontroller.h"
#include "windows/employerwindow.h"
#include "windows/institutionwindow.h"
#include "windows/learnerwindow.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

// The real client core (real QNetworkAccessManager, settings in a temporary file) pointed at a
// real server started in-process.
struct RealClient
{
    explicit RealClient(TestServer &server, const QString &settingsFile = {})
        : settings(std::make_unique<AppSettings>(settingsFile.isEmpty()
                ? temporaryDirectory() + QStringLiteral("/client.ini")
                : settingsFile))
        , core(std::make_unique<ClientCore>(settings.get(), &network, &server.clock()))
        , controller(std::make_unique<ClientController>(core.get()))
    {
        settings->setServerAddress(server.baseUrl().toString());
        controller->loginWindow()->setServerAddress(server.baseUrl().toString());
        controller->start();
    }
    void trust(TestServer &server)
    {
        core->trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
    }
    LoginWindow *login() const { return controller->loginWindow(); }

    std::unique_ptr<AppSettings> settings;
    QNetworkAccessManager network;
    std::unique_ptr<ClientCore> core;
    std::unique_ptr<ClientController> controller;
};

template<typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QLatin1String(name));
    if (!object)
        qWarning("no child %s", name);
    return object;
}

void type(QObject *parent, const char *name, const QString &value)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->clear();
    QTest::keyClicks(edit, value);
}

QString text(QObject *parent, const char *name)
{
    return child<QLabel>(parent, name)->text();
}

void submitLogin(LoginWindow *window, const QString &username, const QString &password)
{
    type(window, "usernameLineEdit", username);
    type(window, "passwordLineEdit", password);
    QTest::keyClick(child<QLineEdit>(window, "passwordLineEdit"), Qt::Key_Return);
}

void chooseRegion(
    QWidget *dialog, const QString &province, const QString &city, const QString &district)
{
    const auto choose = [dialog](const char *name, const QString &code) {
        auto *box = child<QComboBox>(dialog, name);
        box->setCurrentIndex(box->findData(code));
        emit box->activated(box->currentIndex());
    };
    choose("provinceComboBox", province);
    choose("cityComboBox", city);
    choose("districtComboBox", district);
}

} // namespace

// The client's widgets against the real server over HTTPS: the certificate prompt on first
// contact, registration, login into each role's window, recovery, password change, lockout.
class TestClientServer final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
    }

    void firstContact_untrustedPrompt_trustPinsThenLogsIn()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server::loadDemoData(server.server(), &error), qPrintable(error));
        const QString settingsFile = temporaryDirectory() + QStringLiteral("/pin.ini");
        {
            RealClient client(server, settingsFile);
            submitLogin(
                client.login(), QStringLiteral("demo_learner"), QStringLiteral("Xueshi2026"));
            CertificateTrustDialog *dialog = nullptr;
            QTRY_VERIFY_WITH_TIMEOUT(
                (dialog = client.login()->findChild<CertificateTrustDialog *>()), 15000);
            QCOMPARE(text(dialog, "fingerprintLabel").replace(QLatin1Char('\n'), QLatin1Char(':')),
                server.fingerprint());
            QVERIFY(client.controller->roleWindow() == nullptr);
            QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
            QVERIFY(qobject_cast<LearnerWindow *>(client.controller->roleWindow()));
            QCOMPARE(
                client.core->trust()->pinnedFingerprint(ServerTrust::serverKey(server.baseUrl())),
                server.fingerprint());
        }
        // The pin is remembered: a new client on the same settings connects without asking.
        RealClient again(server, settingsFile);
        submitLogin(again.login(), QStringLiteral("demo_employer"), QStringLiteral("Xueshi2026"));
        QTRY_VERIFY_WITH_TIMEOUT(again.controller->roleWindow() != nullptr, 15000);
        QVERIFY(again.login()->findChild<CertificateTrustDialog *>() == nullptr);
    }

    void demoAccounts_eachRoleOpensItsWindow_logoutReturns()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server::loadDemoData(server.server(), &error), qPrintable(error));
        RealClient client(server);
        client.trust(server);
        for (const server::DemoAccount &account : server::demoAccounts()) {
            submitLogin(client.login(), account.username, account.password);
            QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
            RoleWindow *window = client.controller->roleWindow();
            if (account.role == QLatin1String("learner"))
                QVERIFY(qobject_cast<LearnerWindow *>(window));
            else if (account.role == QLatin1String("employer"))
                QVERIFY(qobject_cast<EmployerWindow *>(window));
            else if (account.role == QLatin1String("institution"))
                QVERIFY(qobject_cast<InstitutionWindow *>(window));
            else
                QVERIFY(qobject_cast<AdministratorWindow *>(window));
            QCOMPARE(text(window, "nameLabel"), account.name);
            QCOMPARE(text(window, "usernameValueLabel"), account.username);
            // The demo employer and institution are approved; the new demo employer is not.
            QCOMPARE(child<QWidget>(window, "approvalBanner")->isVisible(),
                account.username == QLatin1String("demo_new_employer"));
            if (account.username == QLatin1String("demo_new_employer"))
                QVERIFY2(text(window, "approvalLabel").contains(QLatin1String("employer account")),
                    qPrintable(text(window, "approvalLabel")));
            QVERIFY(window->windowTitle().contains(UiText::productName()));

            QTest::mouseClick(child<QPushButton>(window, "logoutButton"), Qt::LeftButton);
            QTRY_VERIFY(client.login()->isVisible());
            QVERIFY(client.controller->roleWindow() == nullptr);
            QCOMPARE(
                child<QLineEdit>(client.login(), "usernameLineEdit")->text(), account.username);
        }
    }

    void registerLearner_throughWidgets_thenLogIn()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        RealClient client(server);
        client.trust(server);
        QTest::mouseClick(child<QPushButton>(client.login(), "registerButton"), Qt::LeftButton);
        auto *dialog = client.login()->findChild<RegistrationDialog *>();
        QVERIFY(dialog);
        type(dialog, "usernameLineEdit", QStringLiteral("wangwu"));
        type(dialog, "passwordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "confirmPasswordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "realNameLineEdit", QStringLiteral("Wang Wu"));
        type(dialog, "residentIdLineEdit", residentId(QStringLiteral("44010619850315123")));
        type(dialog, "mobileLineEdit", QStringLiteral("13900001111"));
        type(dialog, "emailLineEdit", QStringLiteral("wangwu@example.cn"));
        auto *registerButton = child<QPushButton>(dialog, "registerButton");
        QVERIFY(registerButton->isEnabled());
        QTest::mouseClick(registerButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isSucceeded(), 15000);
        QTest::mouseClick(child<QPushButton>(dialog, "backToLoginButton"), Qt::LeftButton);
        QCOMPARE(
            child<QLineEdit>(client.login(), "usernameLineEdit")->text(), QStringLiteral("wangwu"));

        // The new account can log in at once (R1).
        type(client.login(), "passwordLineEdit", QStringLiteral("Secret123"));
        QTest::keyClick(child<QLineEdit>(client.login(), "passwordLineEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
        RoleWindow *window = client.controller->roleWindow();
        QVERIFY(qobject_cast<LearnerWindow *>(window));
        QCOMPARE(text(window, "realNameValueLabel"), QStringLiteral("Wang Wu"));
        QVERIFY(text(window, "residentIdValueLabel").contains(QLatin1Char('*')));
    }

    void registerDuplicates_refusedAtTheirFields()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient api(server);
        QCOMPARE(api.post(QStringLiteral("/accounts/learners"),
                        learnerRegistration(
                            QStringLiteral("taken_user"), QStringLiteral("44010619850315123")))
                     .status,
            201);
        RealClient client(server);
        client.trust(server);
        QTest::mouseClick(child<QPushButton>(client.login(), "registerButton"), Qt::LeftButton);
        auto *dialog = client.login()->findChild<RegistrationDialog *>();
        type(dialog, "usernameLineEdit", QStringLiteral("taken_user"));
        type(dialog, "passwordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "confirmPasswordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "realNameLineEdit", QStringLiteral("Zhao Liu"));
        type(dialog, "residentIdLineEdit", residentId(QStringLiteral("11010519491231002")));
        type(dialog, "mobileLineEdit", QStringLiteral("13900002222"));
        QTest::mouseClick(child<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "usernameMessageLabel")
                                     ->text()
                                     .contains(QLatin1String("taken_user")),
            15000);
        QVERIFY(!dialog->isSucceeded());

        // Same resident id as the existing account, under a free username.
        type(dialog, "usernameLineEdit", QStringLiteral("zhaoliu"));
        type(dialog, "residentIdLineEdit", residentId(QStringLiteral("44010619850315123")));
        QTest::mouseClick(child<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(dialog, "residentIdMessageLabel")
                                     ->styleSheet()
                                     .contains(QLatin1String("#c62828")),
            15000);
        QVERIFY(!text(dialog, "residentIdMessageLabel").isEmpty());
        QVERIFY(!dialog->isSucceeded());
    }

    void registerInstitution_awaitsApproval_bannerAfterLogin()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        RealClient client(server);
        client.trust(server);
        QTest::mouseClick(child<QPushButton>(client.login(), "registerButton"), Qt::LeftButton);
        auto *dialog = client.login()->findChild<RegistrationDialog *>();
        QTest::mouseClick(child<QRadioButton>(dialog, "institutionRadioButton"), Qt::LeftButton);
        type(dialog, "usernameLineEdit", QStringLiteral("peixun"));
        type(dialog, "passwordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "confirmPasswordLineEdit", QStringLiteral("Secret123"));
        type(dialog, "organisationNameLineEdit", QStringLiteral("Tianhe Training Centre"));
        type(dialog, "creditCodeLineEdit", creditCode(QStringLiteral("52440106MJ0000001")));
        chooseRegion(
            dialog, QStringLiteral("44"), QStringLiteral("4401"), QStringLiteral("440106"));
        type(dialog, "contactPersonLineEdit", QStringLiteral("Li Si"));
        type(dialog, "phoneLineEdit", QStringLiteral("020-87654321"));
        QVERIFY(child<QPushButton>(dialog, "registerButton")->isEnabled());
        QTest::mouseClick(child<QPushButton>(dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isSucceeded(), 15000);
        QVERIFY(text(dialog, "successLabel").contains(QLatin1String("approve")));
        QTest::mouseClick(child<QPushButton>(dialog, "backToLoginButton"), Qt::LeftButton);

        type(client.login(), "passwordLineEdit", QStringLiteral("Secret123"));
        QTest::keyClick(child<QLineEdit>(client.login(), "passwordLineEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
        RoleWindow *window = client.controller->roleWindow();
        QVERIFY(qobject_cast<InstitutionWindow *>(window));
        QVERIFY(child<QWidget>(window, "approvalBanner")->isVisible());
        QCOMPARE(
            text(window, "organisationNameValueLabel"), QStringLiteral("Tianhe Training Centre"));
        QVERIFY(!text(window, "regionValueLabel").isEmpty());
    }

    void wrongPasswordThenLockout_serverMessagesShown()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server::loadDemoData(server.server(), &error), qPrintable(error));
        RealClient client(server);
        client.trust(server);
        QLabel *status = child<QLabel>(client.login(), "statusLabel");
        TestClient api(server);
        const QString wrongMessage
            = api.post(QStringLiteral("/session"),
                     { { QStringLiteral("username"), QStringLiteral("demo_learner") },
                         { QStringLiteral("password"), QStringLiteral("nope") } },
                     {}, QByteArrayLiteral("zh-CN"))
                  .errorMessage();
        QVERIFY(!wrongMessage.isEmpty());
        for (int attempt = 2; attempt <= 4; ++attempt) {
            status->clear();
            submitLogin(client.login(), QStringLiteral("demo_learner"),
                QStringLiteral("wrong-%1").arg(attempt));
            QTRY_COMPARE_WITH_TIMEOUT(status->text(), wrongMessage, 15000);
            QVERIFY(!client.login()->isBusy());
        }
        // The fifth failure locks the account; the message says for how long.
        status->clear();
        submitLogin(client.login(), QStringLiteral("demo_learner"), QStringLiteral("wrong-5"));
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty() && !client.login()->isBusy(), 15000);
        QVERIFY2(status->text().contains(QLatin1String("15")), qPrintable(status->text()));
        const QString lockedMessage = status->text();
        QVERIFY(lockedMessage != wrongMessage);
        // Even the right password is refused while locked.
        status->clear();
        submitLogin(client.login(), QStringLiteral("demo_learner"), QStringLiteral("Xueshi2026"));
        QTRY_VERIFY_WITH_TIMEOUT(!status->text().isEmpty() && !client.login()->isBusy(), 15000);
        QVERIFY(status->text().contains(QLatin1String("15")));
        QVERIFY(client.controller->roleWindow() == nullptr);
    }

    void recoverUsername_codeFromOutbox_showsUsername()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient api(server);
        QCOMPARE(api.post(QStringLiteral("/accounts/learners"),
                        learnerRegistration(
                            QStringLiteral("forgetful"), QStringLiteral("44010619850315123")))
                     .status,
            201);
        RealClient client(server);
        client.trust(server);
        QTest::mouseClick(
            child<QPushButton>(client.login(), "recoverUsernameButton"), Qt::LeftButton);
        auto *dialog = client.login()->findChild<UsernameRecoveryDialog *>();
        QVERIFY(dialog);
        type(dialog, "residentIdLineEdit", residentId(QStringLiteral("44010619850315123")));
        QTest::mouseClick(child<CountdownButton>(dialog, "sendCodeButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->requestId().isEmpty(), 15000);
        // Where the code went is not said, not even masked (the answer is the same for details
        // that match no account).
        QVERIFY(!text(dialog, "destinationLabel").isEmpty());
        QVERIFY(!text(dialog, "destinationLabel").contains(QLatin1Char('*')));
        const QString code = server.lastCode();
        QCOMPARE(code.size(), 6);

        // A wrong code first: the server's message with the tries left.
        QString wrong = code;
        wrong[0] = wrong[0] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        type(dialog, "codeLineEdit", wrong);
        QTest::mouseClick(child<QPushButton>(dialog, "verifyButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(text(dialog, "statusLabel").contains(QLatin1String("4")), 15000);

        type(dialog, "codeLineEdit", code);
        QTest::mouseClick(child<QPushButton>(dialog, "verifyButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            text(dialog, "usernameResultLabel"), QStringLiteral("forgetful"), 15000);
        QTest::mouseClick(child<QPushButton>(dialog, "useUsernameButton"), Qt::LeftButton);
        QCOMPARE(child<QLineEdit>(client.login(), "usernameLineEdit")->text(),
            QStringLiteral("forgetful"));
    }

    void recoverPassword_resetThenLogInWithNewPassword()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        TestClient api(server);
        QCOMPARE(api.post(QStringLiteral("/accounts/learners"),
                        learnerRegistration(
                            QStringLiteral("resetme"), QStringLiteral("44010619850315123")))
                     .status,
            201);
        RealClient client(server);
        client.trust(server);
        type(client.login(), "usernameLineEdit", QStringLiteral("resetme"));
        QTest::mouseClick(
            child<QPushButton>(client.login(), "recoverPasswordButton"), Qt::LeftButton);
        auto *dialog = client.login()->findChild<PasswordRecoveryDialog *>();
        QVERIFY(dialog);
        QCOMPARE(child<QLineEdit>(dialog, "usernameLineEdit")->text(), QStringLiteral("resetme"));
        QTest::mouseClick(child<CountdownButton>(dialog, "sendCodeButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->requestId().isEmpty(), 15000);
        // Asking again at once is refused by the server (one code a minute), and the button
        // says so by counting down.
        QVERIFY(!child<CountdownButton>(dialog, "sendCodeButton")->isEnabled());

        type(dialog, "codeLineEdit", server.lastCode());
        type(dialog, "newPasswordLineEdit", QStringLiteral("Brandnew456"));
        type(dialog, "confirmPasswordLineEdit", QStringLiteral("Brandnew456"));
        QTest::mouseClick(child<QPushButton>(dialog, "resetButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->isDone(), 15000);
        QTest::mouseClick(child<QPushButton>(dialog, "backToLoginButton"), Qt::LeftButton);

        submitLogin(client.login(), QStringLiteral("resetme"), QStringLiteral("Brandnew456"));
        QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
    }

    void changePassword_onAccountPage_thenOldPasswordRefused()
    {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server::loadDemoData(server.server(), &error), qPrintable(error));
        RealClient client(server);
        client.trust(server);
        submitLogin(client.login(), QStringLiteral("demo_employer"), QStringLiteral("Xueshi2026"));
        QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
        RoleWindow *window = client.controller->roleWindow();

        type(window, "currentPasswordLineEdit", QStringLiteral("NotMine123"));
        type(window, "newPasswordLineEdit", QStringLiteral("Changed789"));
        type(window, "confirmPasswordLineEdit", QStringLiteral("Changed789"));
        QTest::mouseClick(child<QPushButton>(window, "changePasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window, "currentPasswordMessageLabel")
                                     ->styleSheet()
                                     .contains(QLatin1String("#c62828")),
            15000);

        type(window, "currentPasswordLineEdit", QStringLiteral("Xueshi2026"));
        QTest::mouseClick(child<QPushButton>(window, "changePasswordButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(window, "passwordStatusLabel")
                                     ->styleSheet()
                                     .contains(QLatin1String("#1b7f3b")),
            15000);
        QTest::mouseClick(child<QPushButton>(window, "logoutButton"), Qt::LeftButton);
        QTRY_VERIFY(client.login()->isVisible());

        submitLogin(client.login(), QStringLiteral("demo_employer"), QStringLiteral("Xueshi2026"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !client.login()->isBusy() && !text(client.login(), "statusLabel").isEmpty(), 15000);
        QVERIFY(client.controller->roleWindow() == nullptr);
        submitLogin(client.login(), QStringLiteral("demo_employer"), QStringLiteral("Changed789"));
        QTRY_VERIFY_WITH_TIMEOUT(client.controller->roleWindow() != nullptr, 15000);
    }
};

QTEST_MAIN(TestClientServer)
#include "tst_clientserver.moc"
