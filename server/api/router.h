#pragma once

#include "http/httpmessage.h"
#include "http/httpserver.h"
#include "services/servicecontext.h"
#include "translations.h"

#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QMutex>
#include <QStringList>

#include <array>
#include <atomic>
#include <functional>
#include <optional>

class QThreadPool;

namespace xueshi::server {

class AccountService;
class ApiError;
class Localizer;

// Matches requests to routes and runs each handler on a worker thread, never on the event loop:
// the "normal" pool serves ordinary routes and a small "password" pool serves the routes that
// run Argon2id, so a burst of logins cannot starve the other routes. Authentication (for routes
// that need a user) and the translation of errors into the request's language happen here, so
// controllers only hold route logic and services hold the rules and permission checks.
// Each lane's queue is bounded: a request that finds it full is answered 503 server_busy with
// Retry-After at once, and a queued request whose client has gone is dropped unrun.
class Router final
{
    Q_DISABLE_COPY_MOVE(Router)

public:
    enum class Access { Public, User };
    enum class Lane { Normal, Password };

    struct Context
    {
        const HttpRequest &request;
        Language language;
        std::optional<AuthenticatedUser> user;
        QHash<QString, QString> params;

        const AuthenticatedUser &caller() const { return *user; }
        QString param(const QString &name) const { return params.value(name); }
    };
    using Handler = std::function<HttpResponse(Context &)>;

    // How many requests may wait for a worker in one lane (beyond those running), and the
    // Retry-After of the 503 when that many wait.
    struct QueueLimit
    {
        int maxWaiting;
        int retryAfterSeconds;
    };
    // About 2 s of work for 8 workers at the usual few milliseconds a request.
    static constexpr QueueLimit kNormalQueue { 256, 1 };
    // Argon2id takes about 150 ms a hash on 2 threads: 16 waiting is about 1.2 s of work.
    static constexpr QueueLimit kPasswordQueue { 16, 2 };
    // Password requests one client address may have in the lane (waiting or running), so one
    // address cannot fill the queue and keep everyone else's logins out. 0: no limit (behind a
    // reverse proxy, where every client has the proxy's address).
    static constexpr int kPasswordPerAddress = 8;

    Router(AccountService &accounts, const Localizer &localizer, QThreadPool *normalPool,
        QThreadPool *passwordPool);

    // `pattern` like "/api/v1/users/{id}".
    void add(const QByteArray &method, const QString &pattern, Access access, Lane lane,
        Handler handler);

    // Called on the event loop with a complete request; answers through `respond` later.
    void dispatch(HttpRequest request, HttpServer::Responder respond);

    void setQueueLimit(Lane lane, QueueLimit limit);
    void setPasswordPerAddress(int limit);
    // Requests waiting for a worker in the lane now.
    int waiting(Lane lane) const;
    // Since start: requests answered 503 because the lane was full, and requests dropped because
    // their client had gone before a worker took them.
    quint64 refusedBusy(Lane lane) const;
    quint64 droppedGone(Lane lane) const;

    // The error answer; `requestId` goes into the body's "requestId".
    HttpResponse errorResponse(
        const ApiError &error, Language language, const QByteArray &requestId = {}) const;
    // Puts the request id into an error answer's body ({"error": {...}} gets "requestId"), also
    // into those a controller wrote itself.
    static void stampRequestId(HttpResponse &response, const QByteArray &requestId);
    // The transport's protocol errors (413, 431, ...), in the request's language when known.
    HttpResponse protocolError(const HttpRequest &partial, int status, const char *code) const;

    static HttpResponse noContent();

    // The route table ("GET", "/api/v1/users/{id}", access), for the authorisation matrix test
    // and the documentation: a route added without a row there fails that test.
    struct RouteInfo
    {
        QByteArray method;
        QString pattern;
        Access access;
    };
    QList<RouteInfo> routes() const;

private:
    struct Route
    {
        QByteArray method;
        QStringList segments;
        Access access;
        Lane lane;
        Handler handler;
        QByteArray label; // "GET /api/v1/users/{id}": the access log's and the metrics' name
    };
    static bool match(
        const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params);
    HttpResponse run(
        const Route &route, const HttpRequest &request, QHash<QString, QString> params);

    struct LaneState
    {
        QueueLimit limit;
        std::atomic_int waiting { 0 };
        std::atomic<quint64> refused { 0 };
        std::atomic<quint64> dropped { 0 };
        QMutex addressesMutex;
        QHash<QHostAddress, int> addresses; // requests in the lane per client address
    };
    LaneState &lane(Lane lane) { return m_lanes[lane == Lane::Password ? 1 : 0]; }
    const LaneState &lane(Lane lane) const { return m_lanes[lane == Lane::Password ? 1 : 0]; }

    AccountService &m_accounts;
    const Localizer &m_localizer;
    QThreadPool *m_normalPool;
    QThreadPool *m_passwordPool;
    QList<Route> m_routes;
    std::array<LaneState, 2> m_lanes;
    int m_passwordPerAddress = kPasswordPerAddress;
};

} // namespace xueshi::server
