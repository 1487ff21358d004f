#include "commandlinesync.h"

#include "apiclient.h"
#include "attachmentuploads.h"
#include "bindings.h"
#include "clientcore.h"
#include "declarations.h"
#include "learnercertificates.h"
#include "localstore.h"
#include "offlinecredentials.h"
#include "organisationreview.h"
#include "publiccourses.h"
#include "session.h"
#include "syncengine.h"
#include "trainingclasses.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QTimer>

#include <cstdio>
#include <optional>

#ifdef Q_OS_UNIX
#include <termios.h>
#include <unistd.h>
#endif

namespace xueshi {

namespace {

// Runs the event loop until `done()` holds; `wake` (given to the handlers) ends each round.
class Waiter
{
public:
    void wake()
    {
        if (m_loop)
            m_loop->quit();
    }
    template<typename Done> void until(Done done)
    {
        QEventLoop loop;
        m_loop = &loop;
        while (!done())
            loop.exec();
        m_loop = nullptr;
    }

private:
    QEventLoop *m_loop = nullptr;
};

QString hexOnly(const QString &text)
{
    QString hex;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            hex.append(c.toUpper());
    }
    return hex;
}

} // namespace

CommandLineSync::CommandLineSync(
    ClientCore *core, QNetworkAccessManager *network, QTextStream &out, QTextStream &err)
    : m_core(core)
    , m_network(network)
    , m_out(out)
    , m_err(err)
{ }

void CommandLineSync::registerMutationRules(SyncEngine *engine, const LocalStore *store)
{
    registerBindingMutations(engine, store);
    registerCertificateMutations(engine);
    registerClassMutations(engine, store);
    registerCourseMutations(engine, store);
    registerDeclarationMutations(engine, store);
    registerOrganisationMutations(engine);
}

QString CommandLineSync::readPassword(FILE *input, QTextStream &err)
{
#ifdef Q_OS_UNIX
    const int fd = fileno(input);
    termios saved {};
    const bool terminal = ::isatty(fd) && ::tcgetattr(fd, &saved) == 0;
    if (terminal) {
        err << tr("Password: ") << Qt::flush;
        termios quiet = saved;
        quiet.c_lflag &= ~tcflag_t(ECHO);
        ::tcsetattr(fd, TCSAFLUSH, &quiet);
    }
#endif
    QByteArray line;
    for (int c = std::fgetc(input); c != EOF && c != '\n'; c = std::fgetc(input))
        line.append(char(c));
    if (line.endsWith('\r'))
        line.chop(1);
#ifdef Q_OS_UNIX
    if (terminal) {
        ::tcsetattr(fd, TCSAFLUSH, &saved);
        err << Qt::endl;
    }
#endif
    return QString::fromUtf8(line);
}

bool CommandLineSync::fingerprintMatches(const QString &given, const QString &fingerprint)
{
    const QString a = hexOnly(given);
    return !a.isEmpty() && a == hexOnly(fingerprint);
}

int CommandLineSync::run(const SyncCommand &command, const QString &password)
{
    if (!m_core->hasLocalData()) {
        m_err << tr("This computer keeps no local data: nothing to sync.") << Qt::endl;
        return NotSynced;
    }
    m_core->setEngineSetup([this](SyncEngine *engine) {
        const LocalStore *store = m_core->localStore();
        registerMutationRules(engine, store);
        // A child of the engine: it goes with it at logout. It holds a submission back while
        // its proofs wait, and sends them after each successful sync.
        new AttachmentUploads(
            m_core->api(), engine, store, AttachmentUploads::directoryFor(store->path()), engine);
        engine->setPeriodicInterval(0);
        engine->setWatchNetwork(false);
    });
    const int login = logIn(command, password);
    if (login != Synced)
        return finish(login);
    return finish(syncOnce());
}

int CommandLineSync::logIn(const SyncCommand &command, const QString &password)
{
    const QString address
        = command.server.isEmpty() ? m_core->settings()->serverAddress() : command.server;
    if (address.isEmpty()) {
        m_err << tr("No server address: give one with --server.") << Qt::endl;
        return NotLoggedIn;
    }
    QString problem;
    const QUrl url = ApiClient::normalizeServerAddress(address, &problem);
    if (!url.isValid()) {
        m_err << problem << Qt::endl;
        return NotLoggedIn;
    }
    const QString username = command.username.trimmed().isEmpty()
        ? m_core->settings()->lastUsername()
        : command.username.trimmed();
    if (username.isEmpty()) {
        m_err << tr("No username: give one with --user.") << Qt::endl;
        return NotLoggedIn;
    }
    if (password.isEmpty()) {
        m_err << tr("No password: write it on standard input.") << Qt::endl;
        return NotLoggedIn;
    }
    m_core->api()->setServerUrl(url);

    // At most two attempts: the second after pinning the certificate the user vouched for.
    for (int attempt = 0; attempt < 2; ++attempt) {
        Waiter waiter;
        std::optional<ApiResult> answer;
        m_core->session()->login(username, password, m_core, [&](const ApiResult &result) {
            answer = result;
            waiter.wake();
        });
        waiter.until([&] { return answer.has_value(); });

        const ApiError &error = answer->error;
        if (error.kind == ApiError::Kind::Certificate) {
            const CertificateProblem &certificate = error.certificate;
            if (attempt == 0
                && fingerprintMatches(command.trustFingerprint, certificate.fingerprint)
                && !certificate.certificate.isNull()) {
                m_core->trust()->pin(certificate.server, certificate.certificate);
                m_out << tr("Trusted the certificate of %1 (SHA-256 %2).")
                             .arg(certificate.server, certificate.fingerprint)
                      << Qt::endl;
                continue;
            }
            if (certificate.kind == CertificateProblem::Kind::Changed) {
                m_err << tr("The certificate of %1 has changed since it was trusted on this "
                            "computer. Trusted: %2. Now: %3. Ask the server's administrator "
                            "whether it was replaced; only then run again with "
                            "--trust-certificate %3.")
                             .arg(certificate.server, certificate.pinnedFingerprint,
                                 certificate.fingerprint)
                      << Qt::endl;
            } else {
                m_err << tr("The certificate of %1 is not trusted. Its SHA-256 fingerprint is %2. "
                            "Compare it with the one the server's administrator gave you; if "
                            "they match, run again with --trust-certificate %2.")
                             .arg(certificate.server, certificate.fingerprint)
                      << Qt::endl;
            }
            return Untrusted;
        }
        if (error.isError()) {
            m_err << tr("Not logged in: %1").arg(error.message) << Qt::endl;
            return NotLoggedIn;
        }
        if (m_core->session()->isOffline()) {
            m_err << tr("The server cannot be reached: nothing was synced.") << Qt::endl;
            return NotLoggedIn;
        }
        m_core->settings()->setServerAddress(m_core->api()->serverUrl().toString());
        m_core->settings()->setLastUsername(m_core->session()->user().username);
        m_core->settings()->sync();
        return Synced;
    }
    return Untrusted;
}

