#include "clientfakes.h"
#include "session.h"
#include "testsupport.h"
#include "tokenstore.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Server = QStringLiteral("xueshi.test:8443");

// A keychain in memory that answers on the event loop, like QtKeychain's jobs; `available` false
// behaves like a machine without a Secret Service (every job fails with NoBackendAvailable).
class FakeKeychain final : public SecretBackend
{
public:
    struct State
    {
        bool available = true;
        bool answers = true; // false: a stuck service that never answers
        QHash<QString, QString> secrets;
        int calls = 0;
    };

    explicit FakeKeychain(std::shared_ptr<State> state)
        : m_state(std::move(state))
    { }

    void readSecret(const QString &key, Callback callback) override
    {
        answer(std::move(callback), [this, key](Result &result) {
            if (!m_state->secrets.contains(key))
                result.status = Result::Status::NotFound;
            else
                result.secret = m_state->secrets.value(key);
        });
    }
    void writeSecret(const QString &key, const QString &secret, Callback callback) override
    {
        answer(std::move(callback),
            [this, key, secret](Result &) { m_state->secrets.insert(key, secret); });
    }
    void deleteSecret(const QString &key, Callback callback) override
    {
        answer(std::move(callback), [this, key](Result &result) {
            if (!m_state->secrets.remove(key))
                result.status = Result::Status::NotFound;
        });
    }

private:
    template<typename Work> void answer(Callback callback, Work work)
    {
        ++m_state->calls;
        if (!m_state->answers)
            return;
        QTimer::singleShot(0, [state = m_state, callback = std::move(callback), work] {
            Result result;
            if (!state->available) {
                result.status = Result::Status::Unavailable;
                result.error = QStringLiteral("No keychain service available");
            } else {
                work(result);
            }
            callback(result);
        });
    }

    std::shared_ptr<State> m_state;
};

bool onlyOwnerCanRead(const QString &path)
{
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    const QFileDevice::Permissions others = QFileDevice::ReadGroup | QFileDevice::WriteGroup
        | QFileDevice::ExeGroup | QFileDevice::ReadOther | QFileDevice::WriteOther
        | QFileDevice::ExeOther;
    return (permissions & others) == 0 && (permissions & QFileDevice::ReadOwner)
        && (permissions & QFileDevice::WriteOwner);
}

