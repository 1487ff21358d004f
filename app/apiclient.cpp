#include "apiclient.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace xueshi {

namespace {
constexpr char UserAgent[] = "Xueshi/" XUESHI_VERSION;
const QString ApiPrefix = QStringLiteral("/api/v1");
} // namespace

int ApiError::retryAfterSeconds() const
{
    const QJsonValue value = object.value(QLatin1String("retryAfterSeconds"));
    return value.isDouble() ? value.toInt() : -1;
}

int ApiError::triesLeft() const
{
    const QJsonValue value = object.value(QLatin1String("triesLeft"));
    return value.isDouble() ? value.toInt() : -1;
}

ApiError ApiError::fromJson(int httpStatus, const QJsonObject &errorObject)
{
    ApiError error;
    error.kind = Kind::Server;
    error.httpStatus = httpStatus;
    error.object = errorObject;
    error.code = errorObject.value(QLatin1String("code")).toString();
    error.message = errorObject.value(QLatin1String("message")).toString();
    error.field = errorObject.value(QLatin1String("field")).toString();
    error.detail = errorObject.value(QLatin1String("detail")).toString();
    return error;
}

ApiClient::ApiClient(QNetworkAccessManager *network, ServerTrust *trust, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
{ }

QUrl ApiClient::normalizeServerAddress(const QString &text, QString *error)
{
    QString input = text.trimmed();
    if (input.isEmpty()) {
        if (error)
            *error = tr("Enter the server address.");
        return {};
    }
    if (!input.contains(QLatin1String("://")))
        input.prepend(QLatin1String("https://"));
    QUrl url(input, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()) {
        if (error)
            *error = tr("\"%1\" is not a valid server address.").arg(text.trimmed());
        return {};
    }
    if (url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) != 0) {
        if (error)
            *error = tr("The server address must start with https://: the connection is always "
                        "encrypted.");
        return {};
    }
    QUrl normalized;
    normalized.setScheme(QStringLiteral("https"));
    normalized.setHost(url.host());
    if (url.port() != -1 && url.port() != 443)
        normalized.setPort(url.port());
    return normalized;
}

void ApiClient::setServerUrl(const QUrl &url)
{
    m_serverUrl = url;
}

QString ApiClient::serverKey() const
{
    return ServerTrust::serverKey(m_serverUrl);
}

void ApiClient::setLanguage(Language language)
{
    m_language = language;
}

void ApiClient::setBearerToken(const QString &token)
{
    m_token = token;
}

void ApiClient::setTimeout(int milliseconds)
{
    m_timeoutMs = milliseconds;
}

QNetworkReply *ApiClient::get(const QString &path, const QObject *context, Callback callback)
{
    return send(QByteArrayLiteral("GET"), path, nullptr, {}, context, std::move(callback));
}

QNetworkReply *ApiClient::post(
    const QString &path, const QJsonObject &body, const QObject *context, Callback callback)
{
    const QByteArray data = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return send(QByteArrayLiteral("POST"), path, &data, QByteArrayLiteral("application/json"),
        context, std::move(callback));
}

QNetworkReply *ApiClient::postBytes(
    const QString &path, const QByteArray &bytes, const QObject *context, Callback callback)
{
    return send(QByteArrayLiteral("POST"), path, &bytes,
        QByteArrayLiteral("application/octet-stream"), context, std::move(callback));
}

QNetworkReply *ApiClient::deleteResource(
    const QString &path, const QObject *context, Callback callback)
{
    return send(QByteArrayLiteral("DELETE"), path, nullptr, {}, context, std::move(callback));
}

QNetworkReply *ApiClient::send(const QByteArray &verb, const QString &path, const QByteArray *body,
    const QByteArray &contentType, const QObject *context, Callback callback)
{
    QUrl url = m_serverUrl;
    // A query ("/sync/changes?since=...") goes to the query, not into the path's encoding.
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(ApiPrefix + path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("Accept-Language",
        m_language == Language::English ? QByteArrayLiteral("en") : QByteArrayLiteral("zh-CN"));
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArray(UserAgent));
    const bool authenticated = !m_token.isEmpty();
    if (authenticated)
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
    request.setTransferTimeout(m_timeoutMs);
    request.setAttribute(
        QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);

    QByteArray data;
    if (body) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
        data = *body;
    }

    QNetworkReply *reply = nullptr;
    if (verb == "GET")
        reply = m_network->get(request);
    else if (verb == "POST")
        reply = m_network->post(request, data);
    else if (verb == "DELETE")
        reply = m_network->deleteResource(request);
    else
        reply = m_network->sendCustomRequest(request, verb, data);

    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        if (m_trust) {
            m_trust->handleSslErrors(reply, errors);
        } else {
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    connect(reply, &QNetworkReply::finished, context ? context : this,
        [this, reply, authenticated, callback = std::move(callback)] {
            const ApiResult result = resultOf(reply);
            if (authenticated && result.httpStatus == 401)
                emit unauthorized(result.error);
            if (callback)
                callback(result);
        });
    return reply;
}

