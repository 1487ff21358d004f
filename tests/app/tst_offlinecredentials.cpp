#include "clientfakes.h"
#include "offlinecredentials.h"
#include "session.h"
#include "testsupport.h"
#include "tokenstore.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Password = QStringLiteral("Secret123");

bool onlyOwnerCanRead(const QString &path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    return (permissions & others) == 0 && (permissions & QFileDevice::ReadOwner)
        && (permissions & QFileDevice::WriteOwner);
}

// The client core on the fake network, with offline login and the token store in temporary
// files. `online` decides whether the fake server answers or the network is down.
struct OfflineFixture
{
    OfflineFixture()
        : credentialsFile(temporaryDirectory() + QStringLiteral("/credentials/offline.json"))
        , credentials(std::make_unique<OfflineCredentials>(credentialsFile, &client.clock))
        , tokens(std::make_unique<TokenStore>(temporaryDirectory(), nullptr))
    {
        session()->setOfflineCredentials(credentials.get());
        session()->setTokenStore(tokens.get());
        client.network.setHandler([this](const FakeRequest &request) {
            if (!online)
                return FakeResponse::networkFailure(QNetworkReply::ConnectionRefusedError);
            if (request.path == QLatin1String("/session") && request.verb == "POST") {
                const QString username = request.body.value(QLatin1String("username")).toString();
                if (request.body.value(QLatin1String("password")).toString() != serverPassword
                    || username.toLower() != QLatin1String("zhangsan"))
                    return FakeResponse::error(401, QStringLiteral("invalid_credentials"),
                        QStringLiteral("Wrong username or password."));
                return loginAnswer(learnerUserJson());
            }
            if (request.path == QLatin1String("/me/password")) {
                serverPassword = request.body.value(QLatin1String("newPassword")).toString();
                return FakeResponse::noContent();
            }
            if (request.path == QLatin1String("/recovery/password"))
                return FakeResponse::json(200,
                    QJsonObject { { QStringLiteral("requestId"), QStringLiteral("r1") },
                        { QStringLiteral("channel"), QStringLiteral("mobile") },
                        { QStringLiteral("destination"), QStringLiteral("138****8000") },
                        { QStringLiteral("expiresAt"), QStringLiteral("2026-03-01T09:10:00Z") } });
            if (request.path == QLatin1String("/recovery/password/reset")) {
                serverPassword = request.body.value(QLatin1String("newPassword")).toString();
                return FakeResponse::noContent();
            }
            if (request.path == QLatin1String("/me"))
                return FakeResponse::json(
                    200, QJsonObject { { QStringLiteral("user"), learnerUserJson() } });
            return FakeResponse::noContent();
        });
    }

    Session *session() const { return client.core->session(); }
    QString server() const { return client.core->api()->serverKey(); }

    ApiResult login(const QString &username, const QString &password)
    {
        ApiResult answer;
        bool done = false;
        session()->login(username, password, nullptr, [&](const ApiResult &result) {
            answer = result;
            done = true;
        });
        if (!QTest::qWaitFor([&] { return done; }, 10000))
            qWarning("no answer to the login");
        return answer;
    }

    // Waits until the verifier computation and the token store are done.
    bool settle()
    {
        return QTest::qWaitFor(
            [this] { return credentials->pendingOperations() == 0 && !tokens->isBusy(); }, 10000);
    }

    ClientFixture client;
    QString credentialsFile;
    std::unique_ptr<OfflineCredentials> credentials;
    std::unique_ptr<TokenStore> tokens;
    bool online = true;
    QString serverPassword = Password;
};

} // namespace

