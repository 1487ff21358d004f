// Renders docs/screenshots/institution-classes.png, institution-class-edit.png,
// institution-enrolments.png, institution-hours.png, learner-classes.png,
// learner-class-details.png and learner-my-classes.png: the demo institution publishes classes in
// the demo employer's region, the demo learner (and two colleagues) enrol, the institution
// confirms the enrolments and then the hours, and the learner sees them; through the real widgets
// against an in-process server with the demo data, in Chinese. Built on demand (target
// classscreenshots), not a test:
//   classscreenshots OUTPUT_DIR [EXTRA_QM]
// EXTRA_QM: a translation file laid over the embedded ones (strings not yet in translations/).
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "classes/classenrolmentpage.h"
#include "classes/classespage.h"
#include "classes/classmodels.h"
#include "classes/enrolmentspage.h"
#include "classes/hoursconfirmationpage.h"
#include "classes/myclassespage.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "localstore.h"
#include "screenshottool.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"
#include "windows/institutionwindow.h"
#include "windows/learnerwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>
#include <QUuid>

#include <cstdio>
#include <memory>

using namespace xueshi;
using namespace xueshi::test;
using namespace xueshi::test::screenshots;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// One user's client, logged in, in Chinese.
struct Client
{
    Client(TestServer &server, const QString &username, const QString &password)
        : settings(temporaryDirectory() + QStringLiteral("/c.ini"))
        , core(&settings, &network, &server.clock())
    {
        core.enableLocalData(temporaryDirectory(), nullptr);
        core.setEngineSetup([](SyncEngine *engine) {
            engine->setWatchNetwork(false);
            engine->setPeriodicInterval(0);
        });
        core.trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        settings.setServerAddress(server.baseUrl().toString());
        core.setLanguage(Language::Chinese);
        controller = std::make_unique<ClientController>(&core);
        controller->start();
        LoginWindow *login = controller->loginWindow();
        login->findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))->setText(username);
        auto *edit = login->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
        edit->setText(password);
        QTest::keyClick(edit, Qt::Key_Return);
        need(QTest::qWaitFor(
                 [&] {
                     return controller->roleWindow() && core.syncEngine()
                         && core.syncEngine()->lastSync().isValid()
                         && !core.syncEngine()->isSyncing();
                 },
                 60000),
            "login failed");
        window()->resize(1280, 800);
        window()->show();
    }

    RoleWindow *window() const { return controller->roleWindow(); }

    void sync()
    {
        for (int i = 0; i < 5; ++i) {
            QSignalSpy finished(core.syncEngine(), &SyncEngine::syncFinished);
            window()->syncNow();
            need(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000), "sync timed out");
            if (core.syncEngine()->pendingCount() == 0)
                return;
        }
        fail("changes were not sent");
    }

    QNetworkAccessManager network;
    AppSettings settings;
    ClientCore core;
    std::unique_ptr<ClientController> controller;
};

QJsonObject classPayload(const QString &name, const QString &subjectType, const QString &series,
    const QString &mode, const QString &region, const QString &venue, const QDate &start, int days,
    int hoursTenths, int capacity, const QString &description)
{
    return { { QStringLiteral("name"), name }, { QStringLiteral("subjectType"), subjectType },
        { QStringLiteral("professionalSeries"), series.isEmpty() ? QJsonValue() : series },
        { QStringLiteral("mode"), mode }, { QStringLiteral("regionCode"), region },
        { QStringLiteral("venue"), venue },
        { QStringLiteral("startDate"), start.toString(Qt::ISODate) },
        { QStringLiteral("endDate"), start.addDays(days - 1).toString(Qt::ISODate) },
        { QStringLiteral("hoursTenths"), hoursTenths }, { QStringLiteral("capacity"), capacity },
        { QStringLiteral("enrolmentDeadline"), start.addDays(-1).toString(Qt::ISODate) },
        { QStringLiteral("description"), description } };
}

