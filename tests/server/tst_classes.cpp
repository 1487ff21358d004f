// Training classes (R6) on the server, through the sync API over HTTPS: class validation and
// ownership, publishing (approval), enrolment with region coverage, deadline, closed classes and
// capacity (with two learners racing for the last seat), the institution's decisions, and the
// batch confirmation of hours with its per-person outcomes and idempotence. Runs on SQLite and
// PostgreSQL.
#include "admin/demodata.h"
#include "attendance.h"
#include "entityids.h"
#include "server.h"
#include "services/accountservice.h"
#include "services/classservice.h"
#include "storage/database.h"
#include "testserver.h"
#include "validators.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <QUuid>

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString status(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

QString errorCode(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("code"))
        .toString();
}

QString errorField(const QJsonObject &result)
{
    return result.value(QStringLiteral("error"))
        .toObject()
        .value(QStringLiteral("field"))
        .toString();
}

QJsonObject classPayload(const QJsonObject &overrides = {})
{
    QJsonObject p { { QStringLiteral("name"), QStringLiteral("大气污染防治专题培训班") },
        { QStringLiteral("subjectType"), QStringLiteral("elective") },
        { QStringLiteral("professionalSeries"), QJsonValue() },
        { QStringLiteral("mode"), QStringLiteral("offline") },
        { QStringLiteral("regionCode"), QStringLiteral("440100") },
        { QStringLiteral("venue"), QStringLiteral("广州市天河区体育西路 1 号") },
        { QStringLiteral("startDate"), QStringLiteral("2026-03-03") },
        { QStringLiteral("endDate"), QStringLiteral("2026-03-05") },
        { QStringLiteral("hoursTenths"), 240 }, { QStringLiteral("capacity"), 30 },
        { QStringLiteral("enrolmentDeadline"), QStringLiteral("2026-03-02") },
        { QStringLiteral("description"), QStringLiteral("三天面授，含现场教学。") } };
    for (auto it = overrides.constBegin(); it != overrides.constEnd(); ++it) {
        if (it.value() == QJsonValue(QStringLiteral("(absent)")))
            p.remove(it.key());
        else
            p.insert(it.key(), it.value());
    }
    return p;
}

QString matchPath(const QString &classId)
{
    return QStringLiteral("/classes/%1/attendance-match").arg(classId);
}

QJsonObject idsBody(const QStringList &ids)
{
    return { { QStringLiteral("residentIds"), QJsonArray::fromStringList(ids) } };
}

QStringList outcomes(const TestReply &reply)
{
    QStringList list;
    for (const QJsonValue &v : reply.json.value(QStringLiteral("results")).toArray())
        list.append(v.toObject().value(QStringLiteral("outcome")).toString());
    return list;
}

// Valid resident ids that share `id`'s mask (region, sequence and check character) with other
// birth dates: what an institution holding the masked id would try.
QStringList sameMaskCandidates(const QString &id, int count)
{
    QStringList list;
    const QDate born = residentIdBirthDate(id);
    for (int day = 1; list.size() < count && day < 40000; ++day) {
        const QString first17
            = id.left(6) + born.addDays(-day).toString(QStringLiteral("yyyyMMdd")) + id.mid(14, 3);
        if (residentIdCheckCharacter(first17) == id.at(17))
            list.append(first17 + id.at(17));
    }
    return list;
}

} // namespace

class TestClasses : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void save_validation_namesTheField();
    void save_nulAndYearsOutsideTheRecords_refusedNamingTheField();
    void newIds_upperCaseRefused_soBatchesFindThem();
    void save_ownerOnly_andConflictOnOldVersion();
    void open_needsApproval_publishesToPublic();
    void request_regionCoverage();
    void request_withoutConfirmedBinding_studyLocked();
    void enrolment_states_cancelAndReenrol();
    void request_deadline_inChinaTime();
    void request_closedOrDraftClass_refused();
    void request_capacity_andAlreadyEnrolled();
    void request_raceForLastSeat_exactlyOneApplied();
    void decide_ownerOnly_conflictOnOldVersion_reasonRequired();
    void counts_republishedAsTheyChange();
    void confirmHours_outcomesPerPerson();
    void confirmHours_idempotent_oneRecordPerPerson();
    void confirmHours_refusedBeforeTheEndAndForOthers();
    void confirmHours_whileBindingConfirmed_recordsFollowTheNewEmployer();
    void institution_seesMaskedIdOnly_noDigest();
    void attendanceMatch_answersPerId_ownInstitutionOnly();
    void attendanceMatch_malformedBodies_refusedNamingTheField();
    void attendanceMatch_nearMisses_cappedPerDay();
    void attendanceMatch_concurrentRequests_neverPastTheCap();
    void migration9_removesOldDigestsAndRaisesScopes();
    void demoData_wholeFlowFromClassToLearnersHours();

private:
    TestAccount registerAs(const QString &path, const QJsonObject &registration);
    TestAccount employer(const QString &username, const QString &creditFirst17,
        const QString &region = QStringLiteral("440106"));
    // An institution of 广州市 by default, the region of the default class.
    TestAccount institution(const QString &username, const QString &creditFirst17,
        bool approved = true, const QString &region = QStringLiteral("440100"));
    // A learner confirmed by `employerAccount` (study allowed), or only registered when it is
    // null.
    TestAccount learner(
        const QString &username, const QString &first17, const TestAccount *employerAccount);
    QJsonObject mutate(const TestAccount &who, const QString &type, const QString &target,
        qint64 base, const QJsonObject &payload = {}, const QString &mutationId = {});
    // Saves and opens a class; returns its id.
    QString publishClass(const TestAccount &owner, const QJsonObject &overrides = {});
    QHash<QString, QJsonObject> latest(const TestAccount &who, const QString &type);
    // A learner enrolled and confirmed in the class; returns the enrolment id.
    QString enrolConfirmed(
        const TestAccount &owner, const TestAccount &learnerAccount, const QString &classId);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    int m_serial = 0;
};

void TestClasses::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    m_serial = 0;
}

void TestClasses::cleanup()
{
    m_client.reset();
    m_server.reset();
}

TestAccount TestClasses::registerAs(const QString &path, const QJsonObject &registration)
{
    return registerAndLogin(*m_client, path, registration);
}

TestAccount TestClasses::employer(
    const QString &username, const QString &creditFirst17, const QString &region)
{
    QJsonObject r = organisationRegistration(username, creditFirst17);
    r.insert(QStringLiteral("regionCode"), region);
    r.insert(QStringLiteral("name"), QStringLiteral("单位") + username);
    const TestAccount account = registerAs(QStringLiteral("/accounts/employers"), r);
    // Employers confirm staff once the administrator has approved them.
    QString error;
    if (!m_server->server().accounts().approveOrganisation(username, Role::Employer, &error))
        qWarning("approve: %s", qPrintable(error));
    return account;
}

TestAccount TestClasses::institution(
    const QString &username, const QString &creditFirst17, bool approved, const QString &region)
{
    QJsonObject r = organisationRegistration(username, creditFirst17);
    r.insert(QStringLiteral("regionCode"), region);
    r.insert(QStringLiteral("name"), QStringLiteral("培训中心") + username);
    const TestAccount account = registerAs(QStringLiteral("/accounts/institutions"), r);
    if (approved) {
        QString error;
        if (!m_server->server().accounts().approveInstitution(username, &error))
            qWarning("approve: %s", qPrintable(error));
    }
    return account;
}

TestAccount TestClasses::learner(
    const QString &username, const QString &first17, const TestAccount *employerAccount)
{
    QJsonObject r = learnerRegistration(username, first17);
    r.insert(QStringLiteral("realName"), QStringLiteral("学员") + username.right(2));
    const TestAccount account = registerAs(QStringLiteral("/accounts/learners"), r);
    if (!employerAccount)
        return account;
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { account.id });
    v.next();
    const qint64 version = v.value(0).toLongLong();
    v.finish();
    const QJsonObject profile
        = mutate(account, QStringLiteral("profile.update"), account.id, version,
            { { QStringLiteral("gender"), QStringLiteral("female") },
                { QStringLiteral("education"), QStringLiteral("bachelor") } });
    if (status(profile) != QLatin1String("applied"))
        qWarning("profile: %s", QJsonDocument(profile).toJson().constData());
    const QString binding = newId();
    mutate(account, QStringLiteral("binding.request"), binding, 0,
        { { QStringLiteral("employerId"), employerAccount->id } });
    const QJsonObject confirmed
        = mutate(*employerAccount, QStringLiteral("binding.confirm"), binding, 1);
    if (status(confirmed) != QLatin1String("applied"))
        qWarning("binding: %s", QJsonDocument(confirmed).toJson().constData());
    return account;
}

QJsonObject TestClasses::mutate(const TestAccount &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload, const QString &mutationId)
{
    const TestReply r = m_client->post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray {
                QJsonObject { { QStringLiteral("id"), mutationId.isEmpty() ? newId() : mutationId },
                    { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                    { QStringLiteral("baseVersion"), double(base) },
                    { QStringLiteral("payload"), payload } } } } },
        who.token, QByteArrayLiteral("en"));
    if (r.status != 200)
        qWarning("push: %d %s", r.status, r.body.constData());
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

QString TestClasses::publishClass(const TestAccount &owner, const QJsonObject &overrides)
{
    const QString id = newId();
    const QJsonObject saved
        = mutate(owner, QStringLiteral("class.save"), id, 0, classPayload(overrides));
    if (status(saved) != QLatin1String("applied"))
        qWarning("save: %s", QJsonDocument(saved).toJson().constData());
    const QJsonObject opened = mutate(owner, QStringLiteral("class.open"), id, 1);
    if (status(opened) != QLatin1String("applied"))
        qWarning("open: %s", QJsonDocument(opened).toJson().constData());
    return id;
}

QHash<QString, QJsonObject> TestClasses::latest(const TestAccount &who, const QString &type)
{
    QHash<QString, QJsonObject> out;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() == type)
            out.insert(c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("data")).toObject());
    }
    return out;
}

QString TestClasses::enrolConfirmed(
    const TestAccount &owner, const TestAccount &learnerAccount, const QString &classId)
{
    const QString id = newId();
    const QJsonObject requested = mutate(learnerAccount, QStringLiteral("enrolment.request"), id, 0,
        { { QStringLiteral("classId"), classId } });
    if (status(requested) != QLatin1String("applied"))
        qWarning("enrol: %s", QJsonDocument(requested).toJson().constData());
    const QJsonObject confirmed = mutate(owner, QStringLiteral("enrolment.confirm"), id, 1);
    if (status(confirmed) != QLatin1String("applied"))
        qWarning("confirm: %s", QJsonDocument(confirmed).toJson().constData());
    return id;
}

