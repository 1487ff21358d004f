// Public courses (R5) as the learner sees them, through the real widgets against the real server
// over HTTPS: 公需课学习平台 → 查看 → 选择课程 → 修改申报年度 → 开始学习 → 点击学习 (the study
// clock driven by the test clock) → 课程作业 (a failed attempt, then a pass) → the hours in
// 继续教育记录 for the chosen year. Also the exam taken offline (待评分, then graded once after the
// sync), the cache holding no answer key (two banks differing only in their answers give identical
// cached data), 下载离线学习 with the lesson opened while the server is down, and the study lock.
#include "account/loginwindow.h"
#include "admin/demodata.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "content/coursepackage.h"
#include "contentcache.h"
#include "coursedownload.h"
#include "courses/courseplatformpage.h"
#include "courses/examdialog.h"
#include "courses/lessonviewer.h"
#include "declarations/hourrecordspage.h"
#include "desktopclient.h"
#include "localstore.h"
#include "publiccourses.h"
#include "services/courseservice.h"
#include "studysession.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "windows/clientcontroller.h"
#include "windows/learnerwindow.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFrame>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
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

const QString CourseId = QStringLiteral("test-ethics");
const QString CourseTitle = QStringLiteral("测试公需课：职业道德");
const QString HtmlText = QStringLiteral("诚实守信是专业技术人员的基本职业道德。");

// Buttons inside table cells may be scrolled out of view; click() is what a mouse click does.
bool press(QObject *parent, const QString &name)
{
    auto *button = child<QAbstractButton>(parent, name);
    if (!button || !button->isEnabled())
        return false;
    button->click();
    return true;
}

QString demoPassword(const QString &username)
{
    for (const server::DemoAccount &account : server::demoAccounts()) {
        if (account.username == username)
            return account.password;
    }
    return {};
}

// A one-page PDF, made once: a PDF carries its creation time, and both variants of the package
// must hold the same bytes.
QByteArray pdfLesson()
{
    static const QByteArray bytes = [] {
        QBuffer buffer;
        buffer.open(QIODevice::WriteOnly);
        {
            QPdfWriter pdf(&buffer);
            QPainter painter(&pdf);
            painter.drawText(QPointF(100, 100), QStringLiteral("Case studies"));
        }
        return buffer.data();
    }();
    return bytes;
}

// A small course package: an HTML lesson with an image, a PDF lesson, four questions of every
// type. `flipped` gives the same package with other correct answers (and nothing else changed).
void writePackage(const QString &dir, bool flipped)
{
    QDir().mkpath(dir + QStringLiteral("/lessons/images"));
    const auto write = [&dir](const QString &path, const QByteArray &bytes) {
        QFile file(dir + QLatin1Char('/') + path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    const QJsonObject course {
        { QStringLiteral("format"), 1 },
        { QStringLiteral("id"), CourseId },
        { QStringLiteral("version"), 1 },
        { QStringLiteral("title"), CourseTitle },
        { QStringLiteral("introduction"),
            QStringLiteral("本课程讲解职业道德。\n\n共两讲，考试四题。") },
        { QStringLiteral("hours"), 1.5 },
        { QStringLiteral("years"), QJsonArray { 2025, 2026 } },
        { QStringLiteral("lessons"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("l1") },
                             { QStringLiteral("title"), QStringLiteral("第一讲 诚信") },
                             { QStringLiteral("file"), QStringLiteral("lessons/01.html") },
                             { QStringLiteral("minMinutes"), 2 } },
                QJsonObject { { QStringLiteral("id"), QStringLiteral("l2") },
                    { QStringLiteral("title"), QStringLiteral("第二讲 案例") },
                    { QStringLiteral("file"), QStringLiteral("lessons/02.pdf") },
                    { QStringLiteral("minMinutes"), 1 } } } },
        { QStringLiteral("exam"),
            QJsonObject { { QStringLiteral("questionBank"), QStringLiteral("questions.json") },
                { QStringLiteral("questionCount"), 4 }, { QStringLiteral("passMark"), 60 },
                { QStringLiteral("attemptsAllowed"), 3 },
                { QStringLiteral("timeLimitMinutes"), 10 } } },
    };
    write(QStringLiteral("course.json"), QJsonDocument(course).toJson());
    write(QStringLiteral("lessons/01.html"),
        QStringLiteral("<html><body><h1>第一讲</h1><p>%1</p><img src=\"images/fig.png\"></body>"
                       "</html>")
            .arg(HtmlText)
            .toUtf8());
    QImage image(40, 20, QImage::Format_RGB32);
    image.fill(Qt::blue);
    QVERIFY(image.save(dir + QStringLiteral("/lessons/images/fig.png")));
    write(QStringLiteral("lessons/02.pdf"), pdfLesson());
    const auto option = [](const char *id, const QString &text) {
        return QJsonObject { { QStringLiteral("id"), QLatin1String(id) },
            { QStringLiteral("text"), text } };
    };
    const auto answer = [](std::initializer_list<const char *> ids) {
        QJsonArray list;
        for (const char *id : ids)
            list.append(QLatin1String(id));
        return list;
    };
    const QJsonArray questions {
        QJsonObject { { QStringLiteral("id"), QStringLiteral("q1") },
            { QStringLiteral("type"), QStringLiteral("single") },
            { QStringLiteral("text"), QStringLiteral("职业道德的核心是什么？") },
            { QStringLiteral("options"),
                QJsonArray { option("a", QStringLiteral("诚实守信")),
                    option("b", QStringLiteral("追求利润")),
                    option("c", QStringLiteral("服从领导")) } },
            { QStringLiteral("answer"), flipped ? answer({ "b" }) : answer({ "a" }) } },
        QJsonObject { { QStringLiteral("id"), QStringLiteral("q2") },
            { QStringLiteral("type"), QStringLiteral("multiple") },
            { QStringLiteral("text"), QStringLiteral("下列哪些属于科研失信行为？") },
            { QStringLiteral("options"),
                QJsonArray { option("a", QStringLiteral("抄袭")),
                    option("b", QStringLiteral("伪造数据")),
                    option("c", QStringLiteral("按时结题")) } },
            { QStringLiteral("answer"), flipped ? answer({ "b", "c" }) : answer({ "a", "b" }) } },
        QJsonObject { { QStringLiteral("id"), QStringLiteral("q3") },
            { QStringLiteral("type"), QStringLiteral("trueFalse") },
            { QStringLiteral("text"), QStringLiteral("专业技术人员每年应参加继续教育。") },
            { QStringLiteral("answer"), !flipped } },
        QJsonObject { { QStringLiteral("id"), QStringLiteral("q4") },
            { QStringLiteral("type"), QStringLiteral("single") },
            { QStringLiteral("text"), QStringLiteral("国家秘密的密级分为几级？") },
            { QStringLiteral("options"),
                QJsonArray {
                    option("a", QStringLiteral("三级")), option("b", QStringLiteral("四级")) } },
            { QStringLiteral("answer"), flipped ? answer({ "b" }) : answer({ "a" }) } },
    };
    write(QStringLiteral("questions.json"), QJsonDocument(questions).toJson());
}

