#pragma once

#include "httpserver.h"

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <atomic>
#include <memory>
#include <optional>

class QFile;
class QTcpSocket;

namespace xueshi::server {

struct ResponseGate;

// What the transport needs from a request head beyond the HttpRequest itself.
struct HttpHead
{
    int minorVersion = 1;
    qint64 contentLength = 0;
    bool keepAlive = true;
    bool expectContinue = false;
};

struct HttpProtocolError
{
    int status;
    const char *code;
    const char *message; // English; the ErrorFactory, if set, supplies the shown text
};

// Parses a request head (request line and header lines, without the blank line that ends it)
// under `limits`. Fills `request` as far as it gets, so an error answer can still use the
// headers. No I/O, so the fuzz target fuzz/http_head.cpp drives it directly.
std::optional<HttpProtocolError> parseRequestHead(
    QByteArrayView text, const HttpLimits &limits, HttpRequest *request, HttpHead *head);

// The request's id: its X-Request-Id when `trustHeader` and the header is well formed (1-64 of
// [A-Za-z0-9._-]), else 16 random bytes in hex.
QByteArray requestIdFor(const HttpRequest &request, bool trustHeader);

// One client connection of HttpServer. Parses the requests arriving on its socket strictly and
// under HttpLimits, hands each complete one to the handler and writes the answer back before it
// looks at the next request, so pipelined answers keep their order. The Responder it hands out
// may run on any thread and after this object is gone: it reaches the connection only through a
// gate that the destructor closes.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    // Takes ownership of the connected (and, for HTTPS, encrypted) socket.
    HttpConnection(QTcpSocket *socket, const HttpLimits &limits, HttpServer::Handler handler,
        HttpServer::ErrorFactory errorFactory, QObject *parent = nullptr);
    ~HttpConnection() override;

    void start();
    void setObserver(HttpServer::Observer observer) { m_observer = std::move(observer); }
    // Instead of start(): answers `status` with `code` and Retry-After at once, without reading a
    // request, and closes (the per-address connection limit).
    void refuseAtOnce(int status, const char *code, int retryAfterSeconds);
    // Closes at once; an answer still to come is dropped.
    void abort();
    // The server is stopping: an idle connection closes now; a request being read or answered
    // is answered with "Connection: close", and nothing more is read after it.
    void drain();

private:
    enum class State {
        ReadingHead,
        ReadingBody,
        AwaitingResponse, // the handler has the request; nothing more is read until it answers
        SendingFile, // a file body goes out chunk by chunk as the client reads it
        Closing, // the last answer is being flushed before the socket closes
        Lingering, // after an error: input is discarded for a moment so the answer is not lost
        Closed
    };
    enum class Timeout { None, Idle, Head, Body, Closing, Linger, Sending };

    void process();
    bool readHead();
    bool readBody();
    void dispatch();
    HttpServer::Responder makeResponder();
    void deliver(quint64 serial, HttpResponse response);
    void writeResponse(const HttpResponse &response, bool keepAlive, bool headRequest);
    void afterResponse(bool keepAlive);
    bool openFileBody(const FileBody &body);
    void sendFileChunks();
    void connectSocket();
    void refuse(
        int status, const char *code, const QString &message, const QByteArray &retryAfter = {});
    void waitForNextRequest();
    void closeGracefully();
    void startLingering();
    void halfClose();
    void discardInput();
    void startTimeout(Timeout kind, int milliseconds);
    void onTimeout();
    void onBytesWritten();
    void finish();
    qint64 pendingOutput() const;

    QTcpSocket *m_socket;
    const HttpLimits m_limits;
    const HttpServer::Handler m_handler;
    const HttpServer::ErrorFactory m_errorFactory;
    HttpServer::Observer m_observer;
    std::shared_ptr<ResponseGate> m_gate;
    std::shared_ptr<std::atomic_bool> m_closedFlag; // HttpRequest::connectionClosed

    State m_state = State::ReadingHead;
    QByteArray m_buffer; // bytes read but not yet parsed: at most maxHeaderBytes + 1
    qsizetype m_scanFrom = 0; // where to resume looking for the end of the head
    HttpRequest m_request; // the request being read; its body grows up to m_contentLength
    qint64 m_contentLength = 0;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_acceptsGzip = false; // the request being answered allows a gzip-encoded body
    bool m_waitingForDrain = false;
    bool m_halfClosed = false;
    bool m_draining = false;
    quint64 m_serial = 0; // numbers the requests, so a late answer cannot answer a newer one
    std::unique_ptr<QFile> m_file; // the file body being sent
    qint64 m_fileRemaining = 0;
    bool m_fileKeepAlive = false;
    bool m_sendingChunks = false;

    // The request being answered, for the X-Request-Id header and the access log.
    QByteArray m_requestId;
    QByteArray m_requestMethod;
    QElapsedTimer m_requestTimer;

    QTimer m_timer;
    Timeout m_timeout = Timeout::None;
    QDeadlineTimer m_lingerDeadline;
};

} // namespace xueshi::server
