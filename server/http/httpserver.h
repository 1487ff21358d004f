#pragma once

#include "httpmessage.h"

#include <QObject>
#include <QPointer>
#include <QSslConfiguration>

#include <functional>
#include <memory>

class QTcpServer;

namespace xueshi::server {

class HttpConnection;

// Limits that protect the server from oversized or slow clients. Defaults suit the JSON API.
struct HttpLimits
{
    qint64 maxBodyBytes = 1 * 1024 * 1024; // larger declared bodies get 413 before being read
    int maxHeaderBytes = 16 * 1024; // request line + headers; more gets 431
    int maxHeaderCount = 100;
    int headerTimeoutMs = 10'000; // the whole head must arrive within this, else 408 and close
    int bodyTimeoutMs = 30'000; // the whole body must arrive within this, else 408 and close
    int idleTimeoutMs = 60'000; // an idle keep-alive connection is closed after this
    int maxConnections = 1024; // further connections are closed at once
};

// The HTTP/1.1 transport of the central server, on QSslServer (HTTPS) or, for tests of the
// transport itself, plain TCP. It parses requests strictly with the limits above, answers protocol
// errors itself, and hands every complete request to the handler. The handler may answer later
// and from any thread by calling the Responder it was given; answers go back in request order
// (one request in flight per connection). Keep-alive and "Connection: close" are honoured.
// Written here instead of using QHttpServer 6.4, which buffers any body whole before a handler
// can refuse it and has no timeouts (see docs/architecture.md).
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using Responder = std::function<void(HttpResponse)>; // callable from any thread, once
    using Handler = std::function<void(HttpRequest, Responder)>;
    // Builds the answer to a protocol error the transport detects (400, 408, 411, 413, 431, 501,
    // 505) with the machine-readable code from apierror.h; gets what is known of the request
    // (headers may be empty) so it can honour Accept-Language.
    using ErrorFactory
        = std::function<HttpResponse(const HttpRequest &partial, int status, const char *code)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const HttpLimits &limits);
    const HttpLimits &limits() const;
    void setHandler(Handler handler);
    void setErrorFactory(ErrorFactory factory);
    // Serve HTTPS with this configuration (certificate and private key set). Without it the server
    // speaks plain HTTP, which only tests use.
    void setTlsConfiguration(const QSslConfiguration &configuration);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const;
    QString errorString() const;
    void close();
    int connectionCount() const;

private:
    void acceptPending();

    HttpLimits m_limits;
    Handler m_handler;
    ErrorFactory m_errorFactory;
    QSslConfiguration m_tls;
    bool m_useTls = false;
    std::unique_ptr<QTcpServer> m_server;
    QList<QPointer<HttpConnection>> m_connections;
};

} // namespace xueshi::server