bool importPackage(TestServer &server, bool flipped)
{
    const QString dir = temporaryDirectory() + QStringLiteral("/package");
    writePackage(dir, flipped);
    QStringList problems;
    const std::optional<server::CoursePackage> package
        = server::CoursePackage::load(dir, &problems);
    if (!package) {
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
        return false;
    }
    QString error;
    if (!server.server().courses().importPackage(*package, &error)) {
        qWarning("%s", qPrintable(error));
        return false;
    }
    return true;
}

// The correct option ids of each question, from the server's database.
QHash<QString, QStringList> answerKey(TestServer &server)
{
    QHash<QString, QStringList> key;
    QSqlQuery q = server.server().database().exec(
        QStringLiteral("SELECT question_id, answer FROM course_questions WHERE course_id = ?"),
        { CourseId });
    while (q.next()) {
        const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toString().toUtf8());
        QStringList ids;
        for (const QJsonValue &v : doc.array())
            ids.append(v.isBool() ? (v.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                  : v.toString());
        key.insert(q.value(0).toString(), ids);
    }
    return key;
}

qint64 scalar(TestServer &server, const QString &sql, const QVariantList &binds)
{
    QSqlQuery q = server.server().database().exec(sql, binds);
    return q.next() ? q.value(0).toLongLong() : -1;
}

// One learner's computer (tests/support/desktopclient.h); a sync counts only when it ended well.
struct Client : DesktopClient
{
    using DesktopClient::DesktopClient;

    LearnerWindow *window() const { return qobject_cast<LearnerWindow *>(DesktopClient::window()); }
    CoursePlatformPage *page() const { return window()->coursePlatformPage(); }
    bool loginDemoLearner()
    {
        return login(QStringLiteral("demo_learner"), demoPassword(QStringLiteral("demo_learner")));
    }
    bool sync() { return DesktopClient::sync(true); }
};

} // namespace

class TestCoursesUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void wholeFlow_failThenPass_hoursInRecordsForChosenYear();
    void offlineExam_awaitingGrading_thenGradedAndCreditedOnce();
    void cache_holdsNoAnswerKey();
    void downloadOffline_lessonOpensWithServerDown();
    void studySession_countsOnlyShownTime_neverTwice();
    void exam_countdownKeptOnReopening_timeUpSubmitsWhatIsAnswered();
    void exam_refusedHandIn_saidOnTheCoursePage();
    void exam_wallClockMovedMidExam_timedOnTheSteadyTimer_graded();
    void study_offlineWithWallClockMoved_creditedWhenSyncedHoursLater();
    void study_claimBeforeTheChoiceReachedTheServer_notCreditedAndSaid();
    void studyLocked_bannerAndActionsOff();

private:
    // Logs in the demo learner (confirmed by the demo employer) and opens the platform.
    CoursePlatformPage *openPlatform(Client &client);
    // 查看 → 选择课程 → (修改申报年度 to `year`) → 开始学习.
    bool openCatalogue(CoursePlatformPage *page, int year);
    // 点击学习 and study until the lesson is complete, then close it. The time passes on the
    // server's clock and on `own`, the client's own clock when it has one.
    bool studyLesson(Client &client, const QString &lessonId, TestClock *own = nullptr);
    // 课程作业 (opened unless it is open): answers every question (rightly or wrongly) and
    // submits with confirmation.
    bool takeExam(CoursePlatformPage *page, bool correctly);
    QString learnerId();

    std::unique_ptr<TestServer> m_server;
};

void TestCoursesUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestCoursesUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QVERIFY(importPackage(*m_server, false));
}

void TestCoursesUi::cleanup()
{
    m_server.reset();
}

QString TestCoursesUi::learnerId()
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT id FROM users WHERE username = ?"),
        { QStringLiteral("demo_learner") });
    return q.next() ? q.value(0).toString() : QString();
}

CoursePlatformPage *TestCoursesUi::openPlatform(Client &client)
{
    if (!client.loginDemoLearner() || !client.window())
        return nullptr;
    LearnerWindow *window = client.window();
    if (!QTest::qWaitFor([window] { return window->studyUnlocked(); }, 5000))
        return nullptr;
    if (!window->showSection(QStringLiteral("courses")))
        return nullptr;
    return client.page();
}