void TestClasses::save_validation_namesTheField()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_v"), QStringLiteral("52440106MJ0123456"));
    struct Case
    {
        const char *name;
        QJsonObject overrides;
        QString field;
        QString code;
    };
    const QString invalid = QStringLiteral("invalid_field");
    const QList<Case> cases {
        { "short name", { { QStringLiteral("name"), QStringLiteral("班") } },
            QStringLiteral("name"), invalid },
        { "long name", { { QStringLiteral("name"), QString(101, QChar(0x73ed)) } },
            QStringLiteral("name"), invalid },
        { "subject", { { QStringLiteral("subjectType"), QStringLiteral("public") } },
            QStringLiteral("subjectType"), invalid },
        { "professional without series",
            { { QStringLiteral("subjectType"), QStringLiteral("professional") } },
            QStringLiteral("professionalSeries"), invalid },
        { "mode", { { QStringLiteral("mode"), QStringLiteral("hybrid") } }, QStringLiteral("mode"),
            invalid },
        { "region", { { QStringLiteral("regionCode"), QStringLiteral("999999") } },
            QStringLiteral("regionCode"), invalid },
        // Only within the institution's own region (广州市): not the province, not Beijing.
        { "province around the institution",
            { { QStringLiteral("regionCode"), QStringLiteral("440000") } },
            QStringLiteral("regionCode"), QStringLiteral("region_outside_institution") },
        { "another province", { { QStringLiteral("regionCode"), QStringLiteral("110101") } },
            QStringLiteral("regionCode"), QStringLiteral("region_outside_institution") },
        { "offline without venue", { { QStringLiteral("venue"), QStringLiteral(" ") } },
            QStringLiteral("venue"), QStringLiteral("missing_field") },
        { "bad date", { { QStringLiteral("startDate"), QStringLiteral("2026-02-30") } },
            QStringLiteral("startDate"), invalid },
        { "ends before start", { { QStringLiteral("endDate"), QStringLiteral("2026-03-02") } },
            QStringLiteral("endDate"), invalid },
        { "deadline after end",
            { { QStringLiteral("enrolmentDeadline"), QStringLiteral("2026-03-06") } },
            QStringLiteral("enrolmentDeadline"), invalid },
        { "no hours", { { QStringLiteral("hoursTenths"), 0 } }, QStringLiteral("hoursTenths"),
            invalid },
        { "too many hours", { { QStringLiteral("hoursTenths"), 2001 } },
            QStringLiteral("hoursTenths"), invalid },
        { "fractional hours", { { QStringLiteral("hoursTenths"), 2.5 } },
            QStringLiteral("hoursTenths"), invalid },
        { "no seats", { { QStringLiteral("capacity"), 0 } }, QStringLiteral("capacity"), invalid },
        { "too many seats", { { QStringLiteral("capacity"), 100001 } }, QStringLiteral("capacity"),
            invalid },
        { "long description",
            { { QStringLiteral("description"), QString(2001, QLatin1Char('x')) } },
            QStringLiteral("description"), invalid },
        { "missing field", { { QStringLiteral("capacity"), QStringLiteral("(absent)") } },
            QStringLiteral("capacity"), QStringLiteral("missing_field") },
        { "unknown field", { { QStringLiteral("price"), 100 } }, QStringLiteral("price"),
            QStringLiteral("unknown_field") },
    };
    for (const Case &c : cases) {
        const QJsonObject r
            = mutate(inst, QStringLiteral("class.save"), newId(), 0, classPayload(c.overrides));
        QVERIFY2(status(r) == QLatin1String("rejected"), c.name);
        QVERIFY2(errorField(r) == c.field,
            qPrintable(QStringLiteral("%1: field %2").arg(QLatin1String(c.name), errorField(r))));
        QVERIFY2(errorCode(r) == c.code,
            qPrintable(QStringLiteral("%1: code %2").arg(QLatin1String(c.name), errorCode(r))));
    }
    // An online class needs no venue; a professional one keeps its series.
    QCOMPARE(status(mutate(inst, QStringLiteral("class.save"), newId(), 0,
                 classPayload({ { QStringLiteral("mode"), QStringLiteral("online") },
                     { QStringLiteral("venue"), QString() },
                     { QStringLiteral("subjectType"), QStringLiteral("professional") },
                     { QStringLiteral("professionalSeries"),
                         QStringLiteral("engineering-environmental") } }))),
        QStringLiteral("applied"));
    // Only institutions create classes.
    const TestAccount emp = employer(QStringLiteral("emp_v"), QStringLiteral("91440106MA59XK3T1"));
    const QJsonObject byEmployer
        = mutate(emp, QStringLiteral("class.save"), newId(), 0, classPayload());
    QCOMPARE(errorCode(byEmployer), QStringLiteral("forbidden"));
    const QHash<QString, QJsonObject> classes = latest(inst, QStringLiteral("trainingClass"));
    QCOMPARE(classes.size(), 1);
    QCOMPARE(classes.begin()->value(QStringLiteral("professionalSeries")).toString(),
        QStringLiteral("engineering-environmental"));
    QCOMPARE(classes.begin()->value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
}

void TestClasses::save_nulAndYearsOutsideTheRecords_refusedNamingTheField()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_n"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_n"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_n"), QStringLiteral("44010619900101070"), &emp);
    // PostgreSQL cannot keep U+0000 in text: a NUL anywhere is refused naming where it is, on
    // both engines, instead of failing the whole request with a server error.
    const QString nul = QStringLiteral("培训") + QChar(0) + QStringLiteral("班");
    for (const QString &key :
        { QStringLiteral("name"), QStringLiteral("venue"), QStringLiteral("description") }) {
        const QJsonObject r = mutate(
            inst, QStringLiteral("class.save"), newId(), 0, classPayload({ { key, nul } }));
        QVERIFY2(status(r) == QLatin1String("rejected"), qPrintable(key));
        QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
        QCOMPARE(errorField(r), key);
    }
    const QString classId = publishClass(inst);
    const QJsonObject byTarget = mutate(inst, QStringLiteral("class.close"), classId + QChar(0), 2);
    QCOMPARE(status(byTarget), QStringLiteral("rejected"));
    QCOMPARE(errorField(byTarget), QStringLiteral("target"));
    const QJsonObject byClassId = mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId + QChar(0) } });
    QCOMPARE(status(byClassId), QStringLiteral("rejected"));
    QCOMPARE(errorField(byClassId), QStringLiteral("classId"));
    const QString enrolment = newId();
    QCOMPARE(status(mutate(a, QStringLiteral("enrolment.request"), enrolment, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
    const QJsonObject reason = mutate(inst, QStringLiteral("enrolment.reject"), enrolment, 1,
        { { QStringLiteral("reason"), nul } });
    QCOMPARE(status(reason), QStringLiteral("rejected"));
    QCOMPARE(errorField(reason), QStringLiteral("reason"));

    // Hours are recorded for the year the class ends, and hour records take the years 2000 to
    // 2100: a class dated outside them is refused when saved, not when its hours are confirmed.
    for (const auto &[key, value] :
        { std::pair { QStringLiteral("endDate"), QStringLiteral("2101-01-01") },
            std::pair { QStringLiteral("startDate"), QStringLiteral("1999-12-31") } }) {
        const QJsonObject r = mutate(
            inst, QStringLiteral("class.save"), newId(), 0, classPayload({ { key, value } }));
        QVERIFY2(status(r) == QLatin1String("rejected"), qPrintable(key));
        QCOMPARE(errorCode(r), QStringLiteral("invalid_field"));
        QCOMPARE(errorField(r), key);
    }
}

void TestClasses::newIds_upperCaseRefused_soBatchesFindThem()
{
    // class.confirmHours matches enrolment ids whatever their case (as the outbox and the CSV
    // preview may send them), so the ids are kept in the one form QUuid writes: an enrolment
    // stored upper-case could never have its hours confirmed.
    const TestAccount inst
        = institution(QStringLiteral("inst_u"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_u"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_u"), QStringLiteral("44010619900101080"), &emp);
    const QJsonObject upperClass
        = mutate(inst, QStringLiteral("class.save"), newId().toUpper(), 0, classPayload());
    QCOMPARE(status(upperClass), QStringLiteral("rejected"));
    QCOMPARE(errorField(upperClass), QStringLiteral("target"));
    const QString classId = publishClass(inst);
    const QString upper = newId().toUpper();
    const QJsonObject requested = mutate(a, QStringLiteral("enrolment.request"), upper, 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(status(requested), QStringLiteral("rejected"));
    QCOMPARE(errorField(requested), QStringLiteral("target"));
    const QString enrolment = enrolConfirmed(inst, a, classId);
    m_server->clock().set(QDateTime(QDate(2026, 3, 5), QTime(2, 0), Qt::UTC));
    const QJsonObject confirmed = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"),
            QJsonArray { QJsonObject { { QStringLiteral("enrolmentId"), enrolment.toUpper() },
                { QStringLiteral("hoursTenths"), 240 } } } } });
    QCOMPARE(confirmed.value(QStringLiteral("applied")).toInt(), 1);
}

void TestClasses::save_ownerOnly_andConflictOnOldVersion()
{
    const TestAccount a
        = institution(QStringLiteral("inst_a"), QStringLiteral("52440106MJ0123456"));
    const TestAccount b
        = institution(QStringLiteral("inst_b"), QStringLiteral("52440106MJ0123457"));
    const QString id = newId();
    QCOMPARE(status(mutate(a, QStringLiteral("class.save"), id, 0, classPayload())),
        QStringLiteral("applied"));
    const QJsonObject edited = mutate(a, QStringLiteral("class.save"), id, 1,
        classPayload({ { QStringLiteral("capacity"), 40 } }));
    QCOMPARE(status(edited), QStringLiteral("applied"));
    QCOMPARE(edited.value(QStringLiteral("version")).toInt(), 2);
    // Saved again on the version seen before the edit: a conflict carrying the current class.
    const QJsonObject stale = mutate(a, QStringLiteral("class.save"), id, 1,
        classPayload({ { QStringLiteral("capacity"), 50 } }));
    QCOMPARE(status(stale), QStringLiteral("conflict"));
    QCOMPARE(stale.value(QStringLiteral("current"))
                 .toObject()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("capacity"))
                 .toInt(),
        40);
    // Another institution can neither edit, open, close nor confirm hours of it.
    const QJsonObject byB = mutate(b, QStringLiteral("class.save"), id, 2, classPayload());
    QCOMPARE(errorCode(byB), QStringLiteral("forbidden"));
    for (const char *type : { "class.open", "class.close" })
        QCOMPARE(errorCode(mutate(b, QLatin1String(type), id, 2)), QStringLiteral("forbidden"));
    QCOMPARE(errorCode(mutate(b, QStringLiteral("class.open"), newId(), 0)),
        QStringLiteral("not_found"));
    // B's feed never shows A's draft.
    QVERIFY(latest(b, QStringLiteral("trainingClass")).isEmpty());
}

