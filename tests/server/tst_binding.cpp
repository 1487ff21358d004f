// Employer bindings (R4) on the server, through the sync API over HTTPS: the state machine
// (request, confirm, reject, resubmit, rebinding with history), the study lock, the fields a
// confirmation fixes, and who may act on what. Runs on SQLite and PostgreSQL.
#include "core/apierror.h"
#include "services/accountservice.h"
#include "services/bindingservice.h"
#include "services/hourrecordservice.h"
#include "storage/database.h"
#include "testserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUuid>

#include <atomic>
#include <thread>

using namespace xueshi;
using namespace xueshi::test;

namespace {

using Account = TestAccount;

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestBinding : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void request_incompleteProfile_rejected();
    void request_unknownEmployer_rejectedWithManualWording();
    void confirm_unlocksStudyAndShowsInBothFeeds();
    void reject_needsReason_thenResubmit();
    void rebinding_newEmployerConfirms_oldEnded_historyKept();
    void confirmed_fixesNameAndId_otherFieldsEditable();
    void decide_otherEmployersRequest_refused();
    void decide_afterLearnerWithdrew_conflictNotApplied();
    void request_replacesPendingRequest();
    void confirm_keepsLearnersCursor();
    void hourRecords_reachLearnerAndConfirmedEmployerOnly();
    // Issue 10: identity, approval and what a former employer keeps.
    void decide_afterIdentityChangedWhilePending_conflictShowsCurrentDetails();
    void profileChange_employerDoesNotSee_keepsBindingVersion();
    void employer_awaitingApproval_hiddenAndCannotConfirm();
    void administrator_approvesOrRejects_onTheVersionItSaw();
    void rejectedSquatter_freesCreditCode();
    void formerEmployer_losesPersonalDataAndRecords();
    void rejectedOrWithdrawn_employerKeepsNameOnly();
    void confirmWhileProfileUpdated_noDeadlock();

private:
    Account registerLearner(const QString &username, const QString &first17);
    Account registerEmployer(
        const QString &username, const QString &creditFirst17, bool approve = true);
    Account administrator();
    qint64 userVersion(const QString &userId);
    // Saves and publishes an hour record in a transaction of its own; its new version.
    qint64 saveRecord(const server::HourRecordService::Record &record);
    QJsonObject mutate(const Account &who, const QString &type, const QString &target, qint64 base,
        const QJsonObject &payload = {});
    void completeProfile(const Account &learner);
    QList<QJsonObject> bindingsIn(const Account &who);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestBinding::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
}

void TestBinding::cleanup()
{
    m_client.reset();
    m_server.reset();
}

Account TestBinding::registerLearner(const QString &username, const QString &first17)
{
    return registerAndLogin(
        *m_client, QStringLiteral("/accounts/learners"), learnerRegistration(username, first17));
}

Account TestBinding::registerEmployer(
    const QString &username, const QString &creditFirst17, bool approve)
{
    const Account employer = registerAndLogin(*m_client, QStringLiteral("/accounts/employers"),
        organisationRegistration(username, creditFirst17));
    QString error;
    if (approve
        && !m_server->server().accounts().approveOrganisation(username, Role::Employer, &error))
        qWarning("approve %s: %s", qPrintable(username), qPrintable(error));
    return employer;
}

Account TestBinding::administrator()
{
    QString error;
    if (!m_server->server().accounts().createAdministrator(
            QStringLiteral("admin"), QStringLiteral("Admin-2026-pass"), &error))
        qWarning("admin: %s", qPrintable(error));
    const TestReply session = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("admin") },
            { QStringLiteral("password"), QStringLiteral("Admin-2026-pass") } });
    return { session.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("id"))
                 .toString(),
        session.json.value(QStringLiteral("token")).toString() };
}

qint64 TestBinding::saveRecord(const server::HourRecordService::Record &record)
{
    server::Transaction tx(m_server->server().database());
    const qint64 version = m_server->server().hourRecords().save(record);
    tx.commit();
    return version;
}

qint64 TestBinding::userVersion(const QString &userId)
{
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { userId });
    return v.next() ? v.value(0).toLongLong() : -1;
}

QJsonObject TestBinding::mutate(const Account &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload)
{
    const TestReply r = m_client->post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                { QStringLiteral("baseVersion"), double(base) },
                { QStringLiteral("payload"), payload } } } } },
        who.token);
    return r.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

void TestBinding::completeProfile(const Account &learner)
{
    const TestReply me = m_client->get(QStringLiteral("/me"), learner.token);
    Q_UNUSED(me);
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { learner.id });
    QVERIFY(v.next());
    const QJsonObject r = mutate(learner, QStringLiteral("profile.update"), learner.id,
        v.value(0).toLongLong(),
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("bachelor") },
            { QStringLiteral("professionalTitle"), QStringLiteral("工程师") },
            { QStringLiteral("professionalSeries"), QStringLiteral("engineering-environmental") },
            { QStringLiteral("position"), QStringLiteral("环评工程师") } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
}

