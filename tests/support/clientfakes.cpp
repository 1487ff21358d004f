#include "clientfakes.h"

#include "testsupport.h"
#include "validators.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QTimer>

namespace xueshi::test {

FakeResponse FakeResponse::json(int status, const QJsonObject &body)
{
    FakeResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

FakeResponse FakeResponse::noContent()
{
    FakeResponse response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

FakeResponse FakeResponse::error(int status, const QString &code, const QString &message,
    const QString &field, const QJsonObject &extra)
{
    QJsonObject error = extra;
    error.insert(QStringLiteral("code"), code);
    error.insert(QStringLiteral("message"), message);
    if (!field.isEmpty())
        error.insert(QStringLiteral("field"), field);
    return json(status, QJsonObject { { QStringLiteral("error"), error } });
}

FakeResponse FakeResponse::networkFailure(QNetworkReply::NetworkError error)
{
    FakeResponse response;
    response.status = 0;
    response.networkError = error;
    return response;
}

FakeResponse FakeResponse::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    FakeResponse response;
    response.status = status;
    response.body = body;
    response.contentType = contentType;
    return response;
}

FakeReply::FakeReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
    FakeResponse response, QObject *parent)
    : QNetworkReply(parent)
    , m_response(std::move(response))
{
    setRequest(request);
    setUrl(request.url());
    setOperation(operation);
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

void FakeReply::deliver()
{
    if (m_done)
        return;
    if (!m_response.sslErrors.isEmpty()) {
        emit sslErrors(m_response.sslErrors);
        if (m_done) // aborted by a handler
            return;
        if (!m_ignoredAll) {
            for (const QSslError &error : std::as_const(m_response.sslErrors)) {
                if (!m_ignored.contains(error)) {
                    setError(QNetworkReply::SslHandshakeFailedError,
                        QStringLiteral("SSL handshake failed"));
                    emit errorOccurred(QNetworkReply::SslHandshakeFailedError);
                    finish();
                    return;
                }
            }
        }
    }
    if (m_response.networkError != QNetworkReply::NoError) {
        setError(m_response.networkError, QStringLiteral("Fake network error"));
        emit errorOccurred(m_response.networkError);
        finish();
        return;
    }
    setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_response.status);
    if (!m_response.contentType.isEmpty())
        setHeader(QNetworkRequest::ContentTypeHeader, m_response.contentType);
    setHeader(QNetworkRequest::ContentLengthHeader, m_response.body.size());
    m_data = m_response.body;
    emit metaDataChanged();
    if (m_response.status >= 400) {
        const QNetworkReply::NetworkError error = m_response.status >= 500
            ? QNetworkReply::InternalServerError
            : QNetworkReply::ContentAccessDenied;
        setError(error, QStringLiteral("HTTP %1").arg(m_response.status));
        emit errorOccurred(error);
    }
    if (!m_data.isEmpty())
        emit readyRead();
    finish();
}

void FakeReply::finish()
{
    m_done = true;
    setFinished(true);
    emit finished();
}

void FakeReply::abort()
{
    if (m_done)
        return;
    setError(QNetworkReply::OperationCanceledError, QStringLiteral("Operation canceled"));
    emit errorOccurred(QNetworkReply::OperationCanceledError);
    finish();
}

qint64 FakeReply::bytesAvailable() const
{
    return m_data.size() - m_position + QIODevice::bytesAvailable();
}

qint64 FakeReply::readData(char *data, qint64 maxSize)
{
    const qint64 count = std::min<qint64>(maxSize, m_data.size() - m_position);
    if (count <= 0)
        return m_done ? -1 : 0;
    std::memcpy(data, m_data.constData() + m_position, size_t(count));
    m_position += count;
    return count;
}

void FakeReply::ignoreSslErrorsImplementation(const QList<QSslError> &errors)
{
    m_ignored = errors;
    if (auto *network = qobject_cast<FakeNetworkAccessManager *>(parent()))
        network->recordIgnored(errors);
}

void FakeReply::ignoreSslErrors()
{
    m_ignoredAll = true;
    if (auto *network = qobject_cast<FakeNetworkAccessManager *>(parent()))
        network->recordIgnoreAll();
}

FakeNetworkAccessManager::FakeNetworkAccessManager(QObject *parent)
    : QNetworkAccessManager(parent)
{ }

int FakeNetworkAccessManager::requestCount(const QString &path) const
{
    return int(std::count_if(m_requests.cbegin(), m_requests.cend(),
        [&](const FakeRequest &request) { return request.path == path; }));
}

void FakeNetworkAccessManager::release()
{
    m_holding = false;
    const QList<QPointer<FakeReply>> held = std::exchange(m_held, {});
    for (const QPointer<FakeReply> &reply : held) {
        if (reply)
            reply->deliver();
    }
}

QNetworkReply *FakeNetworkAccessManager::createRequest(
    Operation operation, const QNetworkRequest &request, QIODevice *outgoingData)
{
    FakeRequest seen;
    seen.url = request.url();
    seen.request = request;
    switch (operation) {
    case GetOperation:
        seen.verb = "GET";
        break;
    case PostOperation:
        seen.verb = "POST";
        break;
    case PutOperation:
        seen.verb = "PUT";
        break;
    case DeleteOperation:
        seen.verb = "DELETE";
        break;
    case HeadOperation:
        seen.verb = "HEAD";
        break;
    default:
        seen.verb = request.attribute(QNetworkRequest::CustomVerbAttribute).toByteArray();
        break;
    }
    QString path = request.url().path();
    if (path.startsWith(QLatin1String("/api/v1")))
        path = path.mid(7);
    seen.path = path;
    if (outgoingData)
        seen.rawBody = outgoingData->readAll();
    seen.body = QJsonDocument::fromJson(seen.rawBody).object();
    m_requests.append(seen);

    FakeResponse response = m_handler
        ? m_handler(seen)
        : FakeResponse::error(404, QStringLiteral("not_found"), QStringLiteral("Not found"));
    auto *reply = new FakeReply(operation, request, std::move(response), this);
    m_replies.append(reply);
    if (m_holding) {
        m_held.append(reply);
    } else {
        QTimer::singleShot(0, reply, &FakeReply::deliver);
    }
    return reply;
}

ClientFixture::ClientFixture()
    : settingsFile(temporaryDirectory() + QStringLiteral("/xueshi.ini"))
    , settings(std::make_unique<AppSettings>(settingsFile))
    , core(std::make_unique<ClientCore>(settings.get(), &network, &clock))
{
    core->api()->setServerUrl(QUrl(QStringLiteral("https://xueshi.test:8443")));
}

ClientFixture::~ClientFixture() = default;

QJsonObject learnerUserJson(const QString &username)
{
    return QJsonObject {
        { QStringLiteral("id"), QStringLiteral("6f1c0000-0000-4000-8000-000000000001") },
        { QStringLiteral("username"), username },
        { QStringLiteral("role"), QStringLiteral("learner") },
        { QStringLiteral("status"), QStringLiteral("active") },
        { QStringLiteral("displayName"), QStringLiteral("Zhang San") },
        { QStringLiteral("createdAt"), QStringLiteral("2026-03-01T09:00:00Z") },
        { QStringLiteral("learner"),
            QJsonObject { { QStringLiteral("realName"), QStringLiteral("Zhang San") },
                { QStringLiteral("residentId"), validResidentId() },
                { QStringLiteral("mobile"), QStringLiteral("13800138000") },
                { QStringLiteral("email"), QStringLiteral("zhangsan@example.com") } } },
        { QStringLiteral("organisation"), QJsonValue::Null },
    };
}

QJsonObject organisationUserJson(
    const QString &role, const QString &username, bool awaitingApproval)
{
    return QJsonObject {
        { QStringLiteral("id"), QStringLiteral("6f1c0000-0000-4000-8000-000000000002") },
        { QStringLiteral("username"), username },
        { QStringLiteral("role"), role },
        { QStringLiteral("status"),
            awaitingApproval ? QStringLiteral("awaiting_approval") : QStringLiteral("active") },
        { QStringLiteral("displayName"), QStringLiteral("Example Org") },
        { QStringLiteral("createdAt"), QStringLiteral("2026-03-01T09:00:00Z") },
        { QStringLiteral("learner"), QJsonValue::Null },
        { QStringLiteral("organisation"),
            QJsonObject { { QStringLiteral("name"), QStringLiteral("Example Org") },
                { QStringLiteral("creditCode"), validCreditCode() },
                { QStringLiteral("regionCode"), QStringLiteral("440106") },
                { QStringLiteral("regionName"), QStringLiteral("Guangdong Tianhe") },
                { QStringLiteral("contactPerson"), QStringLiteral("Li Si") },
                { QStringLiteral("phone"), QStringLiteral("020-12345678") },
                { QStringLiteral("email"), QStringLiteral("hr@example.com") },
                { QStringLiteral("approved"), !awaitingApproval } } },
    };
}

FakeResponse loginAnswer(const QJsonObject &user)
{
    return FakeResponse::json(200,
        QJsonObject { { QStringLiteral("token"), QStringLiteral("token-123") },
            { QStringLiteral("expiresAt"), QStringLiteral("2026-03-02T09:00:00Z") },
            { QStringLiteral("user"), user } });
}

QString validResidentId(const QString &first17)
{
    return first17 + residentIdCheckCharacter(first17);
}

QString validCreditCode(const QString &first17)
{
    return first17 + creditCodeCheckCharacter(first17);
}

} // namespace xueshi::test