void TestClasses::open_needsApproval_publishesToPublic()
{
    const TestAccount pending
        = institution(QStringLiteral("inst_new"), QStringLiteral("52440106MJ0123456"), false);
    const TestAccount emp = employer(QStringLiteral("emp_o"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount someone
        = learner(QStringLiteral("learner_o1"), QStringLiteral("44010619900101001"), &emp);
    const QString id = newId();
    QCOMPARE(status(mutate(pending, QStringLiteral("class.save"), id, 0, classPayload())),
        QStringLiteral("applied"));
    const QJsonObject refused = mutate(pending, QStringLiteral("class.open"), id, 1);
    QCOMPARE(status(refused), QStringLiteral("rejected"));
    QCOMPARE(errorCode(refused), QStringLiteral("institution_not_approved"));
    QVERIFY(latest(someone, QStringLiteral("trainingClass")).isEmpty());

    QString error;
    QVERIFY(m_server->server().accounts().approveInstitution(QStringLiteral("inst_new"), &error));
    const QJsonObject opened = mutate(pending, QStringLiteral("class.open"), id, 1);
    QCOMPARE(status(opened), QStringLiteral("applied"));
    QCOMPARE(opened.value(QStringLiteral("version")).toInt(), 2);
    QHash<QString, QJsonObject> seen = latest(someone, QStringLiteral("trainingClass"));
    QCOMPARE(seen.size(), 1);
    const QJsonObject c = seen.value(id);
    QCOMPARE(c.value(QStringLiteral("status")).toString(), QStringLiteral("accepting"));
    QCOMPARE(
        c.value(QStringLiteral("institutionName")).toString(), QStringLiteral("培训中心inst_new"));
    QCOMPARE(c.value(QStringLiteral("regionName")).toString(), QStringLiteral("广东省 广州市"));
    QCOMPARE(c.value(QStringLiteral("enrolledCount")).toInt(), 0);
    QCOMPARE(c.value(QStringLiteral("hoursTenths")).toInt(), 240);
    QVERIFY(c.value(QStringLiteral("professionalSeries")).isNull());

    // Closed: still public, as 停止报名.
    QCOMPARE(
        status(mutate(pending, QStringLiteral("class.close"), id, 2)), QStringLiteral("applied"));
    seen = latest(someone, QStringLiteral("trainingClass"));
    QCOMPARE(seen.value(id).value(QStringLiteral("status")).toString(), QStringLiteral("closed"));
}

void TestClasses::request_regionCoverage()
{
    // A provincial institution holds classes anywhere in 广东省; Beijing's classes are held by a
    // Beijing institution.
    const TestAccount inst = institution(QStringLiteral("inst_r"),
        QStringLiteral("52440106MJ0123456"), true, QStringLiteral("440000"));
    const TestAccount beijingInst = institution(QStringLiteral("inst_rb"),
        QStringLiteral("52110101MJ0123456"), true, QStringLiteral("110000"));
    const TestAccount tianhe = employer(
        QStringLiteral("emp_th"), QStringLiteral("91440106MA59XK3T1"), QStringLiteral("440106"));
    const TestAccount nanshan = employer(
        QStringLiteral("emp_ns"), QStringLiteral("91440305MA59XK3T2"), QStringLiteral("440305"));
    const TestAccount beijing = employer(
        QStringLiteral("emp_bj"), QStringLiteral("91110101MA59XK3T3"), QStringLiteral("110101"));
    const TestAccount inTianhe
        = learner(QStringLiteral("learner_th"), QStringLiteral("44010619900101002"), &tianhe);
    const TestAccount inNanshan
        = learner(QStringLiteral("learner_ns"), QStringLiteral("44010619900101003"), &nanshan);
    const TestAccount inBeijing
        = learner(QStringLiteral("learner_bj"), QStringLiteral("44010619900101004"), &beijing);

    const QString district
        = publishClass(inst, { { QStringLiteral("regionCode"), QStringLiteral("440106") } });
    const QString city
        = publishClass(inst, { { QStringLiteral("regionCode"), QStringLiteral("440100") } });
    const QString province
        = publishClass(inst, { { QStringLiteral("regionCode"), QStringLiteral("440000") } });
    const QString otherProvince
        = publishClass(beijingInst, { { QStringLiteral("regionCode"), QStringLiteral("110000") } });

    const auto enrol = [&](const TestAccount &who, const QString &classId) {
        return mutate(who, QStringLiteral("enrolment.request"), newId(), 0,
            { { QStringLiteral("classId"), classId } });
    };
    // 天河区 is inside the district, the city 广州市 and the province 广东省.
    for (const QString &classId : { district, city, province })
        QCOMPARE(status(enrol(inTianhe, classId)), QStringLiteral("applied"));
    // 南山区 (深圳市) is in the province only.
    QCOMPARE(errorCode(enrol(inNanshan, district)), QStringLiteral("region_not_covered"));
    QCOMPARE(errorCode(enrol(inNanshan, city)), QStringLiteral("region_not_covered"));
    QCOMPARE(status(enrol(inNanshan, province)), QStringLiteral("applied"));
    // Beijing's class is for Beijing only.
    const QJsonObject far = enrol(inTianhe, otherProvince);
    QCOMPARE(status(far), QStringLiteral("rejected"));
    QCOMPARE(errorCode(far), QStringLiteral("region_not_covered"));
    QCOMPARE(
        far.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("classId"));
    QVERIFY2(far.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .contains(QStringLiteral("北京市")),
        qPrintable(far.value(QStringLiteral("error"))
                       .toObject()
                       .value(QStringLiteral("message"))
                       .toString()));
    QCOMPARE(status(enrol(inBeijing, otherProvince)), QStringLiteral("applied"));
    QCOMPARE(errorCode(enrol(inBeijing, province)), QStringLiteral("region_not_covered"));
    QCOMPARE(latest(inTianhe, QStringLiteral("enrolment")).size(), 3);
}

void TestClasses::request_withoutConfirmedBinding_studyLocked()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_s"), QStringLiteral("52440106MJ0123456"));
    const TestAccount unbound
        = learner(QStringLiteral("learner_un"), QStringLiteral("44010619900101005"), nullptr);
    const QString classId = publishClass(inst);
    const QJsonObject r = mutate(unbound, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(status(r), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("study_locked"));
    // Nor can an institution enrol.
    QCOMPARE(errorCode(mutate(inst, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("forbidden"));
}

void TestClasses::enrolment_states_cancelAndReenrol()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_e"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_e"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount me
        = learner(QStringLiteral("learner_e"), QStringLiteral("44010619900101006"), &emp);
    const TestAccount other
        = learner(QStringLiteral("learner_f"), QStringLiteral("44010619900101007"), &emp);
    const QString classId = publishClass(inst);

    const QString first = newId();
    QCOMPARE(status(mutate(me, QStringLiteral("enrolment.request"), first, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
    QJsonObject mine = latest(me, QStringLiteral("enrolment")).value(first);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(mine.value(QStringLiteral("className")).toString(),
        QStringLiteral("大气污染防治专题培训班"));
    QCOMPARE(mine.value(QStringLiteral("employerName")).toString(), QStringLiteral("单位emp_e"));
    QCOMPARE(mine.value(QStringLiteral("version")).toInt(), 1);
    // Someone else cannot cancel it; the same id cannot be used twice.
    QCOMPARE(errorCode(mutate(other, QStringLiteral("enrolment.cancel"), first, 1)),
        QStringLiteral("not_found"));
    QCOMPARE(errorCode(mutate(me, QStringLiteral("enrolment.request"), first, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("conflict"));

    QCOMPARE(status(mutate(me, QStringLiteral("enrolment.cancel"), first, 1)),
        QStringLiteral("applied"));
    mine = latest(me, QStringLiteral("enrolment")).value(first);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("cancelled"));
    QCOMPARE(errorCode(mutate(me, QStringLiteral("enrolment.cancel"), first, 2)),
        QStringLiteral("conflict"));

    // Enrolling again after cancelling is a new enrolment; confirmed, it can no longer be
    // cancelled by the learner.
    const QString second = newId();
    QCOMPARE(status(mutate(me, QStringLiteral("enrolment.request"), second, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
    QCOMPARE(status(mutate(inst, QStringLiteral("enrolment.confirm"), second, 1)),
        QStringLiteral("applied"));
    mine = latest(me, QStringLiteral("enrolment")).value(second);
    QCOMPARE(mine.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QVERIFY(!mine.value(QStringLiteral("decidedAt")).toString().isEmpty());
    const QJsonObject late = mutate(me, QStringLiteral("enrolment.cancel"), second, 2);
    QCOMPARE(status(late), QStringLiteral("rejected"));
    QCOMPARE(errorCode(late), QStringLiteral("conflict"));

    // Rejected with a reason, the learner sees it.
    const QString third = newId();
    mutate(other, QStringLiteral("enrolment.request"), third, 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(status(mutate(inst, QStringLiteral("enrolment.reject"), third, 1,
                 { { QStringLiteral("reason"), QStringLiteral("非本专业人员") } })),
        QStringLiteral("applied"));
    const QJsonObject rejected = latest(other, QStringLiteral("enrolment")).value(third);
    QCOMPARE(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(rejected.value(QStringLiteral("reason")).toString(), QStringLiteral("非本专业人员"));
    // Both learners' enrolments reach the institution.
    QCOMPARE(latest(inst, QStringLiteral("enrolment")).size(), 3);
}

void TestClasses::request_deadline_inChinaTime()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_d"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_d"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_d1"), QStringLiteral("44010619900101008"), &emp);
    const TestAccount b
        = learner(QStringLiteral("learner_d2"), QStringLiteral("44010619900101009"), &emp);
    const QString classId = publishClass(inst);
    // 2026-03-02 23:30 in China is still the deadline day.
    m_server->clock().set(QDateTime(QDate(2026, 3, 2), QTime(15, 30), Qt::UTC));
    QCOMPARE(status(mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
    // 2026-03-03 00:30 in China (still the 2nd in UTC) is past it.
    m_server->clock().set(QDateTime(QDate(2026, 3, 2), QTime(16, 30), Qt::UTC));
    const QJsonObject late = mutate(b, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(status(late), QStringLiteral("rejected"));
    QCOMPARE(errorCode(late), QStringLiteral("enrolment_deadline_passed"));
    QVERIFY(late.value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("message"))
                .toString()
                .contains(QLatin1String("2026-03-02")));
}

void TestClasses::request_closedOrDraftClass_refused()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_c"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_c"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_c"), QStringLiteral("44010619900101010"), &emp);
    const QString draft = newId();
    mutate(inst, QStringLiteral("class.save"), draft, 0, classPayload());
    QCOMPARE(errorCode(mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), draft } })),
        QStringLiteral("not_found"));
    QCOMPARE(errorCode(mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), newId() } })),
        QStringLiteral("not_found"));
    const QString closed = publishClass(inst);
    QCOMPARE(
        status(mutate(inst, QStringLiteral("class.close"), closed, 2)), QStringLiteral("applied"));
    const QJsonObject r = mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), closed } });
    QCOMPARE(status(r), QStringLiteral("rejected"));
    QCOMPARE(errorCode(r), QStringLiteral("enrolment_closed"));
    // Opened again, it accepts.
    QCOMPARE(
        status(mutate(inst, QStringLiteral("class.open"), closed, 3)), QStringLiteral("applied"));
    QCOMPARE(status(mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), closed } })),
        QStringLiteral("applied"));
}

