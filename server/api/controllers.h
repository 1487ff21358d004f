#pragma once

#include <QHostAddress>

namespace xueshi::server {

struct HttpRequest;
class Router;
class AccountService;
class RecoveryService;
class SyncService;
class ContentStore;
class ClassService;
class DeclarationService;
class CertificateService;
class Database;

// One controller per resource: each adds its routes to the router and turns requests into
// service calls and service results into JSON. Documented in docs/api.md.
// GET /health: 200 when the process and its database answer, 503 database_unavailable when the
// database does not (within Database::kPingTimeoutMs on PostgreSQL).
void addHealthRoutes(Router &router, Database &database);
void addAccountRoutes(Router &router, AccountService &accounts);
void addRecoveryRoutes(Router &router, RecoveryService &recovery);
void addSyncRoutes(Router &router, SyncService &sync);
void addContentRoutes(Router &router, ContentStore &content);
void addClassRoutes(Router &router, ClassService &classes);
void addDeclarationRoutes(Router &router, DeclarationService &declarations);
void addCertificateRoutes(Router &router, CertificateService &certificates);

// The client's address for the per-address limits: the connection's peer, or, when the peer is
// on this machine (the nginx of installer/nginx/xueshi.conf), the last X-Forwarded-For entry,
// which is the address that nginx accepted the connection from. A remote peer's header is
// ignored: anyone could write it.
QHostAddress clientAddress(const HttpRequest &request);

} // namespace xueshi::server
