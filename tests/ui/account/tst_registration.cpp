#include "account/registrationdialog.h"
#include "clientfakes.h"
#include "common/regionselector.h"
#include "common/uicommon.h"

#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

// The registration dialog driven through its widgets against the fake network: validation as
// the user types, the register button, the server's refusals at their fields, success.
class TestRegistration final : public QObject
{
    Q_OBJECT

private:
    template<typename T> static T *child(QWidget *parent, const char *name)
    {
        T *widget = parent->findChild<T *>(QLatin1String(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    static void type(QWidget *parent, const char *name, const QString &text)
    {
        QLineEdit *edit = child<QLineEdit>(parent, name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Backspace);
        QTest::keyClicks(edit, text);
    }
    static QString message(QWidget *parent, const char *name)
    {
        return child<QLabel>(parent, name)->text();
    }
    static bool isError(QWidget *parent, const char *name)
    {
        return child<QLabel>(parent, name)->styleSheet().contains(QLatin1String("#c62828"));
    }
    static void fillAccount(QWidget *dialog, const QString &username = QStringLiteral("zhangsan"))
    {
        type(dialog, "usernameLineEdit", username);
        type(dialog, "passwordLineEdit", QStringLiteral("secret123"));
        type(dialog, "confirmPasswordLineEdit", QStringLiteral("secret123"));
    }
    static void fillLearner(QWidget *dialog)
    {
        type(dialog, "realNameLineEdit", QStringLiteral("Zhang San"));
        type(dialog, "residentIdLineEdit", validResidentId());
        type(dialog, "mobileLineEdit", QStringLiteral("13800138000"));
    }
    static void chooseRegion(QWidget *dialog)
    {
        auto *province = child<QComboBox>(dialog, "provinceComboBox");
        auto *city = child<QComboBox>(dialog, "cityComboBox");
        auto *district = child<QComboBox>(dialog, "districtComboBox");
        province->setCurrentIndex(province->findData(QStringLiteral("44")));
        emit province->activated(province->currentIndex());
        city->setCurrentIndex(city->findData(QStringLiteral("4401")));
        emit city->activated(city->currentIndex());
        district->setCurrentIndex(district->findData(QStringLiteral("440106")));
        emit district->activated(district->currentIndex());
    }
    static void fillOrganisation(QWidget *dialog)
    {
        type(dialog, "organisationNameLineEdit", QStringLiteral("Example Training Centre"));
        type(dialog, "creditCodeLineEdit", validCreditCode());
        chooseRegion(dialog);
        type(dialog, "contactPersonLineEdit", QStringLiteral("Li Si"));
        type(dialog, "phoneLineEdit", QStringLiteral("020-12345678"));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
    }

    void initially_registerDisabled_hintsShown()
    {
        ClientFixture f;
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
        QVERIFY(!message(&dialog, "usernameMessageLabel").isEmpty()); // the hint
        QVERIFY(!isError(&dialog, "usernameMessageLabel"));
        QVERIFY(child<QGroupBox>(&dialog, "learnerGroupBox")->isVisible());
        QVERIFY(!child<QGroupBox>(&dialog, "organisationGroupBox")->isVisible());
        // It fits on a small screen.
        QVERIFY2(dialog.height() <= 720, qPrintable(QString::number(dialog.height())));
    }

    void typing_invalidValues_showsMessagesAtFields()
    {
        ClientFixture f;
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        type(&dialog, "usernameLineEdit", QStringLiteral("1abc"));
        QVERIFY(isError(&dialog, "usernameMessageLabel"));
        type(&dialog, "usernameLineEdit", QStringLiteral("abcd"));
        QVERIFY(!isError(&dialog, "usernameMessageLabel"));

        type(&dialog, "passwordLineEdit", QStringLiteral("onlyletters"));
        QVERIFY(isError(&dialog, "passwordMessageLabel"));
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("different1"));
        QVERIFY(isError(&dialog, "confirmPasswordMessageLabel"));

        // A resident id with a wrong check digit.
        QString wrong = validResidentId();
        wrong[17] = wrong[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        type(&dialog, "residentIdLineEdit", wrong);
        QVERIFY(isError(&dialog, "residentIdMessageLabel"));
        QVERIFY(message(&dialog, "residentIdMessageLabel").contains(QLatin1String("check digit")));
        type(&dialog, "residentIdLineEdit", validResidentId());
        QVERIFY(!isError(&dialog, "residentIdMessageLabel"));

        type(&dialog, "mobileLineEdit", QStringLiteral("12345"));
        QVERIFY(isError(&dialog, "mobileMessageLabel"));
        type(&dialog, "emailLineEdit", QStringLiteral("not-an-email"));
        QVERIFY(isError(&dialog, "emailMessageLabel"));
        type(&dialog, "emailLineEdit", QString());
        QVERIFY(!isError(&dialog, "emailMessageLabel")); // optional
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
    }

    void residentId_lowerCaseX_upperCasedAsTyped()
    {
        ClientFixture f;
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        QTest::keyClicks(
            child<QLineEdit>(&dialog, "residentIdLineEdit"), QStringLiteral("11010519491231002x"));
        QCOMPARE(child<QLineEdit>(&dialog, "residentIdLineEdit")->text(),
            QStringLiteral("11010519491231002X"));
    }

    void learner_allValid_registerEnabled_andPostsBody()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::json(
                201, QJsonObject { { QStringLiteral("user"), learnerUserJson() } });
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        fillAccount(&dialog);
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
        fillLearner(&dialog);
        QVERIFY(child<QPushButton>(&dialog, "registerButton")->isEnabled());
        // Breaking one field disables it again.
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("secret124"));
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
        type(&dialog, "confirmPasswordLineEdit", QStringLiteral("secret123"));

        QSignalSpy registered(&dialog, &RegistrationDialog::registered);
        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isSucceeded());
        const FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.path, QStringLiteral("/accounts/learners"));
        QCOMPARE(
            request.body.value(QLatin1String("username")).toString(), QStringLiteral("zhangsan"));
        QCOMPARE(request.body.value(QLatin1String("residentId")).toString(), validResidentId());
        QCOMPARE(
            request.body.value(QLatin1String("realName")).toString(), QStringLiteral("Zhang San"));
        QVERIFY(!request.body.contains(QLatin1String("email")));

