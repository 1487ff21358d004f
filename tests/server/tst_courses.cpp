// Public courses (R5) on the server, through the sync API over HTTPS: course packages (folder and
// zip, with every validation error naming its file and field), import and re-import, choosing a
// course and its declaration year, studying, drawing and grading the exam, attempts and the time
// limit, and the exactly-once credit of the hours. Runs on SQLite and PostgreSQL.
#include "admin/demodata.h"
#include "content/contentstore.h"
#include "content/coursepackage.h"
#include "content/ziparchive.h"
#include "coursepolicy.h"
#include "entityids.h"
#include "services/accountservice.h"
#include "services/courseservice.h"
#include "services/policyservice.h"
#include "storage/database.h"
#include "sync/syncservice.h"
#include "testserver.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <QtEndian>

#include <functional>

using namespace xueshi;
using namespace xueshi::test;
using server::CoursePackage;

namespace {

using Account = TestAccount;
const QString CourseId = QStringLiteral("test-ethics");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString selectionId(const Account &learner)
{
    return derivedId(QStringLiteral("courseSelection"), { learner.id, CourseId });
}

QString progressId(const Account &learner, const QString &lessonId)
{
    return derivedId(QStringLiteral("lessonProgress"), { learner.id, CourseId, lessonId });
}

QString errorCode(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

// A small package: an HTML lesson with an image, a PDF lesson, and a bank of five questions of
// the three types, all five drawn.
struct TestPackage
{
    QJsonObject manifest;
    QJsonArray bank;
    QMap<QString, QByteArray> files;

    static TestPackage standard()
    {
        TestPackage p;
        p.manifest = QJsonObject {
            { QStringLiteral("format"), 1 },
            { QStringLiteral("id"), CourseId },
            { QStringLiteral("version"), 1 },
            { QStringLiteral("title"), QStringLiteral("测试课程：职业道德") },
            { QStringLiteral("introduction"), QStringLiteral("第一段。\n\n第二段。") },
            { QStringLiteral("hours"), 7.5 },
            { QStringLiteral("years"), QJsonArray { 2025, 2026 } },
            { QStringLiteral("lessons"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("l1") },
                                 { QStringLiteral("title"), QStringLiteral("第一讲") },
                                 { QStringLiteral("file"), QStringLiteral("lessons/01.html") },
                                 { QStringLiteral("minMinutes"), 1 } },
                    QJsonObject { { QStringLiteral("id"), QStringLiteral("l2") },
                        { QStringLiteral("title"), QStringLiteral("第二讲") },
                        { QStringLiteral("file"), QStringLiteral("lessons/02.pdf") },
                        { QStringLiteral("minMinutes"), 2 } } } },
            { QStringLiteral("exam"),
                QJsonObject { { QStringLiteral("questionBank"), QStringLiteral("questions.json") },
                    { QStringLiteral("questionCount"), 5 }, { QStringLiteral("passMark"), 60 },
                    { QStringLiteral("attemptsAllowed"), 3 },
                    { QStringLiteral("timeLimitMinutes"), 30 } } },
        };
        const auto choice = [](const QString &id, const QString &type, const QStringList &options,
                                const QStringList &answer) {
            QJsonArray list;
            for (const QString &o : options)
                list.append(QJsonObject { { QStringLiteral("id"), o },
                    { QStringLiteral("text"), QStringLiteral("选项 ") + o.toUpper() } });
            return QJsonObject { { QStringLiteral("id"), id }, { QStringLiteral("type"), type },
                { QStringLiteral("text"), QStringLiteral("题目 ") + id },
                { QStringLiteral("options"), list },
                { QStringLiteral("answer"), QJsonArray::fromStringList(answer) } };
        };
        const auto trueFalse = [](const QString &id, bool answer) {
            return QJsonObject { { QStringLiteral("id"), id },
                { QStringLiteral("type"), QStringLiteral("trueFalse") },
                { QStringLiteral("text"), QStringLiteral("判断 ") + id },
                { QStringLiteral("answer"), answer } };
        };
        p.bank = QJsonArray {
            choice(QStringLiteral("q1"), QStringLiteral("single"),
                { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") },
                { QStringLiteral("a") }),
            choice(QStringLiteral("q2"), QStringLiteral("single"),
                { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c") },
                { QStringLiteral("b") }),
            choice(QStringLiteral("q3"), QStringLiteral("multiple"),
                { QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                    QStringLiteral("d") },
                { QStringLiteral("a"), QStringLiteral("c") }),
            trueFalse(QStringLiteral("q4"), true),
            trueFalse(QStringLiteral("q5"), false),
        };
        p.files.insert(QStringLiteral("lessons/01.html"),
            QStringLiteral("<html><body><h1>第一讲</h1><p>诚实守信。</p>"
                           "<img src=\"img/norms.png\" alt=\"图\"></body></html>")
                .toUtf8());
        p.files.insert(QStringLiteral("lessons/img/norms.png"),
            QByteArray("\x89PNG\r\n\x1a\n", 8) + QByteArray("fake image data"));
        p.files.insert(QStringLiteral("lessons/02.pdf"), QByteArray("%PDF-1.4\n% test lesson\n"));
        return p;
    }

    // The correct option ids of each question of the standard bank.
    static QHash<QString, QStringList> key()
    {
        return { { QStringLiteral("q1"), { QStringLiteral("a") } },
            { QStringLiteral("q2"), { QStringLiteral("b") } },
            { QStringLiteral("q3"), { QStringLiteral("a"), QStringLiteral("c") } },
            { QStringLiteral("q4"), { QStringLiteral("true") } },
            { QStringLiteral("q5"), { QStringLiteral("false") } } };
    }

    QJsonObject &lesson(int i)
    {
        // QJsonObject has no references into nested arrays: edit a copy and put it back.
        m_lessonEdit = manifest.value(QStringLiteral("lessons")).toArray().at(i).toObject();
        m_lessonIndex = i;
        return m_lessonEdit;
    }
    void commitLesson()
    {
        QJsonArray lessons = manifest.value(QStringLiteral("lessons")).toArray();
        lessons[m_lessonIndex] = m_lessonEdit;
        manifest.insert(QStringLiteral("lessons"), lessons);
    }
    void setExam(const QString &key, const QJsonValue &value)
    {
        QJsonObject exam = manifest.value(QStringLiteral("exam")).toObject();
        exam.insert(key, value);
        manifest.insert(QStringLiteral("exam"), exam);
    }
    void setQuestion(int i, const QString &key, const QJsonValue &value)
    {
        QJsonObject q = bank.at(i).toObject();
        if (value.isUndefined())
            q.remove(key);
        else
            q.insert(key, value);
        bank[i] = q;
    }

    // The files as the package holds them, course.json and questions.json included.
    QMap<QString, QByteArray> allFiles() const
    {
        QMap<QString, QByteArray> all = files;
        if (!all.contains(QStringLiteral("course.json")))
            all.insert(QStringLiteral("course.json"), QJsonDocument(manifest).toJson());
        if (!all.contains(QStringLiteral("questions.json")))
            all.insert(QStringLiteral("questions.json"), QJsonDocument(bank).toJson());
        return all;
    }

    bool writeTo(const QString &folder) const
    {
        const QMap<QString, QByteArray> all = allFiles();
        for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
            const QString path = folder + QLatin1Char('/') + it.key();
            QDir().mkpath(QFileInfo(path).path());
            QFile f(path);
            if (!f.open(QIODevice::WriteOnly) || f.write(it.value()) != it.value().size())
                return false;
        }
        return true;
    }

private:
    QJsonObject m_lessonEdit;
    int m_lessonIndex = 0;
};

// A wrong choice for every question of the standard bank (always one of its options).
QStringList wrongAnswer(const QString &, const QStringList &key)
{
    if (key == QStringList { QStringLiteral("true") })
        return { QStringLiteral("false") };
    if (key == QStringList { QStringLiteral("false") })
        return { QStringLiteral("true") };
    return { key.contains(QStringLiteral("b")) ? QStringLiteral("a") : QStringLiteral("b") };
}

// ZIP bytes written by hand (the format the reader must understand): local headers, the
// central directory and its end record; stored or deflated entries.
quint32 crc32Of(const QByteArray &data)
{
    quint32 crc = 0xffffffffu;
    for (const char byte : data) {
        crc ^= quint8(byte);
        for (int k = 0; k < 8; ++k)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
    }
    return ~crc;
}

void put16(QByteArray &out, quint16 v)
{
    char b[2];
    qToLittleEndian(v, b);
    out.append(b, 2);
}

void put32(QByteArray &out, quint32 v)
{
    char b[4];
    qToLittleEndian(v, b);
    out.append(b, 4);
}

QByteArray makeZip(const QList<QPair<QString, QByteArray>> &entries, bool deflate)
{
    QByteArray out;
    QByteArray directory;
    for (const auto &[name, data] : entries) {
        // qCompress gives a 4-byte length, a zlib header (2 bytes), raw deflate data and an
        // Adler-32 trailer (4 bytes); ZIP wants the raw deflate data.
        const QByteArray zlib = qCompress(data).mid(4);
        const QByteArray stored = deflate ? zlib.mid(2, zlib.size() - 6) : data;
        const quint16 method = deflate ? 8 : 0;
        const QByteArray fileName = name.toUtf8();
        const quint32 offset = quint32(out.size());
        const auto header = [&](QByteArray &to, bool central) {
            put32(to, central ? 0x02014b50 : 0x04034b50);
            if (central)
                put16(to, 20); // made by
            put16(to, 20); // needed
            put16(to, 0x0800); // UTF-8 names
            put16(to, method);
            put16(to, 0); // time
            put16(to, 0x21); // 1980-01-01
            put32(to, crc32Of(data));
            put32(to, quint32(stored.size()));
            put32(to, quint32(data.size()));
            put16(to, quint16(fileName.size()));
            put16(to, 0); // extra
            if (central) {
                put16(to, 0); // comment
                put16(to, 0); // disk
                put16(to, 0); // internal attributes
                put32(to, 0); // external attributes
                put32(to, offset);
            }
            to.append(fileName);
        };
        header(out, false);
        out.append(stored);
        header(directory, true);
    }
    const quint32 directoryOffset = quint32(out.size());
    out.append(directory);
    put32(out, 0x06054b50);
    put16(out, 0);
    put16(out, 0);
    put16(out, quint16(entries.size()));
    put16(out, quint16(entries.size()));
    put32(out, quint32(directory.size()));
    put32(out, directoryOffset);
    put16(out, 0);
    return out;
}

} // namespace

class TestCourses : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void package_validation_namesFileAndField();
    void package_oversizeFile_refused();
    void package_filesTogetherOverLimit_refusedBeforeInflating_sharedImageReadOnce();
    void package_zipAndFolder_loadTheSame();
    void package_damagedOrUnsafeZip_refused();
    void zipArchive_readsEntries_refusesOversizeAndBombs();
    void import_sameOrLowerVersion_refused();

    void select_drawsAttempt_andTheFeedNeverHoldsAnswers();
    void select_withoutConfirmedBinding_studyLocked();
    void select_yearNotAllowedOrUnknownCourse_rejected();
    void select_policyExtendsTheWindow_previousYearStillDeclarable();
    void study_addsSecondsAndCompletes();
    void study_claimedRightAfterSelect_creditsNothing_examStaysClosed();
    void study_overlappingClaimsAcrossLessonsAndCourses_creditedOnce();
    void study_offlineClaimArrivingLater_creditedForTimeAfterSelection();
    void submit_beforeLessonsComplete_lessonsIncomplete();
    void submit_gradesRightWrongAndPartialMultiple();
    void submit_failedAttempts_exhaustThenRefused();
    void submit_overTimeLimit_scoresZero();
    void submit_overTimeLimit_withinGraceCounts();
    void submit_wallClockMovedMidExam_neverScoresZeroWhenInTime();
    void submit_steadyTimerOverTheLimit_scoresZero();
    void submit_timesNeedAnOffset_aClockAheadDatesNoHoursInTheFuture();
    void submit_twice_creditsHoursExactlyOnce();
    void submit_otherLearnersAttempt_notFound();
    void declarationYear_decidesTheRecordsYear_lockedAfterPassing();
    void reimport_keepsUnchangedProgress_resetsChangedLessons();
    void concurrentFirstSelectAndStudy_bothApplied();
    void submit_nextAttemptDrawnFromTheBankAnImportLeaves();
    void study_judgedByTheMinimumAnImportLeaves();
    void demoData_importsTheDemoCourseOnce();
    void demoCourse_claimedHoursRefused_aMinutePerLessonStudiedOfflineCompletes();

