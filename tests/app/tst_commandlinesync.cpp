// `xueshi --sync` (CommandLineSync) against the real server over HTTPS on loopback: a certificate
// not yet trusted is refused with its fingerprint and pinned only when the user gives that
// fingerprint; the sync fills the cache, sends what was changed offline and logs out (the token
// revoked on the server); a wrong or missing password, a missing server and an unreachable one
// end with exit code 2 and nothing synced.
#include "apiclient.h"
#include "appsettings.h"
#include "clientcore.h"
#include "commandlinesync.h"
#include "localstore.h"
#include "servertrust.h"
#include "storage/database.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QLockFile>
#include <QNetworkAccessManager>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

struct Outcome
{
    int code = -1;
    QString out;
    QString err;
};

// A fresh ClientCore each time, as each `xueshi --sync` is a new process, on one computer's
// settings and data directory.
class Computer
{
public:
    Computer()
        : m_dataDirectory(temporaryDirectory())
        , m_settingsFile(temporaryDirectory() + QStringLiteral("/xueshi.ini"))
    { }

    Outcome sync(const SyncCommand &command, const QString &password, bool showProgress = false)
    {
        AppSettings settings(m_settingsFile);
        QNetworkAccessManager network;
        ClientCore core(&settings, &network);
        core.setLanguage(Language::English);
        core.enableLocalData(m_dataDirectory, nullptr);
        Outcome outcome;
        QTextStream out(&outcome.out);
        QTextStream err(&outcome.err);
        CommandLineSync sync(&core, &network, out, err);
        sync.setShowProgress(showProgress);
        outcome.code = sync.run(command, password);
        out.flush();
        err.flush();
        return outcome;
    }

    QStringList stores() const
    {
        QStringList files;
        QDirIterator it(m_dataDirectory + QStringLiteral("/cache"), { QStringLiteral("*.sqlite") },
            QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        return files;
    }
    QString pinned(const QString &server) const
    {
        AppSettings settings(m_settingsFile);
        return ServerTrust(settings.settings()).pinnedFingerprint(server);
    }

private:
    QString m_dataDirectory;
    QString m_settingsFile;
};

// Registers a learner (password Secret123); returns the new user's id.
QString registerLearner(TestServer &server, const QString &username)
{
    const TestReply reply = TestClient(server).post(QStringLiteral("/accounts/learners"),
        learnerRegistration(username, QStringLiteral("44010619900101123")));
    if (reply.status != 201)
        qWarning("registration: %d %s", reply.status, reply.body.constData());
    return reply.json.value(QStringLiteral("user"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

} // namespace

class TestCommandLineSync final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void fingerprintMatches_ignoresColonsSpacesAndCase();
    void untrustedCertificate_refusedWithFingerprint_pinnedWhenGiven();
    void offlineChange_sent_tokenRevoked();
    void loginProblems_exitTwo_nothingSynced();
    void accountInUseByAnotherProgram_notSynced();
};

void TestCommandLineSync::fingerprintMatches_ignoresColonsSpacesAndCase()
{
    const QString fingerprint = QStringLiteral("AB:CD:01:EF");
    QVERIFY(CommandLineSync::fingerprintMatches(QStringLiteral("AB:CD:01:EF"), fingerprint));
    QVERIFY(CommandLineSync::fingerprintMatches(QStringLiteral("abcd01ef"), fingerprint));
    QVERIFY(CommandLineSync::fingerprintMatches(QStringLiteral(" ab cd 01 ef "), fingerprint));
    QVERIFY(!CommandLineSync::fingerprintMatches(QStringLiteral("abcd01ee"), fingerprint));
    QVERIFY(!CommandLineSync::fingerprintMatches(QStringLiteral("abcd01"), fingerprint));
    QVERIFY(!CommandLineSync::fingerprintMatches(QString(), fingerprint));
    QVERIFY(!CommandLineSync::fingerprintMatches(QStringLiteral(":::"), QStringLiteral("")));
}

void TestCommandLineSync::untrustedCertificate_refusedWithFingerprint_pinnedWhenGiven()
{
    TestServer server;
    QVERIFY(!registerLearner(server, QStringLiteral("clilearner")).isEmpty());
    Computer computer;
    const QString address = server.baseUrl().toString();
    const QString key = ServerTrust::serverKey(server.baseUrl());

    // Nothing pinned: refused, and the fingerprint is there to compare.
    Outcome outcome
        = computer.sync({ address, QStringLiteral("clilearner"), {} }, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::Untrusted));
    QVERIFY2(outcome.err.contains(server.fingerprint()), qPrintable(outcome.err));
    QVERIFY(computer.pinned(key).isEmpty());
    QVERIFY(computer.stores().isEmpty());

    // Another fingerprint: still refused, nothing pinned.
    QString wrong = server.fingerprint();
    wrong[0] = wrong[0] == QLatin1Char('A') ? QLatin1Char('B') : QLatin1Char('A');
    outcome = computer.sync(
        { address, QStringLiteral("clilearner"), wrong }, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::Untrusted));
    QVERIFY(computer.pinned(key).isEmpty());