bool TestCoursesUi::openCatalogue(CoursePlatformPage *page, int year)
{
    if (page->currentView() != CoursePlatformPage::View::Offers)
        page->showOffers();
    // The offer per year (the test course's 2025 and 2026, and the demo course's).
    auto *offers = child<QTableWidget>(page, "courseOfferTableWidget");
    if (!offers || offers->rowCount() < 2)
        return false;
    if (!press(page, QStringLiteral("viewOfferButton_2026"))
        || page->currentView() != CoursePlatformPage::View::Courses)
        return false;
    auto *courses = child<QTableWidget>(page, "courseListTableWidget");
    bool listed = false;
    for (int row = 0; row < courses->rowCount(); ++row) {
        if (courses->item(row, 0)->text() == CourseTitle)
            listed = courses->item(row, 1)->text().contains(QLatin1String("1.5"))
                && courses->item(row, 3)->text().contains(QLatin1Char('2'));
    }
    if (!listed)
        return false;
    if (!press(page, QStringLiteral("selectCourseButton_") + CourseId)
        || page->currentView() != CoursePlatformPage::View::Introduction)
        return false;
    if (child<QLabel>(page, "courseTitleLabel")->text() != CourseTitle
        || !child<QLabel>(page, "examRulesLabel")->text().contains(QLatin1String("60")))
        return false;
    // Before a choice, the default (the current year) is shown.
    if (!child<QLabel>(page, "declarationYearLabel")->text().contains(QLatin1String("2026")))
        return false;

    if (year != 0) {
        if (!press(page, QStringLiteral("changeYearButton")))
            return false;
        auto *dialog = page->findChild<DeclarationYearDialog *>();
        if (!dialog)
            return false;
        auto *years = child<QComboBox>(dialog, "declarationYearComboBox");
        // 2026-03-01: this year and, until March 31, last year.
        if (years->count() != 2 || years->itemData(0).toInt() != 2026
            || years->itemData(1).toInt() != 2025)
            return false;
        years->setCurrentIndex(years->findData(year));
        press(dialog, QStringLiteral("confirmYearButton"));
        auto *box = dialog->findChild<QMessageBox *>(QStringLiteral("confirmYearMessageBox"));
        if (!box || !box->text().contains(QString::number(year)))
            return false;
        press(box, QStringLiteral("confirmYearYesButton"));
        if (!QTest::qWaitFor([page] { return !page->findChild<DeclarationYearDialog *>(); }, 5000))
            return false;
        if (!child<QLabel>(page, "declarationYearLabel")
                 ->text()
                 .contains(QStringLiteral("<b>%1</b>").arg(year)))
            return false;
    }
    if (!press(page, QStringLiteral("startStudyButton")))
        return false;
    return page->currentView() == CoursePlatformPage::View::Catalogue;
}

bool TestCoursesUi::studyLesson(Client &client, const QString &lessonId, TestClock *own)
{
    CoursePlatformPage *page = client.page();
    if (!press(page, QStringLiteral("studyLessonButton_") + lessonId))
        return false;
    LessonViewer *viewer = page->lessonViewer();
    if (!viewer || !QTest::qWaitFor([viewer] { return viewer->isContentShown(); }, 15000))
        return false;
    StudySession *session = viewer->studySession();
    if (!session->isActive())
        return false;
    for (int minute = 0; minute < 30 && !session->isComplete(); ++minute) {
        m_server->clock().advance(60);
        if (own)
            own->advance(60);
        session->tick();
        const QString shown = child<QLabel>(viewer, "studyTimeLabel")->text();
        if (!shown.contains(QStringLiteral("Studied %1 min").arg(session->studiedSeconds() / 60)))
            return false;
    }
    if (!session->isComplete()
        || !child<QLabel>(viewer, "lessonCompleteLabel")
                ->text()
                .contains(QLatin1String("complete")))
        return false;
    viewer->close();
    return QTest::qWaitFor([page] { return page->lessonViewer() == nullptr; }, 5000);
}

bool TestCoursesUi::takeExam(CoursePlatformPage *page, bool correctly)
{
    const QHash<QString, QStringList> key = answerKey(*m_server);
    if (key.size() != 4 || (!page->examDialog() && !press(page, QStringLiteral("examButton"))))
        return false;
    ExamDialog *exam = page->examDialog();
    if (!exam || exam->questionCount() != 4)
        return false;
    for (auto it = key.constBegin(); it != key.constEnd(); ++it) {
        const QString prefix = QStringLiteral("option_%1_").arg(it.key());
        const QList<QAbstractButton *> options = exam->findChildren<QAbstractButton *>(
            QRegularExpression(QStringLiteral("^") + prefix));
        if (options.size() < 2)
            return false;
        for (QAbstractButton *option : options) {
            const QString id = option->objectName().mid(prefix.size());
            if (correctly && it.value().contains(id))
                option->click();
        }
        if (!correctly) {
            // One option that is not (or not the whole of) the key.
            for (QAbstractButton *option : options) {
                if (!it.value().contains(option->objectName().mid(prefix.size()))) {
                    option->click();
                    break;
                }
            }
        }
    }
    if (exam->answeredCount() != 4
        || !child<QLabel>(exam, "examAnsweredLabel")->text().contains(QLatin1String("4 of 4")))
        return false;
    press(exam, QStringLiteral("submitExamButton"));
    auto *box = exam->findChild<QMessageBox *>(QStringLiteral("submitConfirmMessageBox"));
    if (!box)
        return false;
    press(box, QStringLiteral("confirmSubmitButton"));
    return QTest::qWaitFor([page] { return page->examDialog() == nullptr; }, 5000);
}