void TestClasses::request_capacity_andAlreadyEnrolled()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_k"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_k"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_k1"), QStringLiteral("44010619900101011"), &emp);
    const TestAccount b
        = learner(QStringLiteral("learner_k2"), QStringLiteral("44010619900101012"), &emp);
    const QString classId = publishClass(inst, { { QStringLiteral("capacity"), 1 } });
    const QString seat = newId();
    QCOMPARE(status(mutate(a, QStringLiteral("enrolment.request"), seat, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
    const QJsonObject again = mutate(a, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(errorCode(again), QStringLiteral("already_enrolled"));
    const QJsonObject full = mutate(b, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
    QCOMPARE(status(full), QStringLiteral("rejected"));
    QCOMPARE(errorCode(full), QStringLiteral("class_full"));
    // The capacity cannot go below the people enrolled.
    QJsonObject shrink = mutate(inst, QStringLiteral("class.save"), classId, 2,
        classPayload({ { QStringLiteral("capacity"), 1 },
            { QStringLiteral("name"), QStringLiteral("改名后的培训班") } }));
    QCOMPARE(status(shrink), QStringLiteral("applied"));
    // A rejected enrolment frees its seat.
    mutate(inst, QStringLiteral("enrolment.reject"), seat, 1,
        { { QStringLiteral("reason"), QStringLiteral("名额调整") } });
    QCOMPARE(status(mutate(b, QStringLiteral("enrolment.request"), newId(), 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied"));
}

void TestClasses::request_raceForLastSeat_exactlyOneApplied()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_x"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_x"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_x1"), QStringLiteral("44010619900101013"), &emp);
    const TestAccount b
        = learner(QStringLiteral("learner_x2"), QStringLiteral("44010619900101014"), &emp);
    const TestAccount c
        = learner(QStringLiteral("learner_x3"), QStringLiteral("44010619900101015"), &emp);

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    // Several rounds: each a class with two seats, one taken already, and two learners asking
    // for the last one at the same moment, each on its own connection.
    for (int round = 0; round < 4; ++round) {
        const QString classId = publishClass(inst, { { QStringLiteral("capacity"), 2 } });
        QCOMPARE(status(mutate(c, QStringLiteral("enrolment.request"), newId(), 0,
                     { { QStringLiteral("classId"), classId } })),
            QStringLiteral("applied"));
        QNetworkAccessManager first;
        QNetworkAccessManager second;
        QList<QNetworkReply *> replies;
        for (auto [who, network] : { std::pair { &a, &first }, std::pair { &b, &second } }) {
            QNetworkRequest request(m_server->url(QStringLiteral("/sync/mutations")));
            request.setSslConfiguration(tls);
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + who->token.toUtf8());
            const QJsonObject body { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                    { QStringLiteral("type"), QStringLiteral("enrolment.request") },
                    { QStringLiteral("target"), newId() },
                    { QStringLiteral("payload"),
                        QJsonObject { { QStringLiteral("classId"), classId } } } } } } };
            replies.append(network->post(request, QJsonDocument(body).toJson()));
        }
        QTRY_VERIFY_WITH_TIMEOUT(replies.at(0)->isFinished() && replies.at(1)->isFinished(), 30000);
        QStringList outcomes;
        for (QNetworkReply *reply : std::as_const(replies)) {
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
            const QJsonObject result = QJsonDocument::fromJson(reply->readAll())
                                           .object()
                                           .value(QStringLiteral("results"))
                                           .toArray()
                                           .at(0)
                                           .toObject();
            outcomes.append(status(result) == QLatin1String("applied") ? QStringLiteral("applied")
                                                                       : errorCode(result));
            reply->deleteLater();
        }
        outcomes.sort();
        QCOMPARE(
            outcomes, (QStringList { QStringLiteral("applied"), QStringLiteral("class_full") }));
        QSqlQuery n = m_server->server().database().exec(
            QStringLiteral("SELECT COUNT(*) FROM enrolments WHERE class_id = ?"), { classId });
        QVERIFY(n.next());
        QCOMPARE(n.value(0).toInt(), 2);
    }
}

void TestClasses::decide_ownerOnly_conflictOnOldVersion_reasonRequired()
{
    const TestAccount owner
        = institution(QStringLiteral("inst_o"), QStringLiteral("52440106MJ0123456"));
    const TestAccount stranger
        = institution(QStringLiteral("inst_p"), QStringLiteral("52440106MJ0123457"));
    const TestAccount emp = employer(QStringLiteral("emp_p"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_p"), QStringLiteral("44010619900101016"), &emp);
    const QString classId = publishClass(owner);
    const QString enrolment = newId();
    mutate(a, QStringLiteral("enrolment.request"), enrolment, 0,
        { { QStringLiteral("classId"), classId } });

    QCOMPARE(errorCode(mutate(stranger, QStringLiteral("enrolment.confirm"), enrolment, 1)),
        QStringLiteral("forbidden"));
    QCOMPARE(errorCode(mutate(stranger, QStringLiteral("enrolment.reject"), enrolment, 1,
                 { { QStringLiteral("reason"), QStringLiteral("x") } })),
        QStringLiteral("forbidden"));
    QCOMPARE(errorCode(mutate(a, QStringLiteral("enrolment.confirm"), enrolment, 1)),
        QStringLiteral("forbidden"));
    QVERIFY(latest(stranger, QStringLiteral("enrolment")).isEmpty());
    const QJsonObject noReason = mutate(owner, QStringLiteral("enrolment.reject"), enrolment, 1);
    QCOMPARE(errorField(noReason), QStringLiteral("reason"));
    QCOMPARE(errorField(mutate(owner, QStringLiteral("enrolment.reject"), enrolment, 1,
                 { { QStringLiteral("reason"), QString(201, QLatin1Char('x')) } })),
        QStringLiteral("reason"));

    // The learner cancels and enrols again while the institution still shows version 1 of the
    // first enrolment: its decision comes back as a conflict with the current state.
    mutate(a, QStringLiteral("enrolment.cancel"), enrolment, 1);
    const QJsonObject stale = mutate(owner, QStringLiteral("enrolment.confirm"), enrolment, 1);
    QCOMPARE(status(stale), QStringLiteral("conflict"));
    const QJsonObject current = stale.value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("type")).toString(), QStringLiteral("enrolment"));
    QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(
        current.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("cancelled"));
}

void TestClasses::counts_republishedAsTheyChange()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_n"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_n"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_n1"), QStringLiteral("44010619900101017"), &emp);
    const TestAccount b
        = learner(QStringLiteral("learner_n2"), QStringLiteral("44010619900101018"), &emp);
    const QString classId = publishClass(inst);
    enrolConfirmed(inst, a, classId);
    mutate(b, QStringLiteral("enrolment.request"), newId(), 0,
        { { QStringLiteral("classId"), classId } });
    const QJsonObject seen = latest(b, QStringLiteral("trainingClass")).value(classId);
    QCOMPARE(seen.value(QStringLiteral("enrolledCount")).toInt(), 2);
    QCOMPARE(seen.value(QStringLiteral("confirmedCount")).toInt(), 1);
    // The counts moved without a new version: the institution's edit on version 2 still applies.
    QCOMPARE(seen.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(status(mutate(inst, QStringLiteral("class.save"), classId, 2, classPayload())),
        QStringLiteral("applied"));
}

void TestClasses::confirmHours_outcomesPerPerson()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_h"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_h"), QStringLiteral("91440106MA59XK3T1"));
    QList<TestAccount> people;
    for (int i = 0; i < 6; ++i)
        people.append(learner(QStringLiteral("learner_h%1").arg(i),
            QStringLiteral("440106199001010%1").arg(20 + i), &emp));
    const QString classId = publishClass(inst);
    QStringList enrolments;
    for (int i = 0; i < 5; ++i)
        enrolments.append(enrolConfirmed(inst, people.at(i), classId));
    const QString pending = newId();
    mutate(people.at(5), QStringLiteral("enrolment.request"), pending, 0,
        { { QStringLiteral("classId"), classId } });
    m_server->clock().set(QDateTime(QDate(2026, 3, 5), QTime(2, 0), Qt::UTC));

    const auto entry
        = [](const QString &id, int hours, bool absent = false, const QString &reason = {}) {
              return QJsonObject { { QStringLiteral("enrolmentId"), id },
                  { QStringLiteral("hoursTenths"), hours }, { QStringLiteral("absent"), absent },
                  { QStringLiteral("reason"), reason } };
          };
    const QJsonArray entries {
        entry(enrolments.at(0), 240),
        entry(enrolments.at(1), 200, false, QStringLiteral("缺席半天")),
        entry(enrolments.at(2), 0, true, QStringLiteral("病假")),
        entry(enrolments.at(3), 200),
        entry(enrolments.at(4), 241),
        entry(pending, 240),
        entry(newId(), 240),
        entry(enrolments.at(3).toUpper(), 240, true),
    };
    // The same enrolment twice is a malformed batch, refused whole, naming the entry; an
    // upper-case id is the same enrolment as its lower-case form.
    QJsonArray batch = entries;
    batch.removeLast();
    for (const QJsonObject &again : { entry(enrolments.at(0), 240), entries.last().toObject() }) {
        QJsonArray duplicated = batch;
        duplicated.append(again);
        const QJsonObject malformed = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
            { { QStringLiteral("entries"), duplicated } });
        QCOMPARE(status(malformed), QStringLiteral("rejected"));
        QCOMPARE(errorField(malformed), QStringLiteral("entries[7].enrolmentId"));
    }
    QVERIFY(latest(people.at(0), QStringLiteral("hourRecord")).isEmpty());

    const QJsonObject r = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"), batch } });
    QCOMPARE(status(r), QStringLiteral("applied"));
    const QJsonArray outcomes = r.value(QStringLiteral("outcomes")).toArray();
    QCOMPARE(outcomes.size(), 7);
    const auto outcome = [&](int i) { return outcomes.at(i).toObject(); };
    const QStringList expected { QStringLiteral("applied"), QStringLiteral("applied"),
        QStringLiteral("applied"), QStringLiteral("refused"), QStringLiteral("refused"),
        QStringLiteral("refused"), QStringLiteral("refused") };
    const QStringList codes { QString(), QString(), QString(), QStringLiteral("missing_field"),
        QStringLiteral("invalid_field"), QStringLiteral("conflict"), QStringLiteral("not_found") };
    for (int i = 0; i < 7; ++i) {
        QCOMPARE(outcome(i).value(QStringLiteral("enrolmentId")).toString(),
            batch.at(i).toObject().value(QStringLiteral("enrolmentId")).toString());
        QCOMPARE(outcome(i).value(QStringLiteral("outcome")).toString(), expected.at(i));
        QCOMPARE(outcome(i).value(QStringLiteral("code")).toString(), codes.at(i));
        if (expected.at(i) == QLatin1String("refused"))
            QVERIFY(!outcome(i).value(QStringLiteral("message")).toString().isEmpty());
    }
    QVERIFY(outcome(4).value(QStringLiteral("message")).toString().contains(QLatin1String("24.0")));
    QCOMPARE(r.value(QStringLiteral("applied")).toInt(), 3);
    QCOMPARE(r.value(QStringLiteral("skipped")).toInt(), 0);
    QCOMPARE(r.value(QStringLiteral("refused")).toInt(), 4);

    const QHash<QString, QJsonObject> seen = latest(inst, QStringLiteral("enrolment"));
    QCOMPARE(seen.value(enrolments.at(0)).value(QStringLiteral("status")).toString(),
        QStringLiteral("credited"));
    QCOMPARE(seen.value(enrolments.at(0)).value(QStringLiteral("hoursTenths")).toInt(), 240);
    QCOMPARE(seen.value(enrolments.at(0)).value(QStringLiteral("hourRecordId")).toString(),
        derivedId(QStringLiteral("classHours"), { enrolments.at(0) }));
    QCOMPARE(seen.value(enrolments.at(1)).value(QStringLiteral("hoursTenths")).toInt(), 200);
    QCOMPARE(seen.value(enrolments.at(1)).value(QStringLiteral("reason")).toString(),
        QStringLiteral("缺席半天"));
    QCOMPARE(seen.value(enrolments.at(2)).value(QStringLiteral("status")).toString(),
        QStringLiteral("absent"));
    QVERIFY(seen.value(enrolments.at(2)).value(QStringLiteral("hoursTenths")).isNull());
    QCOMPARE(seen.value(enrolments.at(3)).value(QStringLiteral("status")).toString(),
        QStringLiteral("confirmed"));
    // Absent people leave the enrolled count; credited ones stay confirmed.
    const QJsonObject c = latest(inst, QStringLiteral("trainingClass")).value(classId);
    QCOMPARE(c.value(QStringLiteral("enrolledCount")).toInt(), 5);
    QCOMPARE(c.value(QStringLiteral("confirmedCount")).toInt(), 4);
    // The refused ones can be sent again, corrected.
    const QJsonObject fixed = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"),
            QJsonArray { entry(enrolments.at(3), 200, false, QStringLiteral("迟到")),
                entry(enrolments.at(4), 240) } } });
    QCOMPARE(fixed.value(QStringLiteral("applied")).toInt(), 2);

    // The learner sees the hours, as an hour record of the class, in their feed; so does the HR
    // office of their employer.
    const QHash<QString, QJsonObject> records = latest(people.at(1), QStringLiteral("hourRecord"));
    QCOMPARE(records.size(), 1);
    const QJsonObject record = records.begin().value();
    QCOMPARE(record.value(QStringLiteral("source")).toString(), QStringLiteral("trainingClass"));
    QCOMPARE(record.value(QStringLiteral("subjectType")).toString(), QStringLiteral("elective"));
    QCOMPARE(record.value(QStringLiteral("hoursTenths")).toInt(), 200);
    QCOMPARE(record.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(record.value(QStringLiteral("year")).toInt(), 2026);
    QCOMPARE(
        record.value(QStringLiteral("title")).toString(), QStringLiteral("大气污染防治专题培训班"));
    QCOMPARE(record.value(QStringLiteral("startDate")).toString(), QStringLiteral("2026-03-03"));
    QCOMPARE(record.value(QStringLiteral("endDate")).toString(), QStringLiteral("2026-03-05"));
    QVERIFY(latest(people.at(2), QStringLiteral("hourRecord")).isEmpty());
    QCOMPARE(latest(emp, QStringLiteral("hourRecord")).size(), 4);
}

