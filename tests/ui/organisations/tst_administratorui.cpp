// The administrator's review of organisations (R1, issue 10 item 2) through the real widgets
// against the real server over HTTPS: the demo administrator sees the demo employer awaiting
// approval with its details, finds it by search, approves it, and the server has it approved and
// in the employer directory; a rejection needs a reason of 1 to 200 characters and reaches the
// server with it; a decision made offline is sent after reconnecting; a decision on details that
// changed meanwhile, or taken by another administrator first, comes back as a conflict that
// 同步问题 explains. Also the item model on its own, under QAbstractItemModelTester.
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "desktopclient.h"
#include "localstore.h"
#include "organisationreview.h"
#include "organisations/organisationmodel.h"
#include "organisations/organisationspage.h"
#include "services/accountservice.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/administratorwindow.h"
#include "windows/rolewindow.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

using Client = DesktopClient;

const QString DemoPassword = QStringLiteral("Xueshi2026");
const QString NewEmployer = QStringLiteral("demo_new_employer");
const QString NewEmployerName = QStringLiteral("广州珠江建设咨询有限公司");

QString userId(server::Server &server, const QString &username)
{
    for (const QJsonObject &user : server.accounts().listUsers({})) {
        if (user.value(QLatin1String("username")).toString() == username)
            return user.value(QLatin1String("id")).toString();
    }
    return {};
}

QJsonObject organisationOnServer(server::Server &server, const QString &username)
{
    return server.accounts()
        .userJson(userId(server, username))
        .value(QLatin1String("organisation"))
        .toObject();
}

// The rows the table shows, by name.
QStringList shownNames(const QTableView *view)
{
    QStringList names;
    for (int row = 0; row < view->model()->rowCount(); ++row)
        names << view->model()->index(row, OrganisationTableModel::NameColumn).data().toString();
    return names;
}

int rowNamed(const QTableView *view, const QString &name)
{
    return int(shownNames(view).indexOf(name));
}

void clickRow(QTableView *view, int row)
{
    const QRect rect = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

// Types into a QPlainTextEdit character by character (keyClicks takes Latin-1 only).
void typePlain(QPlainTextEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    for (const QChar c : text)
        QTest::sendKeyEvent(QTest::Click, edit, Qt::Key_unknown, QString(c), Qt::NoModifier);
}

CachedEntity organisationEntity(const QString &id, const QString &kind, const QString &name,
    const QString &creditCode, bool approved, bool rejected, const QString &registeredAt)
{
    return { QStringLiteral("organisation"), id, 3,
        QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("kind"), kind },
            { QStringLiteral("username"), name.toLower() }, { QStringLiteral("name"), name },
            { QStringLiteral("creditCode"), creditCode },
            { QStringLiteral("regionCode"), QStringLiteral("440106") },
            { QStringLiteral("regionName"), QStringLiteral("广东省 广州市 天河区") },
            { QStringLiteral("contactPerson"), QStringLiteral("陈静") },
            { QStringLiteral("phone"), QStringLiteral("13700137000") },
            { QStringLiteral("email"), QStringLiteral("hr@example.cn") },
            { QStringLiteral("approved"), approved }, { QStringLiteral("rejected"), rejected },
            { QStringLiteral("rejectionReason"),
                rejected ? QJsonValue(QStringLiteral("信用代码与营业执照不符")) : QJsonValue() },
            { QStringLiteral("status"),
                approved ? QStringLiteral("active")
                         : (rejected ? QStringLiteral("rejected")
                                     : QStringLiteral("awaiting_approval")) },
            { QStringLiteral("registeredAt"), registeredAt }, { QStringLiteral("version"), 3 } } };
}

} // namespace

class TestAdministratorUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void model_filtersAndRoles_passModelTester();
    void admin_seesPendingEmployer_searchesAndApproves_directoryHasIt();
    void reject_needsReasonAsTyped_reachesServerWithIt();
    void approve_severalAtOnce();
    void offline_approvalQueued_appliedAfterReconnect();
    void conflict_detailsChangedMeanwhile_syncProblemsSaysWhat();
    void conflict_otherAdministratorFirst_syncProblemsSaysSo();

private:
    OrganisationsPage *loginAdmin(Client &admin);

    std::unique_ptr<TestServer> m_server;
};

void TestAdministratorUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestAdministratorUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
}

void TestAdministratorUi::cleanup()
{
    m_server.reset();
}