ApiResult ApiClient::resultOf(QNetworkReply *reply) const
{
    ApiResult result;
    const QString server = m_serverUrl.authority();

    const CertificateProblem problem = ServerTrust::problemOf(reply);
    if (!problem.isNull()) {
        result.error.kind = ApiError::Kind::Certificate;
        result.error.certificate = problem;
        result.error.networkError = QNetworkReply::SslHandshakeFailedError;
        if (problem.kind == CertificateProblem::Kind::Changed) {
            result.error.code = QStringLiteral("certificate_changed");
            result.error.message
                = tr("The certificate of the server %1 has changed since you trusted it. This "
                     "may be an attack: do not continue unless the administrator confirms "
                     "the new certificate.")
                      .arg(server);
        } else {
            result.error.code = QStringLiteral("untrusted_certificate");
            result.error.message
                = tr("The certificate of the server %1 is not trusted yet.").arg(server);
        }
        return result;
    }

    result.httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (result.httpStatus == 0) {
        result.error.kind = ApiError::Kind::Network;
        result.error.code = QStringLiteral("network_error");
        result.error.networkError = reply->error();
        result.error.message = networkErrorMessage(reply->error(), reply->errorString());
        return result;
    }

    const QByteArray data = reply->readAll();
    QJsonParseError parseError {};
    const QJsonDocument document = data.trimmed().isEmpty()
        ? QJsonDocument(QJsonObject())
        : QJsonDocument::fromJson(data, &parseError);
    const bool isObject = parseError.error == QJsonParseError::NoError && document.isObject();

    if (result.httpStatus >= 200 && result.httpStatus < 300) {
        if (isObject) {
            result.body = document.object();
        } else {
            result.error.kind = ApiError::Kind::Protocol;
            result.error.httpStatus = result.httpStatus;
            result.error.code = QStringLiteral("invalid_response");
            result.error.message = tr("The server sent an answer this program cannot read. Is "
                                      "%1 a Xueshi server?")
                                       .arg(server);
        }
        return result;
    }

    const QJsonObject errorObject
        = isObject ? document.object().value(QLatin1String("error")).toObject() : QJsonObject();
    if (!errorObject.value(QLatin1String("code")).toString().isEmpty()) {
        result.error = ApiError::fromJson(result.httpStatus, errorObject);
        if (result.error.message.isEmpty())
            result.error.message
                = tr("The server refused the request (%1).").arg(result.error.code);
        return result;
    }

    // An error answer without the API's error object: a proxy, or a server in trouble.
    result.error.kind = ApiError::Kind::Server;
    result.error.httpStatus = result.httpStatus;
    if (result.httpStatus >= 500) {
        result.error.code = QStringLiteral("internal_error");
        result.error.message = tr("The server had a problem answering (HTTP %1). Please try "
                                  "again later.")
                                   .arg(result.httpStatus);
    } else {
        result.error.code = QStringLiteral("http_error");
        result.error.message = tr("The server refused the request (HTTP %1). Is %2 a Xueshi "
                                  "server?")
                                   .arg(result.httpStatus)
                                   .arg(server);
    }
    return result;
}

QString ApiClient::networkErrorMessage(
    QNetworkReply::NetworkError error, const QString &details) const
{
    const QString server = m_serverUrl.authority();
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
        return tr("The server %1 refused the connection. Check that the server is running and "
                  "the address is right.")
            .arg(server);
    case QNetworkReply::HostNotFoundError:
        return tr("The server %1 was not found. Check the address and your network connection.")
            .arg(server);
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError:
        return tr("The server %1 did not answer in time. Check your network connection and "
                  "try again.")
            .arg(server);
    case QNetworkReply::RemoteHostClosedError:
        return tr("The server %1 closed the connection unexpectedly. Please try again.")
            .arg(server);
    case QNetworkReply::SslHandshakeFailedError:
        return tr("A secure connection to %1 could not be established: %2").arg(server, details);
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::TemporaryNetworkFailureError:
        return tr("The network is not available. Check your network connection.");
    default:
        return tr("Cannot connect to the server %1: %2").arg(server, details);
    }
}

} // namespace xueshi
