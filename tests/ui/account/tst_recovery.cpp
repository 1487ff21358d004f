#include "account/countdownbutton.h"
#include "account/passwordrecoverydialog.h"
#include "account/usernamerecoverydialog.h"
#include "clientfakes.h"
#include "common/uicommon.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

namespace {

FakeResponse ticket(const QString &id, const QString &channel = QStringLiteral("mobile"))
{
    return FakeResponse::json(202,
        QJsonObject { { QStringLiteral("requestId"), id }, { QStringLiteral("channel"), channel },
            { QStringLiteral("expiresAt"), QStringLiteral("2026-03-01T09:10:00Z") } });
}

} // namespace

// The recovery dialogs (R2) driven through their widgets against the fake network.
class TestRecovery final : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *child(QObject *parent, const char *name)
    {
        T *object = parent->findChild<T *>(QLatin1String(name));
        if (!object)
            qWarning("no child %s", name);
        return object;
    }
    static QString text(QObject *parent, const char *name)
    {
        return child<QLabel>(parent, name)->text();
    }
    static void type(QObject *parent, const char *name, const QString &value)
    {
        auto *edit = child<QLineEdit>(parent, name);
        edit->clear();
        QTest::keyClicks(edit, value);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
    }

    void username_learner_codeThenUsername()
    {
        ClientFixture f;
        int verifies = 0;
        f.network.setHandler([&verifies](const FakeRequest &request) {
            if (request.path == QLatin1String("/recovery/username"))
                return ticket(QStringLiteral("req-1"));
            if (request.path == QLatin1String("/recovery/username/verify") && verifies++ == 0)
                return FakeResponse::error(400, QStringLiteral("code_invalid"),
                    QStringLiteral("The verification code is wrong."), QString(),
                    QJsonObject { { QStringLiteral("triesLeft"), 4 } });
            return FakeResponse::json(
                200, QJsonObject { { QStringLiteral("username"), QStringLiteral("zhangsan") } });
        });
        UsernameRecoveryDialog dialog(f.core.get());
        dialog.show();
        auto *send = child<CountdownButton>(&dialog, "sendCodeButton");
        auto *verify = child<QPushButton>(&dialog, "verifyButton");
        QVERIFY(!send->isEnabled());
        QVERIFY(!verify->isEnabled());
        QVERIFY(!child<QLineEdit>(&dialog, "codeLineEdit")->isEnabled());
        QVERIFY(child<QLineEdit>(&dialog, "residentIdLineEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "creditCodeLineEdit")->isVisible());

        type(&dialog, "residentIdLineEdit", validResidentId().left(10));
        QVERIFY(!send->isEnabled());
        type(&dialog, "residentIdLineEdit", validResidentId());
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(!text(&dialog, "destinationLabel").isEmpty());
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("residentId"), validResidentId() },
                { QStringLiteral("channel"), QStringLiteral("mobile") } }));
        // One code a minute: the button counts down.
        QVERIFY(send->isCountingDown());
        QVERIFY(send->secondsLeft() > 55 && send->secondsLeft() <= 60);
        QVERIFY(!send->isEnabled());
        QVERIFY(send->text().contains(QString::number(send->secondsLeft())));
        QCOMPARE(dialog.requestId(), QStringLiteral("req-1"));

        auto *code = child<QLineEdit>(&dialog, "codeLineEdit");
        QVERIFY(code->isEnabled());
        QTest::keyClicks(code, QStringLiteral("12ab34"));
        QCOMPARE(code->text(), QStringLiteral("1234")); // digits only
        QVERIFY(!verify->isEnabled());
        QTest::keyClicks(code, QStringLiteral("56"));
        QVERIFY(verify->isEnabled());
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_VERIFY(text(&dialog, "statusLabel").contains(QLatin1String("wrong")));
        QVERIFY(text(&dialog, "statusLabel").contains(QLatin1String("4")));
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("requestId"), QStringLiteral("req-1") },
                { QStringLiteral("code"), QStringLiteral("123456") } }));

        QSignalSpy recovered(&dialog, &UsernameRecoveryDialog::usernameRecovered);
        QTest::mouseClick(verify, Qt::LeftButton);
        QTRY_COMPARE(text(&dialog, "usernameResultLabel"), QStringLiteral("zhangsan"));
        QVERIFY(child<QWidget>(&dialog, "resultFrame")->isVisible());
        QTest::mouseClick(child<QPushButton>(&dialog, "useUsernameButton"), Qt::LeftButton);
        QCOMPARE(recovered.count(), 1);
        QCOMPARE(recovered.first().first().toString(), QStringLiteral("zhangsan"));
    }

    void username_organisation_creditCodeAndRoleAndEmail()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return ticket(QStringLiteral("req-2"), QStringLiteral("email"));
        });
        UsernameRecoveryDialog dialog(f.core.get());
        dialog.show();
        QTest::mouseClick(child<QRadioButton>(&dialog, "institutionRadioButton"), Qt::LeftButton);
        QCOMPARE(dialog.role(), Role::Institution);
        QVERIFY(child<QLineEdit>(&dialog, "creditCodeLineEdit")->isVisible());
        QVERIFY(!child<QLineEdit>(&dialog, "residentIdLineEdit")->isVisible());
        type(&dialog, "creditCodeLineEdit", validCreditCode());
        QTest::mouseClick(child<QRadioButton>(&dialog, "emailRadioButton"), Qt::LeftButton);
        QTest::mouseClick(child<CountdownButton>(&dialog, "sendCodeButton"), Qt::LeftButton);
        QTRY_VERIFY(!text(&dialog, "destinationLabel").isEmpty());
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("creditCode"), validCreditCode() },
                { QStringLiteral("role"), QStringLiteral("institution") },
                { QStringLiteral("channel"), QStringLiteral("email") } }));
    }

    void username_tooManyRequests_countdownFromServer()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(429, QStringLiteral("too_many_requests"),
                QStringLiteral("Please wait 42 seconds."), QString(),
                QJsonObject { { QStringLiteral("retryAfterSeconds"), 42 } });
        });
        UsernameRecoveryDialog dialog(f.core.get());
        dialog.show();
        type(&dialog, "residentIdLineEdit", validResidentId());
        auto *send = child<CountdownButton>(&dialog, "sendCodeButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_COMPARE(text(&dialog, "statusLabel"), QStringLiteral("Please wait 42 seconds."));
        QCOMPARE(send->secondsLeft(), 42);
        QVERIFY(!send->isEnabled());
        QVERIFY(dialog.requestId().isEmpty());
    }

    void username_ticket_noDestinationShown()
    {
        // The server says neither whether an account matched nor where the code went.
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            return ticket(
                QStringLiteral("req-x"), request.body.value(QLatin1String("channel")).toString());
        });
        UsernameRecoveryDialog dialog(f.core.get());
        dialog.show();
        type(&dialog, "residentIdLineEdit", validResidentId());
        auto *send = child<CountdownButton>(&dialog, "sendCodeButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(!text(&dialog, "destinationLabel").isEmpty());
        const QString bySms = text(&dialog, "destinationLabel");
        QVERIFY(!bySms.contains(QLatin1Char('*')));
        QCOMPARE(dialog.requestId(), QStringLiteral("req-x"));
        QVERIFY(child<QLineEdit>(&dialog, "codeLineEdit")->isEnabled());
    }

    void password_fullFlow_success()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/recovery/password"))
                return ticket(QStringLiteral("req-3"));
            return FakeResponse::noContent();
        });
        PasswordRecoveryDialog dialog(f.core.get());
        dialog.show();
        auto *reset = child<QPushButton>(&dialog, "resetButton");
        QVERIFY(!reset->isEnabled());
        QVERIFY(!child<QLineEdit>(&dialog, "newPasswordLineEdit")->isEnabled());
        type(&dialog, "usernameLineEdit", QStringLiteral("zhangsan"));
        QTest::mouseClick(child<CountdownButton>(&dialog, "sendCodeButton"), Qt::LeftButton);
        QTRY_VERIFY(!text(&dialog, "destinationLabel").isEmpty());
        QCOMPARE(f.network.lastRequest().body.value(QLatin1String("username")).toString(),
            QStringLiteral("zhangsan"));

        type(&dialog, "codeLineEdit", QStringLiteral("654321"));
        type(&dialog, "newPasswordLineEdit", QStringLiteral("abc"));
        QVERIFY(child<QLabel>(&dialog, "newPasswordMessageLabel")
                    ->styleSheet()
                    .contains(QLatin1String("#c62828")));
        type(&dialog, "newPasswordLineEdit", QStringLiteral("newpass12"));
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("newpass13"));
        QVERIFY(
            text(&dialog, "confirmPasswordMessageLabel").contains(QLatin1String("not the same")));
        QVERIFY(!reset->isEnabled());
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("newpass12"));
        QVERIFY(reset->isEnabled());

        QSignalSpy done(&dialog, &PasswordRecoveryDialog::passwordReset);
        QTest::mouseClick(reset, Qt::LeftButton);
        QTRY_VERIFY(dialog.isDone());
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/recovery/password/reset"));
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("requestId"), QStringLiteral("req-3") },
                { QStringLiteral("code"), QStringLiteral("654321") },
                { QStringLiteral("newPassword"), QStringLiteral("newpass12") } }));
        QVERIFY(text(&dialog, "statusLabel").contains(QLatin1String("has been reset")));
        QVERIFY(child<QLineEdit>(&dialog, "newPasswordLineEdit")->text().isEmpty());
        auto *back = child<QPushButton>(&dialog, "backToLoginButton");
        QVERIFY(back->isVisible());
        QTest::mouseClick(back, Qt::LeftButton);
        QCOMPARE(done.count(), 1);
        QCOMPARE(done.first().first().toString(), QStringLiteral("zhangsan"));
    }

    void password_expiredCode_mustRequestNewOne()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/recovery/password"))
                return ticket(QStringLiteral("req-4"));
            return FakeResponse::error(400, QStringLiteral("code_expired"),
                QStringLiteral("The verification code has expired."));
        });
        PasswordRecoveryDialog dialog(f.core.get());
        dialog.show();
        type(&dialog, "usernameLineEdit", QStringLiteral("zhangsan"));
        auto *send = child<CountdownButton>(&dialog, "sendCodeButton");
        QTest::mouseClick(send, Qt::LeftButton);
        QTRY_VERIFY(!dialog.requestId().isEmpty());
        type(&dialog, "codeLineEdit", QStringLiteral("111111"));
        type(&dialog, "newPasswordLineEdit", QStringLiteral("newpass12"));
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("newpass12"));
        QTest::mouseClick(child<QPushButton>(&dialog, "resetButton"), Qt::LeftButton);
        QTRY_VERIFY(text(&dialog, "statusLabel").contains(QLatin1String("expired")));
        QVERIFY(dialog.requestId().isEmpty());
        QVERIFY(!dialog.isDone());
        QVERIFY(!child<QLineEdit>(&dialog, "codeLineEdit")->isEnabled());
        QVERIFY(!child<QPushButton>(&dialog, "resetButton")->isEnabled());
        QVERIFY(send->isEnabled()); // a new code may be requested at once
    }

    void countdown_ticksDownOnTheEventLoop()
    {
        CountdownButton button;
        button.startCountdown(2);
        QVERIFY(!button.isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(button.isEnabled(), 4000);
        QCOMPARE(button.secondsLeft(), 0);
    }
};

QTEST_MAIN(TestRecovery)
#include "tst_recovery.moc"