    // The right one, as typed from a message (lower case, no colons): pinned, synced.
    const QString typed = server.fingerprint().remove(QLatin1Char(':')).toLower();
    outcome = computer.sync(
        { address, QStringLiteral("clilearner"), typed }, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::Synced));
    QVERIFY2(outcome.out.contains(QStringLiteral("Synced.")), qPrintable(outcome.out));
    QCOMPARE(computer.pinned(key), server.fingerprint());
    QCOMPARE(computer.stores().size(), 1);
    {
        LocalStore store;
        QVERIFY(store.open(computer.stores().first()));
        QCOMPARE(store.entityCount(QStringLiteral("profile")), 1);
        QVERIFY(outcome.out.contains(store.path()));
    }

    // From now on the pin is enough; the server and user are remembered. On a terminal the
    // download's progress is one line rewritten in place, ended before the summary.
    outcome = computer.sync({}, QStringLiteral("Secret123"), true);
    QCOMPARE(outcome.code, int(CommandLineSync::Synced));
    QVERIFY2(outcome.err.startsWith(QStringLiteral("\rDownloaded ")), qPrintable(outcome.err));
    QVERIFY2(outcome.err.endsWith(QLatin1Char('\n')), qPrintable(outcome.err));
}

void TestCommandLineSync::offlineChange_sent_tokenRevoked()
{
    TestServer server;
    TestClient client(server);
    const QString userId = registerLearner(server, QStringLiteral("clioffline"));
    QVERIFY(!userId.isEmpty());
    Computer computer;
    const SyncCommand command { server.baseUrl().toString(), QStringLiteral("clioffline"),
        server.fingerprint() };
    QCOMPARE(
        computer.sync(command, QStringLiteral("Secret123")).code, int(CommandLineSync::Synced));

    // A change made in the window while offline waits in the store's outbox.
    QString mutationId;
    {
        LocalStore store;
        QVERIFY(store.open(computer.stores().first()));
        QNetworkAccessManager network;
        ApiClient api(&network, nullptr);
        SyncEngine engine(&api, &store);
        engine.setUserId(userId);
        mutationId = engine.queueProfileUpdate(
            { { QStringLiteral("mobile"), QStringLiteral("13912345678") } });
        QVERIFY(!mutationId.isEmpty());
        QCOMPARE(store.pendingCount(), 1);
    }
    const Outcome outcome = computer.sync(command, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::Synced));
    {
        LocalStore store;
        QVERIFY(store.open(computer.stores().first()));
        QCOMPARE(store.pendingCount(), 0);
        QCOMPARE(store.entity(QStringLiteral("profile"), userId)
                     ->data.value(QStringLiteral("learner"))
                     .toObject()
                     .value(QStringLiteral("mobile"))
                     .toString(),
            QStringLiteral("13912345678"));
    }
    const QString token = client
                              .post(QStringLiteral("/session"),
                                  { { QStringLiteral("username"), QStringLiteral("clioffline") },
                                      { QStringLiteral("password"), QStringLiteral("Secret123") } })
                              .json.value(QStringLiteral("token"))
                              .toString();
    QCOMPARE(
        learnerMobile(
            client.get(QStringLiteral("/me"), token).json.value(QStringLiteral("user")).toObject()),
        QStringLiteral("13912345678"));

    // Each run logged out: only the session just made above is left on the server.
    QSqlQuery sessions = server.server().database().exec(
        QStringLiteral("SELECT COUNT(*) FROM sessions WHERE user_id = ?"), { userId });
    QVERIFY(sessions.next());
    QCOMPARE(sessions.value(0).toInt(), 1);
}

