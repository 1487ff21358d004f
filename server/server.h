#pragma once

#include "http/httpserver.h"
#include "services/passwordhasher.h"
#include "storage/database.h"

#include <QHostAddress>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QThreadPool>

#include <memory>
#include <optional>

namespace xueshi {
class Clock;
}

namespace xueshi::server {

class AccountService;
class BindingService;
class CertificateService;
class CourseService;
class ClassService;
class DeclarationService;
class HourRecordService;
class OrganisationService;
class PolicyService;
class ChangeLog;
class ContentStore;
class SyncService;
class OutboxNotifier;
class OutboxSender;
struct NotifierSettings;
class Localizer;
class RecoveryService;
class SigningKeys;
class Router;
struct ServiceContext;
class ServerConfig;
class ServingLock;
class Metrics;

struct ServerOptions
{
    QString dataDir; // holds the SQLite file and the generated TLS certificate
    std::optional<DatabaseConfig> database; // default: SQLite file in dataDir
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 8443;
    QString certificatePath; // both empty: generate a self-signed certificate in dataDir
    QString privateKeyPath;
    PasswordHasher::Cost passwordCost = PasswordHasher::Cost::Interactive;
    const Clock *clock = nullptr; // default: the system clock
    qint64 tokenLifetimeSeconds = 7 * 24 * 3600;
    int workerThreads = 8;
    int passwordThreads = 2; // Argon2id is CPU- and memory-bound: about one per core
    // Requests that may wait for a worker, per lane, before 503 (Router::kNormalQueue and
    // Router::kPasswordQueue explain the numbers).
    int normalQueue = 256;
    int passwordQueue = 16;
    HttpLimits limits;
    // Behind nginx (docs/operations.md "Several servers behind nginx"): plain HTTP on a loopback
    // address only (nginx terminates TLS), the client's address taken from nginx's X-Real-IP /
    // X-Forwarded-For for the per-address limits, no per-address connection limit of the
    // transport (nginx's limit_conn keeps it).
    bool upstream = false;
    // On SIGTERM, how long the requests already received may take to be answered.
    int drainTimeoutMs = 10'000;
    // The --config file, when one was given (its own groups are read by the parts they belong
    // to); null otherwise.
    std::shared_ptr<const ServerConfig> config;
    // `--metrics-port`: the Prometheus metrics on http://127.0.0.1:<port>/metrics; -1: off.
    int metricsPort = -1;
};

// The central server assembled: storage, services, router and the HTTPS transport. main() and
// the tests build it the same way; the administrator commands use only its storage and services.
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(ServerOptions options, QObject *parent = nullptr);
    ~Server() override;

    // Opens the database and runs the migrations.
    bool openStorage(QString *error);
    // After openStorage() failed: because a newer server had changed the database's schema.
    bool schemaTooNew() const { return m_database && m_database->schemaTooNew(); }
    // Loads or creates the TLS certificate and starts listening (after openStorage()).
    bool listen(QString *error);
    void close();
    // Stops accepting and finishes the requests received (at most options().drainTimeoutMs),
    // then emits stopped().
    void stopGracefully();
    // Restore detection (docs/sync.md "Restore"): checks the database against the high-water
    // mark in the data directory and records it; runs at start, every HighWaterSeconds and at
    // a clean stop.
    void recordHighWater();
    static constexpr int HighWaterSeconds = 10;

    quint16 port() const;
    // The metrics listener (plain HTTP on 127.0.0.1 only; 0: any free port), after listen().
    bool listenMetrics(quint16 port, QString *error);
    quint16 metricsPort() const;
    Metrics &metrics() { return *m_metrics; }
    QSslCertificate certificate() const { return m_certificate; }
    QString certificateFingerprint() const;
    bool certificateWasGenerated() const { return m_certificateGenerated; }

    Database &database() { return *m_database; }
    AccountService &accounts() { return *m_accounts; }
    RecoveryService &recovery() { return *m_recovery; }
    const Localizer &localizer() const { return *m_localizer; }
    OutboxNotifier &outbox() { return *m_notifier; }
    // After listen(), when a channel goes through a real transport ([notifier] of the
    // configuration): the sender delivering the outbox; null otherwise.
    OutboxSender *sender() { return m_sender.get(); }
    ChangeLog &changeLog() { return *m_changeLog; }
    ContentStore &content() { return *m_content; }
    SyncService &sync() { return *m_sync; }
    BindingService &bindings() { return *m_bindings; }
    HourRecordService &hourRecords() { return *m_hourRecords; }
    PolicyService &policies() { return *m_policies; }
    CourseService &courses() { return *m_courses; }
    ClassService &classes() { return *m_classes; }
    DeclarationService &declarations() { return *m_declarations; }
    CertificateService &certificates() { return *m_certificates; }
    SigningKeys &signingKeys() { return *m_signingKeys; }
    const Clock &clock() const { return *m_clock; }
    const ServerOptions &options() const { return m_options; }
    // After listen(): the router (its queue counters) and the transport (its connections).
    Router &router() { return *m_router; }
    HttpServer &http() { return *m_http; }

Q_SIGNALS:
    void stopped();

private:
    ServerOptions m_options;
    const Clock *m_clock;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<PasswordHasher> m_hasher;
    std::unique_ptr<Localizer> m_localizer;
    std::unique_ptr<NotifierSettings> m_notifierSettings;
    std::unique_ptr<OutboxNotifier> m_notifier;
    std::unique_ptr<ChangeLog> m_changeLog;
    std::unique_ptr<ContentStore> m_content;
    std::unique_ptr<ServiceContext> m_context;
    std::unique_ptr<AccountService> m_accounts;
    std::unique_ptr<RecoveryService> m_recovery;
    std::unique_ptr<BindingService> m_bindings;
    std::unique_ptr<HourRecordService> m_hourRecords;
    std::unique_ptr<PolicyService> m_policies;
    std::unique_ptr<SyncService> m_sync;
    std::unique_ptr<CourseService> m_courses;
    std::unique_ptr<ClassService> m_classes;
    std::unique_ptr<DeclarationService> m_declarations;
    std::unique_ptr<SigningKeys> m_signingKeys;
    std::unique_ptr<CertificateService> m_certificates;
    std::unique_ptr<OrganisationService> m_organisations;
    QThreadPool m_normalPool;
    QThreadPool m_passwordPool;
    std::unique_ptr<Router> m_router;
    std::unique_ptr<HttpServer> m_http;
    // Held while serving, so `admin restore` refuses to run under a live server.
    std::unique_ptr<ServingLock> m_servingLock;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<HttpServer> m_metricsHttp;
    QSslCertificate m_certificate;
    bool m_certificateGenerated = false;
    // Last: stopped before anything it uses goes.
    std::unique_ptr<OutboxSender> m_sender;
};

} // namespace xueshi::server