OrganisationsPage *TestAdministratorUi::loginAdmin(Client &admin)
{
    if (!admin.login(QStringLiteral("demo_admin"), DemoPassword))
        return nullptr;
    auto *window = qobject_cast<AdministratorWindow *>(admin.window());
    if (!window || window->currentSection() != QLatin1String("organisations"))
        return nullptr;
    window->resize(1200, 800);
    window->show();
    return window->organisationsPage();
}

void TestAdministratorUi::model_filtersAndRoles_passModelTester()
{
    OrganisationTableModel model;
    QAbstractItemModelTester modelTester(
        &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    OrganisationFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(
        &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QList<ReviewedOrganisation> rows {
        ReviewedOrganisation::fromEntity(organisationEntity(QStringLiteral("a"),
            QStringLiteral("employer"), QStringLiteral("Alpha"), QStringLiteral("91440106AAA"),
            false, false, QStringLiteral("2026-01-02T03:04:05Z"))),
        ReviewedOrganisation::fromEntity(organisationEntity(QStringLiteral("b"),
            QStringLiteral("institution"), QStringLiteral("Beta"), QStringLiteral("52440106BBB"),
            true, false, QStringLiteral("2026-01-01T00:00:00Z"))),
        ReviewedOrganisation::fromEntity(organisationEntity(QStringLiteral("c"),
            QStringLiteral("employer"), QStringLiteral("Gamma"), QStringLiteral("91440106CCC"),
            false, true, QStringLiteral("2026-01-03T00:00:00Z"))),
    };
    rows[1].waiting = true;
    model.setOrganisations(rows);
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), int(OrganisationTableModel::ColumnCount));
    const QModelIndex first = model.index(0, OrganisationTableModel::StateColumn);
    QCOMPARE(first.data(OrganisationTableModel::StateRole).toString(), QStringLiteral("pending"));
    QCOMPARE(first.data().toString(), QStringLiteral("Awaiting approval"));
    QCOMPARE(model.index(1, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Approved (not sent yet)"));
    QCOMPARE(model.index(2, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Rejected"));
    QCOMPARE(model.index(1, OrganisationTableModel::KindColumn).data().toString(),
        QStringLiteral("Training institution"));
    QCOMPARE(model.index(0, OrganisationTableModel::RegionColumn).data().toString(),
        QStringLiteral("广东省 广州市 天河区"));
    QCOMPARE(model.index(0, 0).data(OrganisationTableModel::VersionRole).toLongLong(), qint64(3));
    QCOMPARE(
        model.headerData(OrganisationTableModel::CreditCodeColumn, Qt::Horizontal, Qt::DisplayRole)
            .toString(),
        QStringLiteral("Credit code"));

    // State: a decision not sent yet stays among those awaiting approval.
    proxy.setState(QStringLiteral("pending"));
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setState(QStringLiteral("rejected"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(
        proxy.index(0, 0).data(OrganisationTableModel::IdRole).toString(), QStringLiteral("c"));
    proxy.setState({});
    proxy.setKind(QStringLiteral("institution"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setKind({});
    // Search: name, credit code, username, region, contact; case-insensitive.
    proxy.setSearch(QStringLiteral("gam"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearch(QStringLiteral("52440106"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setSearch(QStringLiteral("天河"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setSearch(QStringLiteral("陈静"));
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setSearch(QStringLiteral("nothing like it"));
    QCOMPARE(proxy.rowCount(), 0);
    proxy.setSearch({});
    model.setOrganisations({});
    QCOMPARE(proxy.rowCount(), 0);

    // The account's shape (what a conflict stores) reads as the feed's.
    const ReviewedOrganisation fromAccount
        = ReviewedOrganisation::fromEntity({ QStringLiteral("organisation"), QStringLiteral("d"), 7,
            QJsonObject { { QStringLiteral("id"), QStringLiteral("d") },
                { QStringLiteral("username"), QStringLiteral("delta") },
                { QStringLiteral("role"), QStringLiteral("employer") },
                { QStringLiteral("status"), QStringLiteral("rejected") },
                { QStringLiteral("createdAt"), QStringLiteral("2026-02-01T00:00:00Z") },
                { QStringLiteral("organisation"),
                    QJsonObject { { QStringLiteral("name"), QStringLiteral("Delta") },
                        { QStringLiteral("approved"), false }, { QStringLiteral("rejected"), true },
                        { QStringLiteral("rejectionReason"), QStringLiteral("fake") } } } } });
    QCOMPARE(fromAccount.name, QStringLiteral("Delta"));
    QCOMPARE(fromAccount.kind, QStringLiteral("employer"));
    QCOMPARE(fromAccount.username, QStringLiteral("delta"));
    QCOMPARE(fromAccount.state, ReviewedOrganisation::State::Rejected);
    QCOMPARE(fromAccount.rejectionReason, QStringLiteral("fake"));
    QVERIFY(fromAccount.registeredAt.isValid());

    // The reason's rule, as the dialog and the service apply it.
    QVERIFY(!rejectionReasonProblem(QStringLiteral("   ")).isEmpty());
    QVERIFY(rejectionReasonProblem(QString(200, QLatin1Char('x'))).isEmpty());
    QVERIFY(!rejectionReasonProblem(QString(201, QLatin1Char('x'))).isEmpty());
    QVERIFY(rejectionReasonProblem(
        QStringLiteral("  ") + QString(200, QLatin1Char('x')) + QStringLiteral("  "))
                .isEmpty());
}

void TestAdministratorUi::admin_seesPendingEmployer_searchesAndApproves_directoryHasIt()
{
    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    QAbstractItemModelTester sourceTester(
        qobject_cast<QSortFilterProxyModel *>(view->model())->sourceModel(),
        QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(
        view->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

    // Awaiting approval by default: only the new demo employer (the others are approved).
    QCOMPARE(child<QComboBox>(page, "stateFilterComboBox")->currentData().toString(),
        QStringLiteral("pending"));
    QCOMPARE(shownNames(view), QStringList { NewEmployerName });
    QVERIFY(!child<QPushButton>(page, "approveButton")->isEnabled());
    clickRow(view, 0);
    const QString details = child<QLabel>(page, "organisationDetailLabel")->text();
    const QJsonObject onServer = organisationOnServer(m_server->server(), NewEmployer);
    for (const QString &expected :
        { NewEmployerName, onServer.value(QLatin1String("creditCode")).toString(),
            QStringLiteral("天河区"), QStringLiteral("陈静"), QStringLiteral("13700137000"),
            QStringLiteral("hr@zhujiang-jszx.example.cn"), NewEmployer,
            QStringLiteral("Awaiting approval") })
        QVERIFY2(details.contains(expected), qPrintable(expected));
    QVERIFY(child<QPushButton>(page, "approveButton")->isEnabled());
    QVERIFY(child<QPushButton>(page, "rejectButton")->isEnabled());

    // All states and kinds: the approved demo organisations too; the search narrows.
    choose(page, "stateFilterComboBox", QString());
    QCOMPARE(view->model()->rowCount(), 3);
    choose(page, "kindFilterComboBox", QStringLiteral("institution"));
    QCOMPARE(view->model()->rowCount(), 1);
    choose(page, "kindFilterComboBox", QStringLiteral("employer"));
    QCOMPARE(view->model()->rowCount(), 2);
    type(page, "searchLineEdit", QStringLiteral("珠江"));
    QCOMPARE(shownNames(view), QStringList { NewEmployerName });
    type(page, "searchLineEdit", onServer.value(QLatin1String("creditCode")).toString().left(12));
    QCOMPARE(shownNames(view), QStringList { NewEmployerName });
    type(page, "searchLineEdit", QStringLiteral("no such organisation"));
    QCOMPARE(view->model()->rowCount(), 0);
    QCOMPARE(child<QLabel>(page, "organisationDetailLabel")->text(),
        QStringLiteral("No organisation matches the filter."));
    type(page, "searchLineEdit", QStringLiteral("DEMO_NEW"));
    QCOMPARE(shownNames(view), QStringList { NewEmployerName });
    choose(page, "stateFilterComboBox", QStringLiteral("pending"));
    QCOMPARE(view->model()->rowCount(), 1);

    // Approve: queued with the version seen, shown at once, still listed until sent.
    clickRow(view, 0);
    click(page, "approveButton");
    QCOMPARE(admin.engine()->pendingCount(), 1);
    const OutboxMutation queued = admin.store()->pendingMutations().first();
    QCOMPARE(queued.type, QStringLiteral("organisation.approve"));
    QCOMPARE(queued.target, userId(m_server->server(), NewEmployer));
    QCOMPARE(queued.baseVersion,
        admin.store()->entity(QStringLiteral("organisation"), queued.target)->version);
    QVERIFY(queued.baseVersion > 0);
    QCOMPARE(view->model()->rowCount(), 1);
    QCOMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Approved (not sent yet)"));
    QVERIFY(!child<QPushButton>(page, "approveButton")->isEnabled());
    QVERIFY(child<QLabel>(page, "actionMessageLabel")->text().contains(QLatin1String("saved")));
    QVERIFY(!organisationOnServer(m_server->server(), NewEmployer)
                 .value(QLatin1String("approved"))
                 .toBool());

    QVERIFY(admin.sync(true));
    QVERIFY(admin.engine()->problems().isEmpty());
    QVERIFY(organisationOnServer(m_server->server(), NewEmployer)
                .value(QLatin1String("approved"))
                .toBool());
    // Sent: it leaves the list of those awaiting approval, and is listed as approved.
    QTRY_COMPARE(view->model()->rowCount(), 0);
    choose(page, "stateFilterComboBox", QStringLiteral("approved"));
    QCOMPARE(shownNames(view), QStringList { NewEmployerName });
    QCOMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Approved"));

    // Learners find it in the employer directory now.
    TestClient api(*m_server);
    const TestReply login = api.post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("demo_learner") },
            { QStringLiteral("password"), DemoPassword } });
    QCOMPARE(login.status, 200);
    bool inDirectory = false;
    for (const QJsonObject &change :
        pullAllChanges(api, login.json.value(QLatin1String("token")).toString())) {
        if (change.value(QLatin1String("type")).toString() == QLatin1String("employer")
            && change.value(QLatin1String("id")).toString() == queued.target)
            inDirectory
                = change.value(QLatin1String("data")).toObject().value(QLatin1String("name"))
                == NewEmployerName;
    }
    QVERIFY(inDirectory);

    // The employer, logging in, no longer sees the approval banner.
    Client employer(*m_server);
    QVERIFY(employer.login(NewEmployer, DemoPassword));
    QVERIFY(!child<QWidget>(employer.window(), "approvalBanner")->isVisibleTo(employer.window()));
}

void TestAdministratorUi::reject_needsReasonAsTyped_reachesServerWithIt()
{
    TestClient api(*m_server);
    const TestReply reg = api.post(QStringLiteral("/accounts/institutions"),
        organisationRegistration(QStringLiteral("squatter"), QStringLiteral("52440106MJ0999999")));
    QCOMPARE(reg.status, 201);

    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    QCOMPARE(view->model()->rowCount(), 2);
    type(page, "searchLineEdit", QStringLiteral("squatter"));
    QCOMPARE(view->model()->rowCount(), 1);
    clickRow(view, 0);

    // The service refuses an empty reason and queues nothing.
    QVERIFY(!page->rejectSelectedWithReason(QStringLiteral("   ")));
    QCOMPARE(admin.engine()->pendingCount(), 0);

    click(page, "rejectButton");
    RejectOrganisationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<RejectOrganisationDialog *>()));
    QVERIFY(dialog->isVisible());
    auto *reason = child<QPlainTextEdit>(dialog, "rejectReasonTextEdit");
    auto *ok = child<QPushButton>(dialog, "rejectReasonOkButton");
    auto *message = child<QLabel>(dialog, "rejectReasonMessageLabel");
    QVERIFY(!ok->isEnabled());
    QVERIFY(message->text().isEmpty());
    typePlain(reason, QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    QVERIFY(!message->text().isEmpty());
    typePlain(reason, QString(201, QLatin1Char('x')));
    QVERIFY(!ok->isEnabled());
    QVERIFY(message->text().contains(QLatin1String("200")));
    QCOMPARE(child<QLabel>(dialog, "rejectReasonCountLabel")->text(), QStringLiteral("201 / 200"));
    const QString why = QStringLiteral("统一社会信用代码与营业执照不符");
    typePlain(reason, why);
    QVERIFY(ok->isEnabled());
    QVERIFY(message->text().isEmpty());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY(page->findChild<RejectOrganisationDialog *>() == nullptr);

    QCOMPARE(admin.engine()->pendingCount(), 1);
    QCOMPARE(admin.store()->pendingMutations().first().type, QStringLiteral("organisation.reject"));
    QCOMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Rejected (not sent yet)"));
    QVERIFY(child<QLabel>(page, "organisationDetailLabel")->text().contains(why));
    QVERIFY(admin.sync(true));
    const QJsonObject onServer
        = organisationOnServer(m_server->server(), QStringLiteral("squatter"));
    QVERIFY(onServer.value(QLatin1String("rejected")).toBool());
    QVERIFY(!onServer.value(QLatin1String("approved")).toBool());
    QCOMPARE(onServer.value(QLatin1String("rejectionReason")).toString(), why);
    choose(page, "stateFilterComboBox", QStringLiteral("rejected"));
    type(page, "searchLineEdit", QString());
    QCOMPARE(shownNames(view), QStringList { QStringLiteral("广州测试科技有限公司") });
    QCOMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Rejected"));
}

void TestAdministratorUi::approve_severalAtOnce()
{
    TestClient api(*m_server);
    QCOMPARE(api.post(QStringLiteral("/accounts/institutions"),
                    organisationRegistration(
                        QStringLiteral("second_school"), QStringLiteral("52440106MJ0888888")))
                 .status,
        201);

    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    QCOMPARE(view->model()->rowCount(), 2);
    clickRow(view, 0);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier,
        view->visualRect(view->model()->index(1, 0)).center());
    QCOMPARE(view->selectionModel()->selectedRows().size(), 2);
    QVERIFY(child<QLabel>(page, "organisationDetailLabel")
                ->text()
                .startsWith(QLatin1String("2 organisation")));
    auto *approve = child<QPushButton>(page, "approveButton");
    QCOMPARE(approve->text(), QStringLiteral("Approve 2"));
    // One reason is for one organisation.
    QVERIFY(!child<QPushButton>(page, "rejectButton")->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QCOMPARE(admin.engine()->pendingCount(), 2);
    QVERIFY(admin.sync(true));
    for (const QString &username : { NewEmployer, QStringLiteral("second_school") })
        QVERIFY2(organisationOnServer(m_server->server(), username)
                     .value(QLatin1String("approved"))
                     .toBool(),
            qPrintable(username));
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

void TestAdministratorUi::offline_approvalQueued_appliedAfterReconnect()
{
    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    admin.networkDown();
    // From the cache: the list and the decision work without the server.
    clickRow(view, rowNamed(view, NewEmployerName));
    QCOMPARE(page->approveSelected(), 1);
    QSignalSpy finished(admin.engine(), &SyncEngine::syncFinished);
    admin.window()->syncNow();
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), 30000);
    QCOMPARE(finished.last().at(0).toBool(), false);
    QCOMPARE(admin.engine()->pendingCount(), 1);
    QCOMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Approved (not sent yet)"));
    QVERIFY(!organisationOnServer(m_server->server(), NewEmployer)
                 .value(QLatin1String("approved"))
                 .toBool());

    admin.networkUp();
    QVERIFY(admin.sync(true));
    QVERIFY(admin.engine()->problems().isEmpty());
    QVERIFY(organisationOnServer(m_server->server(), NewEmployer)
                .value(QLatin1String("approved"))
                .toBool());
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

void TestAdministratorUi::conflict_detailsChangedMeanwhile_syncProblemsSaysWhat()
{
    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    admin.networkDown();
    clickRow(view, rowNamed(view, NewEmployerName));
    QCOMPARE(page->approveSelected(), 1);

    // Meanwhile the organisation changes its contact person.
    TestClient api(*m_server);
    const TestReply login = api.post(QStringLiteral("/session"),
        { { QStringLiteral("username"), NewEmployer },
            { QStringLiteral("password"), DemoPassword } });
    QCOMPARE(login.status, 200);
    const QString token = login.json.value(QLatin1String("token")).toString();
    const QString id = userId(m_server->server(), NewEmployer);
    // The version the administrator saw is the account's version on the server.
    const qint64 base = admin.store()->pendingMutations().first().baseVersion;
    const TestReply pushed = api.post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject {
                { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                { QStringLiteral("type"), QStringLiteral("profile.update") },
                { QStringLiteral("target"), id }, { QStringLiteral("baseVersion"), double(base) },
                { QStringLiteral("payload"),
                    QJsonObject {
                        { QStringLiteral("contactPerson"), QStringLiteral("赵磊") } } } } } } },
        token);
    QCOMPARE(pushed.status, 200);
    QCOMPARE(pushed.json.value(QLatin1String("results"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QLatin1String("status")),
        QStringLiteral("applied"));

    admin.networkUp();
    QVERIFY(admin.sync());
    const QList<OutboxMutation> problems = admin.engine()->problems();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().state, OutboxMutation::State::Conflict);
    // Not applied; the list shows it awaiting approval with the new contact and the problem.
    QVERIFY(!organisationOnServer(m_server->server(), NewEmployer)
                 .value(QLatin1String("approved"))
                 .toBool());
    QTRY_COMPARE(view->model()->index(0, OrganisationTableModel::StateColumn).data().toString(),
        QStringLiteral("Awaiting approval (see Sync problems)"));
    clickRow(view, 0);
    QVERIFY(
        child<QLabel>(page, "organisationDetailLabel")->text().contains(QStringLiteral("赵磊")));

    // 同步问题 says what changed: the contact person, from what was seen to what is there now.
    QVERIFY(admin.window()->showSection(QStringLiteral("syncProblems")));
    auto *list = child<QListWidget>(admin.window(), "syncProblemsListWidget");
    QTRY_COMPARE(list->count(), 1);
    QVERIFY2(list->item(0)->text().startsWith(QLatin1String("Approve an organisation")),
        qPrintable(list->item(0)->text()));
    const QString reason = child<QLabel>(admin.window(), "problemReasonLabel")->text();
    QVERIFY2(reason.contains(NewEmployerName) && reason.contains(QLatin1String("Contact person")),
        qPrintable(reason));
    auto *table = child<QTableWidget>(admin.window(), "comparisonTableWidget");
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Contact person"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("陈静"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("赵磊"));

    // Retry decides on the details as they are now.
    click(admin.window(), "retryButton");
    QVERIFY(admin.sync(true));
    QVERIFY(admin.engine()->problems().isEmpty());
    QVERIFY(organisationOnServer(m_server->server(), NewEmployer)
                .value(QLatin1String("approved"))
                .toBool());
}

void TestAdministratorUi::conflict_otherAdministratorFirst_syncProblemsSaysSo()
{
    Client admin(*m_server);
    OrganisationsPage *page = loginAdmin(admin);
    QVERIFY(page);
    auto *view = child<QTableView>(page, "organisationTableView");
    admin.networkDown();
    clickRow(view, rowNamed(view, NewEmployerName));
    QVERIFY(page->rejectSelectedWithReason(QStringLiteral("名称与营业执照不符")));

    // Another administrator approves it first (on the command line).
    QString error;
    QVERIFY2(m_server->server().accounts().approveOrganisation(NewEmployer, Role::Employer, &error),
        qPrintable(error));

    admin.networkUp();
    QVERIFY(admin.sync());
    QCOMPARE(admin.engine()->problems().size(), 1);
    const QJsonObject onServer = organisationOnServer(m_server->server(), NewEmployer);
    QVERIFY(onServer.value(QLatin1String("approved")).toBool());
    QVERIFY(!onServer.value(QLatin1String("rejected")).toBool());

    QVERIFY(admin.window()->showSection(QStringLiteral("syncProblems")));
    auto *list = child<QListWidget>(admin.window(), "syncProblemsListWidget");
    QTRY_COMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().startsWith(QLatin1String("Reject an organisation")));
    const QString reason = child<QLabel>(admin.window(), "problemReasonLabel")->text();
    QVERIFY2(reason.contains(QLatin1String("Another administrator approved")), qPrintable(reason));
    auto *table = child<QTableWidget>(admin.window(), "comparisonTableWidget");
    QVERIFY(table->rowCount() >= 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("State"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Awaiting approval"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Approved"));

    // Decided already: a retry would conflict again, so only discarding is offered.
    QVERIFY(!child<QPushButton>(admin.window(), "retryButton")->isEnabled());
    QVERIFY(child<QLabel>(admin.window(), "actionHintLabel")
                ->text()
                .contains(QLatin1String("decided already")));
    click(admin.window(), "discardButton");
    QPushButton *confirm = nullptr;
    QTRY_VERIFY((confirm
        = admin.window()->findChild<QPushButton *>(QStringLiteral("confirmDiscardButton"))));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(admin.engine()->problems().isEmpty());

    // The list shows the server's decision.
    choose(page, "stateFilterComboBox", QStringLiteral("approved"));
    QVERIFY(shownNames(view).contains(NewEmployerName));
    QCOMPARE(view->model()
                 ->index(rowNamed(view, NewEmployerName), OrganisationTableModel::StateColumn)
                 .data()
                 .toString(),
        QStringLiteral("Approved"));
}

QTEST_MAIN(TestAdministratorUi)
#include "tst_administratorui.moc"
