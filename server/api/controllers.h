#pragma once

namespace xueshi::server {

class Router;
class AccountService;
class RecoveryService;
class SyncService;
class ContentStore;
class ClassService;

// One controller per resource: each adds its routes to the router and turns requests into
// service calls and service results into JSON. Documented in docs/api.md.
void addHealthRoutes(Router &router);
void addAccountRoutes(Router &router, AccountService &accounts);
void addRecoveryRoutes(Router &router, RecoveryService &recovery);
void addSyncRoutes(Router &router, SyncService &sync);
void addContentRoutes(Router &router, ContentStore &content);
void addClassRoutes(Router &router, ClassService &classes);

} // namespace xueshi::server
