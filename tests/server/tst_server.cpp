// The central server over real HTTPS on loopback: accounts, sessions, lockout, recovery and the
// strictness of the API. Runs on SQLite, and on PostgreSQL when XUESHI_TEST_POSTGRES_URL is set.
#include "services/accountservice.h"
#include "storage/database.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSslSocket>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Password = QStringLiteral("Secret123");

QString tokenOf(const TestReply &r)
{
    return r.json.value(QStringLiteral("token")).toString();
}

QString idOf(const TestReply &r)
{
    return r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
}

} // namespace

class TestServerApi : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void health_public_ok();
    void selectEach_keptStatement_reusedNestedAndAfterErrors();
    void registerLearner_valid_canLogInAtOnce();
    void registerLearner_invalidCheckDigit_fieldError();
    void registerLearner_duplicateUsername_conflict();
    void registerLearner_duplicateResidentId_conflict();
    void registerEmployer_valid_awaitingApproval();
    void registerInstitution_awaitingApprovalUntilApproved();
    void registerOrganisation_duplicateCreditCode_conflictPerKind();
    void registerOrganisation_unknownRegion_fieldError();
    void login_wrongPasswordOrUnknownUser_sameAnswer();
    void logout_revokesToken();
    void token_expires_afterLifetime();
    void lockout_fiveFailures_lockedFifteenMinutes();
    void changePassword_revokesOtherTokens();
    void recoverUsername_byResidentId_showsUsername();
    void recoverUsername_byCreditCode_showsUsername();
    void recoverUsername_wrongCode_countsTries();
    void recoverUsername_codeExpired_refused();
    void recoverUsername_codeReused_refused();
    void recoverUsername_tooManyTries_refusedEvenWithRightCode();
    void recovery_rateLimited_oncePerMinute();
    void recoverPassword_resetsPasswordAndRevokesTokens();
    void recoverPassword_weakPassword_keepsCode();
    void recovery_unknownAccount_acceptedButNothingSent();
    void body_malformedJson_invalidJson();
    void body_missingField_named();
    void body_extraField_refused();
    void body_wrongType_refused();
    void body_overLimit_413BeforeBodySent();
    void route_unknown_404();
    void route_wrongMethod_405WithAllow();
    void users_otherUsersToken_forbidden();
    void users_noToken_unauthorized();
    void language_englishRequested_englishMessage();
    void language_default_chineseMessage();
    void logins_burst_doNotStallOtherRoutes();

private:
    TestReply registerLearner(const QString &username, const QString &first17,
        const QString &mobile = QStringLiteral("13800138000"));
    TestReply login(const QString &username, const QString &password = Password);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_client;
};

void TestServerApi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
}

void TestServerApi::cleanup()
{
    m_client.reset();
    m_server.reset();
}

TestReply TestServerApi::registerLearner(
    const QString &username, const QString &first17, const QString &mobile)
{
    return m_client->post(
        QStringLiteral("/accounts/learners"), learnerRegistration(username, first17, mobile));
}

TestReply TestServerApi::login(const QString &username, const QString &password)
{
    return m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), username }, { QStringLiteral("password"), password } });
}

