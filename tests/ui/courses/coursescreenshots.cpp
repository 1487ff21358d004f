// Renders docs/screenshots/learner-public-courses-*.png: the demo learner takes the demo course
// (demo data on an in-process server) from 公需课学习平台 to 课程作业 and 继续教育记录, through the
// real widgets, in Chinese. Built on demand (target coursescreenshots), not a test:
//   coursescreenshots OUTPUT_DIR [EXTRA_QM]
// EXTRA_QM: a translation file laid over the embedded ones (strings not yet in translations/).
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "coursedownload.h"
#include "courses/courseplatformpage.h"
#include "courses/examdialog.h"
#include "courses/lessonviewer.h"
#include "declarations/hourrecordspage.h"
#include "localstore.h"
#include "publiccourses.h"
#include "screenshottool.h"
#include "studysession.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"
#include "windows/learnerwindow.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTranslator>

#include <cstdio>

using namespace xueshi;
using namespace xueshi::test;
using namespace xueshi::test::screenshots;

namespace {

const QString CourseId = QStringLiteral("professional-ethics");

void press(QObject *parent, const QString &name)
{
    auto *button = parent->findChild<QAbstractButton *>(name);
    need(button && button->isEnabled(), qPrintable(QStringLiteral("no enabled ") + name));
    button->click();
}

quint16 deadPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc < 2)
        fail("usage: coursescreenshots OUTPUT_DIR [EXTRA_QM]");
    screenshots::setUp(
        "coursescreenshots", QString::fromLocal8Bit(argv[1]), QStringLiteral("learner-"), 50);
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(app);

    TestServer server;
    need(server.isRunning(), "the server did not start");
    QString error;
    need(server::loadDemoData(server.server(), &error), "no demo data");
    // A date before March 31: last year's hours may still be declared.
    server.clock().set(QDateTime(QDate(2026, 3, 12), QTime(1, 30), Qt::UTC));

    QNetworkAccessManager network;
    AppSettings settings(temporaryDirectory() + QStringLiteral("/c.ini"));
    ClientCore core(&settings, &network, &server.clock());
    core.enableLocalData(temporaryDirectory(), nullptr);
    core.setEngineSetup([](SyncEngine *engine) {
        engine->setWatchNetwork(false);
        engine->setPeriodicInterval(0);
    });
    core.trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
    settings.setServerAddress(server.baseUrl().toString());
    core.setLanguage(Language::Chinese);
    QTranslator extra;
    if (argc > 2 && extra.load(QString::fromLocal8Bit(argv[2])))
        QCoreApplication::installTranslator(&extra);

    ClientController controller(&core);
    controller.start();
    LoginWindow *login = controller.loginWindow();
    login->findChild<QLineEdit *>(QStringLiteral("usernameLineEdit"))
        ->setText(QStringLiteral("demo_learner"));
    auto *password = login->findChild<QLineEdit *>(QStringLiteral("passwordLineEdit"));
    for (const server::DemoAccount &account : server::demoAccounts()) {
        if (account.username == QLatin1String("demo_learner"))
            password->setText(account.password);
    }
    QTest::keyClick(password, Qt::Key_Return);
    need(QTest::qWaitFor(
             [&] {
                 return controller.roleWindow() && core.syncEngine()
                     && core.syncEngine()->lastSync().isValid() && !core.syncEngine()->isSyncing();
             },
             60000),
        "login failed");
    auto *window = qobject_cast<LearnerWindow *>(controller.roleWindow());
    need(window && QTest::qWaitFor([window] { return window->studyUnlocked(); }, 5000),
        "the demo learner is not confirmed");
    SyncEngine *engine = core.syncEngine();
    const auto sync = [&] {
        QSignalSpy finished(engine, &SyncEngine::syncFinished);
        window->syncNow();
        need(QTest::qWaitFor([&] { return !finished.isEmpty(); }, 30000), "sync timed out");
        return finished.last().at(0).toBool();
    };
    window->resize(1280, 800);
    window->show();
    need(window->showSection(QStringLiteral("courses")), "no course section");
    CoursePlatformPage *page = window->coursePlatformPage();

    shot(window, QStringLiteral("public-courses"));
    press(page, QStringLiteral("viewOfferButton_2026"));
    shot(window, QStringLiteral("public-courses-list"));
    press(page, QStringLiteral("selectCourseButton_") + CourseId);
    shot(window, QStringLiteral("public-courses-introduction"));
    press(page, QStringLiteral("changeYearButton"));
    auto *dialog = page->findChild<DeclarationYearDialog *>();
    need(dialog, "no year dialog");
    QTest::qWait(50);
    shot(dialog, QStringLiteral("public-courses-year"));
    press(dialog, QStringLiteral("confirmYearButton"));
    auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmYearMessageBox"));
    need(box, "no confirmation");
    box->adjustSize();
    shot(box, QStringLiteral("public-courses-year-confirm"));
    press(box, QStringLiteral("confirmYearYesButton"));
    press(page, QStringLiteral("startStudyButton"));
    need(sync(), "sync failed");

    // 下载离线学习, then the lessons.
    QSignalSpy downloaded(page->download(), &CourseDownload::finished);
    press(page, QStringLiteral("downloadOfflineButton"));
    need(downloaded.wait(30000), "download timed out");
    const auto course = PublicCourses(core.localStore()).course(CourseId);
    need(course.has_value(), "no demo course");
    const QJsonArray lessons = course->data.value(QLatin1String("lessons")).toArray();
    for (int i = 0; i < lessons.size(); ++i) {
        const QJsonObject lesson = lessons.at(i).toObject();
        press(page,
            QStringLiteral("studyLessonButton_") + lesson.value(QLatin1String("id")).toString());
        LessonViewer *viewer = page->lessonViewer();
        need(viewer && QTest::qWaitFor([viewer] { return viewer->isContentShown(); }, 10000),
            "lesson did not open");
        viewer->resize(1100, 760);
        StudySession *session = viewer->studySession();
        // The first lesson is shown half-studied; the others are studied to the end.
        const int target = i == 0 ? session->minSeconds() / 2 : session->minSeconds();
        while (session->studiedSeconds() < target) {
            server.clock().advance(60);
            session->tick();
        }
        if (i == 0)
            shot(viewer, QStringLiteral("public-courses-lesson"));
        if (lesson.value(QLatin1String("kind")).toString() == QLatin1String("pdf")) {
            QTest::qWait(2000); // QPdfView renders its pages on another thread
            shot(viewer, QStringLiteral("public-courses-lesson-pdf"));
        }
        viewer->close();
        QTest::qWait(20);
    }
    shot(window, QStringLiteral("public-courses-catalogue"));
    // The first lesson to the end.
    press(page,
        QStringLiteral("studyLessonButton_")
            + lessons.at(0).toObject().value(QLatin1String("id")).toString());
    {
        LessonViewer *viewer = page->lessonViewer();
        need(viewer && QTest::qWaitFor([viewer] { return viewer->isContentShown(); }, 10000),
            "lesson did not open");
        while (!viewer->studySession()->isComplete()) {
            server.clock().advance(60);
            viewer->studySession()->tick();
        }
        viewer->close();
    }
    need(sync(), "sync failed");

    // 课程作业 offline: 待评分, then graded at the sync.
    QHash<QString, QStringList> key;
    QSqlQuery q = server.server().database().exec(
        QStringLiteral("SELECT question_id, answer FROM course_questions WHERE course_id = ?"),
        { CourseId });
    while (q.next()) {
        QStringList ids;
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array())
            ids.append(v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : v.toString());
        key.insert(q.value(0).toString(), ids);
    }
    network.setProxy(
        QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), deadPort()));
    network.clearConnectionCache();
    press(page, QStringLiteral("examButton"));
    ExamDialog *exam = page->examDialog();
    need(exam, "no exam");
    exam->resize(1000, 640);
    int answered = 0;
    for (auto it = key.constBegin(); it != key.constEnd(); ++it) {
        const QString prefix = QStringLiteral("option_%1_").arg(it.key());
        const QList<QAbstractButton *> options = exam->findChildren<QAbstractButton *>(
            QRegularExpression(QStringLiteral("^") + prefix));
        if (options.isEmpty())
            continue; // not drawn
        // One wrong answer, the rest right.
        for (QAbstractButton *option : options) {
            const bool right = it.value().contains(option->objectName().mid(prefix.size()));
            if (answered == 3 ? !right : right) {
                option->click();
                if (answered == 3)
                    break;
            }
        }
        ++answered;
    }
    exam->showQuestion(2);
    server.clock().advance(7 * 60 + 23);
    exam->tick();
    shot(exam, QStringLiteral("public-courses-exam"));
    press(exam, QStringLiteral("submitExamButton"));
    auto *confirm = exam->findChild<QMessageBox *>(QStringLiteral("submitConfirmMessageBox"));
    need(confirm, "no submit confirmation");
    press(confirm, QStringLiteral("confirmSubmitButton"));
    need(QTest::qWaitFor([page] { return page->examDialog() == nullptr; }, 5000), "exam open");
    shot(window, QStringLiteral("public-courses-grading"));
    network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
    network.clearConnectionCache();
    need(sync(), "sync failed");
    shot(window, QStringLiteral("public-courses-passed"));

    need(window->showSection(QStringLiteral("hourRecords")), "no hour records");
    shot(window, QStringLiteral("hour-records"));
    window->close();
    return 0;
}