void TestClasses::confirmHours_idempotent_oneRecordPerPerson()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_i"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_i"), QStringLiteral("91440106MA59XK3T1"));
    // Quotes, a backslash and a question mark in the name: PostgreSQL receives the batch's
    // values written into the statement (Database::inlined), so they must arrive intact.
    const QString name = QStringLiteral("环保'专题' \\ 培训班? \"2026\"");
    const QString classId = publishClass(inst,
        { { QStringLiteral("subjectType"), QStringLiteral("professional") },
            { QStringLiteral("professionalSeries"), QStringLiteral("engineering-environmental") },
            { QStringLiteral("name"), name } });
    QJsonArray entries;
    QList<TestAccount> people;
    for (int i = 0; i < 3; ++i) {
        people.append(learner(QStringLiteral("learner_i%1").arg(i),
            QStringLiteral("440106199001010%1").arg(40 + i), &emp));
        entries.append(QJsonObject {
            { QStringLiteral("enrolmentId"), enrolConfirmed(inst, people.last(), classId) },
            { QStringLiteral("hoursTenths"), 240 } });
    }
    m_server->clock().set(QDateTime(QDate(2026, 3, 5), QTime(1, 0), Qt::UTC));
    const QString mutationId = newId();
    const QJsonObject first = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"), entries } }, mutationId);
    QCOMPARE(first.value(QStringLiteral("applied")).toInt(), 3);
    QString cursor;
    pullAllChanges(*m_client, inst.token, 1000, &cursor);

    // The same mutation again (a client that did not hear the answer): the same answer, nothing
    // applied twice.
    const QJsonObject replay = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"), entries } }, mutationId);
    QCOMPARE(replay, first);
    QVERIFY(pullAllChanges(*m_client, inst.token, 1000, nullptr, cursor).isEmpty());

    // The same batch under a new id: all skipped, nothing written.
    const QJsonObject again = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"), entries } });
    QCOMPARE(status(again), QStringLiteral("applied"));
    QCOMPARE(again.value(QStringLiteral("applied")).toInt(), 0);
    QCOMPARE(again.value(QStringLiteral("skipped")).toInt(), 3);
    for (const QJsonValue &o : again.value(QStringLiteral("outcomes")).toArray()) {
        QCOMPARE(
            o.toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped"));
        QCOMPARE(o.toObject().value(QStringLiteral("code")).toString(),
            QStringLiteral("already_decided"));
    }
    QVERIFY(pullAllChanges(*m_client, inst.token, 1000, nullptr, cursor).isEmpty());

    for (const TestAccount &p : std::as_const(people)) {
        QSqlQuery n = m_server->server().database().exec(
            QStringLiteral(
                "SELECT COUNT(*), MIN(subject_type) FROM hour_records WHERE learner_id = ?"),
            { p.id });
        QVERIFY(n.next());
        QCOMPARE(n.value(0).toInt(), 1);
        QCOMPARE(n.value(1).toString(), QStringLiteral("professional"));
        const QHash<QString, QJsonObject> records = latest(p, QStringLiteral("hourRecord"));
        QCOMPARE(records.size(), 1);
        QCOMPARE(records.begin()->value(QStringLiteral("version")).toInt(), 1);
        QCOMPARE(records.begin()->value(QStringLiteral("title")).toString(), name);
    }
    const QHash<QString, QJsonObject> enrolments = latest(inst, QStringLiteral("enrolment"));
    QCOMPARE(enrolments.size(), 3);
    for (const QJsonObject &e : enrolments) {
        QCOMPARE(e.value(QStringLiteral("className")).toString(), name);
        QCOMPARE(e.value(QStringLiteral("status")).toString(), QStringLiteral("credited"));
    }
}