void TestServerApi::health_public_ok()
{
    const TestReply r = m_client->get(QStringLiteral("/health"));
    QCOMPARE(r.status, 200);
    QCOMPARE(r.json.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    QCOMPARE(r.header("content-type"), QByteArrayLiteral("application/json; charset=utf-8"));
}

void TestServerApi::selectEach_keptStatement_reusedNestedAndAfterErrors()
{
    // Database::selectEach keeps its statement prepared per connection (the requests' hot path):
    // the same SQL run again gets new values, a nested run of the same SQL gets a statement of
    // its own, and a failed run leaves the kept one usable.
    server::Database &db = m_server->server().database();
    const QString sql = QStringLiteral("SELECT key FROM server_meta WHERE key <> ? ORDER BY key");
    const auto keys = [&](const QString &except) {
        QStringList out;
        db.selectEach(
            sql, { except }, [&out](const QSqlQuery &q) { out.append(q.value(0).toString()); });
        return out;
    };
    const QStringList all = keys(QStringLiteral("-"));
    QVERIFY(all.contains(QStringLiteral("epoch")));
    QVERIFY(!keys(QStringLiteral("epoch")).contains(QStringLiteral("epoch")));
    QCOMPARE(keys(QStringLiteral("-")), all);
    QList<QStringList> nested;
    db.selectEach(sql, { QStringLiteral("-") },
        [&](const QSqlQuery &outer) { nested.append(keys(outer.value(0).toString())); });
    QCOMPARE(nested.size(), all.size());
    for (qsizetype i = 0; i < all.size(); ++i) {
        QStringList expected = all;
        expected.removeAt(i);
        QCOMPARE(nested.at(i), expected);
    }
    bool threw = false;
    try {
        db.selectEach(QStringLiteral("SELECT nothing FROM nowhere WHERE x = ?"), { 1 },
            [](const QSqlQuery &) {});
    } catch (const server::DatabaseError &) {
        threw = true;
    }
    QVERIFY(threw);
    threw = false;
    try {
        db.selectEach(sql, { QStringLiteral("-") }, [](const QSqlQuery &) {
            throw server::DatabaseError(QStringLiteral("stop"), QString());
        });
    } catch (const server::DatabaseError &) {
        threw = true;
    }
    QVERIFY(threw);
    QCOMPARE(keys(QStringLiteral("-")), all);
}

void TestServerApi::registerLearner_valid_canLogInAtOnce()
{
    const TestReply reg
        = registerLearner(QStringLiteral("zhangsan"), QStringLiteral("44010619900101123"));
    QCOMPARE(reg.status, 201);
    const QJsonObject user = reg.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("learner"));
    QCOMPARE(user.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(user.value(QStringLiteral("learner"))
                 .toObject()
                 .value(QStringLiteral("realName"))
                 .toString(),
        QStringLiteral("张三"));
    QVERIFY(!reg.body.contains("password"));

    const TestReply session = login(QStringLiteral("zhangsan"));
    QCOMPARE(session.status, 200);
    QVERIFY(tokenOf(session).startsWith(QStringLiteral("xs_")));
    QVERIFY(QDateTime::fromString(
        session.json.value(QStringLiteral("expiresAt")).toString(), Qt::ISODate)
                .isValid());

    const TestReply me = m_client->get(QStringLiteral("/me"), tokenOf(session));
    QCOMPARE(me.status, 200);
    QCOMPARE(me.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("username"))
                 .toString(),
        QStringLiteral("zhangsan"));

    // The token is stored hashed: the plain token is nowhere in the database.
    QSqlQuery q
        = m_server->server().database().exec(QStringLiteral("SELECT token_hash FROM sessions"));
    QVERIFY(q.next());
    QVERIFY(q.value(0).toString() != tokenOf(session));
    QCOMPARE(q.value(0).toString().size(), 64);
    QSqlQuery p
        = m_server->server().database().exec(QStringLiteral("SELECT password_hash FROM users"));
    QVERIFY(p.next());
    QVERIFY(p.value(0).toString().startsWith(QStringLiteral("$argon2id$")));
}

void TestServerApi::registerLearner_invalidCheckDigit_fieldError()
{
    QJsonObject body
        = learnerRegistration(QStringLiteral("lisi"), QStringLiteral("44010619900101123"));
    QString id = body.value(QStringLiteral("residentId")).toString();
    id[17] = id[17] == QLatin1Char('1') ? QLatin1Char('2') : QLatin1Char('1');
    body.insert(QStringLiteral("residentId"), id);
    const TestReply r = m_client->post(QStringLiteral("/accounts/learners"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_field"));
    QCOMPARE(r.errorField(), QStringLiteral("residentId"));
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("detail")).toString(),
        QStringLiteral("resident_id_check_digit"));
    // Nothing was written.
    QCOMPARE(login(QStringLiteral("lisi")).status, 401);
}

void TestServerApi::registerLearner_duplicateUsername_conflict()
{
    QCOMPARE(
        registerLearner(QStringLiteral("wangwu"), QStringLiteral("44010619900101123")).status, 201);
    const TestReply again
        = registerLearner(QStringLiteral("WangWu"), QStringLiteral("44010619900101124"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("username_taken"));
    QCOMPARE(again.errorField(), QStringLiteral("username"));
}

void TestServerApi::registerLearner_duplicateResidentId_conflict()
{
    QCOMPARE(registerLearner(QStringLiteral("zhaoliu"), QStringLiteral("44010619900101123")).status,
        201);
    const TestReply again
        = registerLearner(QStringLiteral("zhaoliu2"), QStringLiteral("44010619900101123"));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("resident_id_taken"));
    QCOMPARE(again.errorField(), QStringLiteral("residentId"));
    QCOMPARE(login(QStringLiteral("zhaoliu2")).status, 401);
}