void TestCoursesUi::wholeFlow_failThenPass_hoursInRecordsForChosenYear()
{
    Client client(*m_server);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(!child<QFrame>(page, "courseLockFrame")->isVisibleTo(page));
    QVERIFY(openCatalogue(page, 2025));
    QVERIFY(client.sync());
    QVERIFY(client.engine()->problems().isEmpty());

    // The exam stays closed until every lesson is complete, and says why.
    auto *examButton = child<QPushButton>(page, "examButton");
    QVERIFY(!examButton->isEnabled());
    QVERIFY(examButton->toolTip().contains(QLatin1String("0 of 2")));
    auto *lessons = child<QTableWidget>(page, "lessonTableWidget");
    QCOMPARE(lessons->rowCount(), 2);
    QCOMPARE(lessons->item(0, 2)->text(), QStringLiteral("0 / 2 min"));

    QVERIFY(studyLesson(client, QStringLiteral("l1")));
    QCOMPARE(lessons->item(0, 4)->text(), QStringLiteral("Completed"));
    QCOMPARE(child<QProgressBar>(page, "lessonProgressBar_l1")->value(), 120);
    QVERIFY(!examButton->isEnabled());
    QVERIFY(studyLesson(client, QStringLiteral("l2")));
    QVERIFY(client.sync());
    QVERIFY(client.engine()->problems().isEmpty());
    // Each minute reached the server once.
    QCOMPARE(scalar(*m_server,
                 QStringLiteral("SELECT seconds FROM lesson_progress WHERE learner_id = ? AND "
                                "lesson_id = 'l1'"),
                 { learnerId() }),
        120);
    QCOMPARE(scalar(*m_server,
                 QStringLiteral("SELECT seconds FROM lesson_progress WHERE learner_id = ? AND "
                                "lesson_id = 'l2'"),
                 { learnerId() }),
        60);
    QVERIFY(examButton->isEnabled());

    // A failing attempt: the score, the attempts left, and 重新考试.
    QVERIFY(takeExam(page, false));
    QVERIFY(child<QLabel>(page, "examStatusLabel")->text().contains(QLatin1String("grading")));
    QVERIFY(client.sync());
    QTRY_VERIFY(
        child<QLabel>(page, "examStatusLabel")->text().contains(QLatin1String("not passed")));
    QVERIFY(child<QLabel>(page, "examStatusLabel")->text().contains(QLatin1String("2 of 3")));
    QCOMPARE(examButton->text(), QStringLiteral("Retake the exam"));
    QVERIFY(examButton->isEnabled());

    // The retake, answered from the server's key: passed, hours for 2025.
    QVERIFY(takeExam(page, true));
    QVERIFY(client.sync());
    const QString state = child<QLabel>(page, "examStatusLabel")->text();
    QVERIFY2(state.contains(QLatin1String("passed</b> with 100 points")), qPrintable(state));
    QVERIFY2(state.contains(QLatin1String("1.5 hours credited to 2025")), qPrintable(state));
    QVERIFY(!examButton->isEnabled());

    LearnerWindow *window = client.window();
    QVERIFY(window->showSection(QStringLiteral("hourRecords")));
    HourRecordsPage *records = window->hourRecordsPage();
    QAbstractItemModelTester tester(
        records->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto *view = child<QTableView>(records, "hourRecordsTableView");
    auto *years = child<QComboBox>(records, "yearFilterComboBox");
    auto *types = child<QComboBox>(records, "subjectTypeFilterComboBox");
    years->setCurrentIndex(years->findData(2025));
    types->setCurrentIndex(types->findData(QStringLiteral("public")));
    int found = -1;
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, HourRecordTableModel::TitleColumn).data().toString()
            == CourseTitle)
            found = row;
    }
    QVERIFY(found >= 0);
    const auto cell = [view, found](int column) {
        return view->model()->index(found, column).data().toString();
    };
    QCOMPARE(cell(HourRecordTableModel::YearColumn), QStringLiteral("2025"));
    QCOMPARE(cell(HourRecordTableModel::SourceColumn), QStringLiteral("Public course"));
    QCOMPARE(cell(HourRecordTableModel::SubjectTypeColumn), QStringLiteral("Public subject"));
    QCOMPARE(cell(HourRecordTableModel::HoursColumn), QStringLiteral("1.5"));
    QCOMPARE(cell(HourRecordTableModel::StatusColumn), QStringLiteral("Confirmed"));
    QCOMPARE(cell(HourRecordTableModel::DatesColumn), QStringLiteral("2026-03-01"));
    // Not in another year (the filter lists only years with records), nor among the
    // professional hours.
    for (int index = 1; index < years->count(); ++index) {
        if (years->itemData(index).toInt() == 2025)
            continue;
        years->setCurrentIndex(index);
        for (int row = 0; row < view->model()->rowCount(); ++row)
            QVERIFY(
                view->model()->index(row, HourRecordTableModel::TitleColumn).data() != CourseTitle);
    }
    years->setCurrentIndex(years->findData(2025));
    types->setCurrentIndex(types->findData(QStringLiteral("professional")));
    for (int row = 0; row < view->model()->rowCount(); ++row)
        QVERIFY(view->model()->index(row, HourRecordTableModel::TitleColumn).data() != CourseTitle);
    // The year's total counts it.
    auto *totals = child<QTableWidget>(records, "hourTotalsTableWidget");
    bool totalled = false;
    for (int row = 0; row < totals->rowCount(); ++row) {
        if (totals->item(row, 0)->text() == QLatin1String("2025"))
            totalled = totals->item(row, 2)->text() != QLatin1String("0.0");
    }
    QVERIFY(totalled);
}