        QVERIFY(child<QLabel>(&dialog, "successTitleLabel")->isVisible());
        QVERIFY(message(&dialog, "successLabel").contains(QLatin1String("zhangsan")));
        QTest::mouseClick(child<QPushButton>(&dialog, "backToLoginButton"), Qt::LeftButton);
        QCOMPARE(registered.count(), 1);
        QCOMPARE(registered.first().first().toString(), QStringLiteral("zhangsan"));
        // Nothing of the password stays behind.
        QVERIFY(child<QLineEdit>(&dialog, "passwordLineEdit")->text().isEmpty());
    }

    void serverRefusal_field_shownAtField_untilEdited()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(409, QStringLiteral("resident_id_taken"),
                QStringLiteral("Resident id already registered"), QStringLiteral("residentId"));
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        fillAccount(&dialog);
        fillLearner(&dialog);
        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_COMPARE(message(&dialog, "residentIdMessageLabel"),
            QStringLiteral("Resident id already registered"));
        QVERIFY(isError(&dialog, "residentIdMessageLabel"));
        QVERIFY(message(&dialog, "statusLabel")
                    .contains(QLatin1String("Resident id already registered")));
        QVERIFY(!dialog.isSucceeded());
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
        // Editing the field clears the server's message.
        type(&dialog, "residentIdLineEdit", validResidentId(QStringLiteral("11010519800101001")));
        QVERIFY(message(&dialog, "residentIdMessageLabel")
            != QStringLiteral("Resident id already registered"));
        QVERIFY(child<QPushButton>(&dialog, "registerButton")->isEnabled());
    }

    void serverRefusal_conflictWithoutField_mappedByCode()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(
                409, QStringLiteral("username_taken"), QStringLiteral("Taken"));
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        fillAccount(&dialog);
        fillLearner(&dialog);
        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_COMPARE(message(&dialog, "usernameMessageLabel"), QStringLiteral("Taken"));
    }

    void serverError_withoutField_shownInStatus()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::networkFailure(QNetworkReply::ConnectionRefusedError);
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        fillAccount(&dialog);
        fillLearner(&dialog);
        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY(
            message(&dialog, "statusLabel").contains(QLatin1String("refused the connection")));
        QVERIFY(child<QPushButton>(&dialog, "registerButton")->isEnabled()); // may try again
    }

    void organisation_regionCascades_andInstitutionAwaitsApproval()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            return FakeResponse::json(201,
                QJsonObject { { QStringLiteral("user"),
                    organisationUserJson(QStringLiteral("institution"),
                        request.body.value(QLatin1String("username")).toString(), true) } });
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        QTest::mouseClick(child<QRadioButton>(&dialog, "institutionRadioButton"), Qt::LeftButton);
        QCOMPARE(dialog.role(), Role::Institution);
        QVERIFY(child<QGroupBox>(&dialog, "organisationGroupBox")->isVisible());
        QVERIFY(!child<QGroupBox>(&dialog, "learnerGroupBox")->isVisible());

        auto *province = child<QComboBox>(&dialog, "provinceComboBox");
        auto *city = child<QComboBox>(&dialog, "cityComboBox");
        auto *district = child<QComboBox>(&dialog, "districtComboBox");
        QVERIFY(province->count() > 30);
        QVERIFY(!city->isEnabled());
        province->setCurrentIndex(province->findData(QStringLiteral("44")));
        emit province->activated(province->currentIndex());
        QVERIFY(city->isEnabled());
        QVERIFY(city->findData(QStringLiteral("4401")) > 0);
        QVERIFY(!district->isEnabled());
        // Province alone is not enough.
        QVERIFY(isError(&dialog, "regionMessageLabel"));
        city->setCurrentIndex(city->findData(QStringLiteral("4401")));
        emit city->activated(city->currentIndex());
        QVERIFY(district->findData(QStringLiteral("440106")) > 0);
        district->setCurrentIndex(district->findData(QStringLiteral("440106")));
        emit district->activated(district->currentIndex());
        QVERIFY(!isError(&dialog, "regionMessageLabel"));
        // Choosing another province resets the lower levels.
        province->setCurrentIndex(province->findData(QStringLiteral("11")));
        emit province->activated(province->currentIndex());
        QCOMPARE(district->count(), 1);
        QVERIFY(isError(&dialog, "regionMessageLabel"));

        fillAccount(&dialog, QStringLiteral("peixun"));
        fillOrganisation(&dialog);
        QString wrongCode = validCreditCode();
        wrongCode[17] = wrongCode[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
        type(&dialog, "creditCodeLineEdit", wrongCode);
        QVERIFY(isError(&dialog, "creditCodeMessageLabel"));
        QVERIFY(!child<QPushButton>(&dialog, "registerButton")->isEnabled());
        type(&dialog, "creditCodeLineEdit", validCreditCode().toLower());
        QCOMPARE(child<QLineEdit>(&dialog, "creditCodeLineEdit")->text(), validCreditCode());
        QVERIFY(child<QPushButton>(&dialog, "registerButton")->isEnabled());

        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_VERIFY(dialog.isSucceeded());
        const FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.path, QStringLiteral("/accounts/institutions"));
        QCOMPARE(
            request.body.value(QLatin1String("regionCode")).toString(), QStringLiteral("440106"));
        QCOMPARE(request.body.value(QLatin1String("name")).toString(),
            QStringLiteral("Example Training Centre"));
        QCOMPARE(request.body.value(QLatin1String("creditCode")).toString(), validCreditCode());
        QVERIFY(message(&dialog, "successLabel").contains(QLatin1String("approve")));
    }

    void organisation_serverFieldName_mapped()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(400, QStringLiteral("invalid_field"),
                QStringLiteral("Unknown region"), QStringLiteral("regionCode"));
        });
        RegistrationDialog dialog(f.core.get());
        dialog.show();
        QTest::mouseClick(child<QRadioButton>(&dialog, "employerRadioButton"), Qt::LeftButton);
        fillAccount(&dialog, QStringLiteral("danwei"));
        fillOrganisation(&dialog);
        QTest::mouseClick(child<QPushButton>(&dialog, "registerButton"), Qt::LeftButton);
        QTRY_COMPARE(message(&dialog, "regionMessageLabel"), QStringLiteral("Unknown region"));
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/accounts/employers"));
    }
};

QTEST_MAIN(TestRegistration)
#include "tst_registration.moc"