void TestServerApi::registerEmployer_valid_awaitingApproval()
{
    const TestReply r = m_client->post(QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("acme_hr"), QStringLiteral("91440106MA59XK3T1")));
    QCOMPARE(r.status, 201);
    const QJsonObject user = r.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("role")).toString(), QStringLiteral("employer"));
    // Like an institution, an employer waits for the administrator (R1).
    QCOMPARE(user.value(QStringLiteral("status")).toString(), QStringLiteral("awaiting_approval"));
    QCOMPARE(user.value(QStringLiteral("organisation"))
                 .toObject()
                 .value(QStringLiteral("approved"))
                 .toBool(),
        false);
    const QJsonObject org = user.value(QStringLiteral("organisation")).toObject();
    QCOMPARE(org.value(QStringLiteral("regionCode")).toString(), QStringLiteral("440106"));
    QCOMPARE(
        org.value(QStringLiteral("regionName")).toString(), QStringLiteral("广东省 广州市 天河区"));
    QCOMPARE(login(QStringLiteral("acme_hr")).status, 200);
}

void TestServerApi::registerInstitution_awaitingApprovalUntilApproved()
{
    const TestReply r = m_client->post(QStringLiteral("/accounts/institutions"),
        organisationRegistration(QStringLiteral("school"), QStringLiteral("52440106MJ0123456")));
    QCOMPARE(r.status, 201);
    QCOMPARE(
        r.json.value(QStringLiteral("user")).toObject().value(QStringLiteral("status")).toString(),
        QStringLiteral("awaiting_approval"));
    // It can log in, and sees that it awaits approval.
    const TestReply session = login(QStringLiteral("school"));
    QCOMPARE(session.status, 200);
    QCOMPARE(session.json.value(QStringLiteral("user"))
                 .toObject()
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("awaiting_approval"));
    QString error;
    QVERIFY2(m_server->server().accounts().approveInstitution(QStringLiteral("school"), &error),
        qPrintable(error));
    const TestReply me = m_client->get(QStringLiteral("/me"), tokenOf(session));
    const QJsonObject user = me.json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(user.value(QStringLiteral("organisation"))
                 .toObject()
                 .value(QStringLiteral("approved"))
                 .toBool(),
        true);
    // Approving something that is not an institution is refused.
    QVERIFY(!m_server->server().accounts().approveInstitution(QStringLiteral("nobody"), &error));
}

void TestServerApi::registerOrganisation_duplicateCreditCode_conflictPerKind()
{
    const QString code = QStringLiteral("91440106MA59XK3T1");
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/employers"),
                     organisationRegistration(QStringLiteral("org_a"), code))
                 .status,
        201);
    const TestReply again = m_client->post(QStringLiteral("/accounts/employers"),
        organisationRegistration(QStringLiteral("org_b"), code));
    QCOMPARE(again.status, 409);
    QCOMPARE(again.errorCode(), QStringLiteral("credit_code_taken"));
    QCOMPARE(again.errorField(), QStringLiteral("creditCode"));
    // The same organisation may also run training as an institution.
    QCOMPARE(m_client
                 ->post(QStringLiteral("/accounts/institutions"),
                     organisationRegistration(QStringLiteral("org_c"), code))
                 .status,
        201);
}

void TestServerApi::registerOrganisation_unknownRegion_fieldError()
{
    QJsonObject body
        = organisationRegistration(QStringLiteral("org_x"), QStringLiteral("91440106MA59XK3T1"));
    body.insert(QStringLiteral("regionCode"), QStringLiteral("999999"));
    const TestReply r = m_client->post(QStringLiteral("/accounts/employers"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorField(), QStringLiteral("regionCode"));
}

void TestServerApi::login_wrongPasswordOrUnknownUser_sameAnswer()
{
    QCOMPARE(
        registerLearner(QStringLiteral("sunqi"), QStringLiteral("44010619900101123")).status, 201);
    const TestReply wrong = login(QStringLiteral("sunqi"), QStringLiteral("Wrong1234"));
    const TestReply unknown = login(QStringLiteral("nobody"), QStringLiteral("Wrong1234"));
    QCOMPARE(wrong.status, 401);
    QCOMPARE(unknown.status, 401);
    QCOMPARE(wrong.errorCode(), QStringLiteral("invalid_credentials"));
    QCOMPARE(wrong.errorMessage(), unknown.errorMessage());
}

void TestServerApi::logout_revokesToken()
{
    QCOMPARE(
        registerLearner(QStringLiteral("zhouba"), QStringLiteral("44010619900101123")).status, 201);
    const QString token = tokenOf(login(QStringLiteral("zhouba")));
    const QString other = tokenOf(login(QStringLiteral("zhouba")));
    QCOMPARE(m_client->del(QStringLiteral("/session"), token).status, 204);
    const TestReply after = m_client->get(QStringLiteral("/me"), token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), QStringLiteral("unauthorized"));
    // Another session of the same user is untouched.
    QCOMPARE(m_client->get(QStringLiteral("/me"), other).status, 200);
}

