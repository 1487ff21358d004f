#include "httpserver.h"

#include "errorcodes.h"
#include "httpconnection.h"

#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcHttpServer, "xueshi.server.http", QtWarningMsg)

namespace xueshi::server {

namespace {

// How often, at most, the refusals of the per-address limit are logged.
constexpr int kRefusalLogIntervalMs = 10'000;
// A connection over the per-address limit is answered 429 with this Retry-After.
constexpr int kRefusalRetryAfterSeconds = 5;

QHostAddress peerOf(int descriptor)
{
    sockaddr_storage storage {};
    socklen_t length = sizeof storage;
    if (::getpeername(descriptor, reinterpret_cast<sockaddr *>(&storage), &length) != 0)
        return {};
    QHostAddress address(reinterpret_cast<const sockaddr *>(&storage));
    // An IPv4 client of a dual-stack socket counts as the same address as over IPv4.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{
    m_acceptRetry.setSingleShot(true);
    connect(&m_acceptRetry, &QTimer::timeout, this, &HttpServer::resumeAccepting);
    connect(&m_drainPoll, &QTimer::timeout, this, &HttpServer::checkDrained);
}

HttpServer::~HttpServer()
{
    close(); // the connections, children of this object, go with it; late answers are dropped
}

void HttpServer::setLimits(const HttpLimits &limits)
{
    m_limits = limits;
}

const HttpLimits &HttpServer::limits() const
{
    return m_limits;
}

void HttpServer::setHandler(Handler handler)
{
    m_handler = std::move(handler);
}

void HttpServer::setErrorFactory(ErrorFactory factory)
{
    m_errorFactory = std::move(factory);
}

void HttpServer::setObserver(Observer observer)
{
    m_observer = std::move(observer);
}

void HttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
    m_useTls = true;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    close();
    m_server = std::make_unique<QTcpServer>();
    if (!m_server->listen(address, port))
        return false;
    // QTcpServer only holds the listening socket: this object accepts on a duplicate of it, so
    // Qt's own notifier stays off for good.
    m_server->pauseAccepting();
    m_acceptDescriptor = ::fcntl(int(m_server->socketDescriptor()), F_DUPFD_CLOEXEC, 0);
    if (m_acceptDescriptor < 0) {
        qCWarning(lcHttpServer, "cannot duplicate the listening socket: %s", std::strerror(errno));
        m_server->close();
        return false;
    }
    m_acceptNotifier = std::make_unique<QSocketNotifier>(m_acceptDescriptor, QSocketNotifier::Read);
    connect(
        m_acceptNotifier.get(), &QSocketNotifier::activated, this, &HttpServer::acceptConnections);
    return true;
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::stopAccepting()
{
    m_acceptRetry.stop();
    m_acceptPaused = false;
    m_acceptNotifier.reset();
    if (m_acceptDescriptor >= 0) {
        ::close(m_acceptDescriptor);
        m_acceptDescriptor = -1;
    }
    if (m_server)
        m_server->close();
    // A TLS handshake still under way has sent no request yet: nothing to finish.
    for (const QPointer<QTcpSocket> &socket : std::as_const(m_handshakes)) {
        if (socket) {
            socket->abort();
            socket->deleteLater();
        }
    }
    m_handshakes.clear();
}

void HttpServer::close()
{
    stopAccepting();
    for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->abort();
    }
    m_connections.clear();
}

void HttpServer::drain(int timeoutMs)
{
    if (m_draining)
        return;
    m_draining = true;
    m_drainDeadline = QDeadlineTimer(timeoutMs);
    // Stop accepting: with the listening socket closed, the kernel refuses new connections, so a
    // proxy in front moves on to another process at once.
    stopAccepting();
    for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->drain();
    }
    qCInfo(lcHttpServer, "stopping: %d connections to finish (at most %d ms)", connectionCount(),
        timeoutMs);
    m_drainPoll.start(kDrainPollMs);
    checkDrained();
}

void HttpServer::checkDrained()
{
    if (!m_draining || !m_drainPoll.isActive())
        return;
    if (connectionCount() > 0 && !m_drainDeadline.hasExpired())
        return;
    m_drainPoll.stop();
    const int left = connectionCount();
    if (left > 0) {
        qCWarning(
            lcHttpServer, "stopping: %d connections still busy after the drain time are cut", left);
    }
    close();
    Q_EMIT drained();
}

int HttpServer::connectionCount() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
        [](const QPointer<HttpConnection> &c) { return !c.isNull(); }));
}

int HttpServer::connectionCount(const QHostAddress &address) const
{
    return m_perAddress.value(address);
}