private:
    QString writePackage(const TestPackage &package);
    bool importPackage(const TestPackage &package, QString *error = nullptr);
    Account boundLearner(const QString &username, const QString &first17);
    Account relogin(const QString &username, const Account &account);
    QJsonObject mutate(const Account &who, const QString &type, const QString &target, qint64 base,
        const QJsonObject &payload, const QString &mutationId = newId());
    QJsonObject select(const Account &learner, int year = 2026);
    void studyAll(const Account &learner);
    // A lesson.study claim of `seconds` studied between `from` and `to`.
    QJsonObject studyBetween(const Account &learner, const QString &lessonId, int seconds,
        const QDateTime &from, const QDateTime &to, const QString &mutationId = newId());
    int studiedSeconds(const Account &learner, const QString &lessonId);
    // The latest state of each entity of `type` the user sees.
    QHash<QString, QJsonObject> latest(const Account &who, const QString &type);
    QJsonObject readyAttempt(const Account &learner);
    QJsonObject answers(const QJsonObject &attempt,
        const std::function<QStringList(const QString &, const QStringList &)> &choose);
    QJsonObject submit(const Account &learner, const QJsonObject &attempt,
        const QJsonObject &answerMap, qint64 seconds = 600, const QString &mutationId = newId());

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    std::unique_ptr<QTemporaryDir> m_dir;
    Account m_employer;
    int m_packages = 0;
};

void TestCourses::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    m_dir = std::make_unique<QTemporaryDir>();
    m_employer = {};
    // 2026-03-01 in China: both 2026 and (until March 31) 2025 may be declared.
    m_server->clock().set(QDateTime(QDate(2026, 3, 1), QTime(2, 0), Qt::UTC));
}

void TestCourses::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

QString TestCourses::writePackage(const TestPackage &package)
{
    const QString folder = m_dir->filePath(QStringLiteral("package%1").arg(++m_packages));
    if (!package.writeTo(folder))
        return {};
    return folder;
}

bool TestCourses::importPackage(const TestPackage &package, QString *error)
{
    QStringList problems;
    const auto loaded = CoursePackage::load(writePackage(package), &problems);
    if (!loaded) {
        qWarning("%s", qPrintable(problems.join(QLatin1Char('\n'))));
        return false;
    }
    QString why;
    const bool ok = m_server->server().courses().importPackage(*loaded, &why).has_value();
    if (error)
        *error = why;
    else if (!ok)
        qWarning("%s", qPrintable(why));
    return ok;
}

QJsonObject TestCourses::mutate(const Account &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload, const QString &mutationId)
{
    const TestReply r = m_client->post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), mutationId },
                { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                { QStringLiteral("baseVersion"), double(base) },
                { QStringLiteral("payload"), payload } } } } },
        who.token);
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

Account TestCourses::boundLearner(const QString &username, const QString &first17)
{
    if (m_employer.id.isEmpty()) {
        m_employer = registerAndLogin(*m_client, QStringLiteral("/accounts/employers"),
            organisationRegistration(
                QStringLiteral("employer"), QStringLiteral("91440106MA59XK3T1")));
        QString error;
        if (!m_server->server().accounts().approveOrganisation(
                QStringLiteral("employer"), Role::Employer, &error))
            qWarning("approve: %s", qPrintable(error));
    }
    const Account learner = registerAndLogin(
        *m_client, QStringLiteral("/accounts/learners"), learnerRegistration(username, first17));
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { learner.id });
    v.next();
    const qint64 version = v.value(0).toLongLong();
    v.finish();
    mutate(learner, QStringLiteral("profile.update"), learner.id, version,
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("bachelor") } });
    const QString binding = newId();
    mutate(learner, QStringLiteral("binding.request"), binding, 0,
        { { QStringLiteral("employerId"), m_employer.id } });
    const QJsonObject confirmed
        = mutate(m_employer, QStringLiteral("binding.confirm"), binding, 1, {});
    if (confirmed.value(QStringLiteral("status")).toString() != QLatin1String("applied"))
        qWarning("binding not confirmed: %s", QJsonDocument(confirmed).toJson().constData());
    return learner;
}

Account TestCourses::relogin(const QString &username, const Account &account)
{
    const TestReply session = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), username },
            { QStringLiteral("password"), QStringLiteral("Secret123") } });
    return { account.id, session.json.value(QStringLiteral("token")).toString() };
}

QJsonObject TestCourses::select(const Account &learner, int year)
{
    return mutate(learner, QStringLiteral("course.select"), selectionId(learner), 0,
        { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("declarationYear"), year } });
}

void TestCourses::studyAll(const Account &learner)
{
    // Each lesson for its minimum, one after the other, the time really passing.
    for (const auto &[lesson, seconds] :
        { std::pair { QStringLiteral("l1"), 60 }, std::pair { QStringLiteral("l2"), 120 } }) {
        m_server->clock().advance(seconds);
        const QJsonObject r
            = mutate(learner, QStringLiteral("lesson.study"), progressId(learner, lesson), 0,
                { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("lessonId"), lesson },
                    { QStringLiteral("seconds"), seconds } });
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.value(QStringLiteral("credited")).toInt(), seconds);
    }
}

QJsonObject TestCourses::studyBetween(const Account &learner, const QString &lessonId, int seconds,
    const QDateTime &from, const QDateTime &to, const QString &mutationId)
{
    return mutate(learner, QStringLiteral("lesson.study"), progressId(learner, lessonId), 0,
        { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("lessonId"), lessonId },
            { QStringLiteral("seconds"), seconds },
            { QStringLiteral("startedAt"), from.toString(Qt::ISODateWithMs) },
            { QStringLiteral("endedAt"), to.toString(Qt::ISODateWithMs) } },
        mutationId);
}

int TestCourses::studiedSeconds(const Account &learner, const QString &lessonId)
{
    return latest(learner, QStringLiteral("lessonProgress"))
        .value(progressId(learner, lessonId))
        .value(QStringLiteral("seconds"))
        .toInt();
}

QHash<QString, QJsonObject> TestCourses::latest(const Account &who, const QString &type)
{
    QHash<QString, QJsonObject> found;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() != type)
            continue;
        if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
            found.remove(c.value(QStringLiteral("id")).toString());
        else
            found.insert(c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("data")).toObject());
    }
    return found;
}

QJsonObject TestCourses::readyAttempt(const Account &learner)
{
    for (const QJsonObject &a : latest(learner, QStringLiteral("examAttempt"))) {
        if (a.value(QStringLiteral("status")).toString() == QLatin1String("ready"))
            return a;
    }
    return {};
}

QJsonObject TestCourses::answers(const QJsonObject &attempt,
    const std::function<QStringList(const QString &, const QStringList &)> &choose)
{
    const QHash<QString, QStringList> key = TestPackage::key();
    QJsonObject map;
    for (const QJsonValue &q : attempt.value(QStringLiteral("questions")).toArray()) {
        const QString id = q.toObject().value(QStringLiteral("id")).toString();
        const QStringList chosen = choose(id, key.value(id));
        if (!chosen.isEmpty())
            map.insert(id, QJsonArray::fromStringList(chosen));
    }
    return map;
}

QJsonObject TestCourses::submit(const Account &learner, const QJsonObject &attempt,
    const QJsonObject &answerMap, qint64 seconds, const QString &mutationId)
{
    // The exam takes `seconds` of real time and is sent when it ends (an older client: no
    // elapsedSeconds, the times of its wall clock).
    const QDateTime started = m_server->clock().nowUtc();
    m_server->clock().advance(seconds);
    return mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answerMap },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(seconds).toString(Qt::ISODate) } },
        mutationId);
}

// ---- Packages ----------------------------------------------------------------------------

