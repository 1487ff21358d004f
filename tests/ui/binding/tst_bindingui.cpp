// Employer binding (R4) as both sides see it, through the real widgets against the real server
// over HTTPS: a learner fills 人员基本信息维护, finds the demo employer by part of its name and
// submits; the employer confirms in 人员管理; the learner's study lock lifts after a sync. Also the
// offline conflict (a decision on a request the learner withdrew meanwhile is not applied), a
// return with a reason, and a search with no match showing the manual's advice.
#include "account/learnerprofilepage.h"
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "binding/bindingmodel.h"
#include "binding/employerpicker.h"
#include "binding/staffpage.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "desktopclient.h"
#include "localstore.h"
#include "services/bindingservice.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"
#include "windows/employerwindow.h"
#include "windows/learnerwindow.h"
#include "windows/rolewindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QFrame>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString LearnerPassword = QStringLiteral("Secret123");
const QString LearnerName = QStringLiteral("binder");

// One computer of one user (tests/support/desktopclient.h).
using Client = DesktopClient;

QString demoEmployerPassword()
{
    for (const server::DemoAccount &account : server::demoAccounts()) {
        if (account.username == QLatin1String("demo_employer"))
            return account.password;
    }
    return {};
}

QString status(const QAbstractItemModel *model, int row)
{
    return model->index(row, 0).data(BindingTableModel::StatusRole).toString();
}

} // namespace

class TestBindingUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void learnerSubmits_employerConfirms_lockLifts();
    void employerReturns_withReason_learnerResubmits();
    void offline_decisionOnWithdrawnRequest_notApplied();
    void offline_decisionOnChangedIdentity_conflictShowsBoth();
    void search_noMatch_showsManualAdvice();
    void employer_confirmsSeveralAtOnce_filtersByDate();

private:
    // The learner logs in, fills the profile and submits to the demo employer (not yet synced).
    LearnerProfilePage *submitAsLearner(Client &learner);
    StaffPage *loginEmployer(Client &employer);

    std::unique_ptr<TestServer> m_server;
};

void TestBindingUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestBindingUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    QString error;
    // These tests count the demo employer's requests from zero: its demo staff member stays out.
    QVERIFY2(server::loadDemoData(m_server->server(), &error, { .bindLearner = false }),
        qPrintable(error));
    TestClient client(*m_server);
    const TestReply reg = client.post(QStringLiteral("/accounts/learners"),
        learnerRegistration(LearnerName, QStringLiteral("44010619900101123")));
    QCOMPARE(reg.status, 201);
}

void TestBindingUi::cleanup()
{
    m_server.reset();
}

LearnerProfilePage *TestBindingUi::submitAsLearner(Client &learner)
{
    if (!learner.login(LearnerName, LearnerPassword))
        return nullptr;
    auto *window = qobject_cast<LearnerWindow *>(learner.window());
    if (!window)
        return nullptr;
    // A new learner is led to the profile first; study is locked and says why.
    if (window->currentSection() != QLatin1String("profile") || window->studyUnlocked())
        return nullptr;
    LearnerProfilePage *page = window->profilePage();
    if (!child<QFrame>(page, "studyLockFrame")->isVisibleTo(window))
        return nullptr;

    // Validated as the user types.
    type(page, "mobileLineEdit", QStringLiteral("1380013"));
    if (child<QLabel>(page, "mobileMessageLabel")->text().isEmpty())
        return nullptr;
    type(page, "mobileLineEdit", QStringLiteral("13800138001"));
    if (!child<QLabel>(page, "mobileMessageLabel")->text().isEmpty())
        return nullptr;
    choose(page, "genderComboBox", QStringLiteral("male"));
    choose(page, "educationComboBox", QStringLiteral("bachelor"));
    type(page, "professionalTitleLineEdit", QStringLiteral("工程师"));
    choose(page, "professionalSeriesComboBox", QStringLiteral("engineering-environmental"));
    if (child<QComboBox>(page, "professionalSeriesComboBox")->currentIndex() <= 0)
        return nullptr;
    type(page, "positionLineEdit", QStringLiteral("环境监测员"));

    // Part of the demo employer's name finds it.
    type(page, "employerSearchLineEdit", QStringLiteral("天河环保"));
    auto *list = child<QListView>(page, "employerListView");
    if (list->model()->rowCount() != 1)
        return nullptr;
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
        list->visualRect(list->model()->index(0, 0)).center());
    auto *submit = child<QPushButton>(page, "submitBindingButton");
    if (!submit->isEnabled())
        return nullptr;
    QTest::mouseClick(submit, Qt::LeftButton);
    return page;
}

