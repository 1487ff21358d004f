#include "httpserver.h"

#include "httpconnection.h"

#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

#include <algorithm>

namespace xueshi::server {

HttpServer::HttpServer(QObject *parent)
    : QObject(parent)
{ }

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

void HttpServer::setTlsConfiguration(const QSslConfiguration &configuration)
{
    m_tls = configuration;
    m_useTls = true;
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    if (m_server)
        m_server->close();
    if (m_useTls) {
        auto server = std::make_unique<QSslServer>();
        server->setSslConfiguration(m_tls);
        server->setHandshakeTimeout(m_limits.headerTimeoutMs);
        // A failed handshake just closes. The socket belongs to the QSslServer until its
        // handshake succeeds; one already handed to an HttpConnection is left to it.
        QSslServer *sslServer = server.get();
        connect(sslServer, &QSslServer::errorOccurred, this,
            [sslServer](QSslSocket *socket, QAbstractSocket::SocketError) {
                if (socket->parent() == sslServer && !socket->isEncrypted()) {
                    socket->abort();
                    socket->deleteLater();
                }
            });
        m_server = std::move(server);
    } else {
        m_server = std::make_unique<QTcpServer>();
    }
    // QSslServer counts handshakes in progress as pending; the default of 30 would stall accepting.
    m_server->setMaxPendingConnections(std::max(30, m_limits.maxConnections));
    // pendingConnectionAvailable, not newConnection: QSslServer offers a socket only once its
    // handshake is done, after newConnection has already been emitted.
    connect(
        m_server.get(), &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    return m_server->listen(address, port);
}

quint16 HttpServer::serverPort() const
{
    return m_server ? m_server->serverPort() : 0;
}

QString HttpServer::errorString() const
{
    return m_server ? m_server->errorString() : QString();
}

void HttpServer::close()
{
    if (m_server)
        m_server->close();
    for (const QPointer<HttpConnection> &connection : std::as_const(m_connections)) {
        if (connection)
            connection->abort();
    }
    m_connections.clear();
}

int HttpServer::connectionCount() const
{
    return int(std::count_if(m_connections.cbegin(), m_connections.cend(),
        [](const QPointer<HttpConnection> &c) { return !c.isNull(); }));
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        m_connections.removeIf([](const QPointer<HttpConnection> &c) { return c.isNull(); });
        if (m_connections.size() >= m_limits.maxConnections) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        auto *connection = new HttpConnection(socket, m_limits, m_handler, m_errorFactory, this);
        m_connections.append(connection);
        connection->start();
    }
}

} // namespace xueshi::server