void TestCoursesUi::offlineExam_awaitingGrading_thenGradedAndCreditedOnce()
{
    const auto records = [&] {
        return scalar(*m_server,
            QStringLiteral("SELECT COUNT(*) FROM hour_records WHERE learner_id = ? AND "
                           "source = 'publicCourse' AND year = 2026"),
            { learnerId() });
    };
    const auto before = records();
    Client client(*m_server);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(studyLesson(client, QStringLiteral("l1")));
    QVERIFY(studyLesson(client, QStringLiteral("l2")));
    QVERIFY(client.sync());

    // The exam taken with the server unreachable.
    client.networkDown();
    QVERIFY(takeExam(page, true));
    auto *state = child<QLabel>(page, "examStatusLabel");
    QVERIFY2(state->text().contains(QLatin1String("Awaiting grading")), qPrintable(state->text()));
    QCOMPARE(client.engine()->pendingCount(), 1);
    const QList<OutboxMutation> pending = client.core->localStore()->pendingMutations();
    QCOMPARE(pending.size(), 1);
    const OutboxMutation submission = pending.first();
    QCOMPARE(submission.type, QStringLiteral("exam.submit"));
    QSignalSpy finished(client.engine(), &SyncEngine::syncFinished);
    client.window()->syncNow();
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY(state->text().contains(QLatin1String("Awaiting grading")));
    // The demo learner has public-course hours of before (the demo data's); none is added yet.
    QCOMPARE(records(), before);

    // Back online: graded, credited once for the default year (2026).
    client.networkUp();
    QVERIFY(client.sync());
    QVERIFY2(state->text().contains(QLatin1String("passed</b> with 100 points")),
        qPrintable(state->text()));
    QVERIFY(state->text().contains(QLatin1String("1.5 hours credited to 2026")));
    QCOMPARE(records(), before + 1);

    // The same submission sent again (a lost answer) changes nothing.
    TestClient api(*m_server);
    const QString token
        = api.post(QStringLiteral("/session"),
                 { { QStringLiteral("username"), QStringLiteral("demo_learner") },
                     { QStringLiteral("password"), demoPassword(QStringLiteral("demo_learner")) } })
              .json.value(QStringLiteral("token"))
              .toString();
    const TestReply again = api.post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"), QJsonArray { submission.toJson() } } }, token);
    QCOMPARE(again.status, 200);
    QCOMPARE(records(), before + 1);
    QVERIFY(client.sync());
    int cached = 0;
    for (const CachedEntity &record :
        client.core->localStore()->entities(QStringLiteral("hourRecord"))) {
        if (record.data.value(QLatin1String("title")).toString() == CourseTitle)
            ++cached;
    }
    QCOMPARE(cached, 1);
}

void TestCoursesUi::cache_holdsNoAnswerKey()
{
    // The same course with two banks that differ only in their correct answers, each on its own
    // server and synced into its own fresh cache.
    QList<QJsonObject> seen;
    for (const bool flipped : { false, true }) {
        TestServer server;
        QVERIFY2(server.isRunning(), qPrintable(server.errorString()));
        QString error;
        QVERIFY2(server::loadDemoData(server.server(), &error), qPrintable(error));
        QVERIFY(importPackage(server, flipped));
        Client client(server);
        QVERIFY(client.loginDemoLearner());
        QTRY_VERIFY(client.window()->studyUnlocked());
        const QString learner = client.engine()->userId();
        QVERIFY(!client.engine()
                     ->queueMutation(QStringLiteral("course.select"),
                         courseSelectionId(learner, CourseId),
                         { { QStringLiteral("courseId"), CourseId },
                             { QStringLiteral("declarationYear"), 2026 } })
                     .isEmpty());
        QVERIFY(client.sync());
        QVERIFY(client.engine()->problems().isEmpty());

        const PublicCourses courses(client.core->localStore(), learner);
        const auto course = courses.course(CourseId);
        QVERIFY(course);
        const QList<CachedEntity> attempts = courses.attempts(CourseId);
        QCOMPARE(attempts.size(), 1);
        QCOMPARE(attempts.first().data.value(QLatin1String("questions")).toArray().size(), 4);

        // Without ids, times and the drawn order.
        QJsonObject courseData = course->data;
        courseData.remove(QStringLiteral("publishedAt"));
        QJsonObject attempt = attempts.first().data;
        for (const char *key :
            { "id", "learnerId", "createdAt", "startedAt", "finishedAt", "gradedAt" })
            attempt.remove(QLatin1String(key));
        QList<QJsonObject> questions;
        for (const QJsonValue &value : attempt.value(QLatin1String("questions")).toArray()) {
            QJsonObject question = value.toObject();
            QList<QJsonObject> options;
            for (const QJsonValue &option : question.value(QLatin1String("options")).toArray())
                options.append(option.toObject());
            std::sort(
                options.begin(), options.end(), [](const QJsonObject &a, const QJsonObject &b) {
                    return a.value(QLatin1String("text")).toString()
                        < b.value(QLatin1String("text")).toString();
                });
            QJsonArray sortedOptions;
            for (const QJsonObject &option : std::as_const(options))
                sortedOptions.append(option);
            question.insert(QStringLiteral("options"), sortedOptions);
            questions.append(question);
        }
        std::sort(
            questions.begin(), questions.end(), [](const QJsonObject &a, const QJsonObject &b) {
                return a.value(QLatin1String("text")).toString()
                    < b.value(QLatin1String("text")).toString();
            });
        QJsonArray sortedQuestions;
        for (const QJsonObject &question : std::as_const(questions))
            sortedQuestions.append(question);
        attempt.insert(QStringLiteral("questions"), sortedQuestions);
        seen.append(QJsonObject {
            { QStringLiteral("course"), courseData }, { QStringLiteral("attempt"), attempt } });

        // The raw cache file (and its write-ahead log) names no answer at all.
        const QString path = client.core->localStore()->path();
        for (const QString &file : { path, path + QStringLiteral("-wal") }) {
            QFile raw(file);
            if (!raw.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = raw.readAll();
            QVERIFY(!bytes.isEmpty());
            QVERIFY2(!bytes.contains("\"answer\""), qPrintable(file));
            QVERIFY2(!bytes.contains("\"answers\""), qPrintable(file));
            QVERIFY2(!bytes.contains("\"correct\""), qPrintable(file));
        }
        client.controller.reset();
    }
    QCOMPARE(seen.size(), 2);
    QCOMPARE(QJsonDocument(seen.at(0)).toJson(), QJsonDocument(seen.at(1)).toJson());
}

void TestCoursesUi::downloadOffline_lessonOpensWithServerDown()
{
    // The client's own clock: the server (and its clock) goes away below.
    TestClock clock(m_server->clock().nowUtc());
    Client client(*m_server, &clock);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());

    // Not downloaded and no network: the lesson says what to do, and no time is counted.
    client.networkDown();
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l1")));
    LessonViewer *viewer = page->lessonViewer();
    QVERIFY(viewer);
    auto *problem = child<QLabel>(viewer, "lessonProblemLabel");
    QTRY_VERIFY(problem->isVisibleTo(viewer) && !problem->text().isEmpty());
    QVERIFY(problem->text().contains(QLatin1String("Download for offline study")));
    QVERIFY(!viewer->studySession()->isActive());
    viewer->close();
    QTRY_VERIFY(!page->lessonViewer());
    client.networkUp();

    // Online, the lesson is fetched (with its image) before it opens.
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l1")));
    viewer = page->lessonViewer();
    QVERIFY(viewer);
    QTRY_VERIFY(viewer->isContentShown());
    QCOMPARE(child<QProgressBar>(viewer, "lessonFetchProgressBar")->value(), 1000);
    viewer->close();
    QTRY_VERIFY(!page->lessonViewer());

    // 下载离线学习, cancelled at once: nothing is lost, and it says so.
    auto *download = child<QPushButton>(page, "downloadOfflineButton");
    QVERIFY(download->isEnabled());
    QSignalSpy done(page->download(), &CourseDownload::finished);
    QTest::mouseClick(download, Qt::LeftButton);
    QVERIFY(child<QPushButton>(page, "cancelDownloadButton")->isVisibleTo(page));
    QVERIFY(press(page, QStringLiteral("cancelDownloadButton")));
    QTRY_COMPARE(done.size(), 1);
    QVERIFY(!done.takeFirst().at(0).toBool());
    QVERIFY(page->download()->wasCancelled());
    QVERIFY(
        child<QLabel>(page, "downloadStatusLabel")->text().contains(QLatin1String("cancelled")));

    // Again, to the end: the progress bar reaches 100 %, only the file not cached yet (the PDF)
    // is fetched, and the page says the course is available offline.
    QVERIFY(download->isEnabled());
    QTest::mouseClick(download, Qt::LeftButton);
    QVERIFY(done.wait(30000));
    QVERIFY(done.first().at(0).toBool());
    QCOMPARE(page->download()->filesFetched(), 1);
    QCOMPARE(page->download()->bytesDone(), page->download()->bytesTotal());
    QCOMPARE(child<QProgressBar>(page, "downloadProgressBar")->value(), 100);
    QVERIFY(child<QLabel>(page, "downloadStatusLabel")
                ->text()
                .contains(QLatin1String("available offline")));
    QVERIFY(!download->isEnabled()); // nothing left to fetch

    // The server goes away: both lessons open from the cache.
    m_server.reset();
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l1")));
    viewer = page->lessonViewer();
    QVERIFY(viewer && viewer->isContentShown());
    QVERIFY(viewer->browser()->toPlainText().contains(HtmlText));
    QVERIFY(viewer->browser()->missingResources().isEmpty());
    QVERIFY(viewer->studySession()->isActive());
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l2")));
    viewer = page->lessonViewer();
    QVERIFY(viewer && viewer->isContentShown());
    QCOMPARE(viewer->pdfDocument()->status(), QPdfDocument::Status::Ready);
    QCOMPARE(viewer->pdfDocument()->pageCount(), 1);
    viewer->close();
}