void HttpServer::acceptConnections()
{
    for (int i = 0; i < kAcceptBatch && m_acceptDescriptor >= 0 && !m_acceptPaused; ++i) {
        const int descriptor
            = ::accept4(m_acceptDescriptor, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
        if (descriptor >= 0) {
            takeConnection(descriptor);
            continue;
        }
        switch (errno) {
        case EINTR:
        case ECONNABORTED: // the client gave up while waiting in the backlog
        case EPROTO:
            continue;
        case EAGAIN:
#if EAGAIN != EWOULDBLOCK
        case EWOULDBLOCK:
#endif
            return;
        default: // EMFILE, ENFILE, ENOBUFS, ENOMEM, or worse
            pauseAccepting(errno);
            return;
        }
    }
}

void HttpServer::takeConnection(int descriptor)
{
    if (m_openSockets >= m_limits.maxConnections) {
        ::close(descriptor);
        return;
    }
    const QHostAddress peer = peerOf(descriptor);
    const Admission admission = admit(peer);
    if (admission == Admission::Drop) {
        ::close(descriptor);
        return;
    }
    const bool refuse = admission == Admission::Refuse;
    if (!m_useTls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            ::close(descriptor);
            return;
        }
        track(socket, peer);
        startConnection(socket, refuse);
        return;
    }

    auto *socket = new QSslSocket(this);
    socket->setSslConfiguration(m_tls);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        ::close(descriptor);
        return;
    }
    track(socket, peer);
    m_handshakes.removeIf([](const QPointer<QTcpSocket> &s) { return s.isNull(); });
    m_handshakes.append(socket);
    // A client that does not finish its handshake in time is dropped, as one that fails it.
    auto *timer = new QTimer(socket);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    timer->start(m_limits.headerTimeoutMs);
    auto failed = std::make_shared<QMetaObject::Connection>();
    *failed = connect(socket, &QAbstractSocket::errorOccurred, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    connect(socket, &QSslSocket::encrypted, this, [this, socket, timer, failed, refuse] {
        delete timer;
        disconnect(*failed);
        m_handshakes.removeAll(socket);
        startConnection(socket, refuse);
    });
    socket->startServerEncryption();
}

HttpServer::Admission HttpServer::admit(const QHostAddress &peer)
{
    const int limit = m_limits.maxConnectionsPerAddress;
    if (limit <= 0 || peer.isNull())
        return Admission::Serve;
    const int open = m_perAddress.value(peer);
    if (open < limit)
        return Admission::Serve;
    const bool drop = open >= limit + kRefusedPerAddress;
    noteRefused(drop);
    return drop ? Admission::Drop : Admission::Refuse;
}

void HttpServer::track(QObject *socket, const QHostAddress &peer)
{
    ++m_openSockets;
    if (!peer.isNull())
        ++m_perAddress[peer];
    // Whoever deletes the socket (a failed handshake, or its HttpConnection) gives its place back,
    // and a descriptor freed is a chance to accept again.
    connect(socket, &QObject::destroyed, this, [this, peer] {
        --m_openSockets;
        auto it = m_perAddress.find(peer);
        if (it != m_perAddress.end() && --it.value() <= 0)
            m_perAddress.erase(it);
        if (m_acceptPaused && !m_acceptRetry.isActive())
            m_acceptRetry.start(0);
    });
}

void HttpServer::startConnection(QTcpSocket *socket, bool refuse)
{
    m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
    auto *connection = new HttpConnection(socket, m_limits, m_handler, m_errorFactory, this);
    connection->setObserver(m_observer);
    m_connections.append(connection);
    if (refuse)
        connection->refuseAtOnce(429, errorcode::TooManyConnections, kRefusalRetryAfterSeconds);
    else
        connection->start();
}

void HttpServer::noteRefused(bool dropped)
{
    ++(dropped ? m_droppedSinceLog : m_refusedSinceLog);
    if (!m_refusalLogDue.hasExpired())
        return;
    // No address: it identifies a person as much as a name does.
    qCWarning(lcHttpServer,
        "per-address connection limit (%d) reached: %d connections answered 429, %d closed "
        "unanswered in the last %d s",
        m_limits.maxConnectionsPerAddress, m_refusedSinceLog, m_droppedSinceLog,
        kRefusalLogIntervalMs / 1000);
    m_refusedSinceLog = 0;
    m_droppedSinceLog = 0;
    m_refusalLogDue = QDeadlineTimer(kRefusalLogIntervalMs);
}

void HttpServer::pauseAccepting(int error)
{
    // The connection stays in the kernel's backlog and is accepted once a descriptor is free:
    // when a connection of ours closes, or at the next retry.
    m_acceptNotifier->setEnabled(false);
    m_acceptRetry.start(kAcceptRetryMs);
    if (m_acceptPaused)
        return;
    m_acceptPaused = true;
    if (m_resuming)
        return; // still paused: said once already
    m_pausedSince.start();
    if (error == EMFILE || error == ENFILE) {
        qCWarning(lcHttpServer,
            "out of file descriptors with %d connections open: accepting is paused and resumes "
            "when descriptors are free",
            m_openSockets);
    } else {
        qCWarning(lcHttpServer,
            "accepting a connection failed (%s) with %d connections open: accepting is paused "
            "and retried",
            std::strerror(error), m_openSockets);
    }
}

void HttpServer::resumeAccepting()
{
    if (!m_acceptPaused || !m_acceptNotifier)
        return;
    // Try at once: still out of descriptors pauses again quietly; otherwise the pause is over.
    const int before = m_openSockets;
    m_acceptPaused = false;
    m_resuming = true;
    acceptConnections();
    m_resuming = false;
    if (m_acceptPaused)
        return;
    m_acceptNotifier->setEnabled(true);
    qCWarning(lcHttpServer, "accepting connections again after %lld ms (%d accepted at once)",
        m_pausedSince.elapsed(), m_openSockets - before);
}

} // namespace xueshi::server