StaffPage *TestBindingUi::loginEmployer(Client &employer)
{
    if (!employer.login(QStringLiteral("demo_employer"), demoEmployerPassword()))
        return nullptr;
    auto *window = qobject_cast<EmployerWindow *>(employer.window());
    if (!window || window->currentSection() != QLatin1String("staff"))
        return nullptr;
    return window->staffPage();
}

void TestBindingUi::learnerSubmits_employerConfirms_lockLifts()
{
    Client learner(*m_server);
    LearnerProfilePage *page = submitAsLearner(learner);
    QVERIFY(page);
    auto *history = child<QTableView>(page, "bindingHistoryTableView");
    QAbstractItemModelTester historyTester(
        qobject_cast<QSortFilterProxyModel *>(history->model())->sourceModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
    // Queued: pending at once, marked as not sent yet.
    QCOMPARE(history->model()->rowCount(), 1);
    QCOMPARE(status(history->model(), 0), QStringLiteral("pending"));
    QVERIFY(child<QPushButton>(page, "withdrawBindingButton")->isVisibleTo(page));
    QVERIFY(learner.engine()->pendingCount() >= 2); // profile.update, binding.request
    QVERIFY(
        child<QLabel>(page, "bindingStatusLabel")->text().contains(QLatin1String("Not sent yet")));
    QVERIFY(learner.sync());
    QVERIFY(learner.engine()->problems().isEmpty());
    QVERIFY(
        !child<QLabel>(page, "bindingStatusLabel")->text().contains(QLatin1String("Not sent yet")));

    Client employer(*m_server);
    StaffPage *staff = loginEmployer(employer);
    QVERIFY(staff);
    auto *table = child<QTableView>(staff, "bindingTableView");
    QAbstractItemModelTester tester(
        qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QTRY_COMPARE(table->model()->rowCount(), 1);
    QCOMPARE(status(table->model(), 0), QStringLiteral("pending"));
    // The filters: name and state.
    type(staff, "nameFilterLineEdit", QStringLiteral("nobody"));
    QCOMPARE(table->model()->rowCount(), 0);
    type(staff, "nameFilterLineEdit", QString());
    choose(staff, "stateFilterComboBox", QStringLiteral("confirmed"));
    QCOMPARE(table->model()->rowCount(), 0);
    choose(staff, "stateFilterComboBox", QStringLiteral("pending"));
    QCOMPARE(table->model()->rowCount(), 1);

    table->selectRow(0);
    const QString details = child<QLabel>(staff, "bindingDetailLabel")->text();
    QVERIFY2(details.contains(QStringLiteral("工程技术（环境保护专业）")), qPrintable(details));
    QVERIFY(details.contains(QStringLiteral("环境监测员")));
    QVERIFY(details.contains(QStringLiteral("13800138001")));
    click(staff, "confirmButton");
    QTRY_COMPARE(employer.engine()->pendingCount(), 1);
    QVERIFY(employer.sync());
    QVERIFY(employer.engine()->problems().isEmpty());
    choose(staff, "stateFilterComboBox", QString());
    QCOMPARE(status(table->model(), 0), QStringLiteral("confirmed"));
    auto *staffTable = child<QTableView>(staff, "staffTableView");
    QCOMPARE(staffTable->model()->rowCount(), 1);
    type(staff, "staffSearchLineEdit", QStringLiteral("zz"));
    QCOMPARE(staffTable->model()->rowCount(), 0);

    // The learner's lock lifts after a sync; name and id are now fixed.
    auto *window = qobject_cast<LearnerWindow *>(learner.window());
    QSignalSpy unlocked(window, &LearnerWindow::studyUnlockedChanged);
    QVERIFY(learner.sync());
    QTRY_VERIFY(window->studyUnlocked());
    QCOMPARE(unlocked.size(), 1);
    QVERIFY(!child<QFrame>(page, "studyLockFrame")->isVisibleTo(window));
    QVERIFY(child<QLineEdit>(page, "realNameLineEdit")->isReadOnly());
    QVERIFY(child<QLineEdit>(page, "residentIdLineEdit")->isReadOnly());
    QVERIFY(!child<QLineEdit>(page, "mobileLineEdit")->isReadOnly());
    QVERIFY(child<QLabel>(page, "fixedFieldsNoteLabel")->isVisibleTo(page));
    // The profile as the server has it, after the cache was rebuilt.
    QCOMPARE(
        child<QComboBox>(page, "genderComboBox")->currentData().toString(), QStringLiteral("male"));
    QCOMPARE(child<QComboBox>(page, "educationComboBox")->currentData().toString(),
        QStringLiteral("bachelor"));
    QCOMPARE(child<QComboBox>(page, "professionalSeriesComboBox")->currentData().toString(),
        QStringLiteral("engineering-environmental"));
    QCOMPARE(child<QLineEdit>(page, "positionLineEdit")->text(), QStringLiteral("环境监测员"));
    QVERIFY(child<QLabel>(page, "bindingStatusLabel")->text().contains(QLatin1String("Confirmed")));
}

void TestBindingUi::employerReturns_withReason_learnerResubmits()
{
    Client learner(*m_server);
    LearnerProfilePage *page = submitAsLearner(learner);
    QVERIFY(page);
    QVERIFY(learner.sync());

    Client employer(*m_server);
    StaffPage *staff = loginEmployer(employer);
    QVERIFY(staff);
    auto *table = child<QTableView>(staff, "bindingTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);
    table->selectRow(0);
    click(staff, "rejectButton");
    QDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = staff->findChild<QDialog *>(QStringLiteral("rejectReasonDialog"))));
    auto *ok = child<QPushButton>(dialog, "rejectReasonOkButton");
    QVERIFY(!ok->isEnabled()); // the reason is required
    type(dialog, "rejectReasonLineEdit", QStringLiteral("职称填写有误"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(status(table->model(), 0), QStringLiteral("rejected"));
    QVERIFY(employer.sync());

    QVERIFY(learner.sync());
    const QString state = child<QLabel>(page, "bindingStatusLabel")->text();
    QVERIFY2(state.contains(QStringLiteral("职称填写有误")), qPrintable(state));
    QVERIFY(!qobject_cast<LearnerWindow *>(learner.window())->studyUnlocked());
    // Correct and submit again: a new request, the returned one kept in the history.
    m_server->clock().advance(3600);
    type(page, "professionalTitleLineEdit", QStringLiteral("高级工程师"));
    QVERIFY(child<QPushButton>(page, "submitBindingButton")->isEnabled());
    click(page, "submitBindingButton");
    QVERIFY(learner.sync());
    auto *history = child<QTableView>(page, "bindingHistoryTableView");
    QCOMPARE(history->model()->rowCount(), 2);
    QCOMPARE(status(history->model(), 0), QStringLiteral("pending"));
    QCOMPARE(status(history->model(), 1), QStringLiteral("rejected"));
}

void TestBindingUi::offline_decisionOnWithdrawnRequest_notApplied()
{
    Client learner(*m_server);
    LearnerProfilePage *page = submitAsLearner(learner);
    QVERIFY(page);
    QVERIFY(learner.sync());

    Client employer(*m_server);
    StaffPage *staff = loginEmployer(employer);
    QVERIFY(staff);
    auto *table = child<QTableView>(staff, "bindingTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);

    // The HR officer works offline and confirms the request as they saw it ...
    employer.networkDown();
    table->selectRow(0);
    click(staff, "confirmButton");
    QCOMPARE(employer.engine()->pendingCount(), 1);
    QCOMPARE(status(table->model(), 0), QStringLiteral("confirmed"));

    // ... while the learner withdraws it.
    click(page, "withdrawBindingButton");
    QVERIFY(learner.sync());
    auto *history = child<QTableView>(page, "bindingHistoryTableView");
    QCOMPARE(status(history->model(), 0), QStringLiteral("withdrawn"));

    // Back online: the decision comes back as a conflict, is not applied, and the table shows
    // the request as it is now.
    employer.networkUp();
    QVERIFY(employer.sync());
    const QList<OutboxMutation> problems = employer.engine()->problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().type, QStringLiteral("binding.confirm"));
    QCOMPARE(problems.first().state, OutboxMutation::State::Conflict);
    QTRY_COMPARE(status(table->model(), 0), QStringLiteral("withdrawn"));
    // The 同步问题 section lists it by name.
    auto *problemList = child<QListWidget>(employer.window(), "syncProblemsListWidget");
    QTRY_COMPARE(problemList->count(), 1);
    QVERIFY2(problemList->item(0)->text().startsWith(QLatin1String("Confirm a person's request")),
        qPrintable(problemList->item(0)->text()));
    QVERIFY(!child<QPushButton>(staff, "confirmButton")->isEnabled());
    // A withdrawn request keeps the person's name only on the HR office's computer.
    table->selectRow(0);
    const QString details = child<QLabel>(staff, "bindingDetailLabel")->text();
    QVERIFY2(details.contains(QStringLiteral("张三")), qPrintable(details));
    QVERIFY2(
        !details.contains(residentId(QStringLiteral("44010619900101123"))), qPrintable(details));
    QVERIFY(!details.contains(QStringLiteral("13800138001")));
    const auto cached = employer.store()->entities(QStringLiteral("binding"));
    QCOMPARE(cached.size(), 1);
    QCOMPARE(cached.first().data.value(QStringLiteral("learner")).toObject().keys(),
        QStringList { QStringLiteral("realName") });

    // The server kept it withdrawn: the learner is still locked after another sync.
    QVERIFY(learner.sync());
    QCOMPARE(status(history->model(), 0), QStringLiteral("withdrawn"));
    QVERIFY(!qobject_cast<LearnerWindow *>(learner.window())->studyUnlocked());
}

void TestBindingUi::offline_decisionOnChangedIdentity_conflictShowsBoth()
{
    Client learner(*m_server);
    QVERIFY(submitAsLearner(learner));
    QVERIFY(learner.sync());

    Client employer(*m_server);
    StaffPage *staff = loginEmployer(employer);
    QVERIFY(staff);
    auto *table = child<QTableView>(staff, "bindingTableView");
    QTRY_COMPARE(table->model()->rowCount(), 1);

    // The HR officer confirms offline the person as shown ...
    employer.networkDown();
    table->selectRow(0);
    click(staff, "confirmButton");
    QCOMPARE(employer.engine()->pendingCount(), 1);

    // ... while the learner changes name and resident id (from another computer).
    TestClient api(*m_server);
    const TestReply session = api.post(QStringLiteral("/session"),
        { { QStringLiteral("username"), LearnerName },
            { QStringLiteral("password"), LearnerPassword } });
    const QString token = session.json.value(QStringLiteral("token")).toString();
    const QJsonObject me = session.json.value(QStringLiteral("user")).toObject();
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"),
        { me.value(QStringLiteral("id")).toString() });
    QVERIFY(v.next());
    const qint64 version = v.value(0).toLongLong();
    v.finish(); // no read transaction left open on this thread's connection
    const QString newId = residentId(QStringLiteral("44010619851212456"));
    const TestReply changed = api.post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject {
                { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("type"), QStringLiteral("profile.update") },
                { QStringLiteral("target"), me.value(QStringLiteral("id")) },
                { QStringLiteral("baseVersion"), double(version) },
                { QStringLiteral("payload"),
                    QJsonObject { { QStringLiteral("realName"), QStringLiteral("王五") },
                        { QStringLiteral("residentId"), newId } } } } } } },
        token);
    QCOMPARE(changed.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));

    // Back online: a conflict, never applied to the new identity, showing both versions.
    employer.networkUp();
    QVERIFY(employer.sync());
    QCOMPARE(employer.engine()->problems().size(), 1);
    QCOMPARE(employer.engine()->problems().first().state, OutboxMutation::State::Conflict);
    QVERIFY(!m_server->server().bindings().confirmedEmployer(
        me.value(QStringLiteral("id")).toString()));
    RoleWindow *window = employer.window();
    window->showSection(QStringLiteral("syncProblems"));
    auto *problems = child<QListWidget>(window, "syncProblemsListWidget");
    QTRY_COMPARE(problems->count(), 1);
    problems->setCurrentRow(0);
    auto *comparison = child<QTableWidget>(window, "comparisonTableWidget");
    QHash<QString, QPair<QString, QString>> rows;
    for (int row = 0; row < comparison->rowCount(); ++row) {
        rows.insert(comparison->item(row, 0)->text(),
            { comparison->item(row, 1)->text(), comparison->item(row, 2)->text() });
    }
    QCOMPARE(rows.value(QStringLiteral("Real name")),
        qMakePair(QStringLiteral("张三"), QStringLiteral("王五")));
    QCOMPARE(rows.value(QStringLiteral("Resident ID")),
        qMakePair(residentId(QStringLiteral("44010619900101123")), newId));
    // The table now shows the request as it is; confirming that version works.
    QTRY_COMPARE(status(table->model(), 0), QStringLiteral("pending"));
    table->selectRow(0);
    QVERIFY(child<QLabel>(staff, "bindingDetailLabel")->text().contains(QStringLiteral("王五")));
    QVERIFY(child<QPushButton>(staff, "confirmButton")->isEnabled());
    click(staff, "confirmButton");
    QVERIFY(employer.sync(true));
    QVERIFY(
        m_server->server().bindings().confirmedEmployer(me.value(QStringLiteral("id")).toString()));
}