void TestServerApi::token_expires_afterLifetime()
{
    QCOMPARE(
        registerLearner(QStringLiteral("wujiu"), QStringLiteral("44010619900101123")).status, 201);
    const QString token = tokenOf(login(QStringLiteral("wujiu")));
    m_server->clock().advance(7 * 24 * 3600 - 60);
    QCOMPARE(m_client->get(QStringLiteral("/me"), token).status, 200);
    m_server->clock().advance(120);
    const TestReply expired = m_client->get(QStringLiteral("/me"), token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.errorCode(), QStringLiteral("token_expired"));
    // And it stays gone.
    QCOMPARE(
        m_client->get(QStringLiteral("/me"), token).errorCode(), QStringLiteral("unauthorized"));
}

void TestServerApi::lockout_fiveFailures_lockedFifteenMinutes()
{
    QCOMPARE(
        registerLearner(QStringLiteral("zhengshi"), QStringLiteral("44010619900101123")).status,
        201);
    for (int i = 0; i < 4; ++i) {
        QCOMPARE(login(QStringLiteral("zhengshi"), QStringLiteral("Wrong1234")).status, 401);
        m_server->clock().advance(60);
    }
    const TestReply fifth = login(QStringLiteral("zhengshi"), QStringLiteral("Wrong1234"));
    QCOMPARE(fifth.status, 423);
    QCOMPARE(fifth.errorCode(), QStringLiteral("account_locked"));
    QVERIFY(fifth.errorMessage().contains(QStringLiteral("15")));
    QCOMPARE(fifth.header("retry-after"), QByteArrayLiteral("900"));

    // The right password does not open a locked account.
    QCOMPARE(login(QStringLiteral("zhengshi")).status, 423);
    m_server->clock().advance(14 * 60);
    QCOMPARE(login(QStringLiteral("zhengshi")).status, 423);
    m_server->clock().advance(61);
    QCOMPARE(login(QStringLiteral("zhengshi")).status, 200);
}

void TestServerApi::changePassword_revokesOtherTokens()
{
    QCOMPARE(
        registerLearner(QStringLiteral("qianyi"), QStringLiteral("44010619900101123")).status, 201);
    const QString mine = tokenOf(login(QStringLiteral("qianyi")));
    const QString other = tokenOf(login(QStringLiteral("qianyi")));
    const TestReply wrongCurrent = m_client->post(QStringLiteral("/me/password"),
        { { QStringLiteral("currentPassword"), QStringLiteral("Nope12345") },
            { QStringLiteral("newPassword"), QStringLiteral("NewSecret456") } },
        mine);
    QCOMPARE(wrongCurrent.status, 403);
    QCOMPARE(wrongCurrent.errorField(), QStringLiteral("currentPassword"));
    const TestReply weak = m_client->post(QStringLiteral("/me/password"),
        { { QStringLiteral("currentPassword"), Password },
            { QStringLiteral("newPassword"), QStringLiteral("short") } },
        mine);
    QCOMPARE(weak.status, 400);
    QCOMPARE(weak.errorField(), QStringLiteral("newPassword"));
    const TestReply ok = m_client->post(QStringLiteral("/me/password"),
        { { QStringLiteral("currentPassword"), Password },
            { QStringLiteral("newPassword"), QStringLiteral("NewSecret456") } },
        mine);
    QCOMPARE(ok.status, 204);
    QCOMPARE(m_client->get(QStringLiteral("/me"), mine).status, 200);
    QCOMPARE(m_client->get(QStringLiteral("/me"), other).status, 401);
    QCOMPARE(login(QStringLiteral("qianyi")).status, 401);
    QCOMPARE(login(QStringLiteral("qianyi"), QStringLiteral("NewSecret456")).status, 200);
}

