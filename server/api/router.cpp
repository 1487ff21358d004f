#include "router.h"

#include "core/apierror.h"
#include "core/localizer.h"
#include "errorcodes.h"
#include "services/accountservice.h"
#include "storage/database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QScopeGuard>
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
{
    lane(Lane::Normal).limit = kNormalQueue;
    lane(Lane::Password).limit = kPasswordQueue;
}

void Router::setQueueLimit(Lane which, QueueLimit limit)
{
    lane(which).limit = limit;
}

void Router::setPasswordPerAddress(int limit)
{
    m_passwordPerAddress = limit;
}

int Router::waiting(Lane which) const
{
    return lane(which).waiting.load();
}

quint64 Router::refusedBusy(Lane which) const
{
    return lane(which).refused.load();
}

quint64 Router::droppedGone(Lane which) const
{
    return lane(which).dropped.load();
}

void Router::add(
    const QByteArray &method, const QString &pattern, Access access, Lane lane, Handler handler)
{
    m_routes.append({ method, pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts), access, lane,
        std::move(handler), method + ' ' + pattern.toUtf8() });
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

void Router::stampRequestId(HttpResponse &response, const QByteArray &requestId)
{
    if (requestId.isEmpty() || response.status < 400 || response.file
        || !response.contentType.startsWith("application/json"))
        return;
    QJsonObject body = QJsonDocument::fromJson(response.body).object();
    QJsonObject error = body.value(QStringLiteral("error")).toObject();
    if (error.isEmpty() || error.contains(QStringLiteral("requestId")))
        return;
    error.insert(QStringLiteral("requestId"), QString::fromLatin1(requestId));
    body.insert(QStringLiteral("error"), error);
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
}

void Router::dispatch(HttpRequest request, HttpServer::Responder innerRespond)
{
    // Every answer of the router carries the route that answered (empty when none matched) and,
    // in an error body, the request id.
    HttpServer::Responder respond
        = [innerRespond = std::move(innerRespond), requestId = request.requestId](HttpResponse r) {
              stampRequestId(r, requestId);
              innerRespond(std::move(r));
          };
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
    LaneState &state = lane(found->lane);
    const int perAddress = found->lane == Lane::Password ? m_passwordPerAddress : 0;
    const QHostAddress peer = request.peer;
    bool addressFull = false;
    if (perAddress > 0 && !peer.isNull()) {
        QMutexLocker lock(&state.addressesMutex);
        addressFull = state.addresses.value(peer) >= perAddress;
    }
    // Only the event-loop thread adds to `waiting`, so the check and the increment cannot race
    // with another admission; workers only take away.
    if (addressFull || state.waiting.load() >= state.limit.maxWaiting) {
        ++state.refused;
        // The address is not logged: it identifies a person as much as a name does.
        if (addressFull) {
            qCWarning(lcRequests, "%s 503: %d password requests from one address already id=%s",
                found->label.constData(), perAddress, request.requestId.constData());
        } else {
            qCWarning(lcRequests, "%s 503: the %s queue is full (%d waiting) id=%s",
                found->label.constData(), found->lane == Lane::Password ? "password" : "request",
                state.limit.maxWaiting, request.requestId.constData());
        }
        HttpResponse r
            = errorResponse(ApiError(503, ec::ServerBusy, "Server",
                                QT_TRANSLATE_NOOP("Server",
                                    "The server is busy. Please try again in a few seconds.")),
                language);
        r.headers.append({ "retry-after", QByteArray::number(state.limit.retryAfterSeconds) });
        r.route = found->label;
        respond(r);
        return;
    }
    ++state.waiting;
    const bool counted = perAddress > 0 && !peer.isNull();
    if (counted) {
        QMutexLocker lock(&state.addressesMutex);
        ++state.addresses[peer];
    }
    const Route *route = found;
    pool->start([this, route, &state, counted, request = std::move(request),
                    params = std::move(params), respond = std::move(respond)]() mutable {
        --state.waiting;
        // The address's place is given back when the request is done (or dropped).
        const auto release = qScopeGuard([&state, counted, peer = request.peer] {
            if (!counted)
                return;
            QMutexLocker lock(&state.addressesMutex);
            auto it = state.addresses.find(peer);
            if (it != state.addresses.end() && --it.value() <= 0)
                state.addresses.erase(it);
        });
        if (request.clientGone()) {
            // Nobody would read the answer: a login abandoned in a queue costs no hash.
            ++state.dropped;
            qCInfo(lcRequests, "%s dropped: the client left while it was queued id=%s",
                route->label.constData(), request.requestId.constData());
            return;
        }
        HttpResponse response = run(*route, request, std::move(params));
        response.route = route->label;
        respond(std::move(response));
    });
}

HttpResponse Router::run(
    const Route &route, const HttpRequest &request, QHash<QString, QString> params)
{
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
        qCWarning(lcRequests, "%s on %s: %s id=%s",
            dynamic_cast<const DatabaseError *>(&e) ? "database error" : "error",
            route.label.constData(), e.what(), request.requestId.constData());
        response = errorResponse(ApiError(500, ec::InternalError, "Server",
                                     QT_TRANSLATE_NOOP("Server",
                                         "The server could not complete the request. Nothing was "
                                         "changed; please try again later.")),
            context.language);
    }
    // The access line (method, path, status, time, bytes, id) is the transport's.
    return response;
}

HttpResponse Router::errorResponse(
    const ApiError &e, Language language, const QByteArray &requestId) const
{
    QJsonObject error = m_localizer.errorObject(e, language);
    if (!requestId.isEmpty())
        error.insert(QStringLiteral("requestId"), QString::fromLatin1(requestId));
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
    case 429:
        message = QT_TRANSLATE_NOOP(
            "Server", "Too many connections from your address. Please try again in a few seconds.");
        break;
    case 431:
        message = QT_TRANSLATE_NOOP("Server", "The request headers are too large.");
        break;
    case 500:
        message = QT_TRANSLATE_NOOP("Server",
            "The server could not complete the request. Nothing was changed; please try again "
            "later.");
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
    return errorResponse(ApiError(status, code, "Server", message), language, partial.requestId);
}

HttpResponse Router::noContent()
{
    HttpResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

} // namespace xueshi::server
