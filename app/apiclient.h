#pragma once

#include "servertrust.h"
#include "translations.h"

#include <QJsonObject>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

#include <functional>

class QNetworkAccessManager;

namespace xueshi {

// Why a call failed. Server errors carry the API's error object (docs/api.md); the other kinds
// are detected by the client and get a translated message here, so the UI can always show
// `message`.
struct ApiError
{
    enum class Kind {
        None,
        Network, // no HTTP answer: refused, unknown host, timeout, TLS handshake...
        Certificate, // the server's certificate is not trusted (see `certificate`)
        Server, // an HTTP error answer from the server
        Protocol, // an answer this client cannot read
    };
    Kind kind = Kind::None;
    int httpStatus = 0;
    QString code; // the API's machine-readable code, or network_error, untrusted_certificate...
    QString message; // for people, in the UI language
    QString field; // the request field at fault, if any
    QString detail;
    QJsonObject object; // the whole error object (triesLeft, retryAfterSeconds, ...)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    CertificateProblem certificate;

    bool isError() const { return kind != Kind::None; }
    // Seconds until a refused request may be retried (429, 423), or -1.
    int retryAfterSeconds() const;
    // Verification code tries left (code_invalid), or -1.
    int triesLeft() const;

    static ApiError fromJson(int httpStatus, const QJsonObject &errorObject);
};

// The outcome of one call: the JSON body of a 2xx answer, or the error.
struct ApiResult
{
    int httpStatus = 0;
    QJsonObject body;
    ApiError error;

    bool ok() const { return !error.isError(); }
};

// The client's only way to the server's JSON API. All HTTP goes through the injected
// QNetworkAccessManager (tests inject a fake, integration tests a real one pointed at a loopback
// server). Calls are asynchronous: the callback runs on the event loop when the answer arrives,
// unless its context object has been destroyed by then. TLS errors go to ServerTrust.
class ApiClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ApiClient)

public:
    using Callback = std::function<void(const ApiResult &)>;

    // `network` and `trust` must outlive this object; `trust` may be null (then any certificate
    // that does not verify is refused).
    ApiClient(QNetworkAccessManager *network, ServerTrust *trust, QObject *parent = nullptr);

    // "https://host:port" (path, query and fragment dropped). Returns an invalid URL and sets
    // *error when the text is not an https address. A missing scheme means https.
    static QUrl normalizeServerAddress(const QString &text, QString *error = nullptr);

    void setServerUrl(const QUrl &url);
    QUrl serverUrl() const { return m_serverUrl; }
    QString serverKey() const; // "host:port" for ServerTrust
    void setLanguage(Language language);
    Language language() const { return m_language; }
    void setBearerToken(const QString &token);
    QString bearerToken() const { return m_token; }
    void setTimeout(int milliseconds);
    QNetworkAccessManager *network() const { return m_network; }

    // `path` is relative to /api/v1, e.g. "/session", and may end in a percent-encoded query
    // ("?since=..."). The returned reply may be aborted; it is deleted after it finishes.
    QNetworkReply *get(const QString &path, const QObject *context, Callback callback);
    QNetworkReply *post(
        const QString &path, const QJsonObject &body, const QObject *context, Callback callback);
    QNetworkReply *deleteResource(const QString &path, const QObject *context, Callback callback);
    // Raw bytes (application/octet-stream), e.g. a piece of an attachment; the answer is JSON.
    QNetworkReply *postBytes(
        const QString &path, const QByteArray &bytes, const QObject *context, Callback callback);

signals:
    // The server refused the bearer token (401) of an authenticated call.
    void unauthorized(const xueshi::ApiError &error);

private:
    QNetworkReply *send(const QByteArray &verb, const QString &path, const QByteArray *body,
        const QByteArray &contentType, const QObject *context, Callback callback);
    ApiResult resultOf(QNetworkReply *reply) const;
    QString networkErrorMessage(QNetworkReply::NetworkError error, const QString &details) const;

    QNetworkAccessManager *m_network;
    QPointer<ServerTrust> m_trust;
    QUrl m_serverUrl;
    Language m_language = Language::Chinese;
    QString m_token;
    int m_timeoutMs = 30'000;
};

} // namespace xueshi
