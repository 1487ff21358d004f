#include "server.h"

#include "admin/servinglock.h"
#include "api/controllers.h"
#include "api/router.h"
#include "certificates/signingkeys.h"
#include "clock.h"
#include "content/contentstore.h"
#include "core/localizer.h"
#include "core/privatedirectory.h"
#include "core/serverconfig.h"
#include "http/forwarded.h"
#include "metrics/metrics.h"
#include "notify/notifiersettings.h"
#include "notify/outboxsender.h"
#include "services/accountservice.h"
#include "services/bindingservice.h"
#include "services/certificateservice.h"
#include "services/classservice.h"
#include "services/courseservice.h"
#include "services/declarationservice.h"
#include "services/hourrecordservice.h"
#include "services/notifier.h"
#include "services/organisationservice.h"
#include "services/policyservice.h"
#include "services/recoveryservice.h"
#include "services/servicecontext.h"
#include "sync/changelog.h"
#include "sync/syncservice.h"
#include "tls/tlsmaterial.h"

#include <QDir>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QTimer>

#include <chrono>

Q_LOGGING_CATEGORY(lcServer, "xueshi.server", QtInfoMsg)

namespace xueshi::server {

namespace {

// The notifier's part of the metrics: this process's sender's counters (when it delivers) and
// the shared outbox's backlog, read on the calling thread's connection.
QList<Metrics::Gauge> notifierGauges(
    const OutboxSender *sender, Database &database, const Clock &clock)
{
    QList<Metrics::Gauge> gauges;
    if (sender) {
        const OutboxSender::Counters c = sender->counters();
        gauges.append({ "xueshi_notifier_deliveries_total",
            "Delivery attempts of codes by this process's sender: sent, failed to be tried "
            "again (retry), failed and given up (given_up).",
            "counter",
            { { "outcome=\"sent\"", double(c.sent) }, { "outcome=\"retry\"", double(c.retried) },
                { "outcome=\"given_up\"", double(c.failed) } } });
    }
    // The shared outbox, as every process sees it: messages not yet sent nor given up, and how
    // long the oldest has waited (codes that do not get out show here before users call).
    try {
        QSqlQuery q = database.exec(
            QStringLiteral("SELECT COUNT(*), MIN(created_at) FROM notifier_outbox"
                           " WHERE sent_at IS NULL AND failed_at IS NULL AND transport <> ?"),
            { OutboxNotifier::Development });
        if (q.next()) {
            const qint64 waiting = q.value(0).toLongLong();
            const qint64 now = clock.nowUtc().toMSecsSinceEpoch();
            const double oldest
                = waiting > 0 ? std::max<qint64>(0, now - q.value(1).toLongLong()) / 1000.0 : 0;
            gauges.append({ "xueshi_notifier_outbox_waiting",
                "Messages in the shared outbox not yet sent nor given up.", "gauge",
                { { QByteArray(), double(waiting) } } });
            gauges.append({ "xueshi_notifier_outbox_oldest_waiting_seconds",
                "Age of the oldest message not yet sent nor given up (0 when none waits).", "gauge",
                { { QByteArray(), oldest } } });
        }
    } catch (const DatabaseError &e) {
        qCWarning(lcServer, "metrics: cannot read the notifier outbox: %s", e.what());
    }
    return gauges;
}

} // namespace

Server::Server(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? m_options.clock : SystemClock::instance())
{
    // Pool threads never expire: each holds its own database connection.
    m_normalPool.setMaxThreadCount(m_options.workerThreads);
    m_normalPool.setExpiryTimeout(-1);
    m_passwordPool.setMaxThreadCount(m_options.passwordThreads);
    m_passwordPool.setExpiryTimeout(-1);
}

Server::~Server()
{
    close();
    if (m_sender)
        m_sender->stop();
    m_normalPool.waitForDone();
    m_passwordPool.waitForDone();
    // What the last requests appended.
    recordHighWater();
}

bool Server::openStorage(QString *error)
{
    // The data directory holds password hashes and personal data: created owner-only.
    if (!makePrivateDirectory(m_options.dataDir)) {
        *error = QStringLiteral("cannot create the data directory %1").arg(m_options.dataDir);
        return false;
    }
    if (isSharedDirectory(m_options.dataDir)) {
        qCWarning(lcServer,
            "the data directory %s can be entered by other users; its files are owner-only, "
            "but consider chmod 700",
            qPrintable(m_options.dataDir));
    }
    const DatabaseConfig config = m_options.database.value_or(
        DatabaseConfig::sqlite(QDir(m_options.dataDir).filePath(QStringLiteral("xueshi.sqlite"))));
    m_database = std::make_unique<Database>(config);
    try {
        m_database->connection();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(config.describe(), QString::fromStdString(e.what()));
        return false;
    }
    // Processes started together (several behind nginx on one database and data directory)
    // start one after the other: the migrations, and the first start's signing keys and
    // published rows, are made once.
    try {
        m_database->lockStartup();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot lock %1 for the start-up: %2")
                     .arg(config.describe(), QString::fromStdString(e.what()));
        return false;
    }
    const auto unlock = qScopeGuard([this] { m_database->unlockStartup(); });
    if (!m_database->migrate(error))
        return false;

    m_hasher = std::make_unique<PasswordHasher>(m_options.passwordCost);
    m_localizer = std::make_unique<Localizer>();
    std::optional<NotifierSettings> notifierSettings
        = NotifierSettings::read(m_options.config.get(), error);
    if (!notifierSettings)
        return false;
    m_notifierSettings = std::make_unique<NotifierSettings>(std::move(*notifierSettings));
    m_notifier = std::make_unique<OutboxNotifier>(*m_database);
    m_notifier->setRoute(QStringLiteral("email"), m_notifierSettings->emailTransport);
    m_notifier->setRoute(QStringLiteral("mobile"), m_notifierSettings->mobileTransport);
    m_changeLog = std::make_unique<ChangeLog>(*m_database, *m_clock);
    try {
        m_changeLog->initialise();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot initialise the change log: %1")
                     .arg(QString::fromStdString(e.what()));
        return false;
    }
    m_content = std::make_unique<ContentStore>(
        QDir(m_options.dataDir).filePath(QStringLiteral("content")));
    m_context = std::make_unique<ServiceContext>(ServiceContext { *m_database, *m_clock, *m_hasher,
        *m_notifier, *m_localizer, *m_changeLog, m_options.tokenLifetimeSeconds });
    m_accounts = std::make_unique<AccountService>(*m_context);
    m_recovery = std::make_unique<RecoveryService>(*m_context, *m_accounts);
    m_bindings = std::make_unique<BindingService>(*m_context, *m_accounts);
    m_hourRecords = std::make_unique<HourRecordService>(*m_context, *m_bindings);
    m_sync = std::make_unique<SyncService>(*m_context, *m_accounts, *m_bindings);
    m_policies = std::make_unique<PolicyService>(*m_context, *m_bindings);
    m_declarations = std::make_unique<DeclarationService>(*m_context, *m_bindings, *m_hourRecords,
        *m_policies, *m_sync, QDir(m_options.dataDir).filePath(QStringLiteral("attachments")));
    // What an HR office may see of a learner follows the binding: hour records and declarations.
    m_bindings->setConfirmedHandler(
        [records = m_hourRecords.get(), declarations = m_declarations.get()](
            const QString &learnerId) {
            records->publishAllOf(learnerId);
            declarations->employerConfirmed(learnerId);
        });
    m_bindings->setEndedHandler(
        [records = m_hourRecords.get(), declarations = m_declarations.get()](
            const QString &learnerId, const QString &formerEmployerId) {
            records->withdrawFrom(learnerId, formerEmployerId);
            declarations->withdrawFrom(learnerId, formerEmployerId);
        });
    try {
        m_policies->initialise();
        m_declarations->initialise();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot publish the hours policies: %1")
                     .arg(QString::fromStdString(e.what()));
        return false;
    }
    // The keys that sign certificates: made at first start, owner-only like the TLS key.
    m_signingKeys = std::make_unique<SigningKeys>(
        QDir(m_options.dataDir).filePath(QStringLiteral("signing")));
    if (!m_signingKeys->initialise(m_clock->nowUtc(), error))
        return false;
    m_certificates = std::make_unique<CertificateService>(
        *m_context, *m_bindings, *m_policies, *m_signingKeys, *m_sync);
    try {
        m_certificates->initialise();
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot publish the certificate signing keys: %1")
                     .arg(QString::fromStdString(e.what()));
        return false;
    }
    m_courses = std::make_unique<CourseService>(
        *m_context, *m_bindings, *m_hourRecords, *m_policies, *m_content);
    m_courses->registerMutations(*m_sync);
    m_classes = std::make_unique<ClassService>(
        *m_context, *m_accounts, *m_bindings, *m_hourRecords, *m_sync);
    m_organisations = std::make_unique<OrganisationService>(*m_context, *m_accounts);
    m_organisations->registerMutations(*m_sync);
    return true;
}

bool Server::listen(QString *error)
{
    // Shared: several processes may serve one data directory; `admin restore` takes it alone.
    m_servingLock = std::make_unique<ServingLock>();
    if (!m_servingLock->acquire(m_options.dataDir, ServingLock::Mode::Shared, error))
        return false;
    QSslConfiguration tls;
    if (m_options.upstream) {
        // Plain HTTP is for the proxy on this machine only: on any other address the traffic,
        // passwords and tokens included, would cross a network unencrypted.
        if (!m_options.address.isLoopback()) {
            *error = QStringLiteral("--upstream serves plain HTTP and listens on a loopback "
                                    "address only (127.0.0.1 or ::1), not on %1")
                         .arg(m_options.address.toString());
            return false;
        }
        // Every connection comes from nginx: the limit per client address is nginx's
        // limit_conn, and the router's per-address limits use the forwarded address.
        m_options.limits.maxConnectionsPerAddress = 0;
        // The proxy's request id names the request in both logs (nginx's and ours).
        m_options.limits.trustRequestIdHeader = true;
    } else {
        if (!tls::loadOrCreate(m_options.dataDir, m_options.certificatePath,
                m_options.privateKeyPath, &tls, &m_certificateGenerated, error)) {
            return false;
        }
        m_certificate = tls.localCertificate();
    }

    // A database restored from a backup is behind the mark kept outside it: a new epoch, so no
    // client keeps a cursor into the history that was lost (docs/sync.md "Restore"). Only the
    // serving process keeps the mark; the administrator's commands leave it alone.
    m_changeLog->setHighWaterFile(
        QDir(m_options.dataDir).filePath(QStringLiteral("sync-high-water.json")));
    try {
        const QString restored = m_changeLog->checkHighWater();
        if (!restored.isEmpty()) {
            qCWarning(lcServer,
                "%s: the database was restored or replaced, so a new sync epoch was made and "
                "every client downloads its data again",
                qPrintable(restored));
        }
    } catch (const DatabaseError &e) {
        *error = QStringLiteral("cannot check the sync high-water mark: %1")
                     .arg(QString::fromStdString(e.what()));
        return false;
    }

    m_router = std::make_unique<Router>(*m_accounts, *m_localizer, &m_normalPool, &m_passwordPool);
    m_router->setQueueLimit(
        Router::Lane::Normal, { m_options.normalQueue, Router::kNormalQueue.retryAfterSeconds });
    m_router->setQueueLimit(Router::Lane::Password,
        { m_options.passwordQueue, Router::kPasswordQueue.retryAfterSeconds });
    // Where the transport sees no client addresses (behind a proxy), neither does the router.
    m_router->setPasswordPerAddress(
        m_options.upstream || m_options.limits.maxConnectionsPerAddress > 0
            ? Router::kPasswordPerAddress
            : 0);
    addHealthRoutes(*m_router, *m_database);
    addAccountRoutes(*m_router, *m_accounts);
    addRecoveryRoutes(*m_router, *m_recovery);
    addSyncRoutes(*m_router, *m_sync);
    addContentRoutes(*m_router, *m_content);
    addClassRoutes(*m_router, *m_classes);
    addDeclarationRoutes(*m_router, *m_declarations);
    addCertificateRoutes(*m_router, *m_certificates);

    // Real delivery of codes, in the serving process only (it alone reads the secrets).
    if (m_notifierSettings->delivers() && !m_sender) {
        if (!m_notifierSettings->loadSecrets(m_options.config.get(), error))
            return false;
        m_sender = std::make_unique<OutboxSender>(
            *m_database, *m_clock, m_notifierSettings->transports(), m_notifierSettings->sender);
        OutboxSender *sender = m_sender.get();
        m_notifier->setQueuedHandler([sender] { sender->wake(); });
        m_sender->start();
    }

    m_http = std::make_unique<HttpServer>();
    m_http->setLimits(m_options.limits);
    if (!m_options.upstream)
        m_http->setTlsConfiguration(tls);
    Router *router = m_router.get();
    m_http->setHandler([router, upstream = m_options.upstream](
                           HttpRequest request, HttpServer::Responder respond) {
        // Behind nginx the client is the address nginx forwards (the peer is nginx itself).
        if (upstream)
            request.peer = forwardedClient(request);
        router->dispatch(std::move(request), std::move(respond));
    });
    m_http->setErrorFactory([router](const HttpRequest &partial, int status, const char *code) {
        return router->protocolError(partial, status, code);
    });
    m_metrics = std::make_unique<Metrics>();
    m_http->setObserver(
        [metrics = m_metrics.get()](const HttpExchange &exchange) { metrics->record(exchange); });
    // The high-water mark follows the change counter every few seconds, and on a clean stop.
    auto *highWater = new QTimer(this);
    highWater->setInterval(std::chrono::seconds(HighWaterSeconds));
    connect(highWater, &QTimer::timeout, this, &Server::recordHighWater);
    highWater->start();
    if (!m_http->listen(m_options.address, m_options.port)) {
        *error = QStringLiteral("cannot listen on %1:%2: %3")
                     .arg(m_options.address.toString())
                     .arg(m_options.port)
                     .arg(m_http->errorString());
        return false;
    }
    if (m_options.metricsPort >= 0 && !listenMetrics(quint16(m_options.metricsPort), error))
        return false;
    return true;
}

bool Server::listenMetrics(quint16 port, QString *error)
{
    // A listener of its own on 127.0.0.1, not a route of the API: behind nginx every request
    // reaches the API from loopback, so a loopback check there would pass whatever nginx
    // forwards; this port is not proxied and cannot be reached from another machine.
    m_metricsHttp = std::make_unique<HttpServer>();
    HttpLimits limits;
    limits.maxConnections = 16;
    limits.maxConnectionsPerAddress = 0;
    m_metricsHttp->setLimits(limits);
    const auto render = [this] {
        QList<Metrics::Gauge> gauges;
        gauges.append({ "xueshi_worker_queue_depth",
            "Requests waiting for a worker thread, by lane.", "gauge",
            { { "lane=\"normal\"", double(m_router->waiting(Router::Lane::Normal)) },
                { "lane=\"password\"", double(m_router->waiting(Router::Lane::Password)) } } });
        gauges.append({ "xueshi_worker_queue_refused_total",
            "Requests answered 503 because their lane's queue was full.", "counter",
            { { "lane=\"normal\"", double(m_router->refusedBusy(Router::Lane::Normal)) },
                { "lane=\"password\"", double(m_router->refusedBusy(Router::Lane::Password)) } } });
        gauges.append({ "xueshi_worker_queue_dropped_total",
            "Queued requests dropped because their client had gone.", "counter",
            { { "lane=\"normal\"", double(m_router->droppedGone(Router::Lane::Normal)) },
                { "lane=\"password\"", double(m_router->droppedGone(Router::Lane::Password)) } } });
        gauges.append({ "xueshi_http_connections", "Open client connections.", "gauge",
            { { QByteArray(), double(m_http->connectionCount()) } } });
        gauges += notifierGauges(m_sender.get(), *m_database, *m_clock);
        return m_metrics->render(gauges);
    };
    m_metricsHttp->setHandler([render](HttpRequest request, HttpServer::Responder respond) {
        respond(answerMetricsRequest(request, render));
    });
    if (!m_metricsHttp->listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("cannot listen for the metrics on 127.0.0.1:%1: %2")
                     .arg(port)
                     .arg(m_metricsHttp->errorString());
        return false;
    }
    return true;
}

quint16 Server::metricsPort() const
{
    return m_metricsHttp ? m_metricsHttp->serverPort() : 0;
}

void Server::close()
{
    if (m_http)
        m_http->close();
    if (m_metricsHttp)
        m_metricsHttp->close();
    recordHighWater();
}

void Server::stopGracefully()
{
    if (!m_http) {
        Q_EMIT stopped();
        return;
    }
    connect(
        m_http.get(), &HttpServer::drained, this,
        [this] {
            recordHighWater();
            Q_EMIT stopped();
        },
        Qt::SingleShotConnection);
    m_http->drain(m_options.drainTimeoutMs);
}

void Server::recordHighWater()
{
    if (!m_changeLog)
        return;
    try {
        const QString restored = m_changeLog->checkHighWater();
        if (!restored.isEmpty()) {
            qCWarning(lcServer,
                "%s: the database was restored or replaced while the server ran, so a new sync "
                "epoch was made and every client downloads its data again",
                qPrintable(restored));
        }
    } catch (const DatabaseError &e) {
        qCWarning(lcServer, "cannot record the sync high-water mark: %s", e.what());
    }
}

quint16 Server::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

QString Server::certificateFingerprint() const
{
    return tls::sha256Fingerprint(m_certificate);
}

} // namespace xueshi::server