// Offline login (R9): the Argon2id verifier kept after an online login, checked when the network
// is down, throttled, renewed by a password change and removed by a reset or "forget".
class TestOfflineCredentials final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void onlineLogin_keepsVerifierSnapshotAndTime_inOwnerOnlyFile()
    {
        OfflineFixture f;
        QVERIFY(!f.credentials->contains(f.server(), QStringLiteral("zhangsan")));
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(!f.session()->isOffline());
        QVERIFY(f.settle());

        const auto account = f.credentials->account(f.server(), QStringLiteral("ZhangSan"));
        QVERIFY(account.has_value());
        QCOMPARE(account->username, QStringLiteral("zhangsan"));
        QVERIFY2(account->verifier.startsWith(QLatin1String("$argon2id$")),
            qPrintable(account->verifier));
        QVERIFY(!account->verifier.contains(Password));
        QCOMPARE(account->user, learnerUserJson());
        QCOMPARE(account->lastOnlineLogin, f.client.clock.nowUtc());
        QCOMPARE(account->failures, 0);

        QVERIFY(QFileInfo::exists(f.credentialsFile));
        QVERIFY(onlyOwnerCanRead(f.credentialsFile));
        QVERIFY(onlyOwnerCanRead(QFileInfo(f.credentialsFile).absolutePath()));
        QFile file(f.credentialsFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains(Password.toUtf8()));
        // Not next to the preferences.
        QFile settings(f.client.settingsFile);
        QVERIFY(!settings.open(QIODevice::ReadOnly) || !settings.readAll().contains("argon2id"));

        // A new instance (the next start of the program) reads it back.
        OfflineCredentials again(f.credentialsFile, &f.client.clock);
        QVERIFY(again.contains(f.server(), QStringLiteral("zhangsan")));
        QCOMPARE(
            again.account(f.server(), QStringLiteral("zhangsan"))->verifier, account->verifier);
    }

    void networkDown_rightPassword_opensOfflineSession()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        const QDateTime lastOnline = f.client.clock.nowUtc();
        f.session()->logout();
        QVERIFY(f.settle());
        // Logging out keeps the verifier, but not the token.
        QVERIFY(f.credentials->contains(f.server(), QStringLiteral("zhangsan")));
        QVERIFY(!QFileInfo::exists(f.tokens->filePath(f.server(), QStringLiteral("zhangsan"))));

        f.online = false;
        f.client.clock.advance(3600);
        QSignalSpy offlineMode(f.session(), &Session::offlineModeChanged);
        QSignalSpy loggedIn(f.session(), &Session::loggedIn);
        const ApiResult result = f.login(QStringLiteral("ZhangSan"), Password);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(result.body.value(QLatin1String("offline")).toBool());
        QVERIFY(f.session()->isLoggedIn());
        QVERIFY(f.session()->isOffline());
        QCOMPARE(f.session()->user().username, QStringLiteral("zhangsan"));
        QCOMPARE(f.session()->user().displayName, QStringLiteral("Zhang San"));
        QCOMPARE(f.session()->lastOnlineLogin(), lastOnline);
        QCOMPARE(offlineMode.count(), 1);
        QCOMPARE(offlineMode.first().first().toBool(), true);
        QCOMPARE(loggedIn.count(), 1);

        // When the network returns, the session goes online again (with a kept token).
        f.session()->logout();
        QCOMPARE(offlineMode.count(), 2);
        QVERIFY(!f.session()->isLoggedIn());
    }

    void networkDown_wrongPassword_refusedWithTriesLeft()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        f.online = false;
        const ApiResult result = f.login(QStringLiteral("zhangsan"), QStringLiteral("Wrong1234"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error.code, QStringLiteral("invalid_credentials"));
        QCOMPARE(result.error.triesLeft(), OfflineCredentials::MaxFailures - 1);
        QVERIFY(!result.error.message.isEmpty());
        QVERIFY(!f.session()->isLoggedIn());
        QVERIFY(!f.session()->isOffline());
    }

    void networkDown_unknownUser_getsTheNetworkError()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        f.online = false;
        const ApiResult result = f.login(QStringLiteral("lisi"), Password);
        QVERIFY(!result.ok());
        QCOMPARE(result.error.kind, ApiError::Kind::Network);
        QVERIFY(!f.session()->isLoggedIn());

        // Nor does a verifier of one server open a session on another.
        f.client.core->api()->setServerUrl(QUrl(QStringLiteral("https://other.test:8443")));
        const ApiResult other = f.login(QStringLiteral("zhangsan"), Password);
        QCOMPARE(other.error.kind, ApiError::Kind::Network);
        QVERIFY(!f.session()->isLoggedIn());
    }

    void serverRefusesPassword_noOfflineFallback()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        // The server is reachable and says the password is wrong (changed elsewhere): the old
        // verifier must not override it.
        f.serverPassword = QStringLiteral("ChangedElsewhere1");
        const ApiResult result = f.login(QStringLiteral("zhangsan"), Password);
        QCOMPARE(result.error.kind, ApiError::Kind::Server);
        QCOMPARE(result.error.code, QStringLiteral("invalid_credentials"));
        QVERIFY(!f.session()->isLoggedIn());
        QCOMPARE(f.credentials->account(f.server(), QStringLiteral("zhangsan"))->failures, 0);
    }

    void wrongPasswords_lockOutForFifteenMinutes_evenAfterRestart()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        f.online = false;
        for (int i = 1; i < OfflineCredentials::MaxFailures; ++i) {
            const ApiResult result = f.login(QStringLiteral("zhangsan"), QStringLiteral("Nope1"));
            QCOMPARE(result.error.code, QStringLiteral("invalid_credentials"));
            QCOMPARE(result.error.triesLeft(), OfflineCredentials::MaxFailures - i);
        }
        const ApiResult last = f.login(QStringLiteral("zhangsan"), QStringLiteral("Nope1"));
        QCOMPARE(last.error.code, QStringLiteral("account_locked"));
        QCOMPARE(last.error.retryAfterSeconds(), OfflineCredentials::LockoutSeconds);

        // Locked: even the right password is not checked.
        const ApiResult locked = f.login(QStringLiteral("zhangsan"), Password);
        QCOMPARE(locked.error.code, QStringLiteral("account_locked"));
        QVERIFY(!f.session()->isLoggedIn());

        // Restarting the program does not lift it.
        f.credentials = std::make_unique<OfflineCredentials>(f.credentialsFile, &f.client.clock);
        f.session()->setOfflineCredentials(f.credentials.get());
        f.client.clock.advance(OfflineCredentials::LockoutSeconds - 60);
        const ApiResult stillLocked = f.login(QStringLiteral("zhangsan"), Password);
        QCOMPARE(stillLocked.error.code, QStringLiteral("account_locked"));
        QVERIFY(stillLocked.error.retryAfterSeconds() <= 60);

        f.client.clock.advance(61);
        const ApiResult unlocked = f.login(QStringLiteral("zhangsan"), Password);
        QVERIFY2(unlocked.ok(), qPrintable(unlocked.error.message));
        QVERIFY(f.session()->isOffline());
        QCOMPARE(f.credentials->account(f.server(), QStringLiteral("zhangsan"))->failures, 0);
    }

    void passwordChange_replacesTheVerifier()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        const QString oldVerifier
            = f.credentials->account(f.server(), QStringLiteral("zhangsan"))->verifier;

        const QString newPassword = QStringLiteral("Changed456");
        bool done = false;
        f.session()->changePassword(Password, newPassword, nullptr, [&](const ApiResult &result) {
            QVERIFY(result.ok());
            done = true;
        });
        QTRY_VERIFY(done);
        QVERIFY(f.settle());
        QVERIFY(f.credentials->account(f.server(), QStringLiteral("zhangsan"))->verifier
            != oldVerifier);

        f.session()->logout();
        f.online = false;
        const ApiResult old = f.login(QStringLiteral("zhangsan"), Password);
        QCOMPARE(old.error.code, QStringLiteral("invalid_credentials"));
        const ApiResult renewed = f.login(QStringLiteral("zhangsan"), newPassword);
        QVERIFY2(renewed.ok(), qPrintable(renewed.error.message));
        QVERIFY(f.session()->isOffline());
    }

    void onlineLoginWithNewPassword_replacesTheVerifier()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        // Changed on another computer: the next online login here renews the verifier.
        f.serverPassword = QStringLiteral("Elsewhere789");
        QVERIFY(f.login(QStringLiteral("zhangsan"), f.serverPassword).ok());
        QVERIFY(f.settle());
        f.session()->logout();
        f.online = false;
        QCOMPARE(f.login(QStringLiteral("zhangsan"), Password).error.code,
            QStringLiteral("invalid_credentials"));
        QVERIFY(f.login(QStringLiteral("zhangsan"), f.serverPassword).ok());
    }

    void passwordReset_clearsTheVerifierAndToken()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        QVERIFY(QFileInfo::exists(f.tokens->filePath(f.server(), QStringLiteral("zhangsan"))));
        f.session()->logout();
        QVERIFY(f.settle());
        QVERIFY(f.credentials->contains(f.server(), QStringLiteral("zhangsan")));

        bool done = false;
        f.session()->requestPasswordReset(QStringLiteral("ZhangSan"), {}, nullptr,
            [&](const ApiResult &result) { done = result.ok(); });
        QTRY_VERIFY(done);
        done = false;
        f.session()->resetPassword(QStringLiteral("r1"), QStringLiteral("123456"),
            QStringLiteral("Reset789"), nullptr,
            [&](const ApiResult &result) { done = result.ok(); });
        QTRY_VERIFY(done);
        QVERIFY(f.settle());
        QVERIFY(!f.credentials->contains(f.server(), QStringLiteral("zhangsan")));

        f.online = false;
        QCOMPARE(f.login(QStringLiteral("zhangsan"), Password).error.kind, ApiError::Kind::Network);
        QCOMPARE(f.login(QStringLiteral("zhangsan"), QStringLiteral("Reset789")).error.kind,
            ApiError::Kind::Network);
    }

    void forgetThisComputer_removesVerifierAndToken()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        const QString tokenFile = f.tokens->filePath(f.server(), QStringLiteral("zhangsan"));
        QVERIFY(QFileInfo::exists(tokenFile));
        f.session()->forgetThisComputer();
        QVERIFY(f.settle());
        QVERIFY(!f.credentials->contains(f.server(), QStringLiteral("zhangsan")));
        QVERIFY(!QFileInfo::exists(tokenFile));
        OfflineCredentials reread(f.credentialsFile, &f.client.clock);
        QVERIFY(reread.accounts().isEmpty());

        f.session()->logout();
        f.online = false;
        QCOMPARE(f.login(QStringLiteral("zhangsan"), Password).error.kind, ApiError::Kind::Network);
    }

    void forgetWhileHashing_isNotUndoneByTheLateVerifier()
    {
        OfflineFixture f;
        f.credentials->remember(
            f.server(), QStringLiteral("zhangsan"), Password, learnerUserJson());
        QVERIFY(f.credentials->pendingOperations() > 0);
        QVERIFY(f.credentials->forget(f.server(), QStringLiteral("zhangsan")));
        QVERIFY(f.settle());
        QVERIFY(!f.credentials->contains(f.server(), QStringLiteral("zhangsan")));
    }

    void offlineSession_usesKeptToken_andGoesOnlineWhenTheServerAnswers()
    {
        OfflineFixture f;
        QVERIFY(f.login(QStringLiteral("zhangsan"), Password).ok());
        QVERIFY(f.settle());
        // The program ends without logging out: the token stays kept.
        f.client.core->api()->setBearerToken({});
        f.online = false;
        const ApiResult result = f.login(QStringLiteral("zhangsan"), Password);
        QVERIFY2(result.ok(), qPrintable(result.error.message));
        QVERIFY(f.session()->isOffline());
        QCOMPARE(f.client.core->api()->bearerToken(), QStringLiteral("token-123"));

        f.online = true;
        QSignalSpy offlineMode(f.session(), &Session::offlineModeChanged);
        bool done = false;
        f.session()->refreshUser(nullptr, [&](const ApiResult &) { done = true; });
        QTRY_VERIFY(done);
        QVERIFY(!f.session()->isOffline());
        QVERIFY(f.session()->isLoggedIn());
        QCOMPARE(offlineMode.count(), 1);
        QCOMPARE(offlineMode.first().first().toBool(), false);
    }
};

QTEST_GUILESS_MAIN(TestOfflineCredentials)
#include "tst_offlinecredentials.moc"