void TestBindingUi::search_noMatch_showsManualAdvice()
{
    Client learner(*m_server);
    QVERIFY(learner.login(LearnerName, LearnerPassword));
    auto *window = qobject_cast<LearnerWindow *>(learner.window());
    QVERIFY(window);
    LearnerProfilePage *page = window->profilePage();
    auto *list = child<QListView>(page, "employerListView");
    QAbstractItemModelTester employerTester(
        qobject_cast<QSortFilterProxyModel *>(list->model())->sourceModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester filterTester(
        list->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *advice = child<QLabel>(page, "noEmployerLabel");
    QVERIFY(!advice->isVisibleTo(page));
    QCOMPARE(list->model()->rowCount(), 0); // nothing listed before a search

    type(page, "employerSearchLineEdit", QStringLiteral("不存在的单位"));
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(advice->isVisibleTo(page));
    QCOMPARE(advice->text(),
        QStringLiteral("If you cannot find your employer (work unit), please ask it to register "
                       "in the continuing education system first."));
    click(page, "copyInstructionsButton");
    QCOMPARE(QApplication::clipboard()->text(), EmployerPicker::instructions());
    QVERIFY(!child<QPushButton>(page, "submitBindingButton")->isEnabled());

    // The whole credit code finds it too; a region elsewhere does not.
    type(page, "employerSearchLineEdit", QStringLiteral("环保"));
    QCOMPARE(list->model()->rowCount(), 1);
    const QString code
        = list->model()->index(0, 0).data(EmployerListModel::CreditCodeRole).toString();
    type(page, "employerSearchLineEdit", code);
    QCOMPARE(list->model()->rowCount(), 1);
    QVERIFY(!advice->isVisibleTo(page));
    type(page, "employerSearchLineEdit", code.left(10));
    QCOMPARE(list->model()->rowCount(), 0);

    // Narrowed by region: the demo employer is in 广东省 广州市 天河区, not in 北京市.
    type(page, "employerSearchLineEdit", QStringLiteral("环保"));
    auto *province = child<QComboBox>(page, "provinceComboBox");
    QVERIFY(province);
    const auto pickProvince = [province](const QString &region) {
        QVERIFY(province->findText(region) > 0);
        province->setCurrentIndex(province->findText(region));
        emit province->activated(province->currentIndex());
    };
    pickProvince(QStringLiteral("北京市"));
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(advice->isVisibleTo(page));
    pickProvince(QStringLiteral("广东省"));
    QCOMPARE(list->model()->rowCount(), 1);
}

void TestBindingUi::employer_confirmsSeveralAtOnce_filtersByDate()
{
    // Two learners ask from another computer (the API directly).
    TestClient api(*m_server);
    const auto token = [&api](const QString &username, const QString &password) {
        return api
            .post(QStringLiteral("/session"),
                { { QStringLiteral("username"), username },
                    { QStringLiteral("password"), password } })
            .json.value(QStringLiteral("token"))
            .toString();
    };
    const QString employerToken = token(QStringLiteral("demo_employer"), demoEmployerPassword());
    const QString employerId = api.get(QStringLiteral("/me"), employerToken)
                                   .json.value(QStringLiteral("user"))
                                   .toObject()
                                   .value(QStringLiteral("id"))
                                   .toString();
    QVERIFY(!employerId.isEmpty());
    const auto mutate = [&api](const QString &who, const QString &type, const QString &target,
                            qint64 base, const QJsonObject &payload) {
        const TestReply reply = api.post(QStringLiteral("/sync/mutations"),
            { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                    { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                    { QStringLiteral("baseVersion"), base },
                    { QStringLiteral("payload"), payload } } } } },
            who);
        return reply.json.value(QStringLiteral("results"))
            .toArray()
            .at(0)
            .toObject()
            .value(QStringLiteral("status"))
            .toString();
    };
    for (const auto &[username, first17] :
        { std::pair { LearnerName, QStringLiteral("44010619900101123") },
            std::pair { QStringLiteral("second"), QStringLiteral("44010619850505432") } }) {
        if (username != LearnerName) {
            QCOMPARE(api.post(QStringLiteral("/accounts/learners"),
                            learnerRegistration(username, first17, QStringLiteral("13900139001")))
                         .status,
                201);
        }
        const QString learnerToken = token(username, LearnerPassword);
        const QJsonObject me = api.get(QStringLiteral("/me"), learnerToken)
                                   .json.value(QStringLiteral("user"))
                                   .toObject();
        const QString id = me.value(QStringLiteral("id")).toString();
        QSqlQuery version = m_server->server().database().exec(
            QStringLiteral("SELECT version FROM users WHERE id = ?"), { id });
        QVERIFY(version.next());
        QCOMPARE(mutate(learnerToken, QStringLiteral("profile.update"), id,
                     version.value(0).toLongLong(),
                     { { QStringLiteral("gender"), QStringLiteral("female") },
                         { QStringLiteral("education"), QStringLiteral("master") } }),
            QStringLiteral("applied"));
        QCOMPARE(mutate(learnerToken, QStringLiteral("binding.request"),
                     QUuid::createUuid().toString(QUuid::WithoutBraces), 0,
                     { { QStringLiteral("employerId"), employerId } }),
            QStringLiteral("applied"));
    }

    Client employer(*m_server);
    StaffPage *staff = loginEmployer(employer);
    QVERIFY(staff);
    auto *table = child<QTableView>(staff, "bindingTableView");
    QTRY_COMPARE(table->model()->rowCount(), 2);

    // The date filter: requests made before the chosen day are hidden.
    const QDate day = table->model()
                          ->index(0, 0)
                          .data(BindingTableModel::RequestedRole)
                          .toDateTime()
                          .toLocalTime()
                          .date();
    child<QDateEdit>(staff, "fromDateEdit")->setDate(day.addDays(1));
    QCOMPARE(table->model()->rowCount(), 0);
    child<QDateEdit>(staff, "fromDateEdit")->setDate(day);
    child<QDateEdit>(staff, "toDateEdit")->setDate(day);
    QCOMPARE(table->model()->rowCount(), 2);
    click(staff, "clearDatesButton");
    QCOMPARE(table->model()->rowCount(), 2);

    // Both at once: one binding.confirm each, queued as ONE action (one refresh of the views),
    // and the rows change in place: no reset, the selection kept.
    table->selectAll();
    auto *confirm = child<QPushButton>(staff, "confirmButton");
    QVERIFY(confirm->isEnabled());
    QVERIFY(!child<QPushButton>(staff, "rejectButton")->isEnabled()); // one reason per request
    QAbstractItemModel *source
        = qobject_cast<QSortFilterProxyModel *>(table->model())->sourceModel();
    QSignalSpy resets(source, &QAbstractItemModel::modelReset);
    QSignalSpy refreshes(employer.engine(), &SyncEngine::entitiesChanged);
    QSignalSpy counts(employer.engine(), &SyncEngine::pendingCountChanged);
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(employer.engine()->pendingCount(), 2);
    QCOMPARE(refreshes.count(), 1);
    QCOMPARE(counts.count(), 1);
    QCOMPARE(table->selectionModel()->selectedRows().size(), 2);
    QVERIFY(employer.sync());
    QCOMPARE(resets.count(), 0);
    QVERIFY(employer.engine()->problems().isEmpty());
    QCOMPARE(status(table->model(), 0), QStringLiteral("confirmed"));
    QCOMPARE(status(table->model(), 1), QStringLiteral("confirmed"));
    QCOMPARE(child<QTableView>(staff, "staffTableView")->model()->rowCount(), 2);
}

QTEST_MAIN(TestBindingUi)
#include "tst_bindingui.moc"