void TestCourses::package_validation_namesFileAndField()
{
    struct Case
    {
        const char *name;
        std::function<void(TestPackage &)> change;
        QString expected;
    };
    const QList<Case> cases = {
        { "broken manifest JSON",
            [](TestPackage &p) {
                p.files.insert(QStringLiteral("course.json"), "{\n \"format\": 1,\n \"id\" \n}");
            },
            QStringLiteral("course.json: line 4: not valid JSON") },
        { "missing title", [](TestPackage &p) { p.manifest.remove(QStringLiteral("title")); },
            QStringLiteral("course.json: title: missing") },
        // PostgreSQL cannot keep U+0000 in text: named here, not a refusal from the database.
        { "NUL in the title",
            [](TestPackage &p) {
                p.manifest.insert(QStringLiteral("title"), QStringLiteral("职业") + QChar(0));
            },
            QStringLiteral("course.json: title: contains a NUL character (U+0000)") },
        { "NUL in an option",
            [](TestPackage &p) {
                p.setQuestion(0, QStringLiteral("options"),
                    QJsonArray { QJsonObject { { QStringLiteral("id"), QStringLiteral("a") },
                                     { QStringLiteral("text"), QString(QChar(0)) } },
                        QJsonObject { { QStringLiteral("id"), QStringLiteral("b") },
                            { QStringLiteral("text"), QStringLiteral("B") } } });
            },
            QStringLiteral("questions.json: q1.options[0].text: contains a NUL character") },
        { "hours with two decimals",
            [](TestPackage &p) { p.manifest.insert(QStringLiteral("hours"), 7.25); },
            QStringLiteral("course.json: hours: must be a number with at most one decimal") },
        { "bad course id",
            [](TestPackage &p) { p.manifest.insert(QStringLiteral("id"), QStringLiteral("A")); },
            QStringLiteral("course.json: id: \"A\"") },
        { "missing lesson file",
            [](TestPackage &p) { p.files.remove(QStringLiteral("lessons/02.pdf")); },
            QStringLiteral(
                "course.json: lessons[1].file: file \"lessons/02.pdf\" is not in the package") },
        { "lesson path leaving the package",
            [](TestPackage &p) {
                p.lesson(0).insert(QStringLiteral("file"), QStringLiteral("../01.html"));
                p.commitLesson();
            },
            QStringLiteral("course.json: lessons[0].file: \"../01.html\" leaves the package") },
        { "absolute lesson path",
            [](TestPackage &p) {
                p.lesson(0).insert(QStringLiteral("file"), QStringLiteral("/etc/passwd.html"));
                p.commitLesson();
            },
            QStringLiteral("course.json: lessons[0].file: \"/etc/passwd.html\" is an absolute "
                           "path") },
        { "minMinutes out of range",
            [](TestPackage &p) {
                p.lesson(1).insert(QStringLiteral("minMinutes"), 0);
                p.commitLesson();
            },
            QStringLiteral("course.json: lessons[1].minMinutes: must be from 1 to 600") },
        { "duplicate lesson id",
            [](TestPackage &p) {
                p.lesson(1).insert(QStringLiteral("id"), QStringLiteral("l1"));
                p.commitLesson();
            },
            QStringLiteral("course.json: lessons[1].id: \"l1\" is used by another lesson") },
        { "image shown but missing",
            [](TestPackage &p) { p.files.remove(QStringLiteral("lessons/img/norms.png")); },
            QStringLiteral("lessons/01.html: <img src=\"img/norms.png\">: file "
                           "\"lessons/img/norms.png\" is not in the package") },
        { "PDF that is not a PDF",
            [](TestPackage &p) {
                p.files.insert(QStringLiteral("lessons/02.pdf"), "<html>not a pdf</html>");
            },
            QStringLiteral("lessons/02.pdf: not a PDF file (it does not start with %PDF-)") },
        { "HTML not in UTF-8",
            [](TestPackage &p) {
                p.files.insert(QStringLiteral("lessons/01.html"),
                    QByteArray("<p>") + QByteArray("\xd5\xe6\xb3\xcf", 4) + "</p>"); // GBK
            },
            QStringLiteral("lessons/01.html: not valid UTF-8 text") },
        { "question without a correct answer",
            [](TestPackage &p) { p.setQuestion(2, QStringLiteral("answer"), QJsonArray {}); },
            QStringLiteral("questions.json: q3: no correct answer") },
        { "trueFalse without an answer",
            [](TestPackage &p) {
                p.setQuestion(3, QStringLiteral("answer"), QJsonValue::Undefined);
            },
            QStringLiteral("questions.json: q4: no correct answer") },
        { "single choice with two answers",
            [](TestPackage &p) {
                p.setQuestion(0, QStringLiteral("answer"),
                    QJsonArray { QStringLiteral("a"), QStringLiteral("b") });
            },
            QStringLiteral("questions.json: q1: a single-choice question has exactly one correct "
                           "answer, not 2") },
        { "answer naming no option",
            [](TestPackage &p) {
                p.setQuestion(1, QStringLiteral("answer"), QJsonArray { QStringLiteral("z") });
            },
            QStringLiteral("questions.json: q2.answer: \"z\" is not one of the options") },
        { "duplicate question id",
            [](TestPackage &p) { p.setQuestion(1, QStringLiteral("id"), QStringLiteral("q1")); },
            QStringLiteral("questions.json: [1].id: \"q1\" is used by another question") },
        { "more questions drawn than the bank has",
            [](TestPackage &p) { p.setExam(QStringLiteral("questionCount"), 6); },
            QStringLiteral("course.json: exam.questionCount: 6 questions are drawn but "
                           "questions.json has only 5") },
        { "missing question bank",
            [](TestPackage &p) { p.files.insert(QStringLiteral("questions.json"), {}); },
            QStringLiteral("questions.json: line 1: not valid JSON") },
        { "pass mark out of range",
            [](TestPackage &p) { p.setExam(QStringLiteral("passMark"), 101); },
            QStringLiteral("course.json: exam.passMark: must be from 1 to 100") },
    };
    for (const Case &c : cases) {
        TestPackage p = TestPackage::standard();
        c.change(p);
        QStringList errors;
        const auto loaded = CoursePackage::load(writePackage(p), &errors);
        QVERIFY2(!loaded, c.name);
        bool found = false;
        for (const QString &e : std::as_const(errors))
            found = found || e.startsWith(c.expected);
        QVERIFY2(found,
            qPrintable(
                QStringLiteral("%1: expected \"%2\", got:\n  %3")
                    .arg(QLatin1String(c.name), c.expected, errors.join(QStringLiteral("\n  ")))));
    }

    // Every problem is reported at once, not only the first.
    TestPackage p = TestPackage::standard();
    p.manifest.remove(QStringLiteral("title"));
    p.files.remove(QStringLiteral("lessons/02.pdf"));
    p.setQuestion(2, QStringLiteral("answer"), QJsonArray {});
    QStringList errors;
    QVERIFY(!CoursePackage::load(writePackage(p), &errors));
    QCOMPARE(errors.size(), 3);

    // The standard package itself is fine.
    const auto good = CoursePackage::load(writePackage(TestPackage::standard()), &errors);
    QVERIFY2(good, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(good->hoursTenths, 75);
    QCOMPARE(good->lessons.size(), 2);
    QCOMPARE(good->lessons.at(0).kind, QStringLiteral("html"));
    QCOMPARE(good->lessons.at(0).resources.size(), 1);
    QCOMPARE(good->lessons.at(0).resources.at(0).path, QStringLiteral("lessons/img/norms.png"));
    QCOMPARE(good->lessons.at(1).kind, QStringLiteral("pdf"));
    QCOMPARE(good->lessons.at(1).minSeconds, 120);
    QCOMPARE(good->questions.size(), 5);
    QCOMPARE(good->questions.at(3).answer, QStringList { QStringLiteral("true") });
}

void TestCourses::package_oversizeFile_refused()
{
    const QString folder = writePackage(TestPackage::standard());
    QFile pdf(folder + QStringLiteral("/lessons/02.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadWrite));
    // Sparse: no 50 MB are written to disk.
    QVERIFY(pdf.resize(CoursePackage::MaxFileSize + 1));
    pdf.close();
    QStringList errors;
    QVERIFY(!CoursePackage::load(folder, &errors));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.first().startsWith(QStringLiteral("lessons/02.pdf: 52428801 bytes, more than")),
        qPrintable(errors.first()));
}

void TestCourses::package_filesTogetherOverLimit_refusedBeforeInflating_sharedImageReadOnce()
{
    // 25 PDF lessons whose entries each declare 45 MB: every one is under the per-file limit,
    // together they are over the package's, which is refused from the central directory before
    // anything is inflated (a few KB of zip would otherwise take more than a gigabyte).
    TestPackage package = TestPackage::standard();
    QJsonArray lessons;
    for (int i = 0; i < 25; ++i) {
        const QString file = QStringLiteral("lessons/big%1.pdf").arg(i);
        lessons.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("b%1").arg(i) },
            { QStringLiteral("title"), QStringLiteral("第%1讲").arg(i) },
            { QStringLiteral("file"), file }, { QStringLiteral("minMinutes"), 1 } });
        package.files.insert(file, QByteArray("%PDF-1.4\n"));
    }
    package.manifest.insert(QStringLiteral("lessons"), lessons);
    QList<QPair<QString, QByteArray>> entries;
    const QMap<QString, QByteArray> files = package.allFiles();
    for (auto it = files.constBegin(); it != files.constEnd(); ++it)
        entries.append({ it.key(), it.value() });
    QByteArray bytes = makeZip(entries, false);
    const qsizetype directory = bytes.indexOf(QByteArray("PK\x01\x02", 4));
    QVERIFY(directory > 0);
    for (qsizetype at = directory; (at = bytes.indexOf(QByteArray("PK\x01\x02", 4), at)) >= 0;
         ++at) {
        if (bytes.mid(at + 46, 11) == "lessons/big")
            qToLittleEndian(quint32(45 * 1024 * 1024), bytes.data() + at + 24);
    }
    const QString path = m_dir->filePath(QStringLiteral("over.zip"));
    QFile zip(path);
    QVERIFY(zip.open(QIODevice::WriteOnly));
    zip.write(bytes);
    zip.close();
    QStringList errors;
    QVERIFY(!CoursePackage::load(path, &errors));
    QVERIFY2(errors.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("more than the limit of %1 bytes")
                               .arg(CoursePackage::MaxPackageSize)),
        qPrintable(errors.join(QLatin1Char('\n'))));

    // An image every lesson shows is read once and held once.
    TestPackage shared = TestPackage::standard();
    shared.lesson(1).insert(QStringLiteral("file"), QStringLiteral("lessons/02.html"));
    shared.commitLesson();
    shared.files.insert(QStringLiteral("lessons/02.html"),
        QByteArray("<html><body><img src=\"img/norms.png\"></body></html>"));
    const auto loaded = CoursePackage::load(writePackage(shared), &errors);
    QVERIFY2(loaded, qPrintable(errors.join(QLatin1Char('\n'))));
    QCOMPARE(loaded->lessons.at(0).resources.size(), 1);
    QCOMPARE(loaded->lessons.at(1).resources.size(), 1);
    QCOMPARE(loaded->lessons.at(1).resources.at(0).bytes.constData(),
        loaded->lessons.at(0).resources.at(0).bytes.constData());
}

void TestCourses::package_zipAndFolder_loadTheSame()
{
    const TestPackage package = TestPackage::standard();
    QStringList errors;
    const auto fromFolder = CoursePackage::load(writePackage(package), &errors);
    QVERIFY2(fromFolder, qPrintable(errors.join(QLatin1Char('\n'))));

    const QMap<QString, QByteArray> files = package.allFiles();
    for (const bool deflate : { false, true }) {
        for (const QString &top : { QString(), QStringLiteral("test-ethics/") }) {
            QList<QPair<QString, QByteArray>> entries;
            for (auto it = files.constBegin(); it != files.constEnd(); ++it)
                entries.append({ top + it.key(), it.value() });
            const QString path = m_dir->filePath(
                QStringLiteral("pkg-%1-%2.zip").arg(deflate).arg(top.isEmpty() ? 0 : 1));
            QFile zip(path);
            QVERIFY(zip.open(QIODevice::WriteOnly));
            zip.write(makeZip(entries, deflate));
            zip.close();
            const auto fromZip = CoursePackage::load(path, &errors);
            QVERIFY2(fromZip, qPrintable(errors.join(QLatin1Char('\n'))));
            QCOMPARE(fromZip->id, fromFolder->id);
            QCOMPARE(fromZip->lessons.size(), fromFolder->lessons.size());
            for (qsizetype i = 0; i < fromZip->lessons.size(); ++i) {
                QCOMPARE(fromZip->lessons.at(i).digest, fromFolder->lessons.at(i).digest);
                QCOMPARE(fromZip->lessons.at(i).file.bytes, fromFolder->lessons.at(i).file.bytes);
            }
            QCOMPARE(fromZip->questions.size(), fromFolder->questions.size());
            QCOMPARE(fromZip->totalBytes(), fromFolder->totalBytes());
        }
    }
}

void TestCourses::package_damagedOrUnsafeZip_refused()
{
    const QMap<QString, QByteArray> files = TestPackage::standard().allFiles();
    QList<QPair<QString, QByteArray>> entries;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it)
        entries.append({ it.key(), it.value() });
    const auto write = [this](const QString &name, const QByteArray &bytes) {
        QFile f(m_dir->filePath(name));
        f.open(QIODevice::WriteOnly);
        f.write(bytes);
        return f.fileName();
    };
    QStringList errors;

    // A flipped byte in the stored PDF: the CRC no longer matches.
    QByteArray damaged = makeZip(entries, false);
    const qsizetype at = damaged.indexOf("% test lesson");
    QVERIFY(at > 0);
    damaged[at + 2] = 'X';
    QVERIFY(!CoursePackage::load(write(QStringLiteral("damaged.zip"), damaged), &errors));
    QVERIFY2(errors.join(QLatin1Char('\n'))
                 .contains(QStringLiteral("lessons/02.pdf: damaged ZIP file (CRC mismatch)")),
        qPrintable(errors.join(QLatin1Char('\n'))));

    // An entry that would land outside the package.
    QList<QPair<QString, QByteArray>> unsafe = entries;
    unsafe.append({ QStringLiteral("../evil.sh"), QByteArray("rm -rf /") });
    QVERIFY(
        !CoursePackage::load(write(QStringLiteral("unsafe.zip"), makeZip(unsafe, true)), &errors));
    QVERIFY2(errors.join(QLatin1Char('\n')).contains(QStringLiteral("entry \"../evil.sh\"")),
        qPrintable(errors.join(QLatin1Char('\n'))));

    // Not a zip at all, and a zip without course.json.
    QVERIFY(!CoursePackage::load(write(QStringLiteral("text.zip"), "just text"), &errors));
    QVERIFY2(errors.first().contains(QStringLiteral("not a ZIP file")), qPrintable(errors.first()));
    QVERIFY(!CoursePackage::load(
        write(QStringLiteral("empty.zip"), makeZip({ { QStringLiteral("a.txt"), "x" } }, false)),
        &errors));
    QVERIFY2(errors.first().contains(QStringLiteral("no course.json")), qPrintable(errors.first()));
}

