#include "apiclient.h"
#include "clientfakes.h"
#include "session.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace xueshi;
using namespace xueshi::test;

// ApiClient and Session against the fake network: requests as the API contract wants them,
// answers and errors parsed into ApiResult / ApiError, and the session state.
class TestApiClient final : public QObject
{
    Q_OBJECT

private:
    // Runs one call and waits for its callback.
    static ApiResult call(const std::function<void(ApiClient::Callback)> &start)
    {
        ApiResult result;
        bool done = false;
        start([&](const ApiResult &r) {
            result = r;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 5000))
            qWarning("call did not finish");
        return result;
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void normalizeServerAddress_variants_httpsOnly_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("full") << QStringLiteral("https://localhost:8443")
                              << QStringLiteral("https://localhost:8443");
        QTest::newRow("no scheme")
            << QStringLiteral("  example.cn:8443 ") << QStringLiteral("https://example.cn:8443");
        QTest::newRow("default port dropped")
            << QStringLiteral("https://example.cn:443/") << QStringLiteral("https://example.cn");
        QTest::newRow("path dropped")
            << QStringLiteral("https://example.cn/api/v1") << QStringLiteral("https://example.cn");
        QTest::newRow("ipv6") << QStringLiteral("https://[::1]:8443")
                              << QStringLiteral("https://[::1]:8443");
        QTest::newRow("plain http refused") << QStringLiteral("http://example.cn") << QString();
        QTest::newRow("empty") << QStringLiteral("  ") << QString();
        QTest::newRow("garbage") << QStringLiteral("https://exa mple") << QString();
    }
    void normalizeServerAddress_variants_httpsOnly()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QString error;
        const QUrl url = ApiClient::normalizeServerAddress(input, &error);
        if (expected.isEmpty()) {
            QVERIFY(!url.isValid());
            QVERIFY(!error.isEmpty());
        } else {
            QCOMPARE(url.toString(), expected);
            QVERIFY(error.isEmpty());
        }
    }

    void post_success_sendsJsonWithLanguageAndParsesBody()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::json(201, QJsonObject { { QStringLiteral("ok"), true } });
        });
        const QJsonObject body { { QStringLiteral("username"), QStringLiteral("zhangsan") } };
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->post(QStringLiteral("/accounts/learners"), body, nullptr, cb);
        });
        QVERIFY(result.ok());
        QCOMPARE(result.httpStatus, 201);
        QCOMPARE(result.body.value(QLatin1String("ok")).toBool(), true);

        const FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.verb, QByteArray("POST"));
        QCOMPARE(request.url.toString(),
            QStringLiteral("https://xueshi.test:8443/api/v1/accounts/learners"));
        QCOMPARE(request.body, body);
        QCOMPARE(request.request.header(QNetworkRequest::ContentTypeHeader).toByteArray(),
            QByteArray("application/json"));
        QCOMPARE(request.header("Accept-Language"), QByteArray("zh-CN"));
        QCOMPARE(request.header("Accept"), QByteArray("application/json"));
        QVERIFY(request.header("Authorization").isEmpty());
    }

    void language_english_sendsAcceptLanguageEn()
    {
        ClientFixture f;
        f.core->api()->setLanguage(Language::English);
        f.network.setHandler([](const FakeRequest &) { return FakeResponse::noContent(); });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/health"), nullptr, cb);
        });
        QVERIFY(result.ok());
        QCOMPARE(result.httpStatus, 204);
        QVERIFY(result.body.isEmpty());
        QCOMPARE(f.network.lastRequest().header("Accept-Language"), QByteArray("en"));
    }

    void errorAnswer_apiErrorObject_parsedWithExtras()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            QJsonObject extra { { QStringLiteral("detail"),
                                    QStringLiteral("resident_id_check_digit") },
                { QStringLiteral("triesLeft"), 3 }, { QStringLiteral("retryAfterSeconds"), 42 } };
            return FakeResponse::error(400, QStringLiteral("invalid_field"),
                QStringLiteral("Bad check digit"), QStringLiteral("residentId"), extra);
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->post(QStringLiteral("/accounts/learners"), {}, nullptr, cb);
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, ApiError::Kind::Server);
        QCOMPARE(result.error.httpStatus, 400);
        QCOMPARE(result.error.code, QStringLiteral("invalid_field"));
        QCOMPARE(result.error.message, QStringLiteral("Bad check digit"));
        QCOMPARE(result.error.field, QStringLiteral("residentId"));
        QCOMPARE(result.error.detail, QStringLiteral("resident_id_check_digit"));
        QCOMPARE(result.error.triesLeft(), 3);
        QCOMPARE(result.error.retryAfterSeconds(), 42);
    }

    void errorAnswer_withoutExtras_noRetryOrTries()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(
                409, QStringLiteral("username_taken"), QStringLiteral("Taken"));
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->post(QStringLiteral("/accounts/learners"), {}, nullptr, cb);
        });
        QCOMPARE(result.error.code, QStringLiteral("username_taken"));
        QVERIFY(result.error.field.isEmpty());
        QCOMPARE(result.error.triesLeft(), -1);
        QCOMPARE(result.error.retryAfterSeconds(), -1);
    }

    void networkError_connectionRefused_networkKindWithMessage()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::networkFailure(QNetworkReply::ConnectionRefusedError);
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/me"), nullptr, cb);
        });
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, ApiError::Kind::Network);
        QCOMPARE(result.error.code, QStringLiteral("network_error"));
        QCOMPARE(result.error.networkError, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(result.httpStatus, 0);
        QVERIFY(result.error.message.contains(QStringLiteral("xueshi.test:8443")));
    }

    void networkError_eachKind_hasMessage_data()
    {
        QTest::addColumn<int>("error");
        QTest::newRow("host") << int(QNetworkReply::HostNotFoundError);
        QTest::newRow("timeout") << int(QNetworkReply::TimeoutError);
        QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError);
        QTest::newRow("tls") << int(QNetworkReply::SslHandshakeFailedError);
        QTest::newRow("other") << int(QNetworkReply::UnknownNetworkError);
    }
    void networkError_eachKind_hasMessage()
    {
        QFETCH(int, error);
        ClientFixture f;
        f.network.setHandler([error](const FakeRequest &) {
            return FakeResponse::networkFailure(QNetworkReply::NetworkError(error));
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/me"), nullptr, cb);
        });
        QCOMPARE(result.error.kind, ApiError::Kind::Network);
        QVERIFY(!result.error.message.isEmpty());
    }

    void serverError_5xxWithoutJson_internalError()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::raw(
                502, QByteArrayLiteral("<html>Bad gateway</html>"), QByteArrayLiteral("text/html"));
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/me"), nullptr, cb);
        });
        QCOMPARE(result.error.kind, ApiError::Kind::Server);
        QCOMPARE(result.error.httpStatus, 502);
        QCOMPARE(result.error.code, QStringLiteral("internal_error"));
        QVERIFY(result.error.message.contains(QStringLiteral("502")));
    }

    void serverError_500WithApiError_keepsServerMessage()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(
                500, QStringLiteral("internal_error"), QStringLiteral("Server broke"));
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/me"), nullptr, cb);
        });
        QCOMPARE(result.error.code, QStringLiteral("internal_error"));
        QCOMPARE(result.error.message, QStringLiteral("Server broke"));
    }

    void success_notJson_protocolError()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::raw(
                200, QByteArrayLiteral("hello"), QByteArrayLiteral("text/plain"));
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->api()->get(QStringLiteral("/me"), nullptr, cb);
        });
        QCOMPARE(result.error.kind, ApiError::Kind::Protocol);
        QCOMPARE(result.error.code, QStringLiteral("invalid_response"));
    }

    void callback_contextDestroyed_notCalled()
    {
        ClientFixture f;
        f.network.hold();
        f.network.setHandler([](const FakeRequest &) { return FakeResponse::noContent(); });
        bool called = false;
        auto context = std::make_unique<QObject>();
        QNetworkReply *reply = f.core->api()->get(
            QStringLiteral("/health"), context.get(), [&](const ApiResult &) { called = true; });
        QSignalSpy finished(reply, &QNetworkReply::finished);
        context.reset();
        f.network.release();
        QVERIFY(finished.count() == 1 || finished.wait());
        QCoreApplication::processEvents();
        QVERIFY(!called);
    }

    void session_login_storesTokenAndUserAndSendsBearer()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session") && request.verb == "POST")
                return loginAnswer(learnerUserJson());
            if (request.path == QLatin1String("/me"))
                return FakeResponse::json(
                    200, QJsonObject { { QStringLiteral("user"), learnerUserJson() } });
            return FakeResponse::noContent();
        });
        Session *session = f.core->session();
        QSignalSpy loggedIn(session, &Session::loggedIn);
        const ApiResult result = call([&](ApiClient::Callback cb) {
            session->login(
                QStringLiteral(" zhangsan "), QStringLiteral(" pass word1 "), nullptr, cb);
        });
        QVERIFY(result.ok());
        QCOMPARE(loggedIn.count(), 1);
        QVERIFY(session->isLoggedIn());
        QCOMPARE(session->user().username, QStringLiteral("zhangsan"));
        QCOMPARE(session->user().role, Role::Learner);
        QVERIFY(session->user().learner.has_value());
        QCOMPARE(session->user().learner->mobile, QStringLiteral("13800138000"));
        QCOMPARE(session->expiresAt(), QDateTime(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC));
        // The username is trimmed, the password is sent exactly as typed.
        const FakeRequest login = f.network.lastRequest();
        QCOMPARE(
            login.body.value(QLatin1String("username")).toString(), QStringLiteral("zhangsan"));
        QCOMPARE(
            login.body.value(QLatin1String("password")).toString(), QStringLiteral(" pass word1 "));

        call([&](ApiClient::Callback cb) { session->refreshUser(nullptr, cb); });
        QCOMPARE(f.network.lastRequest().header("Authorization"), QByteArray("Bearer token-123"));

        QSignalSpy loggedOut(session, &Session::loggedOut);
        session->logout();
        QCOMPARE(loggedOut.count(), 1);
        QVERIFY(!session->isLoggedIn());
        const FakeRequest logout = f.network.lastRequest();
        QCOMPARE(logout.verb, QByteArray("DELETE"));
        QCOMPARE(logout.path, QStringLiteral("/session"));
        QCOMPARE(logout.header("Authorization"), QByteArray("Bearer token-123"));
        QVERIFY(f.core->api()->bearerToken().isEmpty());
    }

    void session_loginFails_staysLoggedOut()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::error(401, QStringLiteral("invalid_credentials"),
                QStringLiteral("Wrong username or password"));
        });
        QSignalSpy loggedIn(f.core->session(), &Session::loggedIn);
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->session()->login(QStringLiteral("a"), QStringLiteral("b"), nullptr, cb);
        });
        QCOMPARE(result.error.code, QStringLiteral("invalid_credentials"));
        QCOMPARE(loggedIn.count(), 0);
        QVERIFY(!f.core->session()->isLoggedIn());
    }

    void session_loginAnswerIncomplete_protocolError()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::json(
                200, QJsonObject { { QStringLiteral("token"), QStringLiteral("t") } });
        });
        const ApiResult result = call([&](ApiClient::Callback cb) {
            f.core->session()->login(QStringLiteral("a"), QStringLiteral("b"), nullptr, cb);
        });
        QCOMPARE(result.error.kind, ApiError::Kind::Protocol);
        QVERIFY(!f.core->session()->isLoggedIn());
    }

    void session_unauthorizedLater_sessionExpired()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session"))
                return loginAnswer(learnerUserJson());
            return FakeResponse::error(
                401, QStringLiteral("token_expired"), QStringLiteral("Session expired"));
        });
        Session *session = f.core->session();
        call([&](ApiClient::Callback cb) {
            session->login(QStringLiteral("zhangsan"), QStringLiteral("password1"), nullptr, cb);
        });
        QVERIFY(session->isLoggedIn());
        QSignalSpy expired(session, &Session::sessionExpired);
        call([&](ApiClient::Callback cb) { session->refreshUser(nullptr, cb); });
        QCOMPARE(expired.count(), 1);
        QCOMPARE(expired.first().first().toString(), QStringLiteral("Session expired"));
        QVERIFY(!session->isLoggedIn());
    }

    void registration_bodies_matchApi()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::json(
                201, QJsonObject { { QStringLiteral("user"), learnerUserJson() } });
        });
        LearnerRegistration learner { QStringLiteral(" zhangsan "), QStringLiteral("secret12 "),
            QStringLiteral("Zhang San"), validResidentId(), QStringLiteral("13800138000"),
            QStringLiteral("  ") };
        call([&](ApiClient::Callback cb) {
            f.core->session()->registerLearner(learner, nullptr, cb);
        });
        FakeRequest request = f.network.lastRequest();
        QCOMPARE(request.path, QStringLiteral("/accounts/learners"));
        QCOMPARE(
            request.body.value(QLatin1String("username")).toString(), QStringLiteral("zhangsan"));
        QCOMPARE(
            request.body.value(QLatin1String("password")).toString(), QStringLiteral("secret12 "));
        QVERIFY(!request.body.contains(QLatin1String("email"))); // optional and empty: left out
        QCOMPARE(request.body.keys().size(), 5);

        OrganisationRegistration organisation;
        organisation.role = Role::Institution;
        organisation.username = QStringLiteral("peixun");
        organisation.password = QStringLiteral("secret123");
        organisation.name = QStringLiteral("Example Training");
        organisation.creditCode = validCreditCode();
        organisation.regionCode = QStringLiteral("440106");
        organisation.contactPerson = QStringLiteral("Li Si");
        organisation.phone = QStringLiteral("020-12345678");
        organisation.email = QStringLiteral("a@b.cn");
        call([&](ApiClient::Callback cb) {
            f.core->session()->registerOrganisation(organisation, nullptr, cb);
        });
        request = f.network.lastRequest();
        QCOMPARE(request.path, QStringLiteral("/accounts/institutions"));
        QCOMPARE(
            request.body.value(QLatin1String("regionCode")).toString(), QStringLiteral("440106"));
        QCOMPARE(request.body.value(QLatin1String("email")).toString(), QStringLiteral("a@b.cn"));
        QCOMPARE(request.body.keys().size(), 8);

        organisation.role = Role::Employer;
        call([&](ApiClient::Callback cb) {
            f.core->session()->registerOrganisation(organisation, nullptr, cb);
        });
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/accounts/employers"));
    }

    void recovery_requestsAndTicket_matchApi()
    {
        ClientFixture f;
        f.network.setHandler([](const FakeRequest &) {
            return FakeResponse::json(202,
                QJsonObject { { QStringLiteral("requestId"), QStringLiteral("r1") },
                    { QStringLiteral("channel"), QStringLiteral("mobile") },
                    { QStringLiteral("expiresAt"), QStringLiteral("2026-03-01T09:10:00Z") } });
        });
        Session *session = f.core->session();
        ApiResult result = call([&](ApiClient::Callback cb) {
            session->requestUsernameByResidentId(validResidentId(), QString(), nullptr, cb);
        });
        const RecoveryTicket ticket = RecoveryTicket::fromJson(result.body);
        QCOMPARE(ticket.requestId, QStringLiteral("r1"));
        QCOMPARE(ticket.channel, QStringLiteral("mobile"));
        QCOMPARE(ticket.expiresAt, QDateTime(QDate(2026, 3, 1), QTime(9, 10), Qt::UTC));
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("residentId"), validResidentId() } }));

        call([&](ApiClient::Callback cb) {
            session->requestUsernameByCreditCode(
                validCreditCode(), Role::Employer, QStringLiteral("email"), nullptr, cb);
        });
        QCOMPARE(f.network.lastRequest().body,
            (QJsonObject { { QStringLiteral("creditCode"), validCreditCode() },
                { QStringLiteral("role"), QStringLiteral("employer") },
                { QStringLiteral("channel"), QStringLiteral("email") } }));

        call([&](ApiClient::Callback cb) {
            session->verifyUsernameRecovery(
                QStringLiteral("r1"), QStringLiteral("123456"), nullptr, cb);
        });
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/recovery/username/verify"));

        call([&](ApiClient::Callback cb) {
            session->requestPasswordReset(
                QStringLiteral("zhangsan"), QStringLiteral("mobile"), nullptr, cb);
        });
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/recovery/password"));

        call([&](ApiClient::Callback cb) {
            session->resetPassword(QStringLiteral("r2"), QStringLiteral("654321"),
                QStringLiteral("newpass12"), nullptr, cb);
        });
        QCOMPARE(f.network.lastRequest().path, QStringLiteral("/recovery/password/reset"));
        QCOMPARE(f.network.lastRequest().body.value(QLatin1String("newPassword")).toString(),
            QStringLiteral("newpass12"));
    }

    void user_fromJson_organisationAndInvalid()
    {
        const User institution = User::fromJson(
            organisationUserJson(QStringLiteral("institution"), QStringLiteral("px"), true));
        QVERIFY(institution.isValid());
        QCOMPARE(institution.role, Role::Institution);
        QVERIFY(institution.isAwaitingApproval());
        QVERIFY(!institution.learner.has_value());
        QVERIFY(institution.organisation.has_value());
        QCOMPARE(institution.organisation->regionCode, QStringLiteral("440106"));
        QCOMPARE(institution.organisation->approved, false);

        QJsonObject broken = learnerUserJson();
        broken.insert(QStringLiteral("role"), QStringLiteral("pirate"));
        QVERIFY(!User::fromJson(broken).isValid());
        QVERIFY(!User::fromJson({}).isValid());
    }

    void settings_defaultsAndPersistence()
    {
        ClientFixture f;
        QCOMPARE(f.settings->serverAddress(), QStringLiteral("https://localhost:8443"));
        QCOMPARE(f.settings->language(), Language::Chinese);
        f.settings->setServerAddress(QStringLiteral("https://example.cn"));
        f.settings->setLanguage(Language::English);
        f.settings->setLastUsername(QStringLiteral("zhangsan"));
        f.settings->sync();
        AppSettings again(f.settingsFile);
        QCOMPARE(again.serverAddress(), QStringLiteral("https://example.cn"));
        QCOMPARE(again.language(), Language::English);
        QCOMPARE(again.lastUsername(), QStringLiteral("zhangsan"));
        QVERIFY(AppSettings::dataDirectory().contains(QStringLiteral("xueshi"), Qt::CaseInsensitive)
            || !AppSettings::dataDirectory().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestApiClient)
#include "tst_apiclient.moc"