void TestCoursesUi::studySession_countsOnlyShownTime_neverTwice()
{
    Client client(*m_server);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l1")));
    LessonViewer *viewer = page->lessonViewer();
    QTRY_VERIFY(viewer->isContentShown());
    QVERIFY2(viewer->height() <= 700, qPrintable(QString::number(viewer->height())));
    StudySession *session = viewer->studySession();
    LocalStore *store = client.core->localStore();
    const int before = store->pendingCount();

    // Half a minute: counted, not queued yet.
    m_server->clock().advance(30);
    session->tick();
    QCOMPARE(session->studiedSeconds(), 30);
    QCOMPARE(store->pendingCount(), before);
    // A minute in all: queued once as lesson.study.
    m_server->clock().advance(30);
    session->tick();
    QCOMPARE(store->pendingCount(), before + 1);
    QCOMPARE(session->unflushedMs(), 0);
    QCOMPARE(session->studiedSeconds(), 60);
    // The computer slept for an hour with the lesson open: no study.
    m_server->clock().advance(3600);
    session->tick();
    QCOMPARE(session->studiedSeconds(), 60);
    // Minimised: nothing counts, and what was counted is queued.
    m_server->clock().advance(20);
    session->tick();
    viewer->showMinimized();
    QTRY_VERIFY(!session->isActive());
    QCOMPARE(store->pendingCount(), before + 2);
    m_server->clock().advance(600);
    session->tick();
    QCOMPARE(session->studiedSeconds(), 80);
    viewer->close();
    QTRY_VERIFY(!page->lessonViewer());

    // Synced: the server has exactly what was shown, the cache says the same after the pull.
    QVERIFY(client.sync());
    QCOMPARE(scalar(*m_server,
                 QStringLiteral("SELECT seconds FROM lesson_progress WHERE learner_id = ? AND "
                                "lesson_id = 'l1'"),
                 { learnerId() }),
        80);
    QCOMPARE(PublicCourses(store, client.engine()->userId())
                 .studiedSeconds(CourseId, QStringLiteral("l1")),
        80);
    QCOMPARE(child<QTableWidget>(page, "lessonTableWidget")->item(0, 2)->text(),
        QStringLiteral("1 / 2 min"));
}