QList<QJsonObject> TestBinding::bindingsIn(const Account &who)
{
    // The latest state of each binding the user may see.
    QHash<QString, QJsonObject> latest;
    for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("binding"))
            latest.insert(c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("data")).toObject());
    }
    return latest.values();
}

void TestBinding::request_incompleteProfile_rejected()
{
    const Account learner
        = registerLearner(QStringLiteral("incomplete"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_a"), QStringLiteral("91440106MA59XK3T1"));
    const QJsonObject r = mutate(learner, QStringLiteral("binding.request"), newId(), 0,
        { { QStringLiteral("employerId"), employer.id } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("profile_incomplete"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("gender"));
    QVERIFY(bindingsIn(employer).isEmpty());
}

void TestBinding::request_unknownEmployer_rejectedWithManualWording()
{
    const Account learner
        = registerLearner(QStringLiteral("lonely"), QStringLiteral("44010619900101123"));
    completeProfile(learner);
    const QJsonObject r = mutate(learner, QStringLiteral("binding.request"), newId(), 0,
        { { QStringLiteral("employerId"), newId() } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    const QJsonObject error = r.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("detail")).toString(), QStringLiteral("employer_unknown"));
    QVERIFY2(error.value(QStringLiteral("message")).toString().contains(QStringLiteral("注册")),
        qPrintable(error.value(QStringLiteral("message")).toString()));
    // A learner is not an employer either.
    const QJsonObject asLearner = mutate(learner, QStringLiteral("binding.request"), newId(), 0,
        { { QStringLiteral("employerId"), learner.id } });
    QCOMPARE(asLearner.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
}

void TestBinding::confirm_unlocksStudyAndShowsInBothFeeds()
{
    const Account learner
        = registerLearner(QStringLiteral("student"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_b"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    server::AuthenticatedUser caller;
    caller.id = learner.id;
    caller.role = Role::Learner;
    bool locked = false;
    try {
        m_server->server().bindings().requireStudyAllowed(caller);
    } catch (const server::ApiError &e) {
        locked = e.code() == QLatin1String("study_locked") && e.status() == 403;
    }
    QVERIFY(locked);

    const QString bindingId = newId();
    QCOMPARE(mutate(learner, QStringLiteral("binding.request"), bindingId, 0,
                 { { QStringLiteral("employerId"), employer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QList<QJsonObject> seen = bindingsIn(employer);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    // The HR office sees the person in full, to check who they are.
    const QJsonObject person = seen.first().value(QStringLiteral("learner")).toObject();
    QCOMPARE(person.value(QStringLiteral("residentId")).toString(),
        residentId(QStringLiteral("44010619900101123")));
    QCOMPARE(person.value(QStringLiteral("professionalSeries")).toString(),
        QStringLiteral("engineering-environmental"));

    const QJsonObject confirmed = mutate(employer, QStringLiteral("binding.confirm"), bindingId, 1);
    QCOMPARE(confirmed.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(confirmed.value(QStringLiteral("version")).toInt(), 2);
    const QList<QJsonObject> mine = bindingsIn(learner);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QCOMPARE(mine.first().value(QStringLiteral("employerName")).toString(),
        QStringLiteral("广州测试科技有限公司"));
    m_server->server().bindings().requireStudyAllowed(caller);
}

void TestBinding::reject_needsReason_thenResubmit()
{
    const Account learner
        = registerLearner(QStringLiteral("rejectee"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_c"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    const QString first = newId();
    mutate(learner, QStringLiteral("binding.request"), first, 0,
        { { QStringLiteral("employerId"), employer.id } });
    const QJsonObject noReason = mutate(employer, QStringLiteral("binding.reject"), first, 1);
    QCOMPARE(noReason.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(noReason.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("field"))
                 .toString(),
        QStringLiteral("reason"));
    QCOMPARE(mutate(employer, QStringLiteral("binding.reject"), first, 1,
                 { { QStringLiteral("reason"), QStringLiteral("查无此人，请核对身份证号") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QList<QJsonObject> mine = bindingsIn(learner);
    QCOMPARE(mine.size(), 1);
    QCOMPARE(mine.first().value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(mine.first().value(QStringLiteral("reason")).toString(),
        QStringLiteral("查无此人，请核对身份证号"));

    // Corrected and resubmitted: a new request, the rejected one kept in the history.
    const QString second = newId();
    QCOMPARE(mutate(learner, QStringLiteral("binding.request"), second, 0,
                 { { QStringLiteral("employerId"), employer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(mutate(employer, QStringLiteral("binding.confirm"), second, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    mine = bindingsIn(learner);
    QCOMPARE(mine.size(), 2);
}

void TestBinding::rebinding_newEmployerConfirms_oldEnded_historyKept()
{
    const Account learner
        = registerLearner(QStringLiteral("mover"), QStringLiteral("44010619900101123"));
    const Account oldEmployer
        = registerEmployer(QStringLiteral("emp_old"), QStringLiteral("91440106MA59XK3T1"));
    const Account newEmployer
        = registerEmployer(QStringLiteral("emp_new"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString first = newId();
    mutate(learner, QStringLiteral("binding.request"), first, 0,
        { { QStringLiteral("employerId"), oldEmployer.id } });
    mutate(oldEmployer, QStringLiteral("binding.confirm"), first, 1);
    // Asking the same employer again is refused.
    QCOMPARE(mutate(learner, QStringLiteral("binding.request"), newId(), 0,
                 { { QStringLiteral("employerId"), oldEmployer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("rejected"));

    const QString second = newId();
    mutate(learner, QStringLiteral("binding.request"), second, 0,
        { { QStringLiteral("employerId"), newEmployer.id } });
    // Until the new employer confirms, the old binding stands.
    QCOMPARE(m_server->server().bindings().confirmedEmployer(learner.id).value_or(QString()),
        oldEmployer.id);
    QCOMPARE(mutate(newEmployer, QStringLiteral("binding.confirm"), second, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(m_server->server().bindings().confirmedEmployer(learner.id).value_or(QString()),
        newEmployer.id);

    QHash<QString, QString> statuses;
    for (const QJsonObject &b : bindingsIn(learner))
        statuses.insert(
            b.value(QStringLiteral("id")).toString(), b.value(QStringLiteral("status")).toString());
    QCOMPARE(statuses.value(first), QStringLiteral("ended"));
    QCOMPARE(statuses.value(second), QStringLiteral("confirmed"));
    // The old employer sees the binding ended; the new one only its own.
    const QList<QJsonObject> oldView = bindingsIn(oldEmployer);
    QCOMPARE(oldView.size(), 1);
    QCOMPARE(oldView.first().value(QStringLiteral("status")).toString(), QStringLiteral("ended"));
    QCOMPARE(bindingsIn(newEmployer).size(), 1);
}

void TestBinding::confirmed_fixesNameAndId_otherFieldsEditable()
{
    const Account learner
        = registerLearner(QStringLiteral("fixed"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_d"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    // Before confirmation the name can still be corrected.
    QCOMPARE(mutate(learner, QStringLiteral("profile.update"), learner.id, 2,
                 { { QStringLiteral("realName"), QStringLiteral("张三丰") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    mutate(employer, QStringLiteral("binding.confirm"), id, 1);

    const QJsonObject name = mutate(learner, QStringLiteral("profile.update"), learner.id, 3,
        { { QStringLiteral("realName"), QStringLiteral("李四") } });
    QCOMPARE(name.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(
        name.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("field_locked"));
    const QJsonObject idChange = mutate(learner, QStringLiteral("profile.update"), learner.id, 3,
        { { QStringLiteral("residentId"), residentId(QStringLiteral("44010619900101124")) } });
    QCOMPARE(idChange.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("field"))
                 .toString(),
        QStringLiteral("residentId"));
    const QJsonObject other = mutate(learner, QStringLiteral("profile.update"), learner.id, 3,
        { { QStringLiteral("position"), QStringLiteral("高级工程师") },
            { QStringLiteral("mobile"), QStringLiteral("13912345678") } });
    QCOMPARE(other.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    // The HR office sees the new details.
    const QList<QJsonObject> seen = bindingsIn(employer);
    QCOMPARE(seen.first()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("position"))
                 .toString(),
        QStringLiteral("高级工程师"));
    QCOMPARE(seen.first()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("realName"))
                 .toString(),
        QStringLiteral("张三丰"));
}

void TestBinding::decide_otherEmployersRequest_refused()
{
    const Account learner
        = registerLearner(QStringLiteral("target"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_e"), QStringLiteral("91440106MA59XK3T1"));
    const Account stranger
        = registerEmployer(QStringLiteral("emp_f"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    const QJsonObject r = mutate(stranger, QStringLiteral("binding.confirm"), id, 1);
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(r.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("forbidden"));
    QVERIFY(bindingsIn(stranger).isEmpty());
    // Nor can the learner confirm it.
    QCOMPARE(mutate(learner, QStringLiteral("binding.confirm"), id, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("rejected"));
    QVERIFY(!m_server->server().bindings().confirmedEmployer(learner.id));
}

void TestBinding::decide_afterLearnerWithdrew_conflictNotApplied()
{
    const Account learner
        = registerLearner(QStringLiteral("changer"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_g"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    // HR saw version 1 offline; meanwhile the learner withdrew it.
    QCOMPARE(mutate(learner, QStringLiteral("binding.withdraw"), id, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject decision = mutate(employer, QStringLiteral("binding.confirm"), id, 1);
    QCOMPARE(decision.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    const QJsonObject current = decision.value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(
        current.value(QStringLiteral("data")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("withdrawn"));
    QVERIFY(!m_server->server().bindings().confirmedEmployer(learner.id));
}

void TestBinding::request_replacesPendingRequest()
{
    const Account learner
        = registerLearner(QStringLiteral("hesitant"), QStringLiteral("44010619900101123"));
    const Account first
        = registerEmployer(QStringLiteral("emp_h"), QStringLiteral("91440106MA59XK3T1"));
    const Account second
        = registerEmployer(QStringLiteral("emp_i"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString a = newId();
    const QString b = newId();
    mutate(learner, QStringLiteral("binding.request"), a, 0,
        { { QStringLiteral("employerId"), first.id } });
    mutate(learner, QStringLiteral("binding.request"), b, 0,
        { { QStringLiteral("employerId"), second.id } });
    const QList<QJsonObject> firstView = bindingsIn(first);
    QCOMPARE(
        firstView.first().value(QStringLiteral("status")).toString(), QStringLiteral("withdrawn"));
    // The first employer decided on what it saw before: a conflict, not a confirmation.
    QCOMPARE(mutate(first, QStringLiteral("binding.confirm"), a, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("conflict"));
}

void TestBinding::confirm_keepsLearnersCursor()
{
    const Account learner
        = registerLearner(QStringLiteral("rescoped"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_j"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    QString cursor;
    const QList<QJsonObject> before = pullAllChanges(*m_client, learner.token, 1000, &cursor);
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    QCOMPARE(
        m_client->get(QStringLiteral("/sync/changes?since=") + cursor, learner.token).status, 200);
    mutate(employer, QStringLiteral("binding.confirm"), id, 1);
    // A learner reads the same audiences bound or not: the cursor stays valid, and following
    // it ends with exactly what a pull from the start gives.
    QString after;
    const QList<QJsonObject> rest = pullAllChanges(*m_client, learner.token, 7, &after, cursor);
    QVERIFY(!rest.isEmpty());
    const auto fold = [](QMap<QString, qint64> *cache, const QList<QJsonObject> &changes) {
        for (const QJsonObject &c : changes) {
            const QString key = c.value(QStringLiteral("type")).toString() + QLatin1Char('/')
                + c.value(QStringLiteral("id")).toString();
            if (c.value(QStringLiteral("op")).toString() == QLatin1String("delete"))
                cache->remove(key);
            else
                cache->insert(key, qint64(c.value(QStringLiteral("version")).toDouble()));
        }
    };
    QMap<QString, qint64> followed;
    fold(&followed, before);
    fold(&followed, rest);
    QMap<QString, qint64> fresh;
    fold(&fresh, pullAllChanges(*m_client, learner.token, 1000));
    QCOMPARE(followed, fresh);
    QVERIFY(fresh.contains(QStringLiteral("binding/") + id));
    QCOMPARE(fresh.value(QStringLiteral("binding/") + id), 2);
}

void TestBinding::hourRecords_reachLearnerAndConfirmedEmployerOnly()
{
    const Account learner
        = registerLearner(QStringLiteral("hours"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_k"), QStringLiteral("91440106MA59XK3T1"));
    const Account stranger
        = registerEmployer(QStringLiteral("emp_l"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    server::HourRecordService::Record record;
    record.id = newId();
    record.learnerId = learner.id;
    record.year = 2026;
    record.source = QStringLiteral("selfDeclaration");
    record.subjectType = QStringLiteral("professional");
    record.hoursTenths = 125;
    record.status = QStringLiteral("pending");
    record.title = QStringLiteral("环境影响评价新规培训");
    record.startDate = QDate(2026, 3, 2);
    record.endDate = QDate(2026, 3, 3);
    QCOMPARE(saveRecord(record), qint64(1));
    const auto recordsIn = [this](const Account &who) {
        QList<QJsonObject> found;
        for (const QJsonObject &c : pullAllChanges(*m_client, who.token)) {
            if (c.value(QStringLiteral("type")).toString() == QLatin1String("hourRecord"))
                found.append(c.value(QStringLiteral("data")).toObject());
        }
        return found;
    };
    const QList<QJsonObject> own = recordsIn(learner);
    QCOMPARE(own.size(), 1);
    QCOMPARE(own.first().value(QStringLiteral("hoursTenths")).toInt(), 125);
    QCOMPARE(
        own.first().value(QStringLiteral("startDate")).toString(), QStringLiteral("2026-03-02"));
    QVERIFY(recordsIn(employer).isEmpty());

    // Once the employer confirms the learner, it receives the history too; another does not.
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    mutate(employer, QStringLiteral("binding.confirm"), id, 1);
    QCOMPARE(recordsIn(employer).size(), 1);
    record.status = QStringLiteral("confirmed");
    QCOMPARE(saveRecord(record), qint64(2));
    const QList<QJsonObject> seen = recordsIn(employer);
    QCOMPARE(seen.last().value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
    QVERIFY(recordsIn(stranger).isEmpty());
}

void TestBinding::decide_afterIdentityChangedWhilePending_conflictShowsCurrentDetails()
{
    const Account learner
        = registerLearner(QStringLiteral("swapper"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_swap"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    // HR sees version 1 with the original identity ...
    const QList<QJsonObject> seen = bindingsIn(employer);
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().value(QStringLiteral("version")).toInt(), 1);
    const QString originalId = residentId(QStringLiteral("44010619900101123"));
    QCOMPARE(seen.first()
                 .value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("residentId"))
                 .toString(),
        originalId);
    // ... while the learner swaps name and resident id.
    const QString swappedId = residentId(QStringLiteral("44010619851212456"));
    QCOMPARE(mutate(learner, QStringLiteral("profile.update"), learner.id, userVersion(learner.id),
                 { { QStringLiteral("realName"), QStringLiteral("王五") },
                     { QStringLiteral("residentId"), swappedId } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    // The decision taken on version 1 is not applied to the new identity: a conflict showing it.
    const QJsonObject decision = mutate(employer, QStringLiteral("binding.confirm"), id, 1);
    QCOMPARE(decision.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    const QJsonObject current = decision.value(QStringLiteral("current")).toObject();
    QCOMPARE(current.value(QStringLiteral("version")).toInt(), 2);
    const QJsonObject now = current.value(QStringLiteral("data"))
                                .toObject()
                                .value(QStringLiteral("learner"))
                                .toObject();
    QCOMPARE(now.value(QStringLiteral("realName")).toString(), QStringLiteral("王五"));
    QCOMPARE(now.value(QStringLiteral("residentId")).toString(), swappedId);
    QVERIFY(!m_server->server().bindings().confirmedEmployer(learner.id));
    // The HR office's feed shows the new version; confirming that one works.
    QCOMPARE(bindingsIn(employer).first().value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(mutate(employer, QStringLiteral("binding.confirm"), id, 2)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
}

void TestBinding::profileChange_employerDoesNotSee_keepsBindingVersion()
{
    const Account learner
        = registerLearner(QStringLiteral("steady"), QStringLiteral("44010619900101123"));
    const Account employer
        = registerEmployer(QStringLiteral("emp_steady"), QStringLiteral("91440106MA59XK3T1"));
    completeProfile(learner);
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), employer.id } });
    // The same values sent again change nothing the HR office sees.
    QCOMPARE(mutate(learner, QStringLiteral("profile.update"), learner.id, userVersion(learner.id),
                 { { QStringLiteral("position"), QStringLiteral("环评工程师") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(mutate(employer, QStringLiteral("binding.confirm"), id, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
}

void TestBinding::employer_awaitingApproval_hiddenAndCannotConfirm()
{
    const Account learner
        = registerLearner(QStringLiteral("picker"), QStringLiteral("44010619900101123"));
    const Account fake
        = registerEmployer(QStringLiteral("emp_fake"), QStringLiteral("91440106MA59XK3T1"), false);
    completeProfile(learner);
    // Its own account says it waits.
    const TestReply me = m_client->get(QStringLiteral("/me"), fake.token);
    QCOMPARE(me.status, 200);
    QCOMPARE(
        me.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("awaiting_approval"));
    // Not in the employer directory learners search ...
    for (const QJsonObject &c : pullAllChanges(*m_client, learner.token))
        QVERIFY(c.value(QStringLiteral("id")).toString() != fake.id);
    // ... and no request reaches it, so it receives nobody's personal data.
    const QJsonObject request = mutate(learner, QStringLiteral("binding.request"), newId(), 0,
        { { QStringLiteral("employerId"), fake.id } });
    QCOMPARE(request.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(
        request.value(QStringLiteral("error")).toObject().value(QStringLiteral("field")).toString(),
        QStringLiteral("employerId"));
    QVERIFY(bindingsIn(fake).isEmpty());

    // A binding addressed to it before it lost approval cannot be confirmed by it either: a
    // request to an approved employer, confirmed by an unapproved one, is refused as forbidden
    // (another's), and its own unapproved state is refused with awaiting_approval.
    const Account real
        = registerEmployer(QStringLiteral("emp_real"), QStringLiteral("91440106MA59XK3T2"));
    const QString id = newId();
    mutate(learner, QStringLiteral("binding.request"), id, 0,
        { { QStringLiteral("employerId"), real.id } });
    const QJsonObject self = mutate(fake, QStringLiteral("binding.confirm"), id, 1);
    QCOMPARE(self.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(
        self.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("awaiting_approval"));
    QVERIFY(!m_server->server().bindings().confirmedEmployer(learner.id));

    // Once the administrator approves it, it is listed.
    QString error;
    QVERIFY2(m_server->server().accounts().approveOrganisation(
                 QStringLiteral("emp_fake"), Role::Employer, &error),
        qPrintable(error));
    bool listed = false;
    for (const QJsonObject &c : pullAllChanges(*m_client, learner.token)) {
        listed = listed
            || (c.value(QStringLiteral("type")).toString() == QLatin1String("employer")
                && c.value(QStringLiteral("id")).toString() == fake.id);
    }
    QVERIFY(listed);
}

void TestBinding::administrator_approvesOrRejects_onTheVersionItSaw()
{
    const Account pending = registerEmployer(
        QStringLiteral("emp_review"), QStringLiteral("91440106MA59XK3T1"), false);
    const Account other
        = registerEmployer(QStringLiteral("emp_other"), QStringLiteral("91440106MA59XK3T2"), false);
    const Account admin = administrator();
    QVERIFY(!admin.token.isEmpty());

    // The administrator's feed holds the organisations with their details and state.
    QHash<QString, QJsonObject> organisations;
    for (const QJsonObject &c : pullAllChanges(*m_client, admin.token)) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("organisation"))
            organisations.insert(c.value(QStringLiteral("id")).toString(),
                c.value(QStringLiteral("data")).toObject());
    }
    QVERIFY(organisations.contains(pending.id));
    const QJsonObject seen = organisations.value(pending.id);
    QCOMPARE(seen.value(QStringLiteral("status")).toString(), QStringLiteral("awaiting_approval"));
    QCOMPARE(seen.value(QStringLiteral("kind")).toString(), QStringLiteral("employer"));
    QVERIFY(!seen.value(QStringLiteral("creditCode")).toString().isEmpty());
    QVERIFY(!seen.value(QStringLiteral("contactPerson")).toString().isEmpty());
    QVERIFY(!seen.value(QStringLiteral("regionName")).toString().isEmpty());
    // Nobody else receives it.
    for (const QJsonObject &c : pullAllChanges(*m_client, other.token))
        QVERIFY(c.value(QStringLiteral("type")).toString() != QLatin1String("organisation"));

    // Only an administrator decides.
    const qint64 version = qint64(seen.value(QStringLiteral("version")).toDouble());
    QCOMPARE(mutate(other, QStringLiteral("organisation.approve"), pending.id, version)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toString(),
        QStringLiteral("forbidden"));
    QCOMPARE(mutate(pending, QStringLiteral("organisation.approve"), pending.id, version)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("rejected"));
    // A rejection needs a reason.
    QCOMPARE(mutate(admin, QStringLiteral("organisation.reject"), pending.id, version)
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("field"))
                 .toString(),
        QStringLiteral("reason"));

    // The organisation changes its contact meanwhile: the decision on what was seen conflicts.
    QCOMPARE(mutate(pending, QStringLiteral("profile.update"), pending.id, userVersion(pending.id),
                 { { QStringLiteral("contactPerson"), QStringLiteral("赵六") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject stale
        = mutate(admin, QStringLiteral("organisation.approve"), pending.id, version);
    QCOMPARE(stale.value(QStringLiteral("status")).toString(), QStringLiteral("conflict"));
    QCOMPARE(stale.value(QStringLiteral("current"))
                 .toObject()
                 .value(QStringLiteral("data"))
                 .toObject()
                 .value(QStringLiteral("organisation"))
                 .toObject()
                 .value(QStringLiteral("contactPerson"))
                 .toString(),
        QStringLiteral("赵六"));
    QCOMPARE(m_client->get(QStringLiteral("/me"), pending.token)
                 .json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("awaiting_approval"));

    // On the current version it applies.
    QCOMPARE(
        mutate(admin, QStringLiteral("organisation.approve"), pending.id, userVersion(pending.id))
            .value(QStringLiteral("status"))
            .toString(),
        QStringLiteral("applied"));
    QCOMPARE(m_client->get(QStringLiteral("/me"), pending.token)
                 .json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("active"));
    // Rejecting the other one: it can log in and sees why.
    QCOMPARE(mutate(admin, QStringLiteral("organisation.reject"), other.id, userVersion(other.id),
                 { { QStringLiteral("reason"), QStringLiteral("信用代码与营业执照不符") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QJsonObject rejected = m_client->get(QStringLiteral("/me"), other.token)
                                     .json.value(QStringLiteral("user"))
                                     .toObject();
    QCOMPARE(rejected.value(QStringLiteral("status")).toString(), QStringLiteral("rejected"));
    QCOMPARE(rejected.value(QStringLiteral("organisation"))
                 .toObject()
                 .value(QStringLiteral("rejectionReason"))
                 .toString(),
        QStringLiteral("信用代码与营业执照不符"));
    // A second decision on a decided organisation conflicts.
    QCOMPARE(mutate(admin, QStringLiteral("organisation.approve"), other.id, userVersion(other.id))
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("conflict"));
}

void TestBinding::rejectedSquatter_freesCreditCode()
{
    const QString code = QStringLiteral("91440106MA59XK3T1");
    registerEmployer(QStringLiteral("squatter"), code, false);
    // The real company cannot register while the squatter holds its code ...
    const TestReply blocked = m_client->post(QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("realco"), code));
    QCOMPARE(blocked.status, 409);
    QString error;
    QVERIFY2(m_server->server().accounts().rejectOrganisation(
                 QStringLiteral("squatter"), QStringLiteral("冒用他人信用代码"), &error),
        qPrintable(error));
    // ... and can once the administrator rejected it.
    const TestReply registered = m_client->post(QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("realco"), code));
    QCOMPARE(registered.status, 201);
}

void TestBinding::formerEmployer_losesPersonalDataAndRecords()
{
    const Account learner
        = registerLearner(QStringLiteral("leaver"), QStringLiteral("44010619900101123"));
    const Account oldEmployer
        = registerEmployer(QStringLiteral("emp_was"), QStringLiteral("91440106MA59XK3T1"));
    const Account newEmployer
        = registerEmployer(QStringLiteral("emp_now"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString first = newId();
    mutate(learner, QStringLiteral("binding.request"), first, 0,
        { { QStringLiteral("employerId"), oldEmployer.id } });
    mutate(oldEmployer, QStringLiteral("binding.confirm"), first, 1);
    server::HourRecordService::Record record;
    record.id = newId();
    record.learnerId = learner.id;
    record.year = 2026;
    record.source = QStringLiteral("selfDeclaration");
    record.subjectType = QStringLiteral("elective");
    record.hoursTenths = 60;
    record.status = QStringLiteral("confirmed");
    record.title = QStringLiteral("安全生产培训");
    record.startDate = QDate(2026, 4, 1);
    record.endDate = QDate(2026, 4, 1);
    saveRecord(record);
    const QString id = residentId(QStringLiteral("44010619900101123"));
    QString cursor;
    const QList<QJsonObject> before = pullAllChanges(*m_client, oldEmployer.token, 1000, &cursor);
    const auto mentions = [](const QList<QJsonObject> &changes, const QString &text) {
        for (const QJsonObject &c : changes) {
            if (QString::fromUtf8(QJsonDocument(c).toJson()).contains(text))
                return true;
        }
        return false;
    };
    QVERIFY(mentions(before, id));
    QVERIFY(mentions(before, record.id));

    // The learner moves: the new employer confirms.
    const QString second = newId();
    mutate(learner, QStringLiteral("binding.request"), second, 0,
        { { QStringLiteral("employerId"), newEmployer.id } });
    QCOMPARE(mutate(newEmployer, QStringLiteral("binding.confirm"), second, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));

    // The former employer's next sync: the binding as a name only, the records deleted.
    const QList<QJsonObject> next
        = pullAllChanges(*m_client, oldEmployer.token, 1000, nullptr, cursor);
    QVERIFY(!mentions(next, id));
    QVERIFY(!mentions(next, QStringLiteral("13800138000")));
    bool deleted = false;
    bool ended = false;
    for (const QJsonObject &c : next) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("hourRecord")) {
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
            deleted = c.value(QStringLiteral("id")).toString() == record.id;
        }
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("binding")) {
            const QJsonObject data = c.value(QStringLiteral("data")).toObject();
            ended = data.value(QStringLiteral("status")).toString() == QLatin1String("ended");
            QCOMPARE(data.value(QStringLiteral("learner")).toObject().keys(),
                QStringList { QStringLiteral("realName") });
        }
    }
    QVERIFY(deleted);
    QVERIFY(ended);
    // A fresh pull (a reinstall) returns nothing personal of the learner, and no record.
    const QList<QJsonObject> fresh = pullAllChanges(*m_client, oldEmployer.token);
    QVERIFY(!mentions(fresh, id));
    QVERIFY(!mentions(fresh, QStringLiteral("13800138000")));
    for (const QJsonObject &c : fresh) {
        if (c.value(QStringLiteral("type")).toString() == QLatin1String("hourRecord"))
            QCOMPARE(c.value(QStringLiteral("op")).toString(), QStringLiteral("delete"));
    }
    // Later records reach only the new employer.
    record.id = newId();
    saveRecord(record);
    QVERIFY(!mentions(pullAllChanges(*m_client, oldEmployer.token), record.id));
    QVERIFY(mentions(pullAllChanges(*m_client, newEmployer.token), record.id));
    QVERIFY(mentions(pullAllChanges(*m_client, newEmployer.token), id));
}

void TestBinding::rejectedOrWithdrawn_employerKeepsNameOnly()
{
    const Account learner
        = registerLearner(QStringLiteral("asker"), QStringLiteral("44010619900101123"));
    const Account rejecter
        = registerEmployer(QStringLiteral("emp_no"), QStringLiteral("91440106MA59XK3T1"));
    const Account abandoned
        = registerEmployer(QStringLiteral("emp_left"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString id = residentId(QStringLiteral("44010619900101123"));
    const QString first = newId();
    mutate(learner, QStringLiteral("binding.request"), first, 0,
        { { QStringLiteral("employerId"), rejecter.id } });
    QCOMPARE(mutate(rejecter, QStringLiteral("binding.reject"), first, 1,
                 { { QStringLiteral("reason"), QStringLiteral("查无此人") } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QString second = newId();
    mutate(learner, QStringLiteral("binding.request"), second, 0,
        { { QStringLiteral("employerId"), abandoned.id } });
    mutate(learner, QStringLiteral("binding.withdraw"), second, 1);
    for (const Account &employer : { rejecter, abandoned }) {
        const QList<QJsonObject> feed = pullAllChanges(*m_client, employer.token);
        int bindings = 0;
        for (const QJsonObject &c : feed) {
            QVERIFY(!QString::fromUtf8(QJsonDocument(c).toJson()).contains(id));
            if (c.value(QStringLiteral("type")).toString() != QLatin1String("binding"))
                continue;
            ++bindings;
            const QJsonObject learnerSeen = c.value(QStringLiteral("data"))
                                                .toObject()
                                                .value(QStringLiteral("learner"))
                                                .toObject();
            QCOMPARE(learnerSeen.keys(), QStringList { QStringLiteral("realName") });
        }
        QCOMPARE(bindings, 1);
    }
    // The learner still sees the whole of each.
    bool full = false;
    for (const QJsonObject &b : bindingsIn(learner)) {
        full = full
            || b.value(QStringLiteral("learner"))
                    .toObject()
                    .value(QStringLiteral("residentId"))
                    .toString()
                == id;
    }
    QVERIFY(full);
}

void TestBinding::confirmWhileProfileUpdated_noDeadlock()
{
    // Issue 13: profile.update locked the learner's row, then the change counter; a confirmation
    // that ends a former binding took the counter (publishing the ended one), then the learner's
    // row (its scope). On PostgreSQL both queue behind a gate at the counter, the confirmation
    // first: one was then aborted as a deadlock (40P01). With one order (the learner's row first,
    // the counter last) both apply. On SQLite they run one after the other.
    const Account learner
        = registerLearner(QStringLiteral("mover"), QStringLiteral("44010619900101123"));
    const Account oldEmployer
        = registerEmployer(QStringLiteral("emp_old"), QStringLiteral("91440106MA59XK3T1"));
    const Account newEmployer
        = registerEmployer(QStringLiteral("emp_new"), QStringLiteral("91440106MA59XK3T2"));
    completeProfile(learner);
    const QString first = newId();
    mutate(learner, QStringLiteral("binding.request"), first, 0,
        { { QStringLiteral("employerId"), oldEmployer.id } });
    QCOMPARE(mutate(oldEmployer, QStringLiteral("binding.confirm"), first, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    const QString second = newId();
    mutate(learner, QStringLiteral("binding.request"), second, 0,
        { { QStringLiteral("employerId"), newEmployer.id } });
    const qint64 version = userVersion(learner.id);

    server::Server &srv = m_server->server();
    std::atomic<bool> failed { false };
    std::unique_ptr<ChangeCounterGate> gate;
    if (m_server->isPostgres())
        gate = std::make_unique<ChangeCounterGate>(srv.database());
    QJsonObject confirmed;
    QJsonObject updated;
    std::thread confirming = applyInThread(srv, newEmployer, Role::Employer,
        QStringLiteral("binding.confirm"), second, 1, {}, &confirmed, &failed);
    const bool confirmationWaits = !gate || gate->waitForWaiters(1);
    // SQLite has one writer: without the gate the update could go first and, raising the
    // bindings' versions, turn the confirmation into a conflict. The confirmation goes first.
    if (!gate)
        confirming.join();
    std::thread updating = applyInThread(srv, learner, Role::Learner,
        QStringLiteral("profile.update"), learner.id, version,
        { { QStringLiteral("mobile"), QStringLiteral("13912345678") } }, &updated, &failed);
    const bool updateWaits = !gate || gate->waitForWaiters(2);
    if (gate) {
        gate->release();
        confirming.join();
    }
    updating.join();
    QVERIFY(confirmationWaits);
    QVERIFY(updateWaits);
    QVERIFY(!failed);
    QCOMPARE(confirmed.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(updated.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
    QCOMPARE(srv.bindings().confirmedEmployer(learner.id).value_or(QString()), newEmployer.id);
}

QTEST_GUILESS_MAIN(TestBinding)
#include "tst_binding.moc"
