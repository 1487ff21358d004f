// The authorisation matrix (issue 10, "Proof that stays"): every route of the server's own route
// table and every mutation type of its own mutation table, tried by every role (and nobody) on
// its own and on another party's resource, with the expected answer. The rows are checked
// against the tables the server builds: a route or a mutation type added without a row here
// fails everyRoute_hasARow / everyMutationType_hasARow. Runs on SQLite and PostgreSQL.
#include "admin/demodata.h"
#include "api/router.h"
#include "attachmentkind.h"
#include "clock.h"
#include "entityids.h"
#include "services/accountservice.h"
#include "storage/database.h"
#include "sync/syncservice.h"
#include "testserver.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

#include <functional>

using namespace xueshi;
using namespace xueshi::test;

namespace {

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

struct Actor
{
    QString name; // for messages: "learner", "other employer", ...
    QString id;
    QString token;
};

// What a mutation must come back as.
struct Expect
{
    bool applied = false; // "applied" (or "conflict": access granted, the row moved on)
    QStringList codes; // when refused: the error codes that are right
};

Expect allowed()
{
    return { true, {} };
}

Expect refused(const QStringList &codes)
{
    return { false, codes };
}

const QStringList Forbidden { QStringLiteral("forbidden") };
const QStringList NotFound { QStringLiteral("not_found") };
const QStringList ForbiddenOrNotFound { QStringLiteral("forbidden"), QStringLiteral("not_found") };

} // namespace

class TestAuthMatrix final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void everyRoute_hasARow();
    void everyMutationType_hasARow();
    void routes_eachRoleOwnAndOthers();
    void feeds_holdNoOtherPartysPersonalData();
    void mutations_eachRoleOwnAndOthers();

private:
    Actor login(const QString &name, const QString &username, const QString &password);
    Actor registerLearner(const QString &username, const QString &first17, const QString &mobile);
    Actor registerOrganisation(const QString &path, const QString &username, const QString &first17,
        Role role, bool approve);
    QJsonObject mutate(const Actor &who, const QString &type, const QString &target, qint64 base,
        const QJsonObject &payload = {});
    void completeProfile(const Actor &learner);
    qint64 version(const QString &table, const QString &id);
    QList<QJsonObject> feed(const Actor &who);
    void expectStatus(const Actor &who, const QByteArray &method, const QString &path,
        const QByteArray &body, int status);
    QJsonObject classPayload(const QString &name);
    QJsonObject declarationPayload() const;
    // A raw request with an application/octet-stream body (an attachment's piece); the status.
    int sendBytes(const Actor &who, const QString &path, const QByteArray &bytes);
    // A new draft declaration of the learner; with `proof`, that file uploaded whole.
    QString declaration(const Actor &learner, const QByteArray &proof, QString *attachmentId);
    QString announce(const Actor &learner, const QString &declarationId, qint64 size);

    // "GET /api/v1/me" -> the probes of that route.
    QHash<QString, std::function<void()>> routeRows();
    // "binding.confirm" -> the cases of that type, refusals first.
    struct Case
    {
        Actor actor;
        QString target;
        qint64 base = 0;
        QJsonObject payload;
        Expect expect;
    };
    QHash<QString, std::function<QList<Case>()>> mutationRows();

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
    Actor m_nobody { QStringLiteral("nobody"), {}, {} };
    Actor m_learner; // demo_learner, confirmed by m_employer
    Actor m_otherLearner; // confirmed by m_otherEmployer
    Actor m_asker; // a pending request to m_employer
    Actor m_newcomer; // profile filled in, never confirmed by an employer
    Actor m_employer; // demo_employer
    Actor m_otherEmployer;
    Actor m_pendingEmployer; // demo_new_employer, awaiting approval
    Actor m_institution; // demo_institution
    Actor m_otherInstitution;
    Actor m_administrator; // demo_admin
    QString m_pendingBinding; // m_asker -> m_employer
    QString m_class; // m_institution's, accepting
    QString m_otherClass; // m_otherInstitution's, accepting
    QString m_enrolment; // m_learner in m_class, pending
    QString m_otherEnrolment; // m_otherLearner in m_otherClass, pending
    QString m_courseId;
    QString m_lessonId;
    QString m_lessonSha;
    // Self-declarations of m_learner: one submitted to m_employer with its attachment, a draft
    // with an attachment, a draft to delete with two uploads announced but not sent.
    QString m_declaration;
    QString m_attachment;
    QString m_draft;
    QString m_deletable;
    QString m_partial;
    QString m_toDelete;
    // A certificate of m_otherLearner (2026), issued from hour records written for it.
    QString m_certificate;
};