void TestCourses::zipArchive_readsEntries_refusesOversizeAndBombs()
{
    const QByteArray zeros(1024 * 1024, '\0');
    const QByteArray text = QStringLiteral("职业道德").toUtf8();
    const QByteArray bytes = makeZip(
        { { QStringLiteral("dir/zeros.bin"), zeros }, { QStringLiteral("道德.txt"), text } }, true);
    // Deflate shrinks a megabyte of zeros to about a kilobyte.
    QVERIFY(bytes.size() < 10 * 1024);
    const QString path = m_dir->filePath(QStringLiteral("archive.zip"));
    const auto write = [&path](const QByteArray &data) {
        QFile f(path);
        f.open(QIODevice::WriteOnly);
        f.write(data);
    };
    write(bytes);

    server::ZipArchive zip;
    QString error;
    QVERIFY2(zip.open(path, &error), qPrintable(error));
    QCOMPARE(zip.entries().size(), 2);
    QCOMPARE(zip.entries().at(1).name, QStringLiteral("道德.txt"));
    QCOMPARE(zip.entry(QStringLiteral("dir/zeros.bin"))->size, zeros.size());
    QCOMPARE(zip.read(QStringLiteral("道德.txt"), 100, &error).value_or(QByteArray()), text);
    QCOMPARE(zip.read(QStringLiteral("dir/zeros.bin"), zeros.size(), &error).value_or(QByteArray()),
        zeros);
    // Over the limit: refused from the directory, before inflating.
    QVERIFY(!zip.read(QStringLiteral("dir/zeros.bin"), 1000, &error));
    QVERIFY2(error.contains(QStringLiteral("1048576 bytes, more than the limit of 1000 bytes")),
        qPrintable(error));
    QVERIFY(!zip.read(QStringLiteral("missing.txt"), 1000, &error));
    QVERIFY2(error.contains(QStringLiteral("no such entry")), qPrintable(error));

    // A directory that understates the size (a "zip bomb"): inflating stops at the declared size.
    QByteArray bomb = bytes;
    const qsizetype central = bomb.indexOf(QByteArray::fromHex("504b0102"));
    QVERIFY(central > 0);
    char small[4];
    qToLittleEndian<quint32>(1000, small);
    bomb.replace(central + 24, 4, QByteArray(small, 4));
    write(bomb);
    QVERIFY(zip.open(path, &error));
    QVERIFY(!zip.read(QStringLiteral("dir/zeros.bin"), 1 << 20, &error));
    QVERIFY2(error.contains(QStringLiteral("damaged compressed data")), qPrintable(error));

    // Compression methods other than stored and deflate are named.
    QByteArray bzip = bytes;
    bzip[central + 10] = 12;
    write(bzip);
    QVERIFY(zip.open(path, &error));
    QVERIFY(!zip.read(QStringLiteral("dir/zeros.bin"), 1 << 20, &error));
    QVERIFY2(error.contains(QStringLiteral("compression method 12 is not supported")),
        qPrintable(error));
}

void TestCourses::import_sameOrLowerVersion_refused()
{
    TestPackage p = TestPackage::standard();
    p.manifest.insert(QStringLiteral("version"), 3);
    QVERIFY(importPackage(p));
    QString error;
    QVERIFY(!importPackage(p, &error));
    QVERIFY2(error.contains(QStringLiteral("installed at version 3")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("higher version")), qPrintable(error));
    p.manifest.insert(QStringLiteral("version"), 2);
    QVERIFY(!importPackage(p, &error));
    QCOMPARE(m_server->server().courses().installedVersion(CourseId), 3);
}

// ---- Choosing and studying -----------------------------------------------------------------

void TestCourses::select_drawsAttempt_andTheFeedNeverHoldsAnswers()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));

    // The course is public: even before choosing it, and without answers.
    const QHash<QString, QJsonObject> courses = latest(learner, QStringLiteral("course"));
    QVERIFY(courses.contains(CourseId));
    const QJsonObject course = courses.value(CourseId);
    QCOMPARE(course.value(QStringLiteral("hoursTenths")).toInt(), 75);
    QCOMPARE(course.value(QStringLiteral("subjectType")).toString(), QStringLiteral("public"));
    QCOMPARE(course.value(QStringLiteral("lessons")).toArray().size(), 2);
    const QJsonObject l1 = course.value(QStringLiteral("lessons")).toArray().at(0).toObject();
    QCOMPARE(l1.value(QStringLiteral("minSeconds")).toInt(), 60);
    QVERIFY(m_server->server().content().contains(l1.value(QStringLiteral("sha256")).toString()));
    QCOMPARE(l1.value(QStringLiteral("resources")).toArray().size(), 1);
    // The lesson file can be fetched by its hash.
    const TestReply file = m_client->get(
        QStringLiteral("/content/") + l1.value(QStringLiteral("sha256")).toString(), learner.token);
    QCOMPARE(file.status, 200);
    QVERIFY(file.body.contains("诚实守信"));

    const QJsonObject r = select(learner);
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    const QJsonObject selection
        = latest(learner, QStringLiteral("courseSelection")).value(selectionId(learner));
    QCOMPARE(selection.value(QStringLiteral("status")).toString(), QStringLiteral("studying"));
    QCOMPARE(selection.value(QStringLiteral("declarationYear")).toInt(), 2026);
    QCOMPARE(selection.value(QStringLiteral("attemptsAllowed")).toInt(), 3);
    QCOMPARE(selection.value(QStringLiteral("courseTitle")).toString(),
        QStringLiteral("测试课程：职业道德"));
    QVERIFY(selection.value(QStringLiteral("hourRecordId")).isNull());

    const QJsonObject attempt = readyAttempt(learner);
    QCOMPARE(attempt.value(QStringLiteral("number")).toInt(), 1);
    QCOMPARE(attempt.value(QStringLiteral("questionCount")).toInt(), 5);
    QCOMPARE(attempt.value(QStringLiteral("timeLimitMinutes")).toInt(), 30);
    const QJsonArray questions = attempt.value(QStringLiteral("questions")).toArray();
    QCOMPARE(questions.size(), 5);
    QSet<QString> ids;
    for (const QJsonValue &q : questions) {
        const QJsonObject o = q.toObject();
        ids.insert(o.value(QStringLiteral("id")).toString());
        QCOMPARE(o.keys(),
            (QStringList { QStringLiteral("id"), QStringLiteral("options"), QStringLiteral("text"),
                QStringLiteral("type") }));
        if (o.value(QStringLiteral("type")).toString() == QLatin1String("trueFalse")) {
            QCOMPARE(o.value(QStringLiteral("options"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QStringLiteral("text"))
                         .toString(),
                QStringLiteral("正确"));
        }
    }
    QCOMPARE(ids.size(), 5);

    // Selecting again: applied, no second attempt.
    QCOMPARE(select(learner).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(latest(learner, QStringLiteral("examAttempt")).size(), 1);

    // Through a failed and a passed attempt, the feed never carries the key or the answers given.
    studyAll(learner);
    QCOMPARE(submit(learner, attempt, answers(attempt, wrongAnswer))
                 .value(QStringLiteral("score"))
                 .toInt(),
        0);
    const QJsonObject second = readyAttempt(learner);
    QCOMPARE(submit(learner, second,
                 answers(second, [](const QString &, const QStringList &key) { return key; }))
                 .value(QStringLiteral("score"))
                 .toInt(),
        100);
    QByteArray feed;
    for (const QJsonObject &c : pullAllChanges(*m_client, learner.token))
        feed += QJsonDocument(c).toJson(QJsonDocument::Compact);
    QVERIFY(feed.contains("\"examAttempt\""));
    QVERIFY(feed.contains("\"hourRecord\""));
    QVERIFY2(!feed.contains("\"answer"), feed.constData());
    QVERIFY(!feed.contains("option_order"));
    // The key is in the database, where grading reads it.
    QSqlQuery key = m_server->server().database().exec(
        QStringLiteral(
            "SELECT answer FROM course_questions WHERE course_id = ? AND question_id = 'q3'"),
        { CourseId });
    QVERIFY(key.next());
    QCOMPARE(key.value(0).toString(), QStringLiteral("[\"a\",\"c\"]"));
}

void TestCourses::select_withoutConfirmedBinding_studyLocked()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(QStringLiteral("unbound"), QStringLiteral("44010619900101123")));
    const QJsonObject r = select(learner);
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("study_locked"));
    const QJsonObject study = mutate(learner, QStringLiteral("lesson.study"),
        progressId(learner, QStringLiteral("l1")), 0,
        { { QStringLiteral("courseId"), CourseId },
            { QStringLiteral("lessonId"), QStringLiteral("l1") },
            { QStringLiteral("seconds"), 60 } });
    QCOMPARE(errorCode(study), QStringLiteral("study_locked"));
    QVERIFY(latest(learner, QStringLiteral("courseSelection")).isEmpty());
    // Staff cannot choose courses at all.
    boundLearner(QStringLiteral("someone"), QStringLiteral("44010619850202234"));
    QCOMPARE(errorCode(mutate(m_employer, QStringLiteral("course.select"),
                 derivedId(QStringLiteral("courseSelection"), { m_employer.id, CourseId }), 0,
                 { { QStringLiteral("courseId"), CourseId },
                     { QStringLiteral("declarationYear"), 2026 } })),
        QStringLiteral("forbidden"));
}

void TestCourses::select_policyExtendsTheWindow_previousYearStillDeclarable()
{
    QVERIFY(importPackage(TestPackage::standard()));
    Account learner = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    // 2025's hours may be entered until June 30, 2026 (the administrator extended it).
    YearPolicy extended = YearPolicy::defaults(2025);
    extended.entryDeadline = QDate(2026, 6, 30);
    m_server->server().policies().set(extended);
    // A region's override does not move the national window of a public course.
    YearPolicy regional = YearPolicy::defaults(2026);
    regional.regionCode = QStringLiteral("440100");
    regional.declarableFrom = QDate(2026, 6, 1);
    m_server->server().policies().set(regional);

    m_server->clock().set(QDateTime(QDate(2026, 5, 1), QTime(1, 0), Qt::UTC));
    learner = relogin(QStringLiteral("learner1"), learner);
    QCOMPARE(select(learner, 2025).value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));
    // The answer of a refusal lists it too.
    const QJsonObject r = mutate(learner, QStringLiteral("course.setYear"), selectionId(learner), 1,
        { { QStringLiteral("declarationYear"), 2024 } });
    QCOMPARE(errorCode(r), QStringLiteral("year_not_allowed"));
    QCOMPARE(
        r.value(QStringLiteral("error")).toObject().value(QStringLiteral("allowedYears")).toArray(),
        (QJsonArray { 2026, 2025 }));
    // After the new deadline it is closed.
    m_server->clock().set(QDateTime(QDate(2026, 7, 1), QTime(1, 0), Qt::UTC));
    learner = relogin(QStringLiteral("learner1"), learner);
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("course.setYear"), selectionId(learner), 1,
                 { { QStringLiteral("declarationYear"), 2025 } })),
        QStringLiteral("year_not_allowed"));
}