// A colleague of the demo learner, confirmed by the demo employer and enrolled in the class,
// through the API.
void enrolColleague(TestServer &server, const QString &username, const QString &name,
    const QString &first17, const QString &classId)
{
    TestClient api(server);
    QJsonObject registration = learnerRegistration(username, first17);
    registration.insert(QStringLiteral("realName"), name);
    need(api.post(QStringLiteral("/accounts/learners"), registration).status == 201,
        "registration failed");
    const auto token = [&api](const QString &user, const QString &password) {
        return api
            .post(QStringLiteral("/session"),
                { { QStringLiteral("username"), user }, { QStringLiteral("password"), password } })
            .json.value(QStringLiteral("token"))
            .toString();
    };
    const auto idOf = [&api](const QString &t) {
        return api.get(QStringLiteral("/me"), t)
            .json.value(QStringLiteral("user"))
            .toObject()
            .value(QStringLiteral("id"))
            .toString();
    };
    const auto mutate = [&api](const QString &t, const QString &type, const QString &target,
                            qint64 base, const QJsonObject &payload) {
        const TestReply reply = api.post(QStringLiteral("/sync/mutations"),
            { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                    { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                    { QStringLiteral("baseVersion"), base },
                    { QStringLiteral("payload"), payload } } } } },
            t);
        need(reply.json.value(QStringLiteral("results"))
                    .toArray()
                    .at(0)
                    .toObject()
                    .value(QStringLiteral("status"))
                    .toString()
                == QLatin1String("applied"),
            qPrintable(QStringLiteral("%1 refused").arg(type)));
    };
    const QString learner = token(username, QStringLiteral("Secret123"));
    const QString learnerId = idOf(learner);
    QSqlQuery version = server.server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { learnerId });
    need(version.next(), "no user");
    const qint64 base = version.value(0).toLongLong();
    version.finish();
    mutate(learner, QStringLiteral("profile.update"), learnerId, base,
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("master") } });
    const QString employer = token(QStringLiteral("demo_employer"), DemoPassword);
    const QString bindingId = newId();
    mutate(learner, QStringLiteral("binding.request"), bindingId, 0,
        { { QStringLiteral("employerId"), idOf(employer) } });
    mutate(employer, QStringLiteral("binding.confirm"), bindingId, 1, {});
    mutate(learner, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2)
        fail("usage: classscreenshots OUTPUT_DIR [EXTRA_QM]");
    screenshots::setUp("classscreenshots", QString::fromLocal8Bit(argv[1]), QString(), 50);
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(app);
    QTranslator extra;
    if (argc > 2 && extra.load(QString::fromLocal8Bit(argv[2])))
        QCoreApplication::installTranslator(&extra);

    TestServer server;
    need(server.isRunning(), "the server did not start");
    QString error;
    need(server::loadDemoData(server.server(), &error), "no demo data");
    server.clock().set(QDateTime(QDate(2026, 5, 12), QTime(1, 30), Qt::UTC));
    const QDate today = server.clock().todayInChina();

    // 培训班管理: two published classes in 广州, one draft.
    Client institution(server, QStringLiteral("demo_institution"), DemoPassword);
    auto *institutionWindow = qobject_cast<InstitutionWindow *>(institution.window());
    need(institutionWindow, "no institution window");
    ClassesPage *classes = institutionWindow->classesPage();
    const QString mainClass = newId();
    need(classes->saveClass(mainClass,
             classPayload(QStringLiteral("环境监测新技术专业科目培训班"),
                 QStringLiteral("professional"), QStringLiteral("engineering-environmental"),
                 QStringLiteral("offline"), QStringLiteral("440106"),
                 QStringLiteral("广州市天河区体育西路 191 号 8 楼培训室"), today.addDays(2), 3, 240,
                 60, QStringLiteral("大气、水、土壤环境监测新标准与在线监测技术，含实操。"))),
        "save failed");
    const QString onlineClass = newId();
    need(classes->saveClass(onlineClass,
             classPayload(QStringLiteral("安全生产管理选修课（线上）"), QStringLiteral("elective"),
                 QString(), QStringLiteral("online"), QStringLiteral("440100"), QString(),
                 today.addDays(14), 2, 120, 200,
                 QStringLiteral("面向广州市各单位专业技术人员的线上选修课。"))),
        "save failed");
    need(classes->saveClass(newId(),
             classPayload(QStringLiteral("碳排放核算与报告实务"), QStringLiteral("professional"),
                 QStringLiteral("engineering-environmental"), QStringLiteral("offline"),
                 QStringLiteral("440106"), QStringLiteral("待定"), today.addDays(40), 2, 160, 40,
                 QString())),
        "save failed");
    auto *classTable = classes->findChild<QTableView *>(QStringLiteral("classTableView"));
    for (const QString &id : { mainClass, onlineClass }) {
        const int row = qobject_cast<TrainingClassTableModel *>(classTable->model())->rowOf(id);
        classTable->selectRow(row);
        need(classes->openSelected(), "open failed");
    }
    institution.sync();
    classTable->selectRow(
        qobject_cast<TrainingClassTableModel *>(classTable->model())->rowOf(mainClass));
    shot(institution.window(), QStringLiteral("institution-classes"));
    classes->editSelected();
    auto *edit = classes->findChild<QDialog *>(QStringLiteral("classEditDialog"));
    need(edit, "no edit dialog");
    shot(edit, QStringLiteral("institution-class-edit"));
    edit->reject();

    // 培训班报名申请: the demo learner of 天河区 sees both and enrols.
    Client learner(server, QStringLiteral("demo_learner"), DemoPassword);
    auto *learnerWindow = qobject_cast<LearnerWindow *>(learner.window());
    need(learnerWindow && learnerWindow->showSection(QStringLiteral("classEnrolment")),
        "no class section");
    auto *enrolPage = learnerWindow->findChild<ClassEnrolmentPage *>();
    shot(learner.window(), QStringLiteral("learner-classes"));
    ClassDetailsDialog *details = enrolPage->openDetails(mainClass);
    need(details, "no details");
    details->resize(560, details->sizeHint().height());
    shot(details, QStringLiteral("learner-class-details"));
    need(enrolPage->enrol(mainClass), "enrol failed");
    details->close();
    learner.sync();

    // Colleagues enrol; the institution confirms two and leaves one for later.
    enrolColleague(server, QStringLiteral("li_na"), QStringLiteral("李娜"),
        QStringLiteral("44010619900312002"), mainClass);
    enrolColleague(server, QStringLiteral("wang_qiang"), QStringLiteral("王强"),
        QStringLiteral("44010619870809003"), mainClass);
    enrolColleague(server, QStringLiteral("chen_jing"), QStringLiteral("陈静"),
        QStringLiteral("44010619921130004"), mainClass);
    institution.sync();
    need(institutionWindow->showSection(QStringLiteral("enrolments")), "no enrolments section");
    EnrolmentsPage *enrolments = institutionWindow->enrolmentsPage();
    need(enrolments->setClassId(mainClass), "class not listed");
    auto *enrolmentTable
        = enrolments->findChild<QTableView *>(QStringLiteral("enrolmentTableView"));
    // Three confirmed, the latest one left to decide.
    enrolmentTable->selectAll();
    enrolmentTable->selectionModel()->select(enrolmentTable->model()->index(0, 0),
        QItemSelectionModel::Deselect | QItemSelectionModel::Rows);
    need(enrolments->confirmSelected() == 3, "confirm failed");
    institution.sync();
    enrolmentTable->clearSelection();
    shot(institution.window(), QStringLiteral("institution-enrolments"));

    enrolmentTable->selectRow(0);
    need(enrolments->confirmSelected() == 1, "confirm failed");
    institution.sync();

    // 学时确认 after the class: one absent, one with fewer hours, then the batch.
    // Within the week a session token lasts.
    server.clock().advance(5 * 24 * 3600);
    need(institutionWindow->showSection(QStringLiteral("hours")), "no hours section");
    HoursConfirmationPage *hours = institutionWindow->hoursPage();
    need(hours->setClassId(mainClass), "class not listed");
    HoursTableModel *model = hours->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QString name = model->index(row, HoursTableModel::NameColumn).data().toString();
        if (name == QStringLiteral("王强")) {
            model->setData(
                model->index(row, HoursTableModel::AbsentColumn), Qt::Checked, Qt::CheckStateRole);
            model->setData(
                model->index(row, HoursTableModel::ReasonColumn), QStringLiteral("因公出差未参加"));
        } else if (name == QStringLiteral("李娜")) {
            model->setData(model->index(row, HoursTableModel::HoursColumn), 18.0);
            model->setData(
                model->index(row, HoursTableModel::ReasonColumn), QStringLiteral("缺第三天实操"));
        }
    }
    need(hours->confirmAll(), "confirm hours failed");
    institution.sync();
    shot(institution.window(), QStringLiteral("institution-hours"));

    // 培训班情况查看: 已获得学时.
    learner.sync();
    need(learnerWindow->showSection(QStringLiteral("myClasses")), "no my classes section");
    shot(learner.window(), QStringLiteral("learner-my-classes"));
    return 0;
}
