#pragma once

#include "http/httpmessage.h"
#include "http/httpserver.h"
#include "services/servicecontext.h"
#include "translations.h"

#include <QHash>
#include <QList>
#include <QStringList>

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

    Router(AccountService &accounts, const Localizer &localizer, QThreadPool *normalPool,
        QThreadPool *passwordPool);

    // `pattern` like "/api/v1/users/{id}".
    void add(const QByteArray &method, const QString &pattern, Access access, Lane lane,
        Handler handler);

    // Called on the event loop with a complete request; answers through `respond` later.
    void dispatch(HttpRequest request, HttpServer::Responder respond);

    HttpResponse errorResponse(const ApiError &error, Language language) const;
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
    };
    static bool match(
        const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params);
    HttpResponse run(
        const Route &route, const HttpRequest &request, QHash<QString, QString> params);

    AccountService &m_accounts;
    const Localizer &m_localizer;
    QThreadPool *m_normalPool;
    QThreadPool *m_passwordPool;
    QList<Route> m_routes;
};

} // namespace xueshi::server