void TestCourses::select_yearNotAllowedOrUnknownCourse_rejected()
{
    QVERIFY(importPackage(TestPackage::standard()));
    Account learner = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    // 2024 is not offered; 2027 is offered by no one yet.
    QJsonObject r = select(learner, 2024);
    QCOMPARE(errorCode(r), QStringLiteral("year_not_allowed"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("declarationYear"));
    QCOMPARE(
        r.value(QStringLiteral("error")).toObject().value(QStringLiteral("allowedYears")).toArray(),
        (QJsonArray { 2026, 2025 }));
    // After March 31 the previous year is closed.
    m_server->clock().set(QDateTime(QDate(2026, 4, 1), QTime(1, 0), Qt::UTC));
    learner = relogin(QStringLiteral("learner1"), learner); // the old token has expired
    QCOMPARE(errorCode(select(learner, 2025)), QStringLiteral("year_not_allowed"));
    QCOMPARE(select(learner, 2026).value(QStringLiteral("status")).toString(),
        QStringLiteral("applied"));

    const QString other = QStringLiteral("no-such-course");
    r = mutate(learner, QStringLiteral("course.select"),
        derivedId(QStringLiteral("courseSelection"), { learner.id, other }), 0,
        { { QStringLiteral("courseId"), other }, { QStringLiteral("declarationYear"), 2026 } });
    QCOMPARE(errorCode(r), QStringLiteral("not_found"));
    // The target must be the derived id.
    r = mutate(learner, QStringLiteral("course.select"), newId(), 0,
        { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("declarationYear"), 2026 } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    // A NUL in an id is refused naming the field, not a server error on PostgreSQL.
    const QString withNul = CourseId + QChar(0);
    r = mutate(learner, QStringLiteral("course.select"),
        derivedId(QStringLiteral("courseSelection"), { learner.id, withNul }), 0,
        { { QStringLiteral("courseId"), withNul }, { QStringLiteral("declarationYear"), 2026 } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("courseId"));
    r = mutate(learner, QStringLiteral("exam.submit"), newId() + QChar(0), 0,
        { { QStringLiteral("answers"), QJsonObject {} } });
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("target"));
}

void TestCourses::study_addsSecondsAndCompletes()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    const QJsonObject payload { { QStringLiteral("courseId"), CourseId },
        { QStringLiteral("lessonId"), QStringLiteral("l2") }, { QStringLiteral("seconds"), 70 } };
    const QString target = progressId(learner, QStringLiteral("l2"));
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"), target, 0, payload)),
        QStringLiteral("course_not_selected"));
    QVERIFY(select(learner).value(QStringLiteral("status")).toString() == QLatin1String("applied"));

    m_server->clock().advance(70);
    QJsonObject r = mutate(learner, QStringLiteral("lesson.study"), target, 0, payload);
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(r.value(QStringLiteral("claimed")).toInt(), 70);
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 70);
    QVERIFY(!r.contains(QStringLiteral("reason")));
    QJsonObject progress = latest(learner, QStringLiteral("lessonProgress")).value(target);
    QCOMPARE(progress.value(QStringLiteral("seconds")).toInt(), 70);
    QCOMPARE(progress.value(QStringLiteral("minSeconds")).toInt(), 120);
    QCOMPARE(progress.value(QStringLiteral("completed")).toBool(), false);
    // Additive, on any base version (another device studied offline too).
    m_server->clock().advance(70);
    r = mutate(learner, QStringLiteral("lesson.study"), target, 0, payload);
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 2);
    progress = latest(learner, QStringLiteral("lessonProgress")).value(target);
    QCOMPARE(progress.value(QStringLiteral("seconds")).toInt(), 140);
    QCOMPARE(progress.value(QStringLiteral("completed")).toBool(), true);
    QVERIFY(!progress.value(QStringLiteral("completedAt")).toString().isEmpty());

    QJsonObject bad = payload;
    bad.insert(QStringLiteral("seconds"), 0);
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"), target, 0, bad)),
        QStringLiteral("invalid_field"));
    bad.insert(QStringLiteral("seconds"), 14401);
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"), target, 0, bad)),
        QStringLiteral("invalid_field"));
    bad = payload;
    bad.insert(QStringLiteral("lessonId"), QStringLiteral("l9"));
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"),
                 progressId(learner, QStringLiteral("l9")), 0, bad)),
        QStringLiteral("not_found"));
}

void TestCourses::study_claimedRightAfterSelect_creditsNothing_examStaysClosed()
{
    // The attack of issue 10: right after choosing the course, claims of four hours each for
    // every lesson. Nothing of it can have happened: the course was chosen seconds ago.
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    QCOMPARE(select(learner).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    const QDateTime selected = m_server->clock().nowUtc();
    m_server->clock().advance(3);
    for (int i = 0; i < 6; ++i) {
        const QString lesson = i % 2 ? QStringLiteral("l2") : QStringLiteral("l1");
        const QJsonObject r
            = mutate(learner, QStringLiteral("lesson.study"), progressId(learner, lesson), 0,
                { { QStringLiteral("courseId"), CourseId }, { QStringLiteral("lessonId"), lesson },
                    { QStringLiteral("seconds"), 14400 } });
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.value(QStringLiteral("claimed")).toInt(), 14400);
        // The three seconds since the choice, once.
        QCOMPARE(r.value(QStringLiteral("credited")).toInt(), i == 0 ? 3 : 0);
        const QJsonObject reason = r.value(QStringLiteral("reason")).toObject();
        QCOMPARE(reason.value(QStringLiteral("code")).toString(),
            QStringLiteral("study_before_available"));
        QVERIFY(
            reason.value(QStringLiteral("message")).toString().contains(QStringLiteral("14400")));
    }
    // With the four hours dated before the choice, or after now (moved back to end now), or in
    // the client's future altogether: the same.
    for (const auto &[from, to] : { std::pair { selected.addSecs(-14400), selected },
             std::pair { selected.addSecs(3), selected.addSecs(3 + 14400) },
             std::pair { selected.addDays(1), selected.addDays(1).addSecs(14400) } }) {
        const QJsonObject r = studyBetween(learner, QStringLiteral("l1"), 14400, from, to);
        QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
        QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 0);
    }
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l1")), 3);
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l2")), 0);
    const QHash<QString, QJsonObject> progress = latest(learner, QStringLiteral("lessonProgress"));
    for (const QJsonObject &row : progress)
        QCOMPARE(row.value(QStringLiteral("completed")).toBool(), false);

    // The exam does not open.
    const QJsonObject attempt = readyAttempt(learner);
    const QJsonObject r = submit(learner, attempt,
        answers(attempt, [](const QString &, const QStringList &key) { return key; }), 60);
    QCOMPARE(errorCode(r), QStringLiteral("lessons_incomplete"));
    QVERIFY(latest(learner, QStringLiteral("hourRecord")).isEmpty());

    // Malformed intervals are refused, not clipped.
    QJsonObject bad { { QStringLiteral("courseId"), CourseId },
        { QStringLiteral("lessonId"), QStringLiteral("l1") }, { QStringLiteral("seconds"), 10 },
        { QStringLiteral("startedAt"), selected.addSecs(20).toString(Qt::ISODate) },
        { QStringLiteral("endedAt"), selected.addSecs(10).toString(Qt::ISODate) } };
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"),
                 progressId(learner, QStringLiteral("l1")), 0, bad)),
        QStringLiteral("invalid_field"));
    bad.remove(QStringLiteral("endedAt"));
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("lesson.study"),
                 progressId(learner, QStringLiteral("l1")), 0, bad)),
        QStringLiteral("missing_field"));
}

void TestCourses::study_overlappingClaimsAcrossLessonsAndCourses_creditedOnce()
{
    QVERIFY(importPackage(TestPackage::standard()));
    TestPackage other = TestPackage::standard();
    other.manifest.insert(QStringLiteral("id"), QStringLiteral("other-course"));
    QVERIFY(importPackage(other));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    QCOMPARE(mutate(learner, QStringLiteral("course.select"),
                 derivedId(QStringLiteral("courseSelection"),
                     { learner.id, QStringLiteral("other-course") }),
                 0,
                 { { QStringLiteral("courseId"), QStringLiteral("other-course") },
                     { QStringLiteral("declarationYear"), 2026 } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QDateTime t0 = m_server->clock().nowUtc();
    m_server->clock().advance(180);

    // Lesson 1 from 0 to 60 s; lesson 2 claims 30 to 90 s: only 60 to 90 is new.
    QJsonObject r = studyBetween(learner, QStringLiteral("l1"), 60, t0, t0.addSecs(60));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 60);
    r = studyBetween(learner, QStringLiteral("l2"), 60, t0.addSecs(30), t0.addSecs(90));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 30);
    QCOMPARE(r.value(QStringLiteral("reason")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("study_time_already_credited"));
    // The same claim sent again under a new id (a second device): nothing new.
    r = studyBetween(learner, QStringLiteral("l2"), 60, t0.addSecs(30), t0.addSecs(90));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 0);
    // A claim spanning credited and free time gets the free part: 90 to 150 s.
    r = studyBetween(learner, QStringLiteral("l2"), 120, t0, t0.addSecs(150));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 60);
    // Another course's lesson in the same minutes: nothing; the 30 s left: credited.
    const QString otherProgress = derivedId(QStringLiteral("lessonProgress"),
        { learner.id, QStringLiteral("other-course"), QStringLiteral("l1") });
    r = mutate(learner, QStringLiteral("lesson.study"), otherProgress, 0,
        { { QStringLiteral("courseId"), QStringLiteral("other-course") },
            { QStringLiteral("lessonId"), QStringLiteral("l1") },
            { QStringLiteral("seconds"), 180 },
            { QStringLiteral("startedAt"), t0.toString(Qt::ISODate) },
            { QStringLiteral("endedAt"), t0.addSecs(180).toString(Qt::ISODate) } });
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 30);

    // In all, no more than the three minutes that passed.
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l1")), 60);
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l2")), 90);
    QCOMPARE(latest(learner, QStringLiteral("lessonProgress"))
                 .value(otherProgress)
                 .value(QStringLiteral("seconds"))
                 .toInt(),
        30);
    QSqlQuery sum = m_server->server().database().exec(
        QStringLiteral("SELECT SUM(ends_at - starts_at) FROM study_intervals WHERE learner_id = ?"),
        { learner.id });
    QVERIFY(sum.next());
    QCOMPARE(sum.value(0).toLongLong(), 180000);
}

void TestCourses::study_offlineClaimArrivingLater_creditedForTimeAfterSelection()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    const QDateTime t0 = m_server->clock().nowUtc();
    // Studied offline ten minutes after choosing the course, sent five hours later.
    m_server->clock().advance(5 * 3600);
    QJsonObject r
        = studyBetween(learner, QStringLiteral("l2"), 120, t0.addSecs(600), t0.addSecs(720));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 120);
    QVERIFY(!r.contains(QStringLiteral("reason")));
    QJsonObject progress = latest(learner, QStringLiteral("lessonProgress"))
                               .value(progressId(learner, QStringLiteral("l2")));
    QCOMPARE(progress.value(QStringLiteral("completed")).toBool(), true);

    // Before the choice: not.
    r = studyBetween(learner, QStringLiteral("l1"), 60, t0.addSecs(-600), t0.addSecs(-540));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 0);
    QCOMPARE(r.value(QStringLiteral("reason")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("study_before_available"));
    // Straddling it: the part after.
    r = studyBetween(learner, QStringLiteral("l1"), 60, t0.addSecs(-20), t0.addSecs(40));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 40);
    // More seconds than the interval holds: what it holds.
    r = studyBetween(learner, QStringLiteral("l1"), 120, t0.addSecs(1000), t0.addSecs(1010));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 10);
    QCOMPARE(r.value(QStringLiteral("reason")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("study_time_not_passed"));
    // A client clock an hour ahead: the claim ending "in an hour" is the minute just passed.
    const QDateTime now = m_server->clock().nowUtc();
    r = studyBetween(learner, QStringLiteral("l1"), 60, now.addSecs(3600 - 60), now.addSecs(3600));
    QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 60);
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l1")), 110);
}

// ---- The exam ------------------------------------------------------------------------------

void TestCourses::submit_beforeLessonsComplete_lessonsIncomplete()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    m_server->clock().advance(60);
    mutate(learner, QStringLiteral("lesson.study"), progressId(learner, QStringLiteral("l1")), 0,
        { { QStringLiteral("courseId"), CourseId },
            { QStringLiteral("lessonId"), QStringLiteral("l1") },
            { QStringLiteral("seconds"), 60 } });
    QCOMPARE(studiedSeconds(learner, QStringLiteral("l1")), 60);
    const QJsonObject attempt = readyAttempt(learner);
    const QJsonObject r = submit(learner, attempt,
        answers(attempt, [](const QString &, const QStringList &key) { return key; }));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("lessons_incomplete"));
    // Nothing was graded: the attempt is still ready.
    QCOMPARE(
        readyAttempt(learner).value(QStringLiteral("id")), attempt.value(QStringLiteral("id")));
}

