#include "account/accountpage.h"
#include "clientfakes.h"
#include "common/uicommon.h"
#include "organisations/organisationspage.h"
#include "regions.h"
#include "validators.h"
#include "windows/administratorwindow.h"
#include "windows/employerwindow.h"
#include "windows/institutionwindow.h"
#include "windows/learnerwindow.h"
#include "windows/rolewindow.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

// The main window of each role and its account page, against the fake network.
class TestRoleWindows final : public QObject
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

    void learner_onlyBuiltSections_maskedPersonalData()
    {
        ClientFixture f;
        const User user = User::fromJson(learnerUserJson());
        std::unique_ptr<RoleWindow> window(RoleWindow::create(f.core.get(), user));
        QVERIFY(qobject_cast<LearnerWindow *>(window.get()));
        window->show();
        auto *navigation = child<QListWidget>(window.get(), "navigationListWidget");
        // No placeholders for sections not built yet; a learner starts with the profile.
        QCOMPARE(navigation->count(), 2);
        QCOMPARE(window->currentSection(), QStringLiteral("profile"));
        QVERIFY(window->showSection(QStringLiteral("account")));
        QVERIFY(!window->showSection(QStringLiteral("courses")));
        QVERIFY(window->windowTitle().contains(UiText::productName()));
        QVERIFY(window->windowTitle().contains(QStringLiteral("Zhang San")));
        QCOMPARE(text(window.get(), "workspaceLabel"), UiText::roleName(Role::Learner));
        QCOMPARE(text(window.get(), "nameLabel"), QStringLiteral("Zhang San"));
        QVERIFY(!child<QWidget>(window.get(), "approvalBanner")->isVisible());
        QVERIFY(
            text(window.get(), "serverStatusLabel").contains(QLatin1String("xueshi.test:8443")));
        QVERIFY(text(window.get(), "userStatusLabel").contains(QLatin1String("zhangsan")));

        QCOMPARE(text(window.get(), "usernameValueLabel"), QStringLiteral("zhangsan"));
        QCOMPARE(text(window.get(), "residentIdValueLabel"), maskResidentId(validResidentId()));
        QVERIFY(text(window.get(), "residentIdValueLabel").contains(QLatin1Char('*')));
        QCOMPARE(text(window.get(), "mobileValueLabel"), maskMobile(QStringLiteral("13800138000")));
        QVERIFY(child<QWidget>(window.get(), "personGroupBox")->isVisible());
        QVERIFY(!child<QWidget>(window.get(), "organisationGroupBox")->isVisible());
    }

    void employer_organisationDetailsWithRegionName()
    {
        ClientFixture f;
        const User user = User::fromJson(
            organisationUserJson(QStringLiteral("employer"), QStringLiteral("danwei")));
        std::unique_ptr<RoleWindow> window(RoleWindow::create(f.core.get(), user));
        QVERIFY(qobject_cast<EmployerWindow *>(window.get()));
        window->show();
        QCOMPARE(text(window.get(), "nameLabel"), QStringLiteral("Example Org"));
        QCOMPARE(text(window.get(), "workspaceLabel"), UiText::roleName(Role::Employer));
        QCOMPARE(text(window.get(), "organisationNameValueLabel"), QStringLiteral("Example Org"));
        QCOMPARE(text(window.get(), "creditCodeValueLabel"), validCreditCode());
        QCOMPARE(text(window.get(), "regionValueLabel"),
            RegionTable::instance().fullName(QStringLiteral("440106")));
        QVERIFY(!text(window.get(), "regionValueLabel").isEmpty());
        QVERIFY(!child<QWidget>(window.get(), "personGroupBox")->isVisible());
        QVERIFY(
            !child<QWidget>(window.get(), "approvalValueLabel")->isVisible()); // institutions only
        QVERIFY(!child<QWidget>(window.get(), "approvalBanner")->isVisible());
    }

    void institution_awaitingApproval_bannerShown()
    {
        ClientFixture f;
        const User user = User::fromJson(
            organisationUserJson(QStringLiteral("institution"), QStringLiteral("peixun"), true));
        std::unique_ptr<RoleWindow> window(RoleWindow::create(f.core.get(), user));
        QVERIFY(qobject_cast<InstitutionWindow *>(window.get()));
        window->show();
        QVERIFY(child<QWidget>(window.get(), "approvalBanner")->isVisible());
        QVERIFY(text(window.get(), "approvalLabel").contains(QLatin1String("approval")));
        // The window opens on 培训班管理; the account shows the approval state too.
        QCOMPARE(window->currentSection(), QStringLiteral("classes"));
        QVERIFY(window->showSection(QStringLiteral("account")));
        QVERIFY(child<QWidget>(window.get(), "approvalValueLabel")->isVisible());

        // Once approved (e.g. after a refresh), the banner goes.
        QJsonObject approved
            = organisationUserJson(QStringLiteral("institution"), QStringLiteral("peixun"), false);
        window->setUser(User::fromJson(approved));
        QVERIFY(!child<QWidget>(window.get(), "approvalBanner")->isVisible());
    }

    void administrator_opensOrganisationReview()
    {
        ClientFixture f;
        User user = User::fromJson(learnerUserJson());
        user.role = Role::Administrator;
        user.learner.reset();
        std::unique_ptr<RoleWindow> window(RoleWindow::create(f.core.get(), user));
        QVERIFY(qobject_cast<AdministratorWindow *>(window.get()));
        QCOMPARE(window->currentSection(), QStringLiteral("organisations"));
        QVERIFY(window->findChild<OrganisationsPage *>());
        QVERIFY(!child<QWidget>(window.get(), "approvalBanner")->isVisibleTo(window.get()));
    }

    void changePassword_validatedAsTyped_serverRefusalAtField_success()
    {
        ClientFixture f;
        int calls = 0;
        f.network.setHandler([&calls](const FakeRequest &request) {
            if (request.path == QLatin1String("/me/password") && calls++ == 0)
                return FakeResponse::error(403, QStringLiteral("invalid_credentials"),
                    QStringLiteral("The current password is wrong."),
                    QStringLiteral("currentPassword"));
            return FakeResponse::noContent();
        });
        AccountPage page(f.core.get());
        page.setUser(User::fromJson(learnerUserJson()));
        page.show();
        auto *button = child<QPushButton>(&page, "changePasswordButton");
        QVERIFY(!button->isEnabled());
        type(&page, "currentPasswordLineEdit", QStringLiteral("old12345"));
        type(&page, "newPasswordLineEdit", QStringLiteral("short"));
        QVERIFY(!text(&page, "newPasswordMessageLabel").isEmpty());
        QVERIFY(child<QLabel>(&page, "newPasswordMessageLabel")
                    ->styleSheet()
                    .contains(QLatin1String("#c62828")));
        type(&page, "newPasswordLineEdit", QStringLiteral("old12345"));
        QVERIFY(text(&page, "newPasswordMessageLabel").contains(QLatin1String("differ")));
        type(&page, "newPasswordLineEdit", QStringLiteral("new12345"));
        type(&page, "confirmPasswordLineEdit", QStringLiteral("new12346"));
        QVERIFY(text(&page, "confirmPasswordMessageLabel").contains(QLatin1String("not the same")));
        QVERIFY(!button->isEnabled());
        type(&page, "confirmPasswordLineEdit", QStringLiteral("new12345"));
        QVERIFY(button->isEnabled());

        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE(text(&page, "currentPasswordMessageLabel"),
            QStringLiteral("The current password is wrong."));
        const FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.body,
            (QJsonObject { { QStringLiteral("currentPassword"), QStringLiteral("old12345") },
                { QStringLiteral("newPassword"), QStringLiteral("new12345") } }));
        QVERIFY(!button->isEnabled()); // until the current password is edited

        type(&page, "currentPasswordLineEdit", QStringLiteral("right123"));
        QVERIFY(button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY(text(&page, "passwordStatusLabel").contains(QLatin1String("has been changed")));
        QVERIFY(child<QLineEdit>(&page, "currentPasswordLineEdit")->text().isEmpty());
        QVERIFY(child<QLineEdit>(&page, "newPasswordLineEdit")->text().isEmpty());
        QVERIFY(!button->isEnabled());
    }

    void logoutButton_emitsLogoutRequested()
    {
        ClientFixture f;
        std::unique_ptr<RoleWindow> window(
            RoleWindow::create(f.core.get(), User::fromJson(learnerUserJson())));
        QSignalSpy logout(window.get(), &RoleWindow::logoutRequested);
        QTest::mouseClick(child<QPushButton>(window.get(), "logoutButton"), Qt::LeftButton);
        QCOMPARE(logout.count(), 1);
    }
};

QTEST_MAIN(TestRoleWindows)
#include "tst_rolewindows.moc"