void TestCommandLineSync::loginProblems_exitTwo_nothingSynced()
{
    TestServer server;
    QVERIFY(!registerLearner(server, QStringLiteral("cliwrong")).isEmpty());
    Computer computer;
    const SyncCommand command { server.baseUrl().toString(), QStringLiteral("cliwrong"),
        server.fingerprint() };

    Outcome outcome = computer.sync(command, QStringLiteral("NotThePassword1"));
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));
    QVERIFY2(outcome.err.startsWith(QStringLiteral("Not logged in:")), qPrintable(outcome.err));
    QVERIFY(computer.stores().isEmpty());

    outcome = computer.sync(command, QString());
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));
    QVERIFY2(outcome.err.contains(QStringLiteral("standard input")), qPrintable(outcome.err));

    // No --server on a computer that never logged in: the login window's default address.
    outcome = computer.sync({ {}, QStringLiteral("cliwrong"), {} }, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));
    QVERIFY2(outcome.err.contains(AppSettings(temporaryDirectory() + QStringLiteral("/a.ini"))
                                      .serverAddress()
                                      .section(QStringLiteral("://"), -1)),
        qPrintable(outcome.err));

    outcome
        = computer.sync({ QStringLiteral("http://127.0.0.1:1"), QStringLiteral("cliwrong"), {} },
            QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));

    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 deadPort = closed.serverPort();
    closed.close();
    outcome = computer.sync(
        { QStringLiteral("https://127.0.0.1:%1").arg(deadPort), QStringLiteral("cliwrong"), {} },
        QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));
    QVERIFY(computer.stores().isEmpty());

    // Logged in once, then the server is down: the password opens the offline session on this
    // computer, but nothing is synced and that is said.
    QCOMPARE(
        computer.sync(command, QStringLiteral("Secret123")).code, int(CommandLineSync::Synced));
    QVERIFY(server.restart([&] { outcome = computer.sync(command, QStringLiteral("Secret123")); }));
    QCOMPARE(outcome.code, int(CommandLineSync::NotLoggedIn));
    QVERIFY2(outcome.err.contains(QStringLiteral("cannot be reached")), qPrintable(outcome.err));
}

void TestCommandLineSync::accountInUseByAnotherProgram_notSynced()
{
    TestServer server;
    QVERIFY(!registerLearner(server, QStringLiteral("clibusy")).isEmpty());
    Computer computer;
    const SyncCommand command { server.baseUrl().toString(), QStringLiteral("clibusy"),
        server.fingerprint() };
    QCOMPARE(
        computer.sync(command, QStringLiteral("Secret123")).code, int(CommandLineSync::Synced));
    const QString store = computer.stores().first();
    // The lock is released with the run: nothing of it is left.
    QVERIFY(!QFile::exists(store + QStringLiteral(".lock")));

    // A window of this account is open (another program holds the store's lock).
    QLockFile window(store + QStringLiteral(".lock"));
    QVERIFY(window.tryLock(0));
    Outcome outcome = computer.sync(command, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::NotSynced));
    QVERIFY2(outcome.err.contains(QStringLiteral("in use by another Xueshi program (process %1)")
                                      .arg(QCoreApplication::applicationPid())),
        qPrintable(outcome.err));
    window.unlock();
    outcome = computer.sync(command, QStringLiteral("Secret123"));
    QCOMPARE(outcome.code, int(CommandLineSync::Synced));
}

QTEST_MAIN(TestCommandLineSync)
#include "tst_commandlinesync.moc"