void TestCourses::submit_gradesRightWrongAndPartialMultiple()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const QJsonObject first = readyAttempt(learner);
    // q1 right, q2 wrong, q3 only one of its two correct options (wrong), q4 right, q5 unanswered.
    QJsonObject r
        = submit(learner, first, answers(first, [](const QString &id, const QStringList &key) {
              if (id == QLatin1String("q2"))
                  return QStringList { QStringLiteral("c") };
              if (id == QLatin1String("q3"))
                  return QStringList { QStringLiteral("a") };
              if (id == QLatin1String("q5"))
                  return QStringList();
              return key;
          }));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 40);
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), false);
    const QHash<QString, QJsonObject> attempts = latest(learner, QStringLiteral("examAttempt"));
    const QJsonObject graded = attempts.value(first.value(QStringLiteral("id")).toString());
    QCOMPARE(graded.value(QStringLiteral("status")).toString(), QStringLiteral("graded"));
    QCOMPARE(graded.value(QStringLiteral("correctCount")).toInt(), 2);
    QCOMPARE(graded.value(QStringLiteral("score")).toInt(), 40);
    QCOMPARE(graded.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(graded.value(QStringLiteral("reason")).toString(), QString());
    QCOMPARE(graded.value(QStringLiteral("questions")).toArray().size(), 5);

    // A new attempt was drawn; its multiple choice answered with the options in any order.
    const QJsonObject second = readyAttempt(learner);
    QCOMPARE(second.value(QStringLiteral("number")).toInt(), 2);
    r = submit(learner, second, answers(second, [](const QString &id, const QStringList &key) {
        if (id == QLatin1String("q3"))
            return QStringList { QStringLiteral("c"), QStringLiteral("a") };
        if (id == QLatin1String("q1"))
            return QStringList { QStringLiteral("b") };
        return key;
    }));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 80);
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), true);
    const QJsonObject selection
        = latest(learner, QStringLiteral("courseSelection")).value(selectionId(learner));
    QCOMPARE(selection.value(QStringLiteral("status")).toString(), QStringLiteral("passed"));
    QCOMPARE(selection.value(QStringLiteral("attemptsUsed")).toInt(), 2);
    QCOMPARE(selection.value(QStringLiteral("score")).toInt(), 80);
    QVERIFY(!selection.value(QStringLiteral("passedAt")).toString().isEmpty());
    QVERIFY(readyAttempt(learner).isEmpty());
}

void TestCourses::submit_failedAttempts_exhaustThenRefused()
{
    TestPackage p = TestPackage::standard();
    p.setExam(QStringLiteral("attemptsAllowed"), 2);
    QVERIFY(importPackage(p));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allWrong = wrongAnswer;
    const QJsonObject first = readyAttempt(learner);
    // Malformed answers are refused before anything is graded.
    QJsonObject r
        = submit(learner, first, { { QStringLiteral("q99"), QJsonArray { QStringLiteral("a") } } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("answers.q99"));
    r = submit(learner, first, { { QStringLiteral("q1"), QJsonArray { QStringLiteral("zz") } } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    r = mutate(learner, QStringLiteral("exam.submit"), first.value(QStringLiteral("id")).toString(),
        1,
        { { QStringLiteral("answers"), QJsonObject() },
            { QStringLiteral("startedAt"), QStringLiteral("yesterday") },
            { QStringLiteral("finishedAt"), QStringLiteral("2026-03-01T02:10:00Z") } });
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("startedAt"));
    QCOMPARE(readyAttempt(learner).value(QStringLiteral("id")), first.value(QStringLiteral("id")));

    r = submit(learner, first, answers(first, allWrong));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), false);
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 0);
    QJsonObject selection
        = latest(learner, QStringLiteral("courseSelection")).value(selectionId(learner));
    QCOMPARE(selection.value(QStringLiteral("status")).toString(), QStringLiteral("studying"));
    QCOMPARE(selection.value(QStringLiteral("attemptsUsed")).toInt(), 1);
    const QJsonObject second = readyAttempt(learner);
    QVERIFY(!second.isEmpty());
    r = submit(learner, second, answers(second, allWrong));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), false);
    selection = latest(learner, QStringLiteral("courseSelection")).value(selectionId(learner));
    QCOMPARE(selection.value(QStringLiteral("status")).toString(), QStringLiteral("failed"));
    QCOMPARE(selection.value(QStringLiteral("attemptsUsed")).toInt(), 2);
    QVERIFY(readyAttempt(learner).isEmpty());
    QCOMPARE(latest(learner, QStringLiteral("examAttempt")).size(), 2);

    // No further submission counts.
    r = submit(learner, second,
        answers(second, [](const QString &, const QStringList &key) { return key; }));
    QCOMPARE(errorCode(r), QStringLiteral("exam_already_graded"));
    QVERIFY(latest(learner, QStringLiteral("hourRecord")).isEmpty());
}

void TestCourses::submit_overTimeLimit_scoresZero()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allRight = [](const QString &, const QStringList &key) { return key; };
    // 30 minutes plus more than the two minutes of grace.
    QJsonObject attempt = readyAttempt(learner);
    QJsonObject r = submit(learner, attempt, answers(attempt, allRight), 30 * 60 + 121);
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 0);
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), false);
    QJsonObject graded = latest(learner, QStringLiteral("examAttempt"))
                             .value(attempt.value(QStringLiteral("id")).toString());
    QCOMPARE(graded.value(QStringLiteral("reason")).toString(), QStringLiteral("timeLimit"));
    QCOMPARE(graded.value(QStringLiteral("correctCount")).toInt(), 0);

    // A client that claims the exam took longer than the server has known the attempt was in
    // time: its clock was moved forward during the exam.
    attempt = readyAttempt(learner);
    QDateTime started = m_server->clock().nowUtc();
    m_server->clock().advance(10 * 60);
    r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(3 * 3600).toString(Qt::ISODate) } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 100);
    graded = latest(learner, QStringLiteral("examAttempt"))
                 .value(attempt.value(QStringLiteral("id")).toString());
    QCOMPARE(graded.value(QStringLiteral("reason")).toString(), QString());
}

void TestCourses::submit_wallClockMovedMidExam_neverScoresZeroWhenInTime()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allRight = [](const QString &, const QStringList &key) { return key; };

    // An older client whose clock was set back an hour during a 10-minute exam: it finished
    // "before" it started. The attempt was drawn 13 minutes ago, so it was in time for sure.
    QJsonObject attempt = readyAttempt(learner);
    const QString first = attempt.value(QStringLiteral("questions"))
                              .toArray()
                              .at(0)
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toString();
    const auto allWrongButOne = [first](const QString &id, const QStringList &key) {
        return id == first ? key : QStringList();
    };
    QDateTime started = m_server->clock().nowUtc();
    m_server->clock().advance(10 * 60);
    QJsonObject r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allWrongButOne) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(-50 * 60).toString(Qt::ISODate) } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 20);
    QJsonObject graded = latest(learner, QStringLiteral("examAttempt"))
                             .value(attempt.value(QStringLiteral("id")).toString());
    QCOMPARE(graded.value(QStringLiteral("reason")).toString(), QString());
    QCOMPARE(graded.value(QStringLiteral("correctCount")).toInt(), 1);

    // The same from an attempt drawn a day earlier: how long it took is unknown, so it is not
    // graded at all (not 0) and stays open.
    attempt = readyAttempt(learner);
    m_server->clock().advance(24 * 3600);
    started = m_server->clock().nowUtc();
    m_server->clock().advance(10 * 60);
    r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(-50 * 60).toString(Qt::ISODate) } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(
        readyAttempt(learner).value(QStringLiteral("id")), attempt.value(QStringLiteral("id")));

    // A current client sends the time on its steady timer: the wall clock moved forward two hours
    // during the exam, the timer says 9 minutes. Graded, not 0.
    started = m_server->clock().nowUtc();
    m_server->clock().advance(9 * 60);
    r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"),
                started.addSecs(2 * 3600 + 9 * 60).toString(Qt::ISODate) },
            { QStringLiteral("elapsedSeconds"), 9 * 60 } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 100);
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), true);
}

void TestCourses::submit_steadyTimerOverTheLimit_scoresZero()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allRight = [](const QString &, const QStringList &key) { return key; };
    // The wall clock was set back during a 40-minute exam so it shows 20 minutes; the steady
    // timer says 40. And a steady time with the end before the start is malformed.
    QJsonObject attempt = readyAttempt(learner);
    const QDateTime started = m_server->clock().nowUtc();
    m_server->clock().advance(40 * 60);
    QJsonObject r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(-60).toString(Qt::ISODate) },
            { QStringLiteral("elapsedSeconds"), 40 * 60 } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("finishedAt"));
    r = mutate(learner, QStringLiteral("exam.submit"),
        attempt.value(QStringLiteral("id")).toString(), 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(20 * 60).toString(Qt::ISODate) },
            { QStringLiteral("elapsedSeconds"), 40 * 60 } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 0);
    const QJsonObject graded = latest(learner, QStringLiteral("examAttempt"))
                                   .value(attempt.value(QStringLiteral("id")).toString());
    QCOMPARE(graded.value(QStringLiteral("reason")).toString(), QStringLiteral("timeLimit"));
}

void TestCourses::submit_overTimeLimit_withinGraceCounts()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allRight = [](const QString &, const QStringList &key) { return key; };
    // Within the grace it counts.
    const QJsonObject attempt = readyAttempt(learner);
    const QJsonObject r = submit(learner, attempt, answers(attempt, allRight), 30 * 60 + 120);
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 100);
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), true);
}

void TestCourses::submit_timesNeedAnOffset_aClockAheadDatesNoHoursInTheFuture()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const auto allRight = [](const QString &, const QStringList &key) { return key; };
    QJsonObject attempt = readyAttempt(learner);
    const QString attemptId = attempt.value(QStringLiteral("id")).toString();

    // A time without its offset would be read in the server's own zone: refused, not guessed.
    QJsonObject r = mutate(learner, QStringLiteral("exam.submit"), attemptId, 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), QStringLiteral("2026-03-01T10:00:00") },
            { QStringLiteral("finishedAt"), QStringLiteral("2026-03-01T10:10:00Z") } });
    QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("startedAt"));

    // 23:50 on 1 March in China; the learner's clock says the exam ended 20 minutes later, on
    // 2 March: the hours are dated on the server's day.
    const QDateTime started(QDate(2026, 3, 1), QTime(15, 50), Qt::UTC);
    m_server->clock().set(started);
    r = mutate(learner, QStringLiteral("exam.submit"), attemptId, 1,
        { { QStringLiteral("answers"), answers(attempt, allRight) },
            { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), started.addSecs(20 * 60).toString(Qt::ISODate) } });
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), true);
    const QHash<QString, QJsonObject> records = latest(learner, QStringLiteral("hourRecord"));
    QCOMPARE(records.size(), 1);
    QCOMPARE(records.begin()->value(QStringLiteral("startDate")).toString(),
        QStringLiteral("2026-03-01"));
}