void TestCoursesUi::exam_countdownKeptOnReopening_timeUpSubmitsWhatIsAnswered()
{
    Client client(*m_server);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(studyLesson(client, QStringLiteral("l1")));
    QVERIFY(studyLesson(client, QStringLiteral("l2")));
    QVERIFY(client.sync());

    // Ten minutes from the first opening; closing and reopening does not restart them.
    QVERIFY(press(page, QStringLiteral("examButton")));
    QPointer<ExamDialog> exam = page->examDialog();
    QVERIFY(exam);
    QCOMPARE(exam->secondsLeft(), 600);
    m_server->clock().advance(120);
    exam->tick();
    QCOMPARE(child<QLabel>(exam, "examCountdownLabel")->text(), QStringLiteral("Time left: 08:00"));
    // One question answered before the window is closed: the answer is still there on reopening.
    const QStringList q1 = answerKey(*m_server).value(QStringLiteral("q1"));
    QCOMPARE(q1.size(), 1);
    QVERIFY(press(exam, QStringLiteral("option_q1_") + q1.first()));
    exam->close();
    QTRY_VERIFY(!exam);
    QVERIFY(press(page, QStringLiteral("examButton")));
    exam = page->examDialog();
    QVERIFY(exam);
    QCOMPARE(exam->secondsLeft(), 480);
    QCOMPARE(exam->answeredCount(), 1);
    QVERIFY(child<QAbstractButton>(exam, QStringLiteral("option_q1_") + q1.first())->isChecked());

    // 提交 warns about the other three unanswered questions, and the learner goes on.
    QVERIFY(press(exam, QStringLiteral("submitExamButton")));
    auto *box = exam->findChild<QMessageBox *>(QStringLiteral("submitConfirmMessageBox"));
    QVERIFY(box);
    QVERIFY2(
        box->text().contains(QLatin1String("3 question(s) not answered")), qPrintable(box->text()));
    box->button(QMessageBox::No)->click();
    QVERIFY(exam && !exam->isSubmitted());
    QCOMPARE(client.engine()->pendingCount(), 0);

    // Time is up (the computer slept through the end): what is answered is handed in, without
    // asking, as finished when the time ran out; no answer could change after that.
    m_server->clock().advance(3600);
    exam->tick();
    QTRY_VERIFY(!exam);
    const QList<OutboxMutation> pending = client.core->localStore()->pendingMutations();
    QCOMPARE(pending.size(), 1);
    const QJsonObject payload = pending.first().payload;
    QCOMPARE(payload.value(QLatin1String("answers")).toObject().keys(),
        QStringList { QStringLiteral("q1") });
    QCOMPARE(
        QDateTime::fromString(payload.value(QLatin1String("startedAt")).toString(), Qt::ISODate)
            .secsTo(QDateTime::fromString(
                payload.value(QLatin1String("finishedAt")).toString(), Qt::ISODate)),
        600);
    QVERIFY(client.sync());
    const QString state = child<QLabel>(page, "examStatusLabel")->text();
    QVERIFY2(state.contains(QLatin1String("not passed</b>: 25 points")), qPrintable(state));
    QVERIFY(!state.contains(QLatin1String("after the time limit")));
    QVERIFY(state.contains(QLatin1String("2 of 3")));
}

void TestCoursesUi::exam_refusedHandIn_saidOnTheCoursePage()
{
    Client client(*m_server);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(studyLesson(client, QStringLiteral("l1")));
    QVERIFY(studyLesson(client, QStringLiteral("l2")));
    QVERIFY(client.sync());

    // The server no longer counts lesson 2 as complete (the cache still does): it refuses the
    // hand-in with lessons_incomplete.
    m_server->server().database().exec(
        QStringLiteral("UPDATE lesson_progress SET seconds = 0, completed_at = NULL WHERE "
                       "learner_id = ? AND lesson_id = 'l2'"),
        { learnerId() });
    QVERIFY(takeExam(page, true));
    auto *state = child<QLabel>(page, "examStatusLabel");
    QVERIFY(state->text().contains(QLatin1String("Awaiting grading")));
    client.sync();
    QTRY_COMPARE(client.engine()->problems().size(), 1);
    // Not "awaiting grading" for ever: the refusal and what to do are said.
    QVERIFY2(!state->text().contains(QLatin1String("Awaiting grading")), qPrintable(state->text()));
    QVERIFY2(state->text().contains(QLatin1String("refused")), qPrintable(state->text()));
    QVERIFY(state->text().contains(QLatin1String("Sync problems")));
}

void TestCoursesUi::exam_wallClockMovedMidExam_timedOnTheSteadyTimer_graded()
{
    // The client's own clock, so its wall clock can be set without moving the server's.
    TestClock clock(m_server->clock().nowUtc());
    Client client(*m_server, &clock);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(studyLesson(client, QStringLiteral("l1"), &clock));
    QVERIFY(studyLesson(client, QStringLiteral("l2"), &clock));
    QVERIFY(client.sync());

    QVERIFY(press(page, QStringLiteral("examButton")));
    QPointer<ExamDialog> exam = page->examDialog();
    QVERIFY(exam);
    QCOMPARE(exam->secondsLeft(), 600);
    const auto pass = [&](qint64 seconds) {
        m_server->clock().advance(seconds);
        clock.advance(seconds);
        exam->tick();
    };
    pass(60);
    QCOMPARE(exam->secondsLeft(), 540);
    // The clock is corrected two hours back: the countdown does not move.
    clock.set(clock.nowUtc().addSecs(-2 * 3600));
    pass(60);
    QCOMPARE(exam->secondsLeft(), 480);
    QCOMPARE(child<QLabel>(exam, "examCountdownLabel")->text(), QStringLiteral("Time left: 08:00"));
    // Closed and reopened: still two minutes taken.
    exam->close();
    QTRY_VERIFY(!exam);
    QVERIFY(press(page, QStringLiteral("examButton")));
    exam = page->examDialog();
    QVERIFY(exam);
    QCOMPARE(exam->secondsLeft(), 480);
    // Then five hours forward: the exam is not over.
    clock.set(clock.nowUtc().addSecs(5 * 3600));
    pass(60);
    QVERIFY(exam && !exam->isSubmitted());
    QCOMPARE(exam->secondsLeft(), 420);

    QVERIFY(takeExam(page, true));
    const QList<OutboxMutation> pending = client.core->localStore()->pendingMutations();
    QCOMPARE(pending.size(), 1);
    const QJsonObject payload = pending.first().payload;
    QCOMPARE(payload.value(QLatin1String("elapsedSeconds")).toInt(), 180);
    QCOMPARE(
        QDateTime::fromString(payload.value(QLatin1String("startedAt")).toString(), Qt::ISODate)
            .secsTo(QDateTime::fromString(
                payload.value(QLatin1String("finishedAt")).toString(), Qt::ISODate)),
        180);
    QVERIFY(client.sync());
    const QString state = child<QLabel>(page, "examStatusLabel")->text();
    QVERIFY2(state.contains(QLatin1String("passed</b> with 100 points")), qPrintable(state));
}