void TestServerApi::recoverUsername_byResidentId_showsUsername()
{
    const QJsonObject reg
        = learnerRegistration(QStringLiteral("chenyi"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), reg).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), reg.value(QStringLiteral("residentId")) } });
    QCOMPARE(start.status, 202);
    // Nothing in the answer says whether an account matched, not even a masked number.
    QVERIFY(start.json.value(QStringLiteral("channel")).isNull());
    QVERIFY(!start.json.contains(QStringLiteral("destination")));
    const QList<server::Notification> sent = m_server->outbox();
    QCOMPARE(sent.size(), 1);
    QCOMPARE(sent.first().destination, QStringLiteral("13800138000"));
    const QString code = m_server->lastCode();
    QCOMPARE(code.size(), 6);

    const TestReply verify = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), code } });
    QCOMPARE(verify.status, 200);
    QCOMPARE(verify.json.value(QStringLiteral("username")).toString(), QStringLiteral("chenyi"));
    // The code is stored hashed.
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT code_hash FROM recovery_codes"));
    QVERIFY(q.next());
    QVERIFY(!q.value(0).toString().contains(code));
}

void TestServerApi::recoverUsername_byCreditCode_showsUsername()
{
    const QJsonObject reg
        = organisationRegistration(QStringLiteral("acme"), QStringLiteral("91440106MA59XK3T1"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/employers"), reg).status, 201);
    const TestReply noRole = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("creditCode"), reg.value(QStringLiteral("creditCode")) } });
    QCOMPARE(noRole.status, 400);
    QCOMPARE(noRole.errorField(), QStringLiteral("role"));
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("creditCode"), reg.value(QStringLiteral("creditCode")) },
            { QStringLiteral("role"), QStringLiteral("employer") },
            { QStringLiteral("channel"), QStringLiteral("email") } });
    QCOMPARE(start.status, 202);
    QCOMPARE(start.json.value(QStringLiteral("channel")).toString(), QStringLiteral("email"));
    QCOMPARE(m_server->outbox().first().destination, QStringLiteral("hr@example.cn"));
    const TestReply verify = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), m_server->lastCode() } });
    QCOMPARE(verify.status, 200);
    QCOMPARE(verify.json.value(QStringLiteral("username")).toString(), QStringLiteral("acme"));
}

void TestServerApi::recoverUsername_wrongCode_countsTries()
{
    const QJsonObject reg
        = learnerRegistration(QStringLiteral("chener"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), reg).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), reg.value(QStringLiteral("residentId")) } });
    const QString right = m_server->lastCode();
    const QString wrong
        = right == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    const TestReply r = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), wrong } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("code_invalid"));
    QCOMPARE(
        r.json.value(QStringLiteral("error")).toObject().value(QStringLiteral("triesLeft")).toInt(),
        4);
    // The right code still works after a wrong one.
    const TestReply ok = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), right } });
    QCOMPARE(ok.status, 200);
}

void TestServerApi::recoverUsername_codeExpired_refused()
{
    const QJsonObject reg
        = learnerRegistration(QStringLiteral("chensan"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), reg).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), reg.value(QStringLiteral("residentId")) } });
    const QString code = m_server->lastCode();
    m_server->clock().advance(10 * 60 + 1);
    const TestReply r = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), code } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("code_expired"));
}

void TestServerApi::recoverUsername_codeReused_refused()
{
    const QJsonObject reg
        = learnerRegistration(QStringLiteral("chensi"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), reg).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), reg.value(QStringLiteral("residentId")) } });
    const QJsonObject verifyBody { { QStringLiteral("requestId"),
                                       start.json.value(QStringLiteral("requestId")) },
        { QStringLiteral("code"), m_server->lastCode() } };
    QCOMPARE(m_client->post(QStringLiteral("/recovery/username/verify"), verifyBody).status, 200);
    const TestReply again = m_client->post(QStringLiteral("/recovery/username/verify"), verifyBody);
    QCOMPARE(again.status, 400);
    QCOMPARE(again.errorCode(), QStringLiteral("code_used"));
}

