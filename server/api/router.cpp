#include "router.h"

#include "core/apierror.h"
#include "core/localizer.h"
#include "errorcodes.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QThreadPool>

Q_LOGGING_CATEGORY(lcRequests, "xueshi.server.requests", QtInfoMsg)

namespace xueshi::server {

namespace ec = xueshi::errorcode;

Router::Router(AccountService &accounts, const Localizer &localizer, QThreadPool *normalPool,
    QThreadPool *passwordPool)
    : m_accounts(accounts)
    , m_localizer(localizer)
    , m_normalPool(normalPool)
    , m_passwordPool(passwordPool)
{ }

void Router::add(
    const QByteArray &method, const QString &pattern, Access access, Lane lane, Handler handler)
{
    m_routes.append({ method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), access, lane,
        std::move(handler) });
}

QList<Router::RouteInfo> Router::routes() const
{
    QList<RouteInfo> out;
    for (const Route &route : m_routes) {
        out.append({ route.method, QLatin1Char('/') + route.segments.join(QLatin1Char('/')),
            route.access });
    }
    return out;
}

bool Router::match(
    const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params)
{
    if (pattern.size() != path.size())
        return false;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &p = pattern.at(i);
        if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
            if (path.at(i).isEmpty())
                return false;
            params->insert(p.mid(1, p.size() - 2), path.at(i));
        } else if (p != path.at(i)) {
            return false;
        }
    }
    return true;
}

void Router::dispatch(HttpRequest request, HttpServer::Responder respond)
{
    const Language language = languageFromAcceptLanguage(request.header("accept-language"));
    const QStringList path = request.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Route *found = nullptr;
    QHash<QString, QString> params;
    QList<QByteArray> allowed;
    for (const Route &route : std::as_const(m_routes)) {
        QHash<QString, QString> candidate;
        if (!match(route.segments, path, &candidate))
            continue;
        if (route.method == request.method) {
            found = &route;
            params = candidate;
            break;
        }
        allowed.append(route.method);
    }
    if (!found) {
        if (!allowed.isEmpty()) {
            HttpResponse r = errorResponse(
                ApiError(405, ec::MethodNotAllowed, "Server",
                    QT_TRANSLATE_NOOP("Server", "This address does not accept the method %1."))
                    .arg(QString::fromLatin1(request.method)),
                language);
            r.headers.append({ "allow", allowed.join(", ") });
            respond(r);
            return;
        }
        respond(errorResponse(ApiError(404, ec::NotFound, "Server",
                                  QT_TRANSLATE_NOOP("Server", "There is nothing at this address.")),
            language));
        return;
    }
    QThreadPool *pool = found->lane == Lane::Password ? m_passwordPool : m_normalPool;
    const Route *route = found;
    pool->start([this, route, request = std::move(request), params = std::move(params),
                    respond = std::move(respond)]() mutable {
        respond(run(*route, request, std::move(params)));
    });
}

HttpResponse Router::run(
    const Route &route, const HttpRequest &request, QHash<QString, QString> params)
{
    QElapsedTimer timer;
    timer.start();
    Context context { request, languageFromAcceptLanguage(request.header("accept-language")),
        std::nullopt, std::move(params) };
    HttpResponse response;
    try {
        if (route.access == Access::User)
            context.user = m_accounts.authenticate(request.header("authorization"));
        response = route.handler(context);
    } catch (const ApiError &e) {
        response = errorResponse(e, context.language);
    } catch (const std::exception &e) {
        // A DatabaseError's message is the engine's, never the SQL text (which can hold personal
        // data); nothing was committed, since every write is one transaction.
        qCWarning(lcRequests, "%s on %s %s: %s",
            dynamic_cast<const DatabaseError *>(&e) ? "database error" : "error",
            request.method.constData(), qPrintable(request.path), e.what());
        response = errorResponse(ApiError(500, ec::InternalError, "Server",
                                     QT_TRANSLATE_NOOP("Server",
                                         "The server could not complete the request. Nothing was "
                                         "changed; please try again later.")),
            context.language);
    }
    // Paths carry ids, never personal data; bodies and queries are not logged.
    qCInfo(lcRequests, "%s %s %d %lldms", request.method.constData(), qPrintable(request.path),
        response.status, timer.elapsed());
    return response;
}

HttpResponse Router::errorResponse(const ApiError &e, Language language) const
{
    const QJsonObject error = m_localizer.errorObject(e, language);
    HttpResponse r
        = HttpResponse::json(e.status(), QJsonObject { { QStringLiteral("error"), error } });
    if (!e.headerName().isEmpty())
        r.headers.append({ e.headerName(), e.headerValue() });
    return r;
}

HttpResponse Router::protocolError(const HttpRequest &partial, int status, const char *code) const
{
    const Language language = languageFromAcceptLanguage(partial.header("accept-language"));
    const char *message = QT_TRANSLATE_NOOP("Server", "The request is malformed.");
    switch (status) {
    case 408:
        message = QT_TRANSLATE_NOOP("Server", "The request took too long to arrive.");
        break;
    case 411:
        message = QT_TRANSLATE_NOOP(
            "Server", "The request must say how long its body is (Content-Length).");
        break;
    case 413:
        message = QT_TRANSLATE_NOOP("Server", "The request body is too large.");
        break;
    case 431:
        message = QT_TRANSLATE_NOOP("Server", "The request headers are too large.");
        break;
    case 501:
        message = QT_TRANSLATE_NOOP("Server", "Chunked request bodies are not supported.");
        break;
    case 505:
        message = QT_TRANSLATE_NOOP("Server", "Only HTTP/1.1 and HTTP/1.0 are supported.");
        break;
    default:
        break;
    }
    return errorResponse(ApiError(status, code, "Server", message), language);
}

HttpResponse Router::noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

} // namespace xueshi::server