void TestCoursesUi::study_offlineWithWallClockMoved_creditedWhenSyncedHoursLater()
{
    TestClock clock(m_server->clock().nowUtc());
    Client client(*m_server, &clock);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    const QDateTime opened = clock.nowUtc();
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l1")));
    LessonViewer *viewer = page->lessonViewer();
    QTRY_VERIFY(viewer->isContentShown());
    StudySession *session = viewer->studySession();
    QVERIFY(session->isActive());

    // Offline; the computer's clock is set back a day in the middle of the lesson. Each minute
    // of the two the lesson asks for counts, and is dated as it really happened.
    client.networkDown();
    const auto pass = [&](qint64 seconds) {
        m_server->clock().advance(seconds);
        clock.advance(seconds);
        session->tick();
    };
    pass(60);
    clock.set(clock.nowUtc().addDays(-1));
    pass(60);
    QVERIFY(session->isComplete());
    viewer->close();
    QTRY_VERIFY(!page->lessonViewer());
    QList<OutboxMutation> claims;
    for (const OutboxMutation &m : client.core->localStore()->pendingMutations()) {
        if (m.type == QLatin1String("lesson.study"))
            claims.append(m);
    }
    // The two minutes are one stretch of study: one claim (the second flush merged into the
    // first, unsent one).
    QCOMPARE(claims.size(), 1);
    QDateTime expected = opened;
    for (const OutboxMutation &m : std::as_const(claims)) {
        const QDateTime from = QDateTime::fromString(
            m.payload.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
        const QDateTime to = QDateTime::fromString(
            m.payload.value(QLatin1String("endedAt")).toString(), Qt::ISODateWithMs);
        QCOMPARE(from, expected);
        QCOMPARE(to, from.addSecs(m.payload.value(QLatin1String("seconds")).toInt()));
        expected = to;
    }
    QCOMPARE(expected, opened.addSecs(120));

    // Synced three hours later: credited in full, the lesson complete on the server.
    m_server->clock().advance(3 * 3600);
    clock.advance(3 * 3600);
    client.networkUp();
    QVERIFY(client.sync());
    QCOMPARE(scalar(*m_server,
                 QStringLiteral("SELECT seconds FROM lesson_progress WHERE learner_id = ? AND "
                                "lesson_id = 'l1' AND completed_at IS NOT NULL"),
                 { learnerId() }),
        120);
    QCOMPARE(PublicCourses(client.core->localStore(), client.engine()->userId())
                 .studiedSeconds(CourseId, QStringLiteral("l1")),
        120);
}

void TestCoursesUi::study_claimBeforeTheChoiceReachedTheServer_notCreditedAndSaid()
{
    // Studied on a computer whose clock is an hour behind: every claim lies before the server
    // received the choice of the course. Nothing is credited, the viewer says why, and the
    // cache shows what the server has.
    TestClock clock(m_server->clock().nowUtc().addSecs(-3600));
    Client client(*m_server, &clock);
    CoursePlatformPage *page = openPlatform(client);
    QVERIFY(page);
    QVERIFY(openCatalogue(page, 0));
    QVERIFY(client.sync());
    QVERIFY(press(page, QStringLiteral("studyLessonButton_l2")));
    LessonViewer *viewer = page->lessonViewer();
    QTRY_VERIFY(viewer->isContentShown());
    StudySession *session = viewer->studySession();
    m_server->clock().advance(60);
    clock.advance(60);
    session->tick();
    QVERIFY(session->isComplete()); // as far as this computer knows
    QVERIFY(client.sync());
    auto *credit = child<QLabel>(viewer, "studyCreditLabel");
    QTRY_VERIFY(!credit->text().isEmpty());
    // The server's reason comes in the client's language (Chinese by default).
    QVERIFY2(credit->text().contains(QStringLiteral("60 秒中的 0 秒")), qPrintable(credit->text()));
    QCOMPARE(scalar(*m_server,
                 QStringLiteral("SELECT seconds FROM lesson_progress WHERE learner_id = ? AND "
                                "lesson_id = 'l2'"),
                 { learnerId() }),
        0);
    QTRY_COMPARE(session->studiedSeconds(), 0);
    QVERIFY(!session->isComplete());
    viewer->close();
}

void TestCoursesUi::studyLocked_bannerAndActionsOff()
{
    TestClient api(*m_server);
    QCOMPARE(
        api.post(QStringLiteral("/accounts/learners"),
               learnerRegistration(QStringLiteral("unbound"), QStringLiteral("44010619900101123")))
            .status,
        201);
    Client client(*m_server);
    QVERIFY(client.login(QStringLiteral("unbound"), QStringLiteral("Secret123")));
    LearnerWindow *window = client.window();
    QVERIFY(window && !window->studyUnlocked());
    QVERIFY(window->showSection(QStringLiteral("courses")));
    CoursePlatformPage *page = client.page();
    QVERIFY(child<QFrame>(page, "courseLockFrame")->isVisibleTo(page));
    QVERIFY(child<QLabel>(page, "courseLockLabel")->text().contains(QLatin1String("employer")));
    // The offer can be looked at; studying cannot start.
    QVERIFY(press(page, QStringLiteral("viewOfferButton_2026")));
    QVERIFY(press(page, QStringLiteral("selectCourseButton_") + CourseId));
    QVERIFY(!child<QPushButton>(page, "startStudyButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "changeYearButton")->isEnabled());
    QVERIFY(child<QPushButton>(page, "startStudyButton")
                ->toolTip()
                .contains(QLatin1String("employer")));
    QCOMPARE(client.engine()->pendingCount(), 0);
}

QTEST_MAIN(TestCoursesUi)
#include "tst_coursesui.moc"