void TestServerApi::recoverUsername_tooManyTries_refusedEvenWithRightCode()
{
    const QJsonObject reg
        = learnerRegistration(QStringLiteral("chenwu"), QStringLiteral("44010619900101123"));
    QCOMPARE(m_client->post(QStringLiteral("/accounts/learners"), reg).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/username"),
        { { QStringLiteral("residentId"), reg.value(QStringLiteral("residentId")) } });
    const QString right = m_server->lastCode();
    const QString wrong
        = right == QStringLiteral("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    const QJsonValue requestId = start.json.value(QStringLiteral("requestId"));
    for (int i = 0; i < 5; ++i) {
        const TestReply r = m_client->post(QStringLiteral("/recovery/username/verify"),
            { { QStringLiteral("requestId"), requestId }, { QStringLiteral("code"), wrong } });
        QCOMPARE(r.errorCode(), QStringLiteral("code_invalid"));
        QCOMPARE(r.json.value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("triesLeft"))
                     .toInt(),
            4 - i);
    }
    const TestReply r = m_client->post(QStringLiteral("/recovery/username/verify"),
        { { QStringLiteral("requestId"), requestId }, { QStringLiteral("code"), right } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("code_tries_exhausted"));
}

void TestServerApi::recovery_rateLimited_oncePerMinute()
{
    QCOMPARE(registerLearner(QStringLiteral("chenliu"), QStringLiteral("44010619900101123")).status,
        201);
    const QJsonObject body { { QStringLiteral("username"), QStringLiteral("chenliu") } };
    const TestReply first = m_client->post(QStringLiteral("/recovery/password"), body);
    QCOMPARE(first.status, 202);
    m_server->clock().advance(30);
    const TestReply second = m_client->post(QStringLiteral("/recovery/password"), body);
    QCOMPARE(second.status, 429);
    QCOMPARE(second.errorCode(), QStringLiteral("too_many_requests"));
    QCOMPARE(second.json.value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("retryAfterSeconds"))
                 .toInt(),
        30);
    QCOMPARE(m_server->outbox().size(), 1);
    m_server->clock().advance(31);
    const TestReply third = m_client->post(QStringLiteral("/recovery/password"), body);
    QCOMPARE(third.status, 202);
    // A newer code replaces the older one.
    QCOMPARE(m_server->outbox().size(), 2);
}

void TestServerApi::recoverPassword_resetsPasswordAndRevokesTokens()
{
    QCOMPARE(
        registerLearner(QStringLiteral("chenqi"), QStringLiteral("44010619900101123")).status, 201);
    const QString token = tokenOf(login(QStringLiteral("chenqi")));
    for (int i = 0; i < 3; ++i)
        login(QStringLiteral("chenqi"), QStringLiteral("Forgot1234"));
    const TestReply start = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("chenqi") } });
    QCOMPARE(start.status, 202);
    const TestReply reset = m_client->post(QStringLiteral("/recovery/password/reset"),
        { { QStringLiteral("requestId"), start.json.value(QStringLiteral("requestId")) },
            { QStringLiteral("code"), m_server->lastCode() },
            { QStringLiteral("newPassword"), QStringLiteral("Recovered789") } });
    QCOMPARE(reset.status, 204);
    QCOMPARE(m_client->get(QStringLiteral("/me"), token).status, 401);
    QCOMPARE(login(QStringLiteral("chenqi")).status, 401);
    QCOMPARE(login(QStringLiteral("chenqi"), QStringLiteral("Recovered789")).status, 200);
}

void TestServerApi::recoverPassword_weakPassword_keepsCode()
{
    QCOMPARE(
        registerLearner(QStringLiteral("chenba"), QStringLiteral("44010619900101123")).status, 201);
    const TestReply start = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("chenba") } });
    const QString code = m_server->lastCode();
    const QJsonValue requestId = start.json.value(QStringLiteral("requestId"));
    const TestReply weak = m_client->post(QStringLiteral("/recovery/password/reset"),
        { { QStringLiteral("requestId"), requestId }, { QStringLiteral("code"), code },
            { QStringLiteral("newPassword"), QStringLiteral("onlyletters") } });
    QCOMPARE(weak.status, 400);
    QCOMPARE(weak.errorField(), QStringLiteral("newPassword"));
    const TestReply ok = m_client->post(QStringLiteral("/recovery/password/reset"),
        { { QStringLiteral("requestId"), requestId }, { QStringLiteral("code"), code },
            { QStringLiteral("newPassword"), QStringLiteral("Letters123") } });
    QCOMPARE(ok.status, 204);
}