int CommandLineSync::syncOnce()
{
    SyncEngine *engine = m_core->syncEngine();
    if (!engine) {
        m_err << tr("The local cache cannot be opened: %1").arg(m_core->localStoreError())
              << Qt::endl;
        return NotSynced;
    }
    // ClientCore started the engine at login and its first sync is under way; run() gave it the
    // windows' mutation rules and the proofs' uploads before it started.
    Waiter waiter;
    std::optional<std::pair<bool, QString>> finished;
    QObject::connect(
        engine, &SyncEngine::syncFinished, m_core, [&](bool ok, const QString &message) {
            finished = { ok, message };
            waiter.wake();
        });
    bool progressShown = false;
    if (m_showProgress) {
        QObject::connect(engine, &SyncEngine::progress, m_core, [&](int done, int total) {
            m_err << '\r' << tr("Downloaded %1 of %2 changes").arg(done).arg(total) << Qt::flush;
            progressShown = true;
        });
    }
    const auto *uploads = engine->findChild<AttachmentUploads *>();
    if (uploads)
        QObject::connect(
            uploads, &AttachmentUploads::runningChanged, m_core, [&] { waiter.wake(); });
    const auto waitForSync = [&] {
        waiter.until([&] { return finished.has_value(); });
        // After a successful sync the proofs waiting to be sent go; their submissions were held.
        waiter.until([&] { return !uploads || !uploads->isRunning(); });
    };
    m_out << tr("Syncing with %1 as %2…")
                 .arg(m_core->api()->serverKey(), m_core->session()->user().username)
          << Qt::endl;
    waitForSync();
    // What the gate held for its proofs goes now that they are sent.
    if (finished->first && engine->pendingCount() > 0) {
        finished.reset();
        engine->syncNow();
        waitForSync();
    }
    QObject::disconnect(engine, nullptr, m_core, nullptr);
    if (progressShown)
        m_err << Qt::endl;
    if (uploads)
        QObject::disconnect(uploads, nullptr, m_core, nullptr);
    if (!finished->first) {
        m_err << tr("The sync failed: %1").arg(finished->second) << Qt::endl;
        return NotSynced;
    }

    const LocalStore *store = m_core->localStore();
    const int pending = engine->pendingCount();
    const int refused = int(engine->problems().size());
    m_out << tr("Synced. Records in the cache: %1.").arg(store->entityCount()) << Qt::endl;
    m_out << tr("Local cache: %1").arg(store->path()) << Qt::endl;
    if (pending > 0) {
        m_err << tr(
            "%n change(s) could not be sent yet and wait for the next sync.", nullptr, pending)
              << Qt::endl;
    }
    if (refused > 0) {
        m_err << tr("%n change(s) were refused by the server or conflict with a change made "
                    "elsewhere: open Xueshi to review them.",
            nullptr, refused)
              << Qt::endl;
    }
    return pending > 0 || refused > 0 ? NotSynced : Synced;
}

int CommandLineSync::finish(int code)
{
    // The login renews this computer's offline verifier off the main thread: let it land, so
    // the windows can log in offline with this password.
    if (OfflineCredentials *offline = m_core->offlineCredentials()) {
        Waiter waiter;
        const QMetaObject::Connection idle = QObject::connect(
            offline, &OfflineCredentials::idle, m_core, [&waiter] { waiter.wake(); });
        waiter.until([offline] { return offline->pendingOperations() == 0; });
        QObject::disconnect(idle);
    }
    Session *session = m_core->session();
    if (!session->isLoggedIn())
        return code;
    // Logging out revokes the token on the server: wait (a little) for that answer.
    Waiter waiter;
    bool answered = false;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&timeout, &QTimer::timeout, [&] { waiter.wake(); });
    const QMetaObject::Connection connection
        = QObject::connect(m_network, &QNetworkAccessManager::finished, m_core, [&] {
              answered = true;
              waiter.wake();
          });
    const bool online = !session->isOffline();
    session->logout();
    if (online) {
        timeout.start(5000);
        waiter.until([&] { return answered || !timeout.isActive(); });
    }
    QObject::disconnect(connection);
    return code;
}

} // namespace xueshi
