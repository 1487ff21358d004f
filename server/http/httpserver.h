#pragma once

#include "httpmessage.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QTimer>

#include <functional>
#include <memory>

class QSocketNotifier;
class QTcpServer;
class QTcpSocket;

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
    // Connections (TLS handshakes included) from one client address. Past it the server answers
    // 429 too_many_connections and closes; past it by kRefusedPerAddress more, it closes at once
    // without a word. 0: no limit (behind a reverse proxy every client has the proxy's address).
    int maxConnectionsPerAddress = 32;
    // Take the request id from the request's X-Request-Id header when it is well formed (1-64
    // letters, digits, '.', '_', '-'), instead of making one: only behind a reverse proxy that
    // sets the header itself (nginx: proxy_set_header X-Request-Id $request_id), since a client's
    // own header would let it forge the ids of the log.
    bool trustRequestIdHeader = false;
};

// One answered request, as the access log and the metrics see it (never a path's values, a
// body, a query, a header value or an address).
struct HttpExchange
{
    QByteArray method;
    QByteArray route; // the route template, or empty when no route matched / a protocol error
    int status = 0;
    qint64 bytes = 0; // the body's length
    qint64 microseconds = 0; // from the end of the request's head to the answer's head written
    QByteArray requestId;
};

// The HTTP/1.1 transport of the central server, on QSslServer (HTTPS) or, for tests of the
// transport itself, plain TCP. It parses requests strictly with the limits above, answers protocol
// errors itself, and hands every complete request to the handler. The handler may answer later
// and from any thread by calling the Responder it was given; answers go back in request order
// (one request in flight per connection). Keep-alive and "Connection: close" are honoured.
// Written here instead of using QHttpServer 6.4, which buffers any body whole before a handler
// can refuse it and has no timeouts (see docs/architecture.md).
// It accepts connections itself rather than through QTcpServer/QSslServer: Qt 6.4 takes EMFILE
// for a temporary error and retries accept() in a busy loop without a word, and the per-address
// limit must apply before a TLS handshake is spent on a connection.
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
    // Called on the event-loop thread once each answer's head is written.
    using Observer = std::function<void(const HttpExchange &exchange)>;

    explicit HttpServer(QObject *parent = nullptr);
    ~HttpServer() override;

    void setLimits(const HttpLimits &limits);
    const HttpLimits &limits() const;
    void setHandler(Handler handler);
    void setErrorFactory(ErrorFactory factory);
    // Without one, each answer is logged (xueshi.server.access) and nothing else.
    void setObserver(Observer observer);
    // Serve HTTPS with this configuration (certificate and private key set). Without it the server
    // speaks plain HTTP, which only tests use.
    void setTlsConfiguration(const QSslConfiguration &configuration);

    bool listen(const QHostAddress &address, quint16 port);
    quint16 serverPort() const;
    QString errorString() const;
    void close();
    // A graceful stop (SIGTERM): stops accepting at once (new connections are refused by the
    // kernel), closes the idle keep-alive connections, lets every request already received be
    // answered (with "Connection: close") and emits drained() once no connection is left, or
    // after `timeoutMs`, when the connections still open are cut off.
    void drain(int timeoutMs);
    bool isDraining() const { return m_draining; }
    int connectionCount() const;
    // Sockets open from this address (connections and TLS handshakes).
    int connectionCount(const QHostAddress &address) const;
    // True while accepting is paused because the process ran out of file descriptors (or accept
    // failed otherwise); it resumes by itself once descriptors are free again.
    bool isAcceptingPaused() const { return m_acceptPaused; }

    // Extra connections beyond maxConnectionsPerAddress that still get a 429 answer.
    static constexpr int kRefusedPerAddress = 8;
    // While accepting is paused, it is retried this often (and whenever a connection closes).
    static constexpr int kAcceptRetryMs = 250;
    // At most this many connections are accepted per wake-up, so accepting cannot starve the
    // connections already open.
    static constexpr int kAcceptBatch = 64;
    // While draining, how often the connections left are counted.
    static constexpr int kDrainPollMs = 20;

Q_SIGNALS:
    void drained();

private:
    // Closes the listening socket (the kernel then refuses new connections) and aborts the TLS
    // handshakes under way; the connections already serving stay.
    void stopAccepting();
    void checkDrained();

    enum class Admission { Serve, Refuse, Drop };
    void acceptConnections();
    void takeConnection(int descriptor);
    Admission admit(const QHostAddress &peer);
    void track(QObject *socket, const QHostAddress &peer);
    void startConnection(QTcpSocket *socket, bool refuse);
    void pauseAccepting(int error);
    void resumeAccepting();
    void noteRefused(bool dropped);

    HttpLimits m_limits;
    Handler m_handler;
    ErrorFactory m_errorFactory;
    Observer m_observer;
    QSslConfiguration m_tls;
    bool m_useTls = false;
    std::unique_ptr<QTcpServer> m_server; // holds the listening socket; accepting is done here
    int m_acceptDescriptor = -1; // a duplicate of the listening socket that this accepts on
    std::unique_ptr<QSocketNotifier> m_acceptNotifier;
    QList<QPointer<HttpConnection>> m_connections;
    QList<QPointer<QTcpSocket>> m_handshakes; // TLS sockets still shaking hands
    int m_openSockets = 0; // connections and handshakes
    QHash<QHostAddress, int> m_perAddress;
    bool m_acceptPaused = false;
    bool m_resuming = false;
    QElapsedTimer m_pausedSince;
    QTimer m_acceptRetry;
    // Refusals are logged at most once per interval, counted, without the address.
    int m_refusedSinceLog = 0;
    int m_droppedSinceLog = 0;
    QDeadlineTimer m_refusalLogDue;
    bool m_draining = false;
    QTimer m_drainPoll;
    QDeadlineTimer m_drainDeadline;
};

} // namespace xueshi::server