void TestServerApi::recovery_unknownAccount_acceptedButNothingSent()
{
    // Answered as for an existing account (tst_abuse compares the two), but nothing is sent.
    const TestReply r = m_client->post(QStringLiteral("/recovery/password"),
        { { QStringLiteral("username"), QStringLiteral("ghost") } });
    QCOMPARE(r.status, 202);
    QVERIFY(m_server->outbox().isEmpty());
}

void TestServerApi::body_malformedJson_invalidJson()
{
    const TestReply r
        = m_client->postRaw(QStringLiteral("/session"), QByteArrayLiteral("{\"username\": "));
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_json"));
    const TestReply array
        = m_client->postRaw(QStringLiteral("/session"), QByteArrayLiteral("[1,2]"));
    QCOMPARE(array.status, 400);
    QCOMPARE(array.errorCode(), QStringLiteral("invalid_json"));
}

void TestServerApi::body_missingField_named()
{
    QJsonObject body
        = learnerRegistration(QStringLiteral("missing"), QStringLiteral("44010619900101123"));
    body.remove(QStringLiteral("mobile"));
    const TestReply r = m_client->post(QStringLiteral("/accounts/learners"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("missing_field"));
    QCOMPARE(r.errorField(), QStringLiteral("mobile"));
}

void TestServerApi::body_extraField_refused()
{
    QJsonObject body
        = learnerRegistration(QStringLiteral("extra"), QStringLiteral("44010619900101123"));
    body.insert(QStringLiteral("role"), QStringLiteral("administrator"));
    const TestReply r = m_client->post(QStringLiteral("/accounts/learners"), body);
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("unknown_field"));
    QCOMPARE(r.errorField(), QStringLiteral("role"));
    QCOMPARE(login(QStringLiteral("extra")).status, 401);
}

void TestServerApi::body_wrongType_refused()
{
    const TestReply r = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), 42 }, { QStringLiteral("password"), Password } });
    QCOMPARE(r.status, 400);
    QCOMPARE(r.errorCode(), QStringLiteral("invalid_field"));
    QCOMPARE(r.errorField(), QStringLiteral("username"));
}

void TestServerApi::body_overLimit_413BeforeBodySent()
{
    QSslSocket socket;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    socket.setSslConfiguration(tls);
    socket.setPeerVerifyName(QStringLiteral("127.0.0.1"));
    // The server runs on this thread's event loop: wait on the signal, never block in waitFor*.
    QSignalSpy encrypted(&socket, &QSslSocket::encrypted);
    socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), m_server->port());
    QVERIFY2(encrypted.wait(10000), qPrintable(socket.errorString()));
    // Declares 200 MB and sends none of it: the answer must come anyway.
    socket.write("POST /api/v1/accounts/learners HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                 "Content-Type: application/json\r\nAccept-Language: en\r\n"
                 "Content-Length: 200000000\r\n\r\n");
    QByteArray answer;
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("\r\n\r\n"), 10000);
    QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.constData());
    QTRY_VERIFY_WITH_TIMEOUT((answer += socket.readAll()).contains("payload_too_large"), 10000);
    QTRY_COMPARE_WITH_TIMEOUT(socket.state(), QAbstractSocket::UnconnectedState, 10000);
}

void TestServerApi::route_unknown_404()
{
    const TestReply r = m_client->get(QStringLiteral("/no/such/thing"));
    QCOMPARE(r.status, 404);
    QCOMPARE(r.errorCode(), QStringLiteral("not_found"));
}

void TestServerApi::route_wrongMethod_405WithAllow()
{
    const TestReply r = m_client->get(QStringLiteral("/accounts/learners"));
    QCOMPARE(r.status, 405);
    QCOMPARE(r.errorCode(), QStringLiteral("method_not_allowed"));
    QCOMPARE(r.header("allow"), QByteArrayLiteral("POST"));
    const TestReply session = m_client->send("PUT", QStringLiteral("/session"), {}, {}, {});
    QCOMPARE(session.status, 405);
    QVERIFY(session.header("allow").contains("POST"));
    QVERIFY(session.header("allow").contains("DELETE"));
}