void TestClasses::confirmHours_refusedBeforeTheEndAndForOthers()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_f"), QStringLiteral("52440106MJ0123456"));
    const TestAccount other
        = institution(QStringLiteral("inst_g"), QStringLiteral("52440106MJ0123457"));
    const TestAccount emp = employer(QStringLiteral("emp_f"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_ff"), QStringLiteral("44010619900101050"), &emp);
    const QString classId = publishClass(inst);
    const QString enrolment = enrolConfirmed(inst, a, classId);
    const QJsonObject payload { { QStringLiteral("entries"),
        QJsonArray { QJsonObject { { QStringLiteral("enrolmentId"), enrolment },
            { QStringLiteral("hoursTenths"), 240 } } } } };
    // The class runs 2026-03-03 to 03-05: not before it starts, and not while it runs (the
    // institution confirms once the learning is over, 学习完毕后).
    for (const QDateTime &when : { QDateTime(QDate(2026, 3, 2), QTime(15, 0), Qt::UTC),
             QDateTime(QDate(2026, 3, 3), QTime(2, 0), Qt::UTC),
             QDateTime(QDate(2026, 3, 4), QTime(15, 59), Qt::UTC) }) {
        m_server->clock().set(when);
        const QJsonObject early
            = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2, payload);
        QCOMPARE(status(early), QStringLiteral("rejected"));
        QCOMPARE(errorCode(early), QStringLiteral("class_not_finished"));
    }
    // 2026-03-05 00:00 in China: the last day.
    m_server->clock().set(QDateTime(QDate(2026, 3, 4), QTime(16, 0), Qt::UTC));
    QCOMPARE(errorCode(mutate(other, QStringLiteral("class.confirmHours"), classId, 2, payload)),
        QStringLiteral("forbidden"));
    QCOMPARE(errorCode(mutate(a, QStringLiteral("class.confirmHours"), classId, 2, payload)),
        QStringLiteral("forbidden"));
    QCOMPARE(errorField(mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
                 { { QStringLiteral("entries"), QJsonArray {} } })),
        QStringLiteral("entries"));
    QCOMPARE(errorField(mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
                 { { QStringLiteral("entries"),
                     QJsonArray { QJsonObject { { QStringLiteral("enrolmentId"), enrolment },
                         { QStringLiteral("hoursTenths"), QStringLiteral("24") } } } } })),
        QStringLiteral("entries[0].hoursTenths"));
    QJsonArray tooMany;
    for (int i = 0; i <= 5000; ++i)
        tooMany.append(QJsonObject { { QStringLiteral("enrolmentId"), QString::number(i) },
            { QStringLiteral("hoursTenths"), 1 } });
    QCOMPARE(errorField(mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
                 { { QStringLiteral("entries"), tooMany } })),
        QStringLiteral("entries"));
    QCOMPARE(mutate(inst, QStringLiteral("class.confirmHours"), classId, 2, payload)
                 .value(QStringLiteral("applied"))
                 .toInt(),
        1);
}

void TestClasses::confirmHours_whileBindingConfirmed_recordsFollowTheNewEmployer()
{
    // Issue 13: class.confirmHours read the learners' employers under the bindings' own row locks
    // only. A binding confirmed meanwhile published the learner's history without the batch's new
    // records (not committed yet), and the batch, whose statement began before the confirmation,
    // saw the former binding ended and the new one still pending: the records reached no HR office.
    // On PostgreSQL both transactions queue at the change counter behind a gate, the confirmation
    // first, so the interleaving is the same every run; on SQLite they simply run at once.
    const TestAccount inst
        = institution(QStringLiteral("inst_race"), QStringLiteral("52440106MJ0123456"));
    const TestAccount oldEmployer
        = employer(QStringLiteral("emp_race1"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount newEmployer
        = employer(QStringLiteral("emp_race2"), QStringLiteral("91440106MA59XK3T2"));
    const QString classId = publishClass(inst, { { QStringLiteral("capacity"), 100 } });
    constexpr int Learners = 12;
    QList<TestAccount> learners;
    QStringList enrolments;
    for (int i = 0; i < Learners; ++i) {
        learners.append(learner(QStringLiteral("learner_race%1").arg(i, 2, 10, QLatin1Char('0')),
            QStringLiteral("440106199001011%1").arg(i, 2, 10, QLatin1Char('0')), &oldEmployer));
        enrolments.append(enrolConfirmed(inst, learners.last(), classId));
    }
    // The first learner asks the new employer, who confirms while the batch runs.
    const QString binding = newId();
    QCOMPARE(status(mutate(learners.first(), QStringLiteral("binding.request"), binding, 0,
                 { { QStringLiteral("employerId"), newEmployer.id } })),
        QStringLiteral("applied"));
    m_server->clock().set(QDateTime(QDate(2026, 3, 5), QTime(2, 0), Qt::UTC));
    QJsonArray entries;
    for (const QString &enrolment : std::as_const(enrolments))
        entries.append(QJsonObject {
            { QStringLiteral("enrolmentId"), enrolment }, { QStringLiteral("hoursTenths"), 240 } });

    server::Server &srv = m_server->server();
    std::atomic<bool> failed { false };
    std::unique_ptr<ChangeCounterGate> gate;
    if (m_server->isPostgres())
        gate = std::make_unique<ChangeCounterGate>(srv.database());
    QJsonObject confirmed;
    QJsonObject hours;
    std::thread confirming = applyInThread(srv, newEmployer, Role::Employer,
        QStringLiteral("binding.confirm"), binding, 1, {}, &confirmed, &failed);
    const bool confirmationWaits = !gate || gate->waitForWaiters(1);
    std::thread batch
        = applyInThread(srv, inst, Role::Institution, QStringLiteral("class.confirmHours"), classId,
            2, { { QStringLiteral("entries"), entries } }, &hours, &failed);
    const bool batchWaits = !gate || gate->waitForWaiters(2);
    if (gate)
        gate->release();
    confirming.join();
    batch.join();
    QVERIFY(confirmationWaits);
    QVERIFY(batchWaits);
    QVERIFY(!failed);
    QCOMPARE(status(confirmed), QStringLiteral("applied"));
    QCOMPARE(hours.value(QStringLiteral("applied")).toInt(), Learners);

    // The last operation on each hour record in an HR office's feed.
    const auto lastOps = [this](const TestAccount &who) {
        QHash<QString, QString> ops;
        for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
            if (c.value(QStringLiteral("type")).toString() == QLatin1String("hourRecord"))
                ops.insert(c.value(QStringLiteral("id")).toString(),
                    c.value(QStringLiteral("op")).toString());
        }
        return ops;
    };
    const QHash<QString, QString> atNew = lastOps(newEmployer);
    const QHash<QString, QString> atOld = lastOps(oldEmployer);
    const QString moved = derivedId(QStringLiteral("classHours"), { enrolments.first() });
    QCOMPARE(atNew.value(moved), QStringLiteral("upsert"));
    QVERIFY(atOld.value(moved) != QLatin1String("upsert"));
    // The others stay with the office that still employs them.
    for (qsizetype i = 1; i < enrolments.size(); ++i) {
        const QString id = derivedId(QStringLiteral("classHours"), { enrolments.at(i) });
        QCOMPARE(atOld.value(id), QStringLiteral("upsert"));
        QVERIFY(!atNew.contains(id));
    }
}

void TestClasses::institution_seesMaskedIdOnly_noDigest()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_m"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp = employer(QStringLiteral("emp_m"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_m"), QStringLiteral("44010619900101060"), &emp);
    const QString classId = publishClass(inst);
    const QString enrolment = newId();
    mutate(a, QStringLiteral("enrolment.request"), enrolment, 0,
        { { QStringLiteral("classId"), classId } });
    // A decision on an old version: the conflict answer carries the enrolment too.
    mutate(inst, QStringLiteral("enrolment.confirm"), enrolment, 1);
    const QJsonObject conflict = mutate(inst, QStringLiteral("enrolment.reject"), enrolment, 1,
        { { QStringLiteral("reason"), QStringLiteral("名额已满") } });
    QCOMPARE(status(conflict), QStringLiteral("conflict"));
    const QString fullId = residentId(QStringLiteral("44010619900101060"));
    const QJsonObject seen = latest(inst, QStringLiteral("enrolment")).value(enrolment);
    QCOMPARE(seen.value(QStringLiteral("residentIdMasked")).toString(), maskResidentId(fullId));
    QCOMPARE(seen.value(QStringLiteral("learnerName")).toString(), QStringLiteral("学员_m"));
    // Exactly these fields: nothing else about the id (no digest, no birth date).
    QStringList keys = seen.keys();
    keys.sort();
    QCOMPARE(keys,
        (QStringList { QStringLiteral("classId"), QStringLiteral("className"),
            QStringLiteral("createdAt"), QStringLiteral("creditedAt"), QStringLiteral("decidedAt"),
            QStringLiteral("employerName"), QStringLiteral("hourRecordId"),
            QStringLiteral("hoursTenths"), QStringLiteral("id"), QStringLiteral("institutionId"),
            QStringLiteral("institutionName"), QStringLiteral("learnerId"),
            QStringLiteral("learnerName"), QStringLiteral("reason"),
            QStringLiteral("residentIdMasked"), QStringLiteral("status"),
            QStringLiteral("version") }));
    // Nowhere in what the institution receives is the full id, its birth date, or a hash of it
    // in any of the forms it could take.
    const QString birth = fullId.mid(6, 8);
    QStringList digests;
    for (const QString &text : { fullId, classId + QLatin1Char(':') + fullId,
             fullId + QLatin1Char(':') + classId, enrolment + QLatin1Char(':') + fullId }) {
        for (const auto algorithm : { QCryptographicHash::Sha256, QCryptographicHash::Sha1,
                 QCryptographicHash::Md5, QCryptographicHash::Sha512 })
            digests.append(
                QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), algorithm).toHex()));
    }
    QList<QByteArray> received;
    for (const QJsonObject &change : pullAllChanges(*m_client, inst.token))
        received.append(QJsonDocument(change).toJson(QJsonDocument::Compact));
    received.append(QJsonDocument(conflict).toJson(QJsonDocument::Compact));
    static const QRegularExpression longHex(QStringLiteral("[0-9a-fA-F]{32,}"));
    for (const QByteArray &json : std::as_const(received)) {
        QVERIFY(!json.contains(fullId.toUtf8()));
        QVERIFY(!json.contains("residentIdDigest"));
        QVERIFY2(!json.contains(birth.toUtf8()), json.constData());
        for (const QString &digest : std::as_const(digests))
            QVERIFY(!json.contains(digest.toLatin1()));
        QVERIFY2(!longHex.match(QString::fromUtf8(json)).hasMatch(), json.constData());
    }
}