void TestAuthMatrix::initTestCase()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
    QHash<QString, QString> passwords;
    for (const server::DemoAccount &a : server::demoAccounts())
        passwords.insert(a.username, a.password);
    m_learner = login(QStringLiteral("learner"), QStringLiteral("demo_learner"),
        passwords.value(QStringLiteral("demo_learner")));
    m_employer = login(QStringLiteral("employer"), QStringLiteral("demo_employer"),
        passwords.value(QStringLiteral("demo_employer")));
    m_pendingEmployer = login(QStringLiteral("employer awaiting approval"),
        QStringLiteral("demo_new_employer"), passwords.value(QStringLiteral("demo_new_employer")));
    m_institution = login(QStringLiteral("institution"), QStringLiteral("demo_institution"),
        passwords.value(QStringLiteral("demo_institution")));
    m_administrator = login(QStringLiteral("administrator"), QStringLiteral("demo_admin"),
        passwords.value(QStringLiteral("demo_admin")));
    m_otherEmployer = registerOrganisation(QStringLiteral("/accounts/employers"),
        QStringLiteral("other_employer"), QStringLiteral("91440106MA59XK3T7"), Role::Employer,
        true);
    m_otherInstitution = registerOrganisation(QStringLiteral("/accounts/institutions"),
        QStringLiteral("other_institution"), QStringLiteral("52440106MJ0123457"), Role::Institution,
        true);
    m_otherLearner = registerLearner(QStringLiteral("other_learner"),
        QStringLiteral("44010619900101124"), QStringLiteral("13800138024"));
    m_asker = registerLearner(QStringLiteral("asker"), QStringLiteral("44010619900101125"),
        QStringLiteral("13800138025"));
    m_newcomer = registerLearner(QStringLiteral("newcomer"), QStringLiteral("44010619900101126"),
        QStringLiteral("13800138026"));
    for (const Actor &learner : { m_otherLearner, m_asker, m_newcomer })
        completeProfile(learner);

    const QString bound = newId();
    QCOMPARE(mutate(m_otherLearner, QStringLiteral("binding.request"), bound, 0,
                 { { QStringLiteral("employerId"), m_otherEmployer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QCOMPARE(mutate(m_otherEmployer, QStringLiteral("binding.confirm"), bound, 1)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    m_pendingBinding = newId();
    QCOMPARE(mutate(m_asker, QStringLiteral("binding.request"), m_pendingBinding, 0,
                 { { QStringLiteral("employerId"), m_employer.id } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));

    // A class of each institution, accepting, and an enrolment in each.
    m_class = newId();
    m_otherClass = newId();
    for (const auto &[owner, id] :
        { std::pair { m_institution, m_class }, std::pair { m_otherInstitution, m_otherClass } }) {
        QCOMPARE(mutate(owner, QStringLiteral("class.save"), id, 0, classPayload(owner.name))
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
        QCOMPARE(mutate(owner, QStringLiteral("class.open"), id, 1)
                     .value(QStringLiteral("status"))
                     .toString(),
            QStringLiteral("applied"));
    }
    m_enrolment = newId();
    QCOMPARE(mutate(m_learner, QStringLiteral("enrolment.request"), m_enrolment, 0,
                 { { QStringLiteral("classId"), m_class } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    m_otherEnrolment = newId();
    QCOMPARE(mutate(m_otherLearner, QStringLiteral("enrolment.request"), m_otherEnrolment, 0,
                 { { QStringLiteral("classId"), m_otherClass } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));

    for (const QJsonObject &c : feed(m_learner)) {
        if (c.value(QStringLiteral("type")).toString() != QLatin1String("course"))
            continue;
        const QJsonObject course = c.value(QStringLiteral("data")).toObject();
        m_courseId = course.value(QStringLiteral("id")).toString();
        const QJsonObject lesson
            = course.value(QStringLiteral("lessons")).toArray().first().toObject();
        m_lessonId = lesson.value(QStringLiteral("id")).toString();
        m_lessonSha = lesson.value(QStringLiteral("sha256")).toString();
    }
    QVERIFY(!m_courseId.isEmpty() && !m_lessonSha.isEmpty());

    const QByteArray proof = QByteArray("%PDF-1.7\n") + QByteArray(4000, 'p');
    m_declaration = declaration(m_learner, proof, &m_attachment);
    QCOMPARE(mutate(m_learner, QStringLiteral("declaration.submit"), m_declaration,
                 version(QStringLiteral("declarations"), m_declaration))
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QString unused;
    m_draft = declaration(m_learner, proof, &unused);
    m_deletable = declaration(m_learner, {}, nullptr);
    m_partial = announce(m_learner, m_deletable, 100);
    m_toDelete = announce(m_learner, m_deletable, 100);
    QVERIFY(!m_attachment.isEmpty() && !m_partial.isEmpty() && !m_toDelete.isEmpty());

    const qint64 now = m_server->clock().nowUtc().toMSecsSinceEpoch();
    for (const auto &[type, tenths] : { std::pair { "public", 300 },
             std::pair { "professional", 420 }, std::pair { "elective", 180 } }) {
        m_server->server().database().exec(
            QStringLiteral("INSERT INTO hour_records (id, learner_id, year, source, subject_type,"
                           " hours_tenths, status, title, version, created_at, updated_at)"
                           " VALUES (?, ?, 2026, 'class', ?, ?, 'confirmed', ?, 1, ?, ?)"),
            { newId(), m_otherLearner.id, QString::fromLatin1(type), tenths,
                QStringLiteral("权限测试"), now, now });
    }
    m_certificate = mutate(m_otherLearner, QStringLiteral("certificate.request"),
        QStringLiteral("2026"), 0, { { QStringLiteral("year"), 2026 } })
                        .value(QStringLiteral("serial"))
                        .toString();
    QVERIFY(!m_certificate.isEmpty());
}

void TestAuthMatrix::cleanupTestCase()
{
    m_client.reset();
    m_server.reset();
}

Actor TestAuthMatrix::login(const QString &name, const QString &username, const QString &password)
{
    const TestReply r = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } });
    if (r.status != 200)
        qWarning("login %s: %d", qPrintable(username), r.status);
    return { name,
        r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString(),
        r.json.value(QStringLiteral("token")).toString() };
}

Actor TestAuthMatrix::registerLearner(
    const QString &username, const QString &first17, const QString &mobile)
{
    const TestAccount a = registerAndLogin(*m_client, QStringLiteral("/accounts/learners"),
        learnerRegistration(username, first17, mobile));
    return { username, a.id, a.token };
}

Actor TestAuthMatrix::registerOrganisation(
    const QString &path, const QString &username, const QString &first17, Role role, bool approve)
{
    const TestAccount a
        = registerAndLogin(*m_client, path, organisationRegistration(username, first17));
    QString error;
    if (approve && !m_server->server().accounts().approveOrganisation(username, role, &error))
        qWarning("approve %s: %s", qPrintable(username), qPrintable(error));
    return { username, a.id, a.token };
}

QJsonObject TestAuthMatrix::mutate(const Actor &who, const QString &type, const QString &target,
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

void TestAuthMatrix::completeProfile(const Actor &learner)
{
    const QJsonObject r = mutate(learner, QStringLiteral("profile.update"), learner.id,
        version(QStringLiteral("users"), learner.id),
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("bachelor") } });
    QCOMPARE(r.value(QStringLiteral("status")).toString(), QStringLiteral("applied"));
}

qint64 TestAuthMatrix::version(const QString &table, const QString &id)
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(table), { id });
    const qint64 v = q.next() ? q.value(0).toLongLong() : -1;
    q.finish();
    return v;
}

QList<QJsonObject> TestAuthMatrix::feed(const Actor &who)
{
    return pullAllChanges(*m_client, who.token);
}

void TestAuthMatrix::expectStatus(const Actor &who, const QByteArray &method, const QString &path,
    const QByteArray &body, int status)
{
    const TestReply r = m_client->send(method, path, body, who.token, {});
    if (r.status != status) {
        QFAIL(qPrintable(
            QStringLiteral("%1 %2 %3 as %4: %5, expected %6 (%7)")
                .arg(QString::fromLatin1(method), path, QString::fromUtf8(body), who.name)
                .arg(r.status)
                .arg(status)
                .arg(QString::fromUtf8(r.body.left(200)))));
    }
    // Every refusal is JSON with a machine-readable code.
    if (status >= 400)
        QVERIFY2(!r.errorCode().isEmpty(), r.body.constData());
}

QJsonObject TestAuthMatrix::classPayload(const QString &name)
{
    const QDate today = m_server->clock().todayInChina();
    return { { QStringLiteral("name"), QStringLiteral("权限测试培训班 ") + name },
        { QStringLiteral("subjectType"), QStringLiteral("elective") },
        { QStringLiteral("professionalSeries"), QJsonValue::Null },
        { QStringLiteral("mode"), QStringLiteral("offline") },
        { QStringLiteral("regionCode"), QStringLiteral("440106") },
        { QStringLiteral("venue"), QStringLiteral("天河区体育西路 1 号") },
        { QStringLiteral("startDate"), today.addDays(3).toString(Qt::ISODate) },
        { QStringLiteral("endDate"), today.addDays(4).toString(Qt::ISODate) },
        { QStringLiteral("hoursTenths"), 120 }, { QStringLiteral("capacity"), 30 },
        { QStringLiteral("enrolmentDeadline"), today.addDays(2).toString(Qt::ISODate) },
        { QStringLiteral("description"), QStringLiteral("matrix") } };
}

QJsonObject TestAuthMatrix::declarationPayload() const
{
    const QDate today = m_server->clock().todayInChina();
    return { { QStringLiteral("title"), QStringLiteral("权限测试培训") },
        { QStringLiteral("organiser"), QStringLiteral("广东省环境科学学会") },
        { QStringLiteral("startDate"), today.addDays(-10).toString(Qt::ISODate) },
        { QStringLiteral("endDate"), today.addDays(-9).toString(Qt::ISODate) },
        { QStringLiteral("trainingDays"), 2 }, { QStringLiteral("hoursTenths"), 120 },
        { QStringLiteral("subjectType"), QStringLiteral("elective") },
        { QStringLiteral("professionalSeries"), QString() } };
}

int TestAuthMatrix::sendBytes(const Actor &who, const QString &path, const QByteArray &bytes)
{
    QNetworkRequest request(m_server->url(path));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    request.setSslConfiguration(tls);
    request.setHeader(
        QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
    if (!who.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + who.token.toUtf8());
    QNetworkReply *reply = m_client->network().post(request, bytes);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        finished.wait(30000);
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    reply->deleteLater();
    // Every refusal is JSON with a machine-readable code.
    if (status >= 400
        && answer.value(QStringLiteral("error"))
               .toObject()
               .value(QStringLiteral("code"))
               .toString()
               .isEmpty())
        return -status;
    return status;
}

QString TestAuthMatrix::announce(const Actor &learner, const QString &declarationId, qint64 size)
{
    const QString id = newId();
    const TestReply r
        = m_client->post(QStringLiteral("/declarations/%1/attachments").arg(declarationId),
            { { QStringLiteral("id"), id }, { QStringLiteral("name"), QStringLiteral("证明.pdf") },
                { QStringLiteral("size"), double(size) },
                { QStringLiteral("sha256"), QString(64, QLatin1Char('0')) } },
            learner.token);
    return r.status == 201 ? id : QString();
}

QString TestAuthMatrix::declaration(
    const Actor &learner, const QByteArray &proof, QString *attachmentId)
{
    const QString id = newId();
    const QJsonObject r
        = mutate(learner, QStringLiteral("declaration.save"), id, 0, declarationPayload());
    if (r.value(QStringLiteral("status")).toString() != QLatin1String("applied"))
        qWarning(
            "declaration.save: %s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    if (proof.isEmpty())
        return id;
    const QString attachment = newId();
    const TestReply a = m_client->post(QStringLiteral("/declarations/%1/attachments").arg(id),
        { { QStringLiteral("id"), attachment },
            { QStringLiteral("name"), QStringLiteral("证明.pdf") },
            { QStringLiteral("size"), double(proof.size()) },
            { QStringLiteral("sha256"),
                QString::fromLatin1(
                    QCryptographicHash::hash(proof, QCryptographicHash::Sha256).toHex()) } },
        learner.token);
    if (a.status != 201
        || sendBytes(
               learner, QStringLiteral("/attachments/%1/content?offset=0").arg(attachment), proof)
            != 200)
        qWarning("upload failed: %d", a.status);
    *attachmentId = attachment;
    return id;
}

QHash<QString, std::function<void()>> TestAuthMatrix::routeRows()
{
    const QList<Actor> roles { m_learner, m_employer, m_institution, m_administrator,
        m_pendingEmployer };
    const auto publicValidated = [this, roles](const QString &path) {
        return [this, roles, path] {
            // Open to anyone, and validated the same whoever asks.
            expectStatus(m_nobody, "POST", path, "{}", 400);
            for (const Actor &a : roles)
                expectStatus(a, "POST", path, "{}", 400);
        };
    };
    QHash<QString, std::function<void()>> rows;
    rows.insert(QStringLiteral("GET /api/v1/health"), [this] {
        expectStatus(m_nobody, "GET", QStringLiteral("/health"), {}, 200);
        expectStatus(m_learner, "GET", QStringLiteral("/health"), {}, 200);
    });
    rows.insert(QStringLiteral("POST /api/v1/accounts/learners"),
        publicValidated(QStringLiteral("/accounts/learners")));
    rows.insert(QStringLiteral("POST /api/v1/accounts/employers"),
        publicValidated(QStringLiteral("/accounts/employers")));
    rows.insert(QStringLiteral("POST /api/v1/accounts/institutions"),
        publicValidated(QStringLiteral("/accounts/institutions")));
    rows.insert(
        QStringLiteral("POST /api/v1/session"), publicValidated(QStringLiteral("/session")));
    rows.insert(QStringLiteral("POST /api/v1/recovery/username"),
        publicValidated(QStringLiteral("/recovery/username")));
    rows.insert(QStringLiteral("POST /api/v1/recovery/username/verify"),
        publicValidated(QStringLiteral("/recovery/username/verify")));
    rows.insert(QStringLiteral("POST /api/v1/recovery/password"),
        publicValidated(QStringLiteral("/recovery/password")));
    rows.insert(QStringLiteral("POST /api/v1/recovery/password/reset"),
        publicValidated(QStringLiteral("/recovery/password/reset")));
    rows.insert(QStringLiteral("DELETE /api/v1/session"), [this] {
        expectStatus(m_nobody, "DELETE", QStringLiteral("/session"), {}, 401);
        // Each role ends its own session (a second one, so the matrix keeps its tokens) and
        // that token is refused afterwards; the first one still works.
        QHash<QString, QString> passwords;
        for (const server::DemoAccount &a : server::demoAccounts())
            passwords.insert(a.username, a.password);
        for (const QString &username :
            { QStringLiteral("demo_learner"), QStringLiteral("demo_employer"),
                QStringLiteral("demo_institution"), QStringLiteral("demo_admin") }) {
            const Actor second = login(username, username, passwords.value(username));
            expectStatus(second, "DELETE", QStringLiteral("/session"), {}, 204);
            expectStatus(second, "GET", QStringLiteral("/me"), {}, 401);
        }
        expectStatus(m_learner, "GET", QStringLiteral("/me"), {}, 200);
    });
    rows.insert(QStringLiteral("GET /api/v1/me"), [this, roles] {
        expectStatus(m_nobody, "GET", QStringLiteral("/me"), {}, 401);
        for (const Actor &a : roles) {
            const TestReply r = m_client->get(QStringLiteral("/me"), a.token);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.json.value(QStringLiteral("user"))
                         .toObject()
                         .value(QStringLiteral("id"))
                         .toString(),
                a.id);
        }
    });
    rows.insert(QStringLiteral("GET /api/v1/users/{id}"), [this, roles] {
        expectStatus(m_nobody, "GET", QStringLiteral("/users/") + m_learner.id, {}, 401);
        for (const Actor &a : roles)
            expectStatus(a, "GET", QStringLiteral("/users/") + a.id, {}, 200);
        // Another party's account: refused, also to the learner's own HR office (it sees what
        // the binding shows) and to an institution.
        expectStatus(m_otherLearner, "GET", QStringLiteral("/users/") + m_learner.id, {}, 403);
        expectStatus(m_employer, "GET", QStringLiteral("/users/") + m_learner.id, {}, 403);
        expectStatus(m_otherEmployer, "GET", QStringLiteral("/users/") + m_learner.id, {}, 403);
        expectStatus(m_institution, "GET", QStringLiteral("/users/") + m_learner.id, {}, 403);
        expectStatus(m_learner, "GET", QStringLiteral("/users/") + m_employer.id, {}, 403);
        // The administrator reads organisations' accounts, never a learner's personal data.
        expectStatus(m_administrator, "GET", QStringLiteral("/users/") + m_employer.id, {}, 200);
        expectStatus(m_administrator, "GET", QStringLiteral("/users/") + m_learner.id, {}, 403);
    });
    rows.insert(QStringLiteral("POST /api/v1/me/password"), [this, roles] {
        expectStatus(m_nobody, "POST", QStringLiteral("/me/password"), "{}", 401);
        for (const Actor &a : roles)
            expectStatus(a, "POST", QStringLiteral("/me/password"), "{}", 400);
    });
    rows.insert(QStringLiteral("GET /api/v1/sync/changes"), [this, roles] {
        expectStatus(m_nobody, "GET", QStringLiteral("/sync/changes"), {}, 401);
        for (const Actor &a : roles) {
            expectStatus(a, "GET", QStringLiteral("/sync/changes?limit=1"), {}, 200);
            expectStatus(a, "GET", QStringLiteral("/sync/changes?limit=1&count=1"), {}, 200);
            expectStatus(a, "GET", QStringLiteral("/sync/changes?count=maybe"), {}, 400);
        }
        expectStatus(m_nobody, "GET", QStringLiteral("/sync/changes?count=1"), {}, 401);
    });
    rows.insert(QStringLiteral("POST /api/v1/sync/mutations"), [this, roles] {
        expectStatus(
            m_nobody, "POST", QStringLiteral("/sync/mutations"), R"({"mutations":[]})", 401);
        for (const Actor &a : roles)
            expectStatus(a, "POST", QStringLiteral("/sync/mutations"), R"({"mutations":[]})", 200);
    });
    rows.insert(QStringLiteral("POST /api/v1/classes/{id}/attendance-match"), [this] {
        // The institution of the class only; "x" is answered "invalid" and costs no check.
        const QByteArray body = R"({"residentIds":["x"]})";
        const QString own = QStringLiteral("/classes/%1/attendance-match").arg(m_class);
        expectStatus(m_nobody, "POST", own, body, 401);
        for (const Actor &a : { m_learner, m_employer, m_administrator, m_pendingEmployer })
            expectStatus(a, "POST", own, body, 403);
        expectStatus(m_otherInstitution, "POST", own, body, 403);
        expectStatus(m_institution, "POST",
            QStringLiteral("/classes/%1/attendance-match").arg(m_otherClass), body, 403);
        expectStatus(m_institution, "POST",
            QStringLiteral("/classes/%1/attendance-match").arg(newId()), body, 404);
        expectStatus(m_institution, "POST", own, body, 200);
    });
    rows.insert(QStringLiteral("GET /api/v1/content/{sha256}"), [this, roles] {
        // Lesson files of the public courses: any user, nobody without logging in.
        expectStatus(m_nobody, "GET", QStringLiteral("/content/") + m_lessonSha, {}, 401);
        for (const Actor &a : roles)
            expectStatus(a, "GET", QStringLiteral("/content/") + m_lessonSha, {}, 200);
        expectStatus(
            m_learner, "GET", QStringLiteral("/content/") + QString(64, QLatin1Char('0')), {}, 404);
        expectStatus(m_learner, "GET", QStringLiteral("/content/..%2F..%2Fxueshi.sqlite"), {}, 404);
    });

    // Certificates: the keys and a serial's status are public; only the administrator revokes.
    rows.insert(QStringLiteral("GET /api/v1/certificates/keys"), [this, roles] {
        expectStatus(m_nobody, "GET", QStringLiteral("/certificates/keys"), {}, 200);
        for (const Actor &a : roles)
            expectStatus(a, "GET", QStringLiteral("/certificates/keys"), {}, 200);
    });
    rows.insert(QStringLiteral("GET /api/v1/certificates/{serial}"), [this, roles] {
        const QString own = QStringLiteral("/certificates/") + m_certificate;
        expectStatus(m_nobody, "GET", own, {}, 200);
        for (const Actor &a : roles)
            expectStatus(a, "GET", own, {}, 200);
        expectStatus(m_nobody, "GET", QStringLiteral("/certificates/XS2026K7M3Q9X2PA"), {}, 404);
        expectStatus(m_nobody, "GET", QStringLiteral("/certificates/XS2026"), {}, 400);
    });
    rows.insert(QStringLiteral("POST /api/v1/certificates/{serial}/revoke"), [this] {
        const QString own = QStringLiteral("/certificates/%1/revoke").arg(m_certificate);
        const QByteArray body = QStringLiteral("{\"reason\":\"权限测试\"}").toUtf8();
        expectStatus(m_nobody, "POST", own, body, 401);
        // Not even the learner whose certificate it is, nor the HR office that confirmed them.
        for (const Actor &a : { m_otherLearner, m_learner, m_otherEmployer, m_employer,
                 m_pendingEmployer, m_institution })
            expectStatus(a, "POST", own, body, 403);
        expectStatus(m_administrator, "POST",
            QStringLiteral("/certificates/XS2026K7M3Q9X2PA/revoke"), body, 404);
        expectStatus(m_administrator, "POST", own, body, 200);
        expectStatus(m_administrator, "POST", own, body, 409);
    });

    // Self-declarations' attachments: the learner's own, and the HR office it was submitted to
    // while the binding lasts; anyone else is told nothing exists (404).
    const QList<Actor> strangers { m_otherLearner, m_otherEmployer, m_institution, m_administrator,
        m_pendingEmployer, m_newcomer };
    rows.insert(QStringLiteral("GET /api/v1/attachments/{id}"), [this, strangers] {
        const QString own = QStringLiteral("/attachments/") + m_attachment;
        expectStatus(m_nobody, "GET", own, {}, 401);
        for (const Actor &a : strangers)
            expectStatus(a, "GET", own, {}, 404);
        expectStatus(m_learner, "GET", own, {}, 200);
        expectStatus(m_employer, "GET", own, {}, 200);
        // Not complete yet: nobody gets half a file.
        expectStatus(m_learner, "GET", QStringLiteral("/attachments/") + m_partial, {}, 404);
        expectStatus(m_learner, "GET", QStringLiteral("/attachments/") + newId(), {}, 404);
    });
    rows.insert(QStringLiteral("DELETE /api/v1/attachments/{id}"), [this, strangers] {
        const QString own = QStringLiteral("/attachments/") + m_toDelete;
        expectStatus(m_nobody, "DELETE", own, {}, 401);
        for (const Actor &a : strangers)
            expectStatus(a, "DELETE", own, {}, 404);
        expectStatus(m_employer, "DELETE", QStringLiteral("/attachments/") + m_attachment, {}, 404);
        expectStatus(m_learner, "DELETE", own, {}, 200);
    });
    rows.insert(QStringLiteral("POST /api/v1/attachments/{id}/content"), [this, strangers] {
        const QString own = QStringLiteral("/attachments/%1/content?offset=0").arg(m_partial);
        QCOMPARE(sendBytes(m_nobody, own, "%PDF-"), 401);
        for (const Actor &a : strangers + QList<Actor> { m_employer })
            QCOMPARE(sendBytes(a, own, "%PDF-"), 404);
        QCOMPARE(sendBytes(m_learner, own, "%PDF-"), 200);
    });
    rows.insert(QStringLiteral("POST /api/v1/declarations/{id}/attachments"), [this] {
        const auto body = [] {
            return QJsonDocument(QJsonObject { { QStringLiteral("id"), newId() },
                                     { QStringLiteral("name"), QStringLiteral("a.pdf") },
                                     { QStringLiteral("size"), 10 },
                                     { QStringLiteral("sha256"), QString(64, QLatin1Char('a')) } })
                .toJson(QJsonDocument::Compact);
        };
        const QString own = QStringLiteral("/declarations/%1/attachments").arg(m_draft);
        expectStatus(m_nobody, "POST", own, body(), 401);
        for (const Actor &a :
            { m_employer, m_otherEmployer, m_institution, m_administrator, m_pendingEmployer })
            expectStatus(a, "POST", own, body(), 403);
        for (const Actor &a : { m_otherLearner, m_newcomer })
            expectStatus(a, "POST", own, body(), 404);
        expectStatus(m_learner, "POST", QStringLiteral("/declarations/%1/attachments").arg(newId()),
            body(), 404);
        expectStatus(m_learner, "POST", own, body(), 201);
    });
    return rows;
}

void TestAuthMatrix::everyRoute_hasARow()
{
    const server::Router *router = &m_server->server().router();
    const QHash<QString, std::function<void()>> rows = routeRows();
    QStringList missing;
    for (const server::Router::RouteInfo &route : router->routes()) {
        const QString key = QString::fromLatin1(route.method) + QLatin1Char(' ') + route.pattern;
        if (!rows.contains(key))
            missing.append(key);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("routes without a row in the authorisation matrix: ")
            + missing.join(QStringLiteral(", "))));
}

void TestAuthMatrix::routes_eachRoleOwnAndOthers()
{
    const QHash<QString, std::function<void()>> rows = routeRows();
    QStringList keys = rows.keys();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        rows.value(key)();
        if (QTest::currentTestFailed())
            QFAIL(qPrintable(QStringLiteral("in the row %1").arg(key)));
    }
}

void TestAuthMatrix::feeds_holdNoOtherPartysPersonalData()
{
    const auto text = [this](const Actor &who) {
        QString all;
        for (const QJsonObject &c : feed(who))
            all += QString::fromUtf8(QJsonDocument(c).toJson(QJsonDocument::Compact));
        return all;
    };
    const QString learnerId = residentId(QStringLiteral("44010619900101124")); // other_learner
    // The learner's own data reaches the learner and the HR office that confirmed them ...
    QVERIFY(text(m_otherLearner).contains(learnerId));
    QVERIFY(text(m_otherEmployer).contains(learnerId));
    // ... and nobody else: not another learner, another employer, an employer awaiting
    // approval, an institution (its enrolment shows the id masked) or the administrator.
    for (const Actor &other : { m_learner, m_employer, m_pendingEmployer, m_institution,
             m_otherInstitution, m_administrator })
        QVERIFY2(!text(other).contains(learnerId), qPrintable(other.name));
    QVERIFY(!text(m_otherInstitution).contains(QStringLiteral("13800138024")));
    // A certificate reaches its learner only.
    QVERIFY(text(m_otherLearner).contains(QStringLiteral("\"type\":\"certificate\"")));
    for (const Actor &other : { m_learner, m_employer, m_otherEmployer, m_pendingEmployer,
             m_institution, m_otherInstitution, m_administrator })
        QVERIFY2(!text(other).contains(QStringLiteral("\"type\":\"certificate\"")),
            qPrintable(other.name));
    // The administrator sees the organisations to review; no one else does.
    QVERIFY(text(m_administrator).contains(QStringLiteral("\"type\":\"organisation\"")));
    for (const Actor &other : { m_learner, m_employer, m_institution, m_pendingEmployer })
        QVERIFY2(!text(other).contains(QStringLiteral("\"type\":\"organisation\"")),
            qPrintable(other.name));
}

QHash<QString, std::function<QList<TestAuthMatrix::Case>()>> TestAuthMatrix::mutationRows()
{
    QHash<QString, std::function<QList<Case>()>> rows;
    const QList<Actor> nonLearners { m_employer, m_institution, m_administrator };
    const QList<Actor> nonEmployers { m_learner, m_institution, m_administrator };
    const QList<Actor> nonInstitutions { m_learner, m_employer, m_administrator };
    const auto each = [](const QList<Actor> &actors, const std::function<Case(const Actor &)> &f) {
        QList<Case> out;
        for (const Actor &a : actors)
            out.append(f(a));
        return out;
    };

    rows.insert(QStringLiteral("profile.update"), [=, this] {
        QList<Case> cases;
        for (const Actor &a :
            { m_otherLearner, m_employer, m_otherEmployer, m_institution, m_administrator })
            cases.append({ a, m_learner.id, version(QStringLiteral("users"), m_learner.id),
                { { QStringLiteral("email"), QStringLiteral("x@example.cn") } },
                refused(Forbidden) });
        for (const Actor &a : { m_learner, m_employer, m_institution })
            cases.append({ a, a.id, version(QStringLiteral("users"), a.id),
                { { QStringLiteral("email"), QStringLiteral("own@example.cn") } }, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("binding.request"), [=, this] {
        QList<Case> cases = each(nonLearners, [this](const Actor &a) {
            return Case { a, newId(), 0, { { QStringLiteral("employerId"), m_employer.id } },
                refused(Forbidden) };
        });
        // To an employer the administrator has not approved: nobody's data goes there.
        cases.append(
            { m_newcomer, newId(), 0, { { QStringLiteral("employerId"), m_pendingEmployer.id } },
                refused({ QStringLiteral("invalid_field") }) });
        cases.append({ m_newcomer, newId(), 0,
            { { QStringLiteral("employerId"), m_otherEmployer.id } }, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("binding.withdraw"), [=, this] {
        QList<Case> cases;
        for (const Actor &a : { m_learner, m_employer, m_institution, m_administrator })
            cases.append({ a, m_pendingBinding, 1, {}, refused(NotFound) });
        cases.append({ m_asker, newId(), 1, {}, refused(NotFound) });
        return cases;
    });
    for (const bool confirm : { true, false }) {
        const QString type
            = confirm ? QStringLiteral("binding.confirm") : QStringLiteral("binding.reject");
        const QJsonObject payload = confirm
            ? QJsonObject()
            : QJsonObject { { QStringLiteral("reason"), QStringLiteral("查无此人") } };
        rows.insert(type, [=, this] {
            QList<Case> cases = each(nonEmployers, [&](const Actor &a) {
                return Case { a, m_pendingBinding, 1, payload, refused(Forbidden) };
            });
            cases.append({ m_asker, m_pendingBinding, 1, payload, refused(Forbidden) });
            cases.append({ m_otherEmployer, m_pendingBinding, 1, payload, refused(Forbidden) });
            cases.append({ m_pendingEmployer, m_pendingBinding, 1, payload,
                refused({ QStringLiteral("awaiting_approval") }) });
            cases.append({ m_employer, newId(), 1, payload, refused(NotFound) });
            // The employer asked decides (the second of confirm/reject finds it decided).
            cases.append({ m_employer, m_pendingBinding, 1, payload, allowed() });
            return cases;
        });
    }

    const auto selection = [this](const Actor &a) {
        return derivedId(QStringLiteral("courseSelection"), { a.id, m_courseId });
    };
    const int year = m_server->clock().todayInChina().year();
    rows.insert(QStringLiteral("course.select"), [=, this] {
        const QJsonObject payload { { QStringLiteral("courseId"), m_courseId },
            { QStringLiteral("declarationYear"), year } };
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, selection(a), 0, payload, refused(Forbidden) };
        });
        // Not confirmed by an employer yet: locked. Another learner's selection id: refused.
        cases.append({ m_newcomer, selection(m_newcomer), 0, payload,
            refused({ QStringLiteral("study_locked") }) });
        cases.append({ m_otherLearner, selection(m_learner), 0, payload,
            refused({ QStringLiteral("invalid_field") }) });
        cases.append({ m_learner, selection(m_learner), 0, payload, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("course.setYear"), [=, this] {
        const QJsonObject payload { { QStringLiteral("declarationYear"), year } };
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, selection(m_learner), 1, payload, refused(ForbiddenOrNotFound) };
        });
        cases.append(
            { m_otherLearner, selection(m_learner), 1, payload, refused(ForbiddenOrNotFound) });
        cases.append({ m_learner, selection(m_learner), 1, payload, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("lesson.study"), [=, this] {
        const auto progress = [this](const Actor &a) {
            return derivedId(QStringLiteral("lessonProgress"), { a.id, m_courseId, m_lessonId });
        };
        const QJsonObject payload { { QStringLiteral("courseId"), m_courseId },
            { QStringLiteral("lessonId"), m_lessonId }, { QStringLiteral("seconds"), 30 } };
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, progress(a), 0, payload, refused(Forbidden) };
        });
        cases.append({ m_otherLearner, progress(m_learner), 0, payload,
            refused({ QStringLiteral("invalid_field") }) });
        cases.append({ m_learner, progress(m_learner), 0, payload, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("exam.submit"), [=, this] {
        QString attempt;
        for (const QJsonObject &c : feed(m_learner)) {
            if (c.value(QStringLiteral("type")).toString() == QLatin1String("examAttempt"))
                attempt = c.value(QStringLiteral("id")).toString();
        }
        const QDateTime now = m_server->clock().nowUtc();
        const QJsonObject payload { { QStringLiteral("answers"), QJsonObject() },
            { QStringLiteral("startedAt"), now.addSecs(-60).toString(Qt::ISODate) },
            { QStringLiteral("finishedAt"), now.toString(Qt::ISODate) } };
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, attempt, 1, payload, refused(ForbiddenOrNotFound) };
        });
        cases.append({ m_otherLearner, attempt, 1, payload, refused(ForbiddenOrNotFound) });
        // Its learner may hand it in; the lessons are not finished, which is a rule, not access.
        cases.append(
            { m_learner, attempt, 1, payload, refused({ QStringLiteral("lessons_incomplete") }) });
        return cases;
    });

    rows.insert(QStringLiteral("class.save"), [=, this] {
        QList<Case> cases = each(nonInstitutions, [&](const Actor &a) {
            return Case { a, newId(), 0, classPayload(a.name), refused(Forbidden) };
        });
        cases.append(
            { m_otherInstitution, m_class, version(QStringLiteral("training_classes"), m_class),
                classPayload(QStringLiteral("taken")), refused(Forbidden) });
        cases.append({ m_institution, newId(), 0, classPayload(QStringLiteral("new")), allowed() });
        return cases;
    });
    for (const QString &type : { QStringLiteral("class.close"), QStringLiteral("class.open") }) {
        rows.insert(type, [=, this] {
            const qint64 base = version(QStringLiteral("training_classes"), m_class);
            QList<Case> cases = each(nonInstitutions, [&](const Actor &a) {
                return Case { a, m_class, base, {}, refused(Forbidden) };
            });
            cases.append({ m_otherInstitution, m_class, base, {}, refused(ForbiddenOrNotFound) });
            cases.append({ m_institution, newId(), 1, {}, refused(NotFound) });
            cases.append({ m_institution, m_class, base, {}, allowed() });
            return cases;
        });
    }
    rows.insert(QStringLiteral("enrolment.request"), [=, this] {
        QList<Case> cases = each(nonLearners, [this](const Actor &a) {
            return Case { a, newId(), 0, { { QStringLiteral("classId"), m_class } },
                refused(Forbidden) };
        });
        cases.append({ m_newcomer, newId(), 0, { { QStringLiteral("classId"), m_class } },
            refused({ QStringLiteral("study_locked") }) });
        cases.append(
            { m_otherLearner, newId(), 0, { { QStringLiteral("classId"), m_class } }, allowed() });
        return cases;
    });
    rows.insert(QStringLiteral("enrolment.cancel"), [=, this] {
        const qint64 base = version(QStringLiteral("enrolments"), m_otherEnrolment);
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, m_otherEnrolment, base, {}, refused(ForbiddenOrNotFound) };
        });
        cases.append({ m_learner, m_otherEnrolment, base, {}, refused(ForbiddenOrNotFound) });
        cases.append({ m_otherLearner, m_otherEnrolment, base, {}, allowed() });
        return cases;
    });
    for (const bool confirm : { true, false }) {
        const QString type
            = confirm ? QStringLiteral("enrolment.confirm") : QStringLiteral("enrolment.reject");
        const QJsonObject payload = confirm
            ? QJsonObject()
            : QJsonObject { { QStringLiteral("reason"), QStringLiteral("名额已满") } };
        rows.insert(type, [=, this] {
            const qint64 base = version(QStringLiteral("enrolments"), m_enrolment);
            QList<Case> cases = each(nonInstitutions, [&](const Actor &a) {
                return Case { a, m_enrolment, base, payload, refused(Forbidden) };
            });
            cases.append({ m_otherInstitution, m_enrolment, base, payload, refused(Forbidden) });
            cases.append({ m_institution, m_enrolment, base, payload, allowed() });
            return cases;
        });
    }
    rows.insert(QStringLiteral("class.confirmHours"), [=, this] {
        const QJsonObject payload { { QStringLiteral("entries"),
            QJsonArray { QJsonObject { { QStringLiteral("enrolmentId"), m_enrolment },
                { QStringLiteral("hoursTenths"), 120 }, { QStringLiteral("absent"), false },
                { QStringLiteral("reason"), QString() } } } } };
        const qint64 base = version(QStringLiteral("training_classes"), m_class);
        QList<Case> cases = each(nonInstitutions, [&](const Actor &a) {
            return Case { a, m_class, base, payload, refused(Forbidden) };
        });
        cases.append({ m_otherInstitution, m_class, base, payload, refused(Forbidden) });
        // Before the class starts the owner's batch is refused by rule, not for access.
        cases.append({ m_institution, m_class, base, payload,
            refused({ QStringLiteral("class_not_finished") }) });
        return cases;
    });
    // Self-declarations: the learner's own changes, and the decisions of the HR office it was
    // submitted to.
    rows.insert(QStringLiteral("declaration.save"), [=, this] {
        QList<Case> cases = each(nonLearners, [this](const Actor &a) {
            return Case { a, newId(), 0, declarationPayload(), refused(Forbidden) };
        });
        cases.append({ m_newcomer, newId(), 0, declarationPayload(),
            refused({ QStringLiteral("study_locked") }) });
        cases.append({ m_otherLearner, m_draft, version(QStringLiteral("declarations"), m_draft),
            declarationPayload(), refused(NotFound) });
        cases.append({ m_learner, newId(), 0, declarationPayload(), allowed() });
        return cases;
    });
    for (const QString &type : { QStringLiteral("declaration.submit"),
             QStringLiteral("declaration.withdraw"), QStringLiteral("declaration.delete") }) {
        rows.insert(type, [=, this] {
            const QString target
                = type == QLatin1String("declaration.delete") ? m_deletable : m_draft;
            const qint64 base = version(QStringLiteral("declarations"), target);
            QList<Case> cases = each(nonLearners, [&](const Actor &a) {
                return Case { a, target, base, {}, refused(Forbidden) };
            });
            cases.append({ m_otherLearner, target, base, {}, refused(NotFound) });
            cases.append({ m_newcomer, target, base, {},
                refused(type == QLatin1String("declaration.submit")
                        ? QStringList { QStringLiteral("study_locked") }
                        : NotFound) });
            cases.append({ m_learner, newId(), 1, {}, refused(NotFound) });
            cases.append({ m_learner, target, base, {}, allowed() });
            return cases;
        });
    }
    for (const bool confirm : { true, false }) {
        const QString type = confirm ? QStringLiteral("declaration.confirm")
                                     : QStringLiteral("declaration.reject");
        const QJsonObject payload = confirm
            ? QJsonObject()
            : QJsonObject { { QStringLiteral("reason"), QStringLiteral("材料不全") } };
        rows.insert(type, [=, this] {
            const qint64 base = version(QStringLiteral("declarations"), m_declaration);
            QList<Case> cases = each(nonEmployers, [&](const Actor &a) {
                return Case { a, m_declaration, base, payload, refused(Forbidden) };
            });
            cases.append({ m_otherEmployer, m_declaration, base, payload, refused(NotFound) });
            cases.append({ m_pendingEmployer, m_declaration, base, payload,
                refused({ QStringLiteral("awaiting_approval") }) });
            cases.append({ m_employer, newId(), 1, payload, refused(NotFound) });
            // Its HR office decides (the second of confirm/reject finds it decided: conflict).
            cases.append({ m_employer, m_declaration, base, payload, allowed() });
            return cases;
        });
    }
    rows.insert(QStringLiteral("certificate.request"), [=, this] {
        const QJsonObject yearPayload { { QStringLiteral("year"), 2026 } };
        QList<Case> cases = each(nonLearners, [&](const Actor &a) {
            return Case { a, QStringLiteral("2026"), 0, yearPayload, refused(Forbidden) };
        });
        cases.append({ m_newcomer, QStringLiteral("2026"), 0, yearPayload,
            refused({ QStringLiteral("certificate_year_not_passed") }) });
        cases.append({ m_otherLearner, QStringLiteral("2026"), 0, yearPayload, allowed() });
        return cases;
    });
    for (const bool approve : { true, false }) {
        const QString type = approve ? QStringLiteral("organisation.approve")
                                     : QStringLiteral("organisation.reject");
        const QJsonObject payload = approve
            ? QJsonObject()
            : QJsonObject { { QStringLiteral("reason"), QStringLiteral("资料不全") } };
        rows.insert(type, [=, this] {
            const qint64 base = version(QStringLiteral("users"), m_pendingEmployer.id);
            QList<Case> cases;
            for (const Actor &a :
                { m_learner, m_employer, m_pendingEmployer, m_institution, m_otherInstitution })
                cases.append({ a, m_pendingEmployer.id, base, payload, refused(Forbidden) });
            cases.append({ m_administrator, newId(), 1, payload, refused(NotFound) });
            cases.append({ m_administrator, m_pendingEmployer.id, base, payload, allowed() });
            return cases;
        });
    }
    return rows;
}

void TestAuthMatrix::everyMutationType_hasARow()
{
    const QHash<QString, std::function<QList<Case>()>> rows = mutationRows();
    QStringList missing;
    for (const QString &type : m_server->server().sync().mutationTypes()) {
        if (!rows.contains(type))
            missing.append(type);
    }
    QVERIFY2(missing.isEmpty(),
        qPrintable(QStringLiteral("mutation types without a row in the authorisation matrix: ")
            + missing.join(QStringLiteral(", "))));
}

void TestAuthMatrix::mutations_eachRoleOwnAndOthers()
{
    const QHash<QString, std::function<QList<Case>()>> rows = mutationRows();
    // In an order where each allowed case finds what it needs (a selection before its year).
    const QStringList order = m_server->server().sync().mutationTypes();
    QStringList sorted;
    for (const QString &first : { QStringLiteral("course.select"), QStringLiteral("course.setYear"),
             QStringLiteral("lesson.study"), QStringLiteral("exam.submit") })
        sorted.append(first);
    for (const QString &type : order) {
        if (!sorted.contains(type))
            sorted.append(type);
    }
    int checked = 0;
    for (const QString &type : std::as_const(sorted)) {
        if (!rows.contains(type))
            continue;
        for (const Case &c : rows.value(type)()) {
            const QJsonObject r = mutate(c.actor, type, c.target, c.base, c.payload);
            const QString status = r.value(QStringLiteral("status")).toString();
            const QString code = r.value(QStringLiteral("error"))
                                     .toObject()
                                     .value(QStringLiteral("code"))
                                     .toString();
            const QString what = QStringLiteral("%1 by %2 on %3: %4 %5")
                                     .arg(type, c.actor.name, c.target, status, code);
            if (c.expect.applied) {
                QVERIFY2(status == QLatin1String("applied") || status == QLatin1String("conflict"),
                    qPrintable(what + QStringLiteral(" ")
                        + QString::fromUtf8(QJsonDocument(r).toJson(QJsonDocument::Compact))));
            } else {
                QVERIFY2(status == QLatin1String("rejected"), qPrintable(what));
                QVERIFY2(c.expect.codes.contains(code),
                    qPrintable(what + QStringLiteral(", expected ")
                        + c.expect.codes.join(QStringLiteral(" or "))));
            }
            ++checked;
        }
    }
    QVERIFY(checked > 100);
}

QTEST_GUILESS_MAIN(TestAuthMatrix)
#include "tst_authmatrix.moc"