void TestCourses::submit_twice_creditsHoursExactlyOnce()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner, 2025);
    studyAll(learner);
    const QJsonObject attempt = readyAttempt(learner);
    const QJsonObject map
        = answers(attempt, [](const QString &, const QStringList &key) { return key; });
    const QString mutationId = newId();
    const QJsonObject first = submit(learner, attempt, map, 600, mutationId);
    QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(first.value(QStringLiteral("passed")).toBool(), true);
    // The same submission sent again (the answer was lost on the way): the same outcome.
    const QJsonObject again = submit(learner, attempt, map, 600, mutationId);
    QCOMPARE(again, first);
    // A second submission of the graded attempt: refused.
    const QJsonObject other = submit(learner, attempt, map);
    QCOMPARE(other.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(errorCode(other), QStringLiteral("exam_already_graded"));

    QSqlQuery count = m_server->server().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM hour_records WHERE learner_id = ?"), { learner.id });
    QVERIFY(count.next());
    QCOMPARE(count.value(0).toInt(), 1);
    count.finish();
    int published = 0;
    for (const QJsonObject &c : pullAllChanges(*m_client, learner.token))
        published += c.value(QStringLiteral("type")).toString() == QLatin1String("hourRecord");
    QCOMPARE(published, 1);

    const QHash<QString, QJsonObject> records = latest(learner, QStringLiteral("hourRecord"));
    QCOMPARE(records.size(), 1);
    const QString recordId
        = derivedId(QStringLiteral("publicCourseHours"), { learner.id, CourseId });
    const QJsonObject record = records.value(recordId);
    QCOMPARE(record.value(QStringLiteral("source")).toString(), QStringLiteral("publicCourse"));
    QCOMPARE(record.value(QStringLiteral("subjectType")).toString(), QStringLiteral("public"));
    QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(record.value(QStringLiteral("hoursTenths")).toInt(), 75);
    QCOMPARE(record.value(QStringLiteral("year")).toInt(), 2025);
    QCOMPARE(
        record.value(QStringLiteral("title")).toString(), QStringLiteral("测试课程：职业道德"));
    // The date of finishedAt in China: 02:00 UTC + 10 minutes is 10:10 on March 1.
    QCOMPARE(record.value(QStringLiteral("startDate")).toString(), QStringLiteral("2026-03-01"));
    QCOMPARE(record.value(QStringLiteral("endDate")).toString(), QStringLiteral("2026-03-01"));
    QCOMPARE(latest(learner, QStringLiteral("courseSelection"))
                 .value(selectionId(learner))
                 .value(QStringLiteral("hourRecordId"))
                 .toString(),
        recordId);
    // The confirmed employer's HR office sees the record too.
    QVERIFY(latest(m_employer, QStringLiteral("hourRecord")).contains(recordId));
}

void TestCourses::submit_otherLearnersAttempt_notFound()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account owner
        = boundLearner(QStringLiteral("owner"), QStringLiteral("44010619900101123"));
    const Account intruder
        = boundLearner(QStringLiteral("intruder"), QStringLiteral("44010619850202234"));
    select(owner);
    select(intruder);
    studyAll(owner);
    studyAll(intruder);
    const QJsonObject attempt = readyAttempt(owner);
    // The intruder does not see it, and cannot submit it.
    QVERIFY(!latest(intruder, QStringLiteral("examAttempt"))
                 .contains(attempt.value(QStringLiteral("id")).toString()));
    const QJsonObject r = submit(intruder, attempt,
        answers(attempt, [](const QString &, const QStringList &key) { return key; }));
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("not_found"));
    QCOMPARE(readyAttempt(owner).value(QStringLiteral("id")), attempt.value(QStringLiteral("id")));
    QCOMPARE(errorCode(submit(owner, QJsonObject { { QStringLiteral("id"), newId() } }, {})),
        QStringLiteral("not_found"));
    // Nor change the owner's declaration year.
    QCOMPARE(errorCode(mutate(intruder, QStringLiteral("course.setYear"), selectionId(owner), 1,
                 { { QStringLiteral("declarationYear"), 2025 } })),
        QStringLiteral("not_found"));
}