void TestClasses::attendanceMatch_answersPerId_ownInstitutionOnly()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_am"), QStringLiteral("52440106MJ0123456"));
    const TestAccount other
        = institution(QStringLiteral("inst_am2"), QStringLiteral("52440106MJ0654321"));
    const TestAccount emp = employer(QStringLiteral("emp_am"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_am1"), QStringLiteral("44010619900101060"), &emp);
    const TestAccount b
        = learner(QStringLiteral("learner_am2"), QStringLiteral("44010619850505432"), &emp);
    const QString classId = publishClass(inst);
    const QString ea = enrolConfirmed(inst, a, classId);
    const QString eb = newId();
    QCOMPARE(status(mutate(b, QStringLiteral("enrolment.request"), eb, 0,
                 { { QStringLiteral("classId"), classId } })),
        QStringLiteral("applied")); // pending: matched too, the preview says it is not confirmed
    const QString idA = residentId(QStringLiteral("44010619900101060"));
    const QString idB = residentId(QStringLiteral("44010619850505432"));
    const QString stranger = residentId(QStringLiteral("44010619700101111"));

    const TestReply reply = m_client->post(matchPath(classId),
        idsBody({ idA.toLower(), QStringLiteral(" ") + idB, stranger,
            QStringLiteral("440106199001010601"), QStringLiteral("abc") }),
        inst.token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(outcomes(reply),
        (QStringList { QStringLiteral("matched"), QStringLiteral("matched"),
            QStringLiteral("notFound"), QStringLiteral("invalid"), QStringLiteral("invalid") }));
    const QJsonArray results = reply.json.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.at(0).toObject().value(QStringLiteral("enrolmentId")).toString(), ea);
    QCOMPARE(results.at(1).toObject().value(QStringLiteral("enrolmentId")).toString(), eb);
    QVERIFY(!results.at(2).toObject().contains(QStringLiteral("enrolmentId")));
    // Matches and ids no enrolled person's mask shares cost nothing.
    QCOMPARE(reply.json.value(QStringLiteral("checksLeftToday")).toInt(),
        server::ClassService::MaxNearMissesPerDay);
    // The answer holds no id, masked or not.
    QVERIFY(!reply.body.contains(idA.left(10).toUtf8()));

    // Only the institution of the class.
    QCOMPARE(m_client->post(matchPath(classId), idsBody({ idA }), other.token).status, 403);
    QCOMPARE(m_client->post(matchPath(classId), idsBody({ idA }), a.token).status, 403);
    QCOMPARE(m_client->post(matchPath(classId), idsBody({ idA }), emp.token).status, 403);
    QCOMPARE(m_client->post(matchPath(newId()), idsBody({ idA }), inst.token).status, 404);
    QCOMPARE(m_client->post(matchPath(classId), idsBody({ idA })).status, 401);
    QCOMPARE(m_client->get(matchPath(classId), inst.token).status, 405);
}

void TestClasses::attendanceMatch_malformedBodies_refusedNamingTheField()
{
    const TestAccount inst
        = institution(QStringLiteral("inst_ab"), QStringLiteral("52440106MJ0123456"));
    const QString classId = publishClass(inst);
    const QString path = matchPath(classId);
    QCOMPARE(
        m_client->postRaw(path, "[1,2]", inst.token).errorCode(), QStringLiteral("invalid_json"));
    QCOMPARE(m_client->postRaw(path, "{", inst.token).status, 400);
    QCOMPARE(m_client->post(path, {}, inst.token).errorField(), QStringLiteral("residentIds"));
    QCOMPARE(
        m_client->post(path, idsBody({}), inst.token).errorField(), QStringLiteral("residentIds"));
    QCOMPARE(
        m_client->post(path, { { QStringLiteral("residentIds"), QStringLiteral("x") } }, inst.token)
            .errorField(),
        QStringLiteral("residentIds"));
    const TestReply unknown = m_client->post(path,
        { { QStringLiteral("residentIds"), QJsonArray { QStringLiteral("x") } },
            { QStringLiteral("classId"), classId } },
        inst.token);
    QCOMPARE(unknown.errorCode(), QStringLiteral("unknown_field"));
    QCOMPARE(m_client
                 ->post(path,
                     { { QStringLiteral("residentIds"), QJsonArray { QStringLiteral("x"), 7 } } },
                     inst.token)
                 .errorField(),
        QStringLiteral("residentIds[1]"));
    QCOMPARE(
        m_client->post(path, idsBody({ QString(33, QLatin1Char('1')) }), inst.token).errorField(),
        QStringLiteral("residentIds[0]"));
    QStringList tooMany;
    for (int i = 0; i <= server::ClassService::MaxMatchIds; ++i)
        tooMany.append(QStringLiteral("1"));
    const TestReply many = m_client->post(path, idsBody(tooMany), inst.token);
    QCOMPARE(many.status, 400);
    QCOMPARE(many.errorField(), QStringLiteral("residentIds"));
    tooMany.removeLast();
    QCOMPARE(m_client->post(path, idsBody(tooMany), inst.token).status, 200);
}

void TestClasses::attendanceMatch_nearMisses_cappedPerDay()
{
    // The masked id leaves the birth date to guess: about 4,000 valid ids share a mask. Each
    // answer about one of them is a guess checked, so they are counted per institution and day.
    const TestAccount inst
        = institution(QStringLiteral("inst_cap"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp
        = employer(QStringLiteral("emp_cap"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_cap"), QStringLiteral("44010619900101060"), &emp);
    const QString classId = publishClass(inst);
    const QString ea = enrolConfirmed(inst, a, classId);
    const QString idA = residentId(QStringLiteral("44010619900101060"));
    const int cap = server::ClassService::MaxNearMissesPerDay;
    const QStringList guesses = sameMaskCandidates(idA, cap + 5);
    QCOMPARE(guesses.size(), cap + 5);
    for (const QString &g : guesses)
        QCOMPARE(maskResidentId(g), maskResidentId(idA));
    const QString stranger = residentId(QStringLiteral("44010619700101111"));

    // cap - 2 wrong guesses (one of them twice, counted once), then the real id: matched.
    QStringList first = guesses.mid(0, cap - 2);
    first.append(guesses.at(0));
    first.append(idA);
    TestReply reply = m_client->post(matchPath(classId), idsBody(first), inst.token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(outcomes(reply).last(), QStringLiteral("matched"));
    QCOMPARE(outcomes(reply).count(QStringLiteral("notFound")), cap - 1);
    QCOMPARE(reply.json.value(QStringLiteral("checksLeftToday")).toInt(), 2);

    // Two more guesses use the day up; after that every id sharing a mask is "limited", the real
    // one too, so the answer says nothing about the id itself. Other ids cost nothing.
    reply = m_client->post(matchPath(classId),
        idsBody(
            { guesses.at(cap - 2), stranger, guesses.at(cap - 1), idA, guesses.at(cap), stranger }),
        inst.token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(outcomes(reply),
        (QStringList { QStringLiteral("notFound"), QStringLiteral("notFound"),
            QStringLiteral("notFound"), QStringLiteral("limited"), QStringLiteral("limited"),
            QStringLiteral("notFound") }));
    QCOMPARE(reply.json.value(QStringLiteral("checksLeftToday")).toInt(), 0);

    // The next request: 429 until midnight in China, whatever it holds.
    reply = m_client->post(matchPath(classId), idsBody({ idA }), inst.token);
    QCOMPARE(reply.status, 429);
    QCOMPARE(reply.errorCode(), QStringLiteral("too_many_requests"));
    const int retry = reply.header("retry-after").toInt();
    QVERIFY2(retry > 0 && retry <= 24 * 3600, reply.header("retry-after").constData());
    QVERIFY(!reply.errorMessage().isEmpty());

    // Another institution's allowance is its own.
    const TestAccount other
        = institution(QStringLiteral("inst_cap2"), QStringLiteral("52440106MJ0654321"));
    const QString otherClass = publishClass(other);
    QCOMPARE(m_client->post(matchPath(otherClass), idsBody({ stranger }), other.token).status, 200);

    // The next day in China the allowance is back.
    m_server->clock().advance(retry);
    reply = m_client->post(matchPath(classId), idsBody({ idA }), inst.token);
    QCOMPARE(reply.status, 200);
    QCOMPARE(reply.json.value(QStringLiteral("results"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("enrolmentId"))
                 .toString(),
        ea);
    QCOMPARE(reply.json.value(QStringLiteral("checksLeftToday")).toInt(), cap);
}

void TestClasses::attendanceMatch_concurrentRequests_neverPastTheCap()
{
    // Requests about two classes of one institution at the same moment, each on its own
    // connection, when one check is left: the class locks do not serialise them, the day's
    // usage row does, so exactly one is answered and the others are refused.
    const TestAccount inst
        = institution(QStringLiteral("inst_race"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp
        = employer(QStringLiteral("emp_race"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_race"), QStringLiteral("44010619900101060"), &emp);
    const QStringList classes { publishClass(inst), publishClass(inst) };
    for (const QString &classId : classes)
        enrolConfirmed(inst, a, classId);
    const QString idA = residentId(QStringLiteral("44010619900101060"));
    const int cap = server::ClassService::MaxNearMissesPerDay;
    constexpr int Racers = 6;
    QStringList strangers;
    for (int i = 0; strangers.size() < server::ClassService::MaxMatchIds - 1; ++i) {
        const QString first17
            = QStringLiteral("110101%1%2")
                  .arg(QDate(1960, 1, 1).addDays(i / 100).toString(QStringLiteral("yyyyMMdd")))
                  .arg(i % 100, 3, 10, QLatin1Char('0'));
        strangers.append(first17 + residentIdCheckCharacter(first17));
    }
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    for (int round = 0; round < 3; ++round) {
        const QStringList guesses = sameMaskCandidates(idA, cap + Racers);
        QCOMPARE(
            m_client->post(matchPath(classes.at(0)), idsBody(guesses.mid(0, cap - 1)), inst.token)
                .json.value(QStringLiteral("checksLeftToday"))
                .toInt(),
            1);
        // Connections made (TLS handshakes done) before, so the requests really arrive together.
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        QList<QNetworkReply *> warmups;
        for (int i = 0; i < Racers; ++i) {
            networks.push_back(std::make_unique<QNetworkAccessManager>());
            QNetworkRequest request(m_server->url(QStringLiteral("/health")));
            request.setSslConfiguration(tls);
            warmups.append(networks.back()->get(request));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(warmups.cbegin(), warmups.cend(),
                                     [](QNetworkReply *r) { return r->isFinished(); }),
            30000);
        qDeleteAll(warmups);
        QList<QNetworkReply *> replies;
        for (int i = 0; i < Racers; ++i) {
            QNetworkRequest request(m_server->url(matchPath(classes.at(i % 2))));
            request.setSslConfiguration(tls);
            request.setHeader(
                QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            request.setRawHeader("Authorization", "Bearer " + inst.token.toUtf8());
            // The guess first, then ids of other people (free), so each request spends a while
            // between reading and writing the day's count: the window a race would need.
            replies.append(networks.at(i)->post(request,
                QJsonDocument(idsBody(QStringList { guesses.at(cap - 1 + i) } + strangers))
                    .toJson(QJsonDocument::Compact)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                     [](QNetworkReply *r) { return r->isFinished(); }),
            30000);
        QStringList answers;
        for (QNetworkReply *reply : std::as_const(replies)) {
            const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            answers.append(code == 200 ? body.value(QStringLiteral("results"))
                                             .toArray()
                                             .at(0)
                                             .toObject()
                                             .value(QStringLiteral("outcome"))
                                             .toString()
                                       : QString::number(code));
            reply->deleteLater();
        }
        answers.sort();
        QStringList expected(Racers - 1, QStringLiteral("429"));
        expected.append(QStringLiteral("notFound"));
        QCOMPARE(answers, expected);
        QSqlQuery n = m_server->server().database().exec(
            QStringLiteral("SELECT near_misses FROM attendance_match_usage"
                           " WHERE institution_id = ? AND day = ?"),
            { inst.id, m_server->clock().todayInChina().toString(Qt::ISODate) });
        QVERIFY(n.next());
        QCOMPARE(n.value(0).toInt(), cap);
        n.finish();
        m_server->clock().advance(24 * 3600);
    }
}

void TestClasses::migration9_removesOldDigestsAndRaisesScopes()
{
    // A database as it was before migration 9: enrolments with a digest column, published (and
    // kept in a replayable conflict answer) with the digest.
    const TestAccount inst
        = institution(QStringLiteral("inst_mig"), QStringLiteral("52440106MJ0123456"));
    const TestAccount emp
        = employer(QStringLiteral("emp_mig"), QStringLiteral("91440106MA59XK3T1"));
    const TestAccount a
        = learner(QStringLiteral("learner_mig"), QStringLiteral("44010619900101060"), &emp);
    const QString classId = publishClass(inst);
    const QString enrolment = enrolConfirmed(inst, a, classId);
    QString instCursor;
    QVERIFY(!pullAllChanges(*m_client, inst.token, 1000, &instCursor).isEmpty());
    QString learnerCursor;
    pullAllChanges(*m_client, a.token, 1000, &learnerCursor);
    const QString fullId = residentId(QStringLiteral("44010619900101060"));
    const QString digest = QString::fromLatin1(QCryptographicHash::hash(
        (classId + QLatin1Char(':') + fullId).toUtf8(), QCryptographicHash::Sha256)
                                                   .toHex());

    server::Database &db = m_server->server().database();
    db.exec(QStringLiteral("ALTER TABLE enrolments ADD COLUMN resident_id_digest TEXT"));
    db.exec(QStringLiteral("UPDATE enrolments SET resident_id_digest = ? WHERE id = ?"),
        { digest, enrolment });
    int rewritten = 0;
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT seq, data FROM change_log WHERE entity_type = "
                                             "'enrolment' AND entity_id = ?"),
            { enrolment });
        QList<QPair<qint64, QString>> rows;
        while (q.next()) {
            QJsonObject data = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
            data.insert(QStringLiteral("residentIdDigest"), digest);
            rows.append({ q.value(0).toLongLong(),
                QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact)) });
        }
        q.finish();
        for (const auto &[seq, json] : rows) {
            db.exec(QStringLiteral("UPDATE change_log SET data = ? WHERE seq = ?"), { json, seq });
            ++rewritten;
        }
    }
    QCOMPARE(rewritten, 1); // confirmed: the request before it was compacted away
    // An entry of an enrolment that no longer exists: no digest to cut out, so it goes whole.
    const QString gone = newId();
    db.exec(QStringLiteral("UPDATE change_counter SET n = n + 1"));
    db.exec(QStringLiteral("INSERT INTO change_log (seq, entity_type, entity_id, version, op, data,"
                           " changed_at) SELECT n, 'enrolment', ?, 1, 'upsert', ?, 0"
                           " FROM change_counter"),
        { gone,
            QStringLiteral("{\"id\":\"%1\",\"residentIdDigest\":\"%2\",\"residentIdMasked\":\"x\"}")
                .arg(gone, QString(64, QLatin1Char('a'))) });
    db.exec(QStringLiteral("INSERT INTO change_audience (audience, seq) SELECT ?, n FROM"
                           " change_counter"),
        { QStringLiteral("institution:") + inst.id });
    const QString conflict = QStringLiteral(
        "{\"current\":{\"data\":{\"id\":\"%1\",\"residentIdDigest\":\"%2\",\"residentIdMasked\":"
        "\"%3\"},\"id\":\"%1\",\"type\":\"enrolment\",\"version\":2},\"id\":\"m1\","
        "\"status\":\"conflict\"}")
                                 .arg(enrolment, digest, maskResidentId(fullId));
    db.exec(QStringLiteral("INSERT INTO applied_mutations (user_id, mutation_id, result,"
                           " applied_at) VALUES (?, 'm1', ?, 0), (?, 'm2', ?, 0)"),
        { inst.id, conflict, inst.id,
            QStringLiteral("{\"residentIdDigest\":\"%1\"}").arg(QString(64, QLatin1Char('b'))) });
    db.exec(QStringLiteral("DROP TABLE attendance_match_usage"));
    db.exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 9"));

    QString error;
    QVERIFY2(db.migrate(&error), qPrintable(error));

    // The stored entries lost the digest and stayed valid JSON; the orphan is gone.
    {
        QSqlQuery q = db.exec(QStringLiteral("SELECT data FROM change_log"));
        int enrolmentEntries = 0;
        while (q.next()) {
            const QString data = q.value(0).toString();
            QVERIFY2(!data.contains(QLatin1String("residentIdDigest")), qPrintable(data));
            QVERIFY(!data.contains(gone));
            if (data.contains(enrolment)) {
                ++enrolmentEntries;
                QJsonParseError parse;
                const QJsonObject o = QJsonDocument::fromJson(data.toUtf8(), &parse).object();
                QCOMPARE(parse.error, QJsonParseError::NoError);
                QCOMPARE(
                    o.value(QStringLiteral("residentIdMasked")).toString(), maskResidentId(fullId));
            }
        }
        QVERIFY(enrolmentEntries >= 1);
        QSqlQuery r = db.exec(QStringLiteral(
            "SELECT result FROM applied_mutations WHERE mutation_id IN ('m1', 'm2')"));
        int kept = 0;
        while (r.next()) {
            ++kept;
            const QString result = r.value(0).toString();
            QVERIFY2(!result.contains(QLatin1String("residentIdDigest")), qPrintable(result));
            QVERIFY(!QJsonDocument::fromJson(result.toUtf8()).object().isEmpty());
        }
        QCOMPARE(kept, 1); // the conflict, cut; the one nothing could be cut from, deleted
    }
    // The column is gone, and the server still runs on the migrated schema.
    QSqlQuery columns(db.connection());
    QVERIFY(!columns.exec(QStringLiteral("SELECT resident_id_digest FROM enrolments")));
    columns.finish();
    // Whoever cached enrolments downloads them again: 410, then a full pull without digests.
    QCOMPARE(
        m_client->get(QStringLiteral("/sync/changes?since=") + instCursor, inst.token).status, 410);
    QCOMPARE(
        m_client->get(QStringLiteral("/sync/changes?since=") + learnerCursor, a.token).status, 410);
    const QList<QJsonObject> fresh = pullAllChanges(*m_client, inst.token);
    bool found = false;
    for (const QJsonObject &change : fresh) {
        QVERIFY(!QJsonDocument(change).toJson().contains("residentIdDigest"));
        found = found || change.value(QStringLiteral("id")).toString() == enrolment;
    }
    QVERIFY(found);
    // And the server works on it: a new enrolment is published without a digest.
    const TestAccount b
        = learner(QStringLiteral("learner_mig2"), QStringLiteral("44010619850505432"), &emp);
    enrolConfirmed(inst, b, classId);
    for (const QJsonObject &change : pullAllChanges(*m_client, inst.token))
        QVERIFY(!QJsonDocument(change).toJson().contains("residentIdDigest"));
}

void TestClasses::demoData_wholeFlowFromClassToLearnersHours()
{
    // The product's first run: the demo institution (approved) publishes a class in the demo
    // employer's district, the demo learner (confirmed by that employer) enrols, the institution
    // confirms the enrolment and, on the first day of the class, the hours.
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QHash<QString, TestAccount> demo;
    for (const server::DemoAccount &account : server::demoAccounts()) {
        const TestReply session = m_client->post(QStringLiteral("/session"),
            { { QStringLiteral("username"), account.username },
                { QStringLiteral("password"), account.password } });
        QCOMPARE(session.status, 200);
        demo.insert(account.role,
            { session.json.value(QStringLiteral("user"))
                    .toObject()
                    .value(QStringLiteral("id"))
                    .toString(),
                session.json.value(QStringLiteral("token")).toString() });
    }
    const TestAccount inst = demo.value(QStringLiteral("institution"));
    const TestAccount student = demo.value(QStringLiteral("learner"));
    const QString classId = publishClass(inst,
        { { QStringLiteral("regionCode"), QStringLiteral("440106") },
            { QStringLiteral("startDate"), QStringLiteral("2026-03-01") },
            { QStringLiteral("endDate"), QStringLiteral("2026-03-01") },
            { QStringLiteral("enrolmentDeadline"), QStringLiteral("2026-03-01") } });
    QCOMPARE(latest(student, QStringLiteral("trainingClass"))
                 .value(classId)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("accepting"));
    const QString enrolment = enrolConfirmed(inst, student, classId);
    const QJsonObject hours = mutate(inst, QStringLiteral("class.confirmHours"), classId, 2,
        { { QStringLiteral("entries"),
            QJsonArray { QJsonObject { { QStringLiteral("enrolmentId"), enrolment },
                { QStringLiteral("hoursTenths"), 240 } } } } });
    QCOMPARE(hours.value(QStringLiteral("applied")).toInt(), 1);
    QCOMPARE(latest(student, QStringLiteral("enrolment"))
                 .value(enrolment)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("credited"));
    const QJsonObject record = latest(student, QStringLiteral("hourRecord"))
                                   .value(derivedId(QStringLiteral("classHours"), { enrolment }));
    QCOMPARE(record.value(QStringLiteral("source")).toString(), QStringLiteral("trainingClass"));
    QCOMPARE(record.value(QStringLiteral("hoursTenths")).toInt(), 240);
}

QTEST_GUILESS_MAIN(TestClasses)
#include "tst_classes.moc"