void TestServerApi::users_otherUsersToken_forbidden()
{
    const TestReply a = registerLearner(QStringLiteral("user_a"),
        QStringLiteral("44010619900101123"), QStringLiteral("13800000001"));
    const TestReply b = registerLearner(QStringLiteral("user_b"),
        QStringLiteral("44010619900101124"), QStringLiteral("13800000002"));
    QCOMPARE(a.status, 201);
    QCOMPARE(b.status, 201);
    const QString tokenA = tokenOf(login(QStringLiteral("user_a")));
    QCOMPARE(m_client->get(QStringLiteral("/users/") + idOf(a), tokenA).status, 200);
    const TestReply other = m_client->get(QStringLiteral("/users/") + idOf(b), tokenA);
    QCOMPARE(other.status, 403);
    QCOMPARE(other.errorCode(), QStringLiteral("forbidden"));
    QVERIFY(!other.body.contains("13800000002"));
    // Unknown ids look the same as others' ids.
    QCOMPARE(
        m_client->get(QStringLiteral("/users/00000000-0000-0000-0000-000000000000"), tokenA).status,
        403);
    // A made-up token is refused.
    QCOMPARE(m_client->get(QStringLiteral("/me"), QStringLiteral("xs_forged")).status, 401);
}

void TestServerApi::users_noToken_unauthorized()
{
    const TestReply r = m_client->get(QStringLiteral("/me"));
    QCOMPARE(r.status, 401);
    QCOMPARE(r.errorCode(), QStringLiteral("unauthorized"));
}

void TestServerApi::language_englishRequested_englishMessage()
{
    const TestReply r
        = m_client->get(QStringLiteral("/me"), {}, QByteArrayLiteral("en-US,en;q=0.9"));
    QCOMPARE(r.errorMessage(), QStringLiteral("Please log in first."));
    const TestReply v = m_client->post(QStringLiteral("/session"),
        { { QStringLiteral("username"), QStringLiteral("x") } }, {}, QByteArrayLiteral("en"));
    QCOMPARE(v.errorMessage(), QStringLiteral("The field \"password\" is required."));
}

void TestServerApi::language_default_chineseMessage()
{
    const TestReply r = m_client->get(QStringLiteral("/me"));
    QCOMPARE(r.errorMessage(), QStringLiteral("请先登录。"));
    const TestReply zh
        = m_client->get(QStringLiteral("/me"), {}, QByteArrayLiteral("zh-CN,zh;q=0.9,en;q=0.5"));
    QCOMPARE(zh.errorMessage(), QStringLiteral("请先登录。"));
}

void TestServerApi::logins_burst_doNotStallOtherRoutes()
{
    // The real Argon2id cost: each login spends about 135 ms of CPU on a password thread.
    cleanup();
    m_server = std::make_unique<TestServer>(server::PasswordHasher::Cost::Interactive);
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_client = std::make_unique<TestClient>(*m_server);
    QCOMPARE(
        registerLearner(QStringLiteral("burst"), QStringLiteral("44010619900101123")).status, 201);

    QNetworkAccessManager network;
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({ m_server->certificate() });
    QList<QNetworkReply *> logins;
    QElapsedTimer timer;
    timer.start();
    qint64 lastLoginDone = 0;
    int loginsDone = 0;
    for (int i = 0; i < 8; ++i) {
        QNetworkRequest request(m_server->url(QStringLiteral("/session")));
        request.setSslConfiguration(tls);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = network.post(
            request, QByteArrayLiteral("{\"username\":\"burst\",\"password\":\"Secret123\"}"));
        connect(reply, &QNetworkReply::finished, this, [&] {
            lastLoginDone = timer.elapsed();
            ++loginsDone;
        });
        logins.append(reply);
    }
    QNetworkRequest healthRequest(m_server->url(QStringLiteral("/health")));
    healthRequest.setSslConfiguration(tls);
    // Its own manager: QNetworkAccessManager queues requests beyond six per host, which would
    // measure the client instead of the server.
    QNetworkAccessManager healthNetwork;
    QNetworkReply *health = healthNetwork.get(healthRequest);
    qint64 healthDone = -1;
    connect(health, &QNetworkReply::finished, this, [&] { healthDone = timer.elapsed(); });
    QTRY_VERIFY_WITH_TIMEOUT(loginsDone == 8 && healthDone >= 0, 60000);
    QCOMPARE(health->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    for (QNetworkReply *r : std::as_const(logins))
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    // Eight hashes on two password threads take at least four rounds; the health check must not
    // wait for them.
    QVERIFY2(healthDone < lastLoginDone / 2,
        qPrintable(
            QStringLiteral("health %1 ms, last login %2 ms").arg(healthDone).arg(lastLoginDone)));
    qDeleteAll(logins);
    delete health;
}

QTEST_GUILESS_MAIN(TestServerApi)
#include "tst_server.moc"