void TestCourses::declarationYear_decidesTheRecordsYear_lockedAfterPassing()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner, 2026);
    const QString target = selectionId(learner);
    QCOMPARE(errorCode(mutate(learner, QStringLiteral("course.setYear"), target, 1,
                 { { QStringLiteral("declarationYear"), 2024 } })),
        QStringLiteral("year_not_allowed"));
    QJsonObject r = mutate(learner, QStringLiteral("course.setYear"), target, 1,
        { { QStringLiteral("declarationYear"), 2025 } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(r.value(QStringLiteral("version")).toInt(), 2);
    // On a version the server has moved past: a conflict with the current row, nothing applied.
    r = mutate(learner, QStringLiteral("course.setYear"), target, 1,
        { { QStringLiteral("declarationYear"), 2026 } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(r.value(QStringLiteral("current"))
                 .toObject()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("declarationYear"))
                 .toInt(),
        2025);

    studyAll(learner);
    const QJsonObject attempt = readyAttempt(learner);
    QVERIFY(submit(learner, attempt,
        answers(attempt, [](const QString &, const QStringList &key) { return key; }))
                .value(QStringLiteral("passed"))
                .toBool());
    const QJsonObject record
        = latest(learner, QStringLiteral("hourRecord"))
              .value(derivedId(QStringLiteral("publicCourseHours"), { learner.id, CourseId }));
    QCOMPARE(record.value(QStringLiteral("year")).toInt(), 2025);

    const qint64 version = qint64(latest(learner, QStringLiteral("courseSelection"))
                                      .value(target)
                                      .value(QStringLiteral("version"))
                                      .toDouble());
    r = mutate(learner, QStringLiteral("course.setYear"), target, version,
        { { QStringLiteral("declarationYear"), 2026 } });
    QCOMPARE(errorCode(r), QStringLiteral("course_passed"));
    QCOMPARE(errorCode(select(learner, 2026)), QStringLiteral("course_passed"));
    // Passed is passed, whatever year is asked for.
    QCOMPARE(errorCode(select(learner, 2024)), QStringLiteral("course_passed"));
    // The same choice sent again is applied, even after 2025 has closed.
    m_server->clock().set(QDateTime(QDate(2026, 4, 2), QTime(1, 0), Qt::UTC));
    const Account later = relogin(QStringLiteral("learner1"), learner);
    QCOMPARE(
        select(later, 2025).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(errorCode(select(later, 2026)), QStringLiteral("course_passed"));
}

void TestCourses::reimport_keepsUnchangedProgress_resetsChangedLessons()
{
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    select(learner);
    studyAll(learner);
    const QJsonObject before = readyAttempt(learner);

    TestPackage v2 = TestPackage::standard();
    v2.manifest.insert(QStringLiteral("version"), 2);
    v2.manifest.insert(QStringLiteral("title"), QStringLiteral("测试课程：职业道德（第二版）"));
    v2.files.insert(QStringLiteral("lessons/02.pdf"), QByteArray("%PDF-1.4\n% revised lesson\n"));
    QJsonArray bank = v2.bank;
    bank.append(QJsonObject { { QStringLiteral("id"), QStringLiteral("q6") },
        { QStringLiteral("type"), QStringLiteral("trueFalse") },
        { QStringLiteral("text"), QStringLiteral("新题") }, { QStringLiteral("answer"), true } });
    v2.bank = bank;
    v2.setExam(QStringLiteral("questionCount"), 4);
    QVERIFY(importPackage(v2));

    const QHash<QString, QJsonObject> progress = latest(learner, QStringLiteral("lessonProgress"));
    const QJsonObject l1 = progress.value(progressId(learner, QStringLiteral("l1")));
    const QJsonObject l2 = progress.value(progressId(learner, QStringLiteral("l2")));
    QCOMPARE(l1.value(QStringLiteral("seconds")).toInt(), 60);
    QCOMPARE(l1.value(QStringLiteral("completed")).toBool(), true);
    QCOMPARE(l1.value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(l2.value(QStringLiteral("seconds")).toInt(), 0);
    QCOMPARE(l2.value(QStringLiteral("completed")).toBool(), false);
    QCOMPARE(l2.value(QStringLiteral("version")).toInt(), 2);

    // The unsubmitted attempt was drawn again from the new bank with the new settings.
    const QJsonObject after = readyAttempt(learner);
    QCOMPARE(after.value(QStringLiteral("id")), before.value(QStringLiteral("id")));
    QCOMPARE(after.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(after.value(QStringLiteral("questions")).toArray().size(), 4);
    QSqlQuery drawn = m_server->server().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM exam_attempt_questions WHERE attempt_id = ?"),
        { after.value(QStringLiteral("id")).toString() });
    QVERIFY(drawn.next());
    QCOMPARE(drawn.value(0).toInt(), 4);
    drawn.finish();

    const QJsonObject course = latest(learner, QStringLiteral("course")).value(CourseId);
    QCOMPARE(course.value(QStringLiteral("packageVersion")).toInt(), 2);
    QCOMPARE(latest(learner, QStringLiteral("courseSelection"))
                 .value(selectionId(learner))
                 .value(QStringLiteral("courseTitle"))
                 .toString(),
        QStringLiteral("测试课程：职业道德（第二版）"));

    // The changed lesson must be studied again before the exam.
    QCOMPARE(errorCode(submit(learner, after, {})), QStringLiteral("lessons_incomplete"));
    studyAll(learner);
    const QJsonObject r
        = submit(learner, after, answers(after, [](const QString &id, const QStringList &key) {
              return id == QLatin1String("q6") ? QStringList { QStringLiteral("true") } : key;
          }));
    QCOMPARE(r.value(QStringLiteral("score")).toInt(), 100);

    // A lesson dropped by version 3 takes its progress rows with it.
    TestPackage v3 = v2;
    v3.manifest.insert(QStringLiteral("version"), 3);
    QJsonArray lessons = v3.manifest.value(QStringLiteral("lessons")).toArray();
    lessons.removeAt(1);
    v3.manifest.insert(QStringLiteral("lessons"), lessons);
    QVERIFY(importPackage(v3));
    QVERIFY(!latest(learner, QStringLiteral("lessonProgress"))
                 .contains(progressId(learner, QStringLiteral("l2"))));
}

void TestCourses::submit_nextAttemptDrawnFromTheBankAnImportLeaves()
{
    // A re-import redraws every unsubmitted attempt; a failed submission draws the next one. On
    // PostgreSQL the two could interleave so that the next attempt is drawn from the bank being
    // replaced, after the import has chosen the attempts to redraw: it would hold questions the
    // new bank lacks and could never be answered. Here a transaction holds the course row as an
    // import does and gives the bank new ids while the submission arrives.
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    QCOMPARE(select(learner).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    studyAll(learner);
    const QJsonObject attempt = readyAttempt(learner);
    QVERIFY(!attempt.isEmpty());

    server::Database &db = m_server->server().database();
    QSemaphore locked;
    QThread *importer = QThread::create([&] {
        server::Transaction tx(db);
        db.exec(
            QStringLiteral("SELECT id FROM courses WHERE id = ?") + db.forUpdate(), { CourseId });
        locked.release();
        QThread::msleep(500);
        db.exec(QStringLiteral("UPDATE course_questions SET question_id = question_id || '-v2'"
                               " WHERE course_id = ?"),
            { CourseId });
        tx.commit();
    });
    importer->start();
    locked.acquire();
    server::AuthenticatedUser user;
    user.id = learner.id;
    user.role = Role::Learner;
    user.status = QStringLiteral("active");
    const QDateTime started = m_server->clock().nowUtc();
    const QJsonObject mutation { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("exam.submit") },
        { QStringLiteral("target"), attempt.value(QStringLiteral("id")).toString() },
        { QStringLiteral("baseVersion"), 1 },
        { QStringLiteral("payload"),
            QJsonObject { { QStringLiteral("answers"), answers(attempt, wrongAnswer) },
                { QStringLiteral("startedAt"), started.toString(Qt::ISODate) },
                { QStringLiteral("finishedAt"), started.addSecs(60).toString(Qt::ISODate) } } } };
    const QJsonObject r = m_server->server()
                              .sync()
                              .applyMutations(user, QJsonArray { mutation }, Language::English)
                              .value(QStringLiteral("results"))
                              .toArray()
                              .at(0)
                              .toObject();
    importer->wait();
    delete importer;
    QVERIFY2(r.value(QStringLiteral("status")).toString() == QLatin1String("applied"),
        QJsonDocument(r).toJson().constData());
    QCOMPARE(r.value(QStringLiteral("passed")).toBool(), false);
    const QJsonObject next = readyAttempt(learner);
    QCOMPARE(next.value(QStringLiteral("number")).toInt(), 2);
    for (const QJsonValue &q : next.value(QStringLiteral("questions")).toArray())
        QVERIFY2(q.toObject().value(QStringLiteral("id")).toString().endsWith(u"-v2"),
            QJsonDocument(next).toJson().constData());
}

void TestCourses::study_judgedByTheMinimumAnImportLeaves()
{
    // Study time sent while a re-import raises the lesson's minimum (and resets its progress) is
    // judged by the minimum the import leaves, not by the one read before the import committed.
    QVERIFY(importPackage(TestPackage::standard()));
    const Account learner
        = boundLearner(QStringLiteral("learner1"), QStringLiteral("44010619900101123"));
    QCOMPARE(select(learner).value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    m_server->clock().advance(150);
    server::Database &db = m_server->server().database();
    QSemaphore locked;
    QThread *importer = QThread::create([&] {
        server::Transaction tx(db);
        db.exec(
            QStringLiteral("SELECT id FROM courses WHERE id = ?") + db.forUpdate(), { CourseId });
        locked.release();
        QThread::msleep(500);
        db.exec(QStringLiteral("UPDATE course_lessons SET min_seconds = 6000"
                               " WHERE course_id = ? AND lesson_id = 'l2'"),
            { CourseId });
        tx.commit();
    });
    importer->start();
    locked.acquire();
    server::AuthenticatedUser user;
    user.id = learner.id;
    user.role = Role::Learner;
    user.status = QStringLiteral("active");
    const QJsonObject mutation { { QStringLiteral("id"), newId() },
        { QStringLiteral("type"), QStringLiteral("lesson.study") },
        { QStringLiteral("target"), progressId(learner, QStringLiteral("l2")) },
        { QStringLiteral("payload"),
            QJsonObject { { QStringLiteral("courseId"), CourseId },
                { QStringLiteral("lessonId"), QStringLiteral("l2") },
                { QStringLiteral("seconds"), 150 } } } };
    const QJsonObject r = m_server->server()
                              .sync()
                              .applyMutations(user, QJsonArray { mutation }, Language::English)
                              .value(QStringLiteral("results"))
                              .toArray()
                              .at(0)
                              .toObject();
    importer->wait();
    delete importer;
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    const QJsonObject progress = latest(learner, QStringLiteral("lessonProgress"))
                                     .value(progressId(learner, QStringLiteral("l2")));
    QCOMPARE(progress.value(QStringLiteral("seconds")).toInt(), 150);
    QCOMPARE(progress.value(QStringLiteral("minSeconds")).toInt(), 6000);
    QCOMPARE(progress.value(QStringLiteral("completed")).toBool(), false);
}

void TestCourses::concurrentFirstSelectAndStudy_bothApplied()
{
    // Two devices of one learner sending their first course.select, then their first study of a
    // lesson, at the same moment: on PostgreSQL both transactions pass the existence check, and
    // the second insert must not fail.
    QVERIFY(importPackage(TestPackage::standard()));
    QList<Account> learners;
    for (int i = 0; i < 4; ++i)
        learners.append(boundLearner(
            QStringLiteral("device%1").arg(i), QStringLiteral("44010619900101%1").arg(100 + i)));
    // Each device sends its own mutation (the same one when only one is given).
    const auto race = [this](const server::AuthenticatedUser &user,
                          const QList<QJsonObject> &mutations) {
        QSemaphore start;
        QJsonObject results[2];
        QList<QThread *> threads;
        for (int k = 0; k < 2; ++k) {
            threads.append(QThread::create([&, k] {
                QJsonObject m = mutations.value(k, mutations.first());
                m.insert(QStringLiteral("id"), newId());
                start.acquire();
                try {
                    results[k] = m_server->server()
                                     .sync()
                                     .applyMutations(user, QJsonArray { m }, Language::English)
                                     .value(QStringLiteral("results"))
                                     .toArray()
                                     .at(0)
                                     .toObject();
                } catch (const std::exception &e) {
                    // What the router would answer with 500.
                    results[k] = { { QStringLiteral("status"), QStringLiteral("failed") },
                        { QStringLiteral("error"), QString::fromUtf8(e.what()) } };
                }
            }));
            threads.last()->start();
        }
        start.release(2);
        for (QThread *t : threads) {
            t->wait();
            delete t;
        }
        return QList<QJsonObject> { results[0], results[1] };
    };
    for (const Account &learner : std::as_const(learners)) {
        server::AuthenticatedUser user;
        user.id = learner.id;
        user.role = Role::Learner;
        user.status = QStringLiteral("active");
        for (const QJsonObject &r : race(user,
                 { { { QStringLiteral("type"), QStringLiteral("course.select") },
                     { QStringLiteral("target"), selectionId(learner) },
                     { QStringLiteral("payload"),
                         QJsonObject { { QStringLiteral("courseId"), CourseId },
                             { QStringLiteral("declarationYear"), 2026 } } } } }))
            QVERIFY2(r.value(QStringLiteral("status")).toString() == QLatin1String("applied"),
                QJsonDocument(r).toJson().constData());
        const QDateTime t0 = m_server->clock().nowUtc();
        m_server->clock().advance(150);
        const auto study = [&](const QDateTime &from) {
            return QJsonObject { { QStringLiteral("type"), QStringLiteral("lesson.study") },
                { QStringLiteral("target"), progressId(learner, QStringLiteral("l2")) },
                { QStringLiteral("payload"),
                    QJsonObject { { QStringLiteral("courseId"), CourseId },
                        { QStringLiteral("lessonId"), QStringLiteral("l2") },
                        { QStringLiteral("seconds"), 50 },
                        { QStringLiteral("startedAt"), from.toString(Qt::ISODate) },
                        { QStringLiteral("endedAt"), from.addSecs(50).toString(Qt::ISODate) } } } };
        };
        // Two devices, each its own 50 seconds: both count.
        QList<QJsonObject> results = race(user, { study(t0), study(t0.addSecs(50)) });
        for (const QJsonObject &r : std::as_const(results)) {
            QVERIFY2(r.value(QStringLiteral("status")).toString() == QLatin1String("applied"),
                QJsonDocument(r).toJson().constData());
            QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 50);
        }
        // Both claiming the same 50 seconds at once: they count once.
        results = race(user, { study(t0.addSecs(100)) });
        QCOMPARE(results.at(0).value(QStringLiteral("credited")).toInt()
                + results.at(1).value(QStringLiteral("credited")).toInt(),
            50);
        QCOMPARE(latest(learner, QStringLiteral("examAttempt")).size(), 1);
        QCOMPARE(latest(learner, QStringLiteral("lessonProgress"))
                     .value(progressId(learner, QStringLiteral("l2")))
                     .value(QStringLiteral("seconds"))
                     .toInt(),
            150);
    }
}

void TestCourses::demoData_importsTheDemoCourseOnce()
{
    QStringList errors;
    const auto demo = CoursePackage::load(QStringLiteral(":/demo-course"), &errors);
    QVERIFY2(demo, qPrintable(errors.join(QLatin1Char('\n'))));
    QVERIFY(demo->lessons.size() >= 5);
    QVERIFY(demo->questions.size() >= 30);

    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QCOMPARE(m_server->server().courses().installedVersion(demo->id), demo->version);
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QSqlQuery published = m_server->server().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM change_log WHERE entity_type = 'course'"));
    QVERIFY(published.next());
    QCOMPARE(published.value(0).toInt(), 1);
}

void TestCourses::demoCourse_claimedHoursRefused_aMinutePerLessonStudiedOfflineCompletes()
{
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QStringList errors;
    const auto demo = CoursePackage::load(QStringLiteral(":/demo-course"), &errors);
    QVERIFY2(demo, qPrintable(errors.join(QLatin1Char('\n'))));
    QString password;
    for (const server::DemoAccount &account : server::demoAccounts()) {
        if (account.username == QLatin1String("demo_learner"))
            password = account.password;
    }
    const TestReply session = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("demo_learner") },
            { QStringLiteral("password"), password } });
    QCOMPARE(session.status, 200);
    const Account learner { session.json.value(QStringLiteral("user"))
                                .toObject()
                                .value(QStringLiteral("id"))
                                .toString(),
        session.json.value(QStringLiteral("token")).toString() };
    const QList<int> years = declarableYears(demo->years, m_server->clock().todayInChina());
    QVERIFY(!years.isEmpty());
    const QString selection
        = derivedId(QStringLiteral("courseSelection"), { learner.id, demo->id });
    QCOMPARE(mutate(learner, QStringLiteral("course.select"), selection, 0,
                 { { QStringLiteral("courseId"), demo->id },
                     { QStringLiteral("declarationYear"), years.first() } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QDateTime t0 = m_server->clock().nowUtc();
    const auto progress = [&](const QString &lessonId) {
        return derivedId(QStringLiteral("lessonProgress"), { learner.id, demo->id, lessonId });
    };
    const auto row = [&](const QString &lessonId) {
        return latest(learner, QStringLiteral("lessonProgress")).value(progress(lessonId));
    };
    const auto examOpens = [&] {
        QJsonObject attempt;
        for (const QJsonObject &a : latest(learner, QStringLiteral("examAttempt"))) {
            if (a.value(QStringLiteral("status")).toString() == QLatin1String("ready"))
                attempt = a;
        }
        const QJsonObject r = mutate(learner, QStringLiteral("exam.submit"),
            attempt.value(QStringLiteral("id")).toString(), 1,
            { { QStringLiteral("answers"), QJsonObject() },
                { QStringLiteral("startedAt"), m_server->clock().nowUtc().toString(Qt::ISODate) },
                { QStringLiteral("finishedAt"), m_server->clock().nowUtc().toString(Qt::ISODate) },
                { QStringLiteral("elapsedSeconds"), 0 } });
        return errorCode(r) != QLatin1String("lessons_incomplete");
    };

    // Four hours claimed for every lesson seconds after choosing the course: nothing completes,
    // the exam does not open.
    m_server->clock().advance(5);
    for (const CoursePackage::Lesson &lesson : demo->lessons) {
        QCOMPARE(lesson.minSeconds, 60);
        mutate(learner, QStringLiteral("lesson.study"), progress(lesson.id), 0,
            { { QStringLiteral("courseId"), demo->id }, { QStringLiteral("lessonId"), lesson.id },
                { QStringLiteral("seconds"), 14400 } });
    }
    int credited = 0;
    for (const CoursePackage::Lesson &lesson : demo->lessons) {
        QCOMPARE(row(lesson.id).value(QStringLiteral("completed")).toBool(), false);
        credited += row(lesson.id).value(QStringLiteral("seconds")).toInt();
    }
    QCOMPARE(credited, 5);
    QVERIFY(!examOpens());

    // A minute of real study on each lesson, one after the other, offline; sent six hours later.
    m_server->clock().advance(6 * 3600);
    QDateTime from = t0.addSecs(10);
    for (const CoursePackage::Lesson &lesson : demo->lessons) {
        const QJsonObject r
            = mutate(learner, QStringLiteral("lesson.study"), progress(lesson.id), 0,
                { { QStringLiteral("courseId"), demo->id },
                    { QStringLiteral("lessonId"), lesson.id }, { QStringLiteral("seconds"), 60 },
                    { QStringLiteral("startedAt"), from.toString(Qt::ISODate) },
                    { QStringLiteral("endedAt"), from.addSecs(60).toString(Qt::ISODate) } });
        QCOMPARE(r.value(QStringLiteral("credited")).toInt(), 60);
        from = from.addSecs(60);
    }
    for (const CoursePackage::Lesson &lesson : demo->lessons)
        QCOMPARE(row(lesson.id).value(QStringLiteral("completed")).toBool(), true);
    QVERIFY(examOpens());
}

QTEST_GUILESS_MAIN(TestCourses)
#include "tst_courses.moc"