bool store(TokenStore &tokens, const QString &username, const QString &token)
{
    bool ok = false;
    bool done = false;
    tokens.store(Server, username, token, nullptr, [&](bool result) {
        ok = result;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 5000) && ok;
}

QString load(TokenStore &tokens, const QString &username)
{
    QString token = QStringLiteral("<no answer>");
    bool done = false;
    tokens.load(Server, username, nullptr, [&](const QString &result) {
        token = result;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 5000))
        return QStringLiteral("<timeout>");
    return token;
}

bool remove(TokenStore &tokens, const QString &username)
{
    bool ok = false;
    bool done = false;
    tokens.remove(Server, username, nullptr, [&](bool result) {
        ok = result;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 5000) && ok;
}

} // namespace

// TokenStore: the keychain when it works, the 0600 file when it does not (headless machines),
// and the session keeping and deleting its token through it.
class TestTokenStore final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void fileBackend_storeLoad_roundTripInOwnerOnlyFile()
    {
        const QString directory = temporaryDirectory() + QStringLiteral("/tokens");
        TokenStore tokens(directory, nullptr);
        QCOMPARE(tokens.backend(), TokenStore::Backend::File);
        QVERIFY(store(tokens, QStringLiteral("ZhangSan"), QStringLiteral("token-abc")));
        const QString path = tokens.filePath(Server, QStringLiteral("zhangsan"));
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
        QVERIFY(path.startsWith(directory + QLatin1Char('/')));
        QVERIFY(onlyOwnerCanRead(path));
        QVERIFY(onlyOwnerCanRead(directory));
        // Usernames are case-insensitive, servers are not shared.
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
        QCOMPARE(load(tokens, QStringLiteral("ZHANGSAN")), QStringLiteral("token-abc"));
        QCOMPARE(load(tokens, QStringLiteral("lisi")), QString());
        // A new store on the same directory (the next start of the program) reads it.
        TokenStore again(directory, nullptr);
        QCOMPARE(load(again, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
    }

    void fileBackend_overwrite_keepsOnlyTheNewToken()
    {
        TokenStore tokens(temporaryDirectory(), nullptr);
        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("first")));
        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("second")));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("second"));
        QVERIFY(onlyOwnerCanRead(tokens.filePath(Server, QStringLiteral("zhangsan"))));
    }

    void fileBackend_remove_deletesTheFile()
    {
        TokenStore tokens(temporaryDirectory(), nullptr);
        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("token-abc")));
        QVERIFY(store(tokens, QStringLiteral("lisi"), QStringLiteral("token-lisi")));
        QVERIFY(remove(tokens, QStringLiteral("zhangsan")));
        QVERIFY(!QFileInfo::exists(tokens.filePath(Server, QStringLiteral("zhangsan"))));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QString());
        QCOMPARE(load(tokens, QStringLiteral("lisi")), QStringLiteral("token-lisi"));
    }

    void operations_runInTheOrderAsked()
    {
        auto state = std::make_shared<FakeKeychain::State>();
        TokenStore tokens(temporaryDirectory(), std::make_unique<FakeKeychain>(state));
        // Not waiting in between: a delete must never overtake the store it follows.
        tokens.store(Server, QStringLiteral("zhangsan"), QStringLiteral("token-abc"));
        tokens.remove(Server, QStringLiteral("zhangsan"));
        QSignalSpy idle(&tokens, &TokenStore::idle);
        QVERIFY(idle.wait(5000));
        QVERIFY(!tokens.isBusy());
        QVERIFY(state->secrets.isEmpty());
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QString());
    }

    void backendDescription_namesKeychainOrFile()
    {
        auto state = std::make_shared<FakeKeychain::State>();
        const QString directory = temporaryDirectory();
        TokenStore keychain(directory, std::make_unique<FakeKeychain>(state));
        QCOMPARE(keychain.backend(), TokenStore::Backend::Keychain);
        QCOMPARE(keychain.backendDescription(), QStringLiteral("the system keychain"));

        TokenStore file(directory, nullptr);
        QCOMPARE(file.backend(), TokenStore::Backend::File);
        QVERIFY2(file.backendDescription().contains(QDir::toNativeSeparators(directory)),
            qPrintable(file.backendDescription()));
        QVERIFY(file.backendDescription() != keychain.backendDescription());
    }

    void workingKeychain_keepsTheTokenThereAndNoFile()
    {
        auto state = std::make_shared<FakeKeychain::State>();
        TokenStore tokens(temporaryDirectory(), std::make_unique<FakeKeychain>(state));
        QVERIFY(store(tokens, QStringLiteral("ZhangSan"), QStringLiteral("token-abc")));
        QCOMPARE(state->secrets.value(Server + QStringLiteral("/zhangsan")),
            QStringLiteral("token-abc"));
        QVERIFY(!QFileInfo::exists(tokens.filePath(Server, QStringLiteral("zhangsan"))));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
        QVERIFY(remove(tokens, QStringLiteral("zhangsan")));
        QVERIFY(state->secrets.isEmpty());
        QCOMPARE(tokens.backend(), TokenStore::Backend::Keychain);
    }

    void failingKeychain_fallsBackToFile_andRemembersTheChoice()
    {
        auto state = std::make_shared<FakeKeychain::State>();
        state->available = false;
        const QString directory = temporaryDirectory();
        TokenStore tokens(directory, std::make_unique<FakeKeychain>(state));
        QCOMPARE(tokens.backend(), TokenStore::Backend::Keychain);
        QSignalSpy changed(&tokens, &TokenStore::backendChanged);

        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("token-abc")));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(tokens.backend(), TokenStore::Backend::File);
        QVERIFY(tokens.backendDescription().contains(QDir::toNativeSeparators(directory)));
        const QString path = tokens.filePath(Server, QStringLiteral("zhangsan"));
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(onlyOwnerCanRead(path));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));

        // The choice outlives the program: the next start does not ask the keychain at all,
        // even if it answers now.
        state->available = true;
        const int callsBefore = state->calls;
        TokenStore again(directory, std::make_unique<FakeKeychain>(state));
        QCOMPARE(again.backend(), TokenStore::Backend::File);
        QCOMPARE(load(again, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
        QCOMPARE(state->calls, callsBefore);

        // Asked to, it tries the keychain again, and the plaintext copy goes away.
        again.retryKeychain();
        QCOMPARE(again.backend(), TokenStore::Backend::Keychain);
        QVERIFY(store(again, QStringLiteral("zhangsan"), QStringLiteral("token-new")));
        QCOMPARE(state->secrets.value(Server + QStringLiteral("/zhangsan")),
            QStringLiteral("token-new"));
        QVERIFY(!QFileInfo::exists(path));
    }

    void keychainNeverAnswering_timesOutToTheFile()
    {
        auto state = std::make_shared<FakeKeychain::State>();
        state->answers = false;
        TokenStore tokens(temporaryDirectory(), std::make_unique<FakeKeychain>(state));
        tokens.setKeychainTimeout(50);
        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("token-abc")));
        QCOMPARE(state->calls, 1);
        QCOMPARE(tokens.backend(), TokenStore::Backend::File);
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
        QVERIFY(remove(tokens, QStringLiteral("zhangsan")));
        QCOMPARE(state->calls, 1); // no more waiting on it
    }

    void keychainFailingOnRead_fallsBackToTheFile()
    {
        const QString directory = temporaryDirectory();
        {
            TokenStore file(directory, nullptr);
            QVERIFY(store(file, QStringLiteral("zhangsan"), QStringLiteral("token-file")));
        }
        auto state = std::make_shared<FakeKeychain::State>();
        state->available = false;
        TokenStore tokens(directory, std::make_unique<FakeKeychain>(state));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-file"));
        QCOMPARE(tokens.backend(), TokenStore::Backend::File);
    }

    void systemKeychain_headless_fallsBackToFile()
    {
        if (!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
            QSKIP("A D-Bus session runs here: not touching the real keychain of this desktop.");
        // Nor may D-Bus autolaunch a session bus on an X display (a CI's Xvfb): headless means
        // no keychain service at all.
        qunsetenv("DISPLAY");
        auto keychain = TokenStore::systemKeychain();
#ifdef XUESHI_HAVE_QTKEYCHAIN
        QVERIFY(keychain != nullptr);
#endif
        TokenStore tokens(temporaryDirectory(), std::move(keychain));
        QVERIFY(store(tokens, QStringLiteral("zhangsan"), QStringLiteral("token-abc")));
        QCOMPARE(tokens.backend(), TokenStore::Backend::File);
        QVERIFY(onlyOwnerCanRead(tokens.filePath(Server, QStringLiteral("zhangsan"))));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-abc"));
        QVERIFY(remove(tokens, QStringLiteral("zhangsan")));
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QString());
    }

    void session_keepsTokenAtLogin_deletesItAtLogout()
    {
        ClientFixture fixture;
        fixture.network.setHandler([](const FakeRequest &request) {
            if (request.path == QLatin1String("/session") && request.verb == "POST")
                return loginAnswer(learnerUserJson());
            return FakeResponse::noContent();
        });
        TokenStore tokens(temporaryDirectory(), nullptr);
        Session *session = fixture.core->session();
        session->setTokenStore(&tokens);

        QSignalSpy loggedIn(session, &Session::loggedIn);
        session->login(QStringLiteral("zhangsan"), QStringLiteral("Secret123"), nullptr, {});
        QVERIFY(loggedIn.wait(5000));
        const QString server = fixture.core->api()->serverKey();
        QCOMPARE(server, Server);
        const QString path = tokens.filePath(server, QStringLiteral("zhangsan"));
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(path), 5000);
        QTRY_VERIFY(!tokens.isBusy());
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QStringLiteral("token-123"));
        QVERIFY(onlyOwnerCanRead(path));

        session->logout();
        QTRY_VERIFY_WITH_TIMEOUT(!QFileInfo::exists(path), 5000);
        QCOMPARE(load(tokens, QStringLiteral("zhangsan")), QString());
        QCOMPARE(fixture.network.requestCount(QStringLiteral("/session")), 2); // login, revoke
    }
};

QTEST_GUILESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
