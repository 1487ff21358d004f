#pragma once

#include "appsettings.h"
#include "clientcore.h"
#include "clock.h"

#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QSslError>

#include <functional>
#include <memory>

namespace xueshi::test {

// One request the fake network saw.
struct FakeRequest
{
    QByteArray verb;
    QUrl url;
    QString path; // relative to /api/v1, e.g. "/session"
    QNetworkRequest request;
    QByteArray rawBody;
    QJsonObject body;

    QByteArray header(const QByteArray &name) const { return request.rawHeader(name); }
};

// What the fake server answers.
struct FakeResponse
{
    int status = 200;
    QByteArray body; // sent as is
    QByteArray contentType = QByteArrayLiteral("application/json");
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError; // no HTTP answer at all
    QList<QSslError> sslErrors; // emitted before the answer, like a TLS handshake would

    static FakeResponse json(int status, const QJsonObject &body);
    static FakeResponse noContent();
    // The API's error object {"error": {...}}; `extra` adds fields such as triesLeft.
    static FakeResponse error(int status, const QString &code, const QString &message,
        const QString &field = {}, const QJsonObject &extra = {});
    static FakeResponse networkFailure(QNetworkReply::NetworkError error);
    static FakeResponse raw(int status, const QByteArray &body, const QByteArray &contentType);
};

// A reply from in-memory state; finishes on the event loop (or when released, if held).
class FakeReply final : public QNetworkReply
{
    Q_OBJECT

public:
    FakeReply(QNetworkAccessManager::Operation operation, const QNetworkRequest &request,
        FakeResponse response, QObject *parent);

    void deliver();
    void abort() override;
    void ignoreSslErrors() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }
    // The errors the client asked to ignore, if any.
    QList<QSslError> ignoredErrors() const { return m_ignored; }
    bool ignoredAll() const { return m_ignoredAll; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    void ignoreSslErrorsImplementation(const QList<QSslError> &errors) override;

private:
    void finish();

    FakeResponse m_response;
    QByteArray m_data;
    qint64 m_position = 0;
    bool m_done = false;
    QList<QSslError> m_ignored;
    bool m_ignoredAll = false;
};

// A QNetworkAccessManager that never touches the network: every request is answered by the
// handler, like Nextcloud's FakeQNAM. With hold() replies wait until release().
class FakeNetworkAccessManager final : public QNetworkAccessManager
{
    Q_OBJECT

public:
    using Handler = std::function<FakeResponse(const FakeRequest &)>;

    explicit FakeNetworkAccessManager(QObject *parent = nullptr);

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QList<FakeRequest> requests() const { return m_requests; }
    FakeRequest lastRequest() const { return m_requests.value(m_requests.size() - 1); }
    int requestCount(const QString &path) const;
    void clearRequests() { m_requests.clear(); }

    void hold() { m_holding = true; }
    // Delivers the held replies and stops holding.
    void release();
    QList<QPointer<FakeReply>> replies() const { return m_replies; }
    // What replies were told to ignore (replies are deleted after they finish, this is not).
    QList<QList<QSslError>> ignoredSslErrors() const { return m_ignoredSslErrors; }
    int ignoreAllCount() const { return m_ignoreAllCount; }
    void recordIgnored(const QList<QSslError> &errors) { m_ignoredSslErrors.append(errors); }
    void recordIgnoreAll() { ++m_ignoreAllCount; }

protected:
    QNetworkReply *createRequest(
        Operation operation, const QNetworkRequest &request, QIODevice *outgoingData) override;

private:
    Handler m_handler;
    QList<FakeRequest> m_requests;
    QList<QPointer<FakeReply>> m_replies;
    QList<QPointer<FakeReply>> m_held;
    bool m_holding = false;
    QList<QList<QSslError>> m_ignoredSslErrors;
    int m_ignoreAllCount = 0;
};

// Settings in a temporary INI file, the fake network, a test clock and the client core.
struct ClientFixture
{
    ClientFixture();
    ~ClientFixture();

    QString settingsFile;
    std::unique_ptr<AppSettings> settings;
    FakeNetworkAccessManager network;
    TestClock clock;
    std::unique_ptr<ClientCore> core;
};

// A User object as the server sends it.
QJsonObject learnerUserJson(const QString &username = QStringLiteral("zhangsan"));
QJsonObject organisationUserJson(
    const QString &role, const QString &username, bool awaitingApproval = false);
// The answer to a successful POST /session.
FakeResponse loginAnswer(const QJsonObject &user);

// Valid identifiers made with the check character.
QString validResidentId(const QString &first17 = QStringLiteral("11010519491231002"));
QString validCreditCode(const QString &first17 = QStringLiteral("91350100M00010000"));

} // namespace xueshi::test
