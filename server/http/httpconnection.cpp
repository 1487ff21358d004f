#include "httpconnection.h"

#include "compression.h"
#include "errorcodes.h"

#include <QDateTime>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QMutex>
#include <QRandomGenerator>
#include <QSslSocket>
#include <QStringDecoder>
#include <QTcpSocket>

#include <algorithm>
#include <atomic>
#include <limits>
#include <optional>
#include <string_view>

#ifdef Q_OS_UNIX
#include <sys/ioctl.h>
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcHttp, "xueshi.server.http", QtWarningMsg)
// One line per answered request: method, route template, status, time, body bytes, request id.
// Never a path's values, a query, a body, a header or an address.
Q_LOGGING_CATEGORY(lcAccess, "xueshi.server.access", QtInfoMsg)

namespace xueshi::server {

// How a Responder, on any thread, reaches its connection only while the connection exists: the
// connection clears `connection` under the mutex when it closes or is destroyed, and a Responder
// posts to it under the same mutex. (A QPointer alone would not do: reading it on another thread
// races with the destruction.) Qt discards the posted call if the connection is deleted first.
struct ResponseGate
{
    QMutex mutex;
    HttpConnection *connection = nullptr;
};

namespace {

namespace ec = xueshi::errorcode;

// The socket's own buffer; when it is full Qt stops reading and TCP pushes back on the client.
constexpr qint64 kSocketReadBufferBytes = 64 * 1024;
// A client that sends requests without reading the answers is not served further until it reads.
constexpr qint64 kMaxPendingOutputBytes = 1024 * 1024;
// After an error the client may still be sending (a refused body, say); closing with unread input
// would make the kernel reset the connection and could destroy the answer before the client reads
// it. So, as nginx and Go do, the server shuts down its sending side once the answer is out and
// discards input until the client closes, or input has been quiet this long, for at most
// kLingerMaxMs.
constexpr int kLingerQuietMs = 500;
constexpr int kLingerMaxMs = 5000;
// Bodies up to this size go out in the same write as the head.
constexpr qsizetype kCoalesceBodyBytes = 16 * 1024;
// A file body is read in chunks of this size, and a chunk is added only while less than
// kFileBufferedBytes wait in the socket's buffers: a download holds at most about 320 KiB of the
// file in memory however large it is, and goes at the pace the client reads.
constexpr qint64 kFileChunkBytes = 64 * 1024;
constexpr qint64 kFileBufferedBytes = 256 * 1024;

using ProtocolError = HttpProtocolError;
using Head = HttpHead;

bool isTokenChar(char c)
{
    static constexpr std::string_view extra = "!#$%&'*+-.^_`|~";
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || extra.find(c) != std::string_view::npos;
}

bool isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (const char c : text) {
        if (!isTokenChar(c))
            return false;
    }
    return true;
}

// Field values may hold visible characters, obs-text, spaces and tabs, but no other controls.
bool isFieldValue(QByteArrayView text)
{
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Unlike QByteArray::fromPercentEncoding, refuses a '%' that does not start a two-digit escape.
std::optional<QByteArray> percentDecode(QByteArrayView text)
{
    QByteArray out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i];
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int high = hexValue(text[i + 1]);
        const int low = hexValue(text[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out += char(high * 16 + low);
        i += 2;
    }
    return out;
}

QByteArrayView trimmedOws(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

// True if the comma-separated header list holds the token, compared case-insensitively.
bool listContains(const QByteArray &list, QByteArrayView token)
{
    for (const QByteArray &item : list.split(',')) {
        if (trimmedOws(item).compare(token, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

constexpr ProtocolError badRequest(const char *message)
{
    return { 400, ec::BadRequest, message };
}

std::optional<ProtocolError> parseRequestLine(
    QByteArrayView line, HttpRequest *request, Head *head, QByteArrayView *target)
{
    const qsizetype firstSpace = line.indexOf(' ');
    const qsizetype secondSpace = firstSpace < 0 ? -1 : line.indexOf(' ', firstSpace + 1);
    if (firstSpace <= 0 || secondSpace < 0)
        return badRequest("The request line is malformed.");
    const QByteArrayView method = line.first(firstSpace);
    *target = line.sliced(firstSpace + 1, secondSpace - firstSpace - 1);
    const QByteArrayView version = line.sliced(secondSpace + 1);
    if (!isToken(method))
        return badRequest("The request method is malformed.");
    request->method = method.toByteArray();

    if (version.size() != 8 || !version.startsWith("HTTP/") || !isDigit(version[5])
        || version[6] != '.' || !isDigit(version[7]))
        return badRequest("The request line is malformed.");
    if (version[5] != '1')
        return ProtocolError { 505, ec::BadRequest, "Only HTTP/1.1 and HTTP/1.0 are supported." };
    head->minorVersion = version[7] - '0';

    if (target->isEmpty() || target->front() != '/')
        return badRequest("The request target must be an absolute path.");
    for (const char c : *target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            return badRequest("The request target holds characters that are not allowed.");
    }
    return std::nullopt;
}

std::optional<ProtocolError> parseTarget(QByteArrayView target, HttpRequest *request)
{
    const qsizetype question = target.indexOf('?');
    const QByteArrayView rawPath = question < 0 ? target : target.first(question);
    const QByteArrayView rawQuery = question < 0 ? QByteArrayView() : target.sliced(question + 1);

    const std::optional<QByteArray> decoded = percentDecode(rawPath);
    if (!decoded || decoded->contains('\0'))
        return badRequest("The request path is not correctly percent-encoded.");
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString path = utf8.decode(*decoded);
    if (utf8.hasError())
        return badRequest("The request path is not valid UTF-8.");
    for (const QString &segment : path.split(QLatin1Char('/'))) {
        if (segment == QLatin1String(".."))
            return badRequest("The request path may not contain \"..\" segments.");
    }
    if (!percentDecode(rawQuery))
        return badRequest("The query string is not correctly percent-encoded.");
    request->path = path;
    request->query.setQuery(QString::fromLatin1(rawQuery));
    return std::nullopt;
}

} // namespace

std::optional<HttpProtocolError> parseRequestHead(
    QByteArrayView text, const HttpLimits &limits, HttpRequest *request, HttpHead *head)
{
    qsizetype lineEnd = text.indexOf("\r\n");
    if (lineEnd < 0)
        lineEnd = text.size();
    QByteArrayView target;
    if (auto error = parseRequestLine(text.first(lineEnd), request, head, &target))
        return error;

    for (qsizetype pos = lineEnd + 2; pos < text.size();) {
        qsizetype end = text.indexOf("\r\n", pos);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(pos, end - pos);
        pos = end + 2;
        if (line.isEmpty())
            return badRequest("A header line is empty.");
        if (line.front() == ' ' || line.front() == '\t')
            return badRequest("Folded header lines are not accepted.");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.first(colon)))
            return badRequest("A header name is malformed.");
        const QByteArrayView value = trimmedOws(line.sliced(colon + 1));
        if (!isFieldValue(value))
            return badRequest("A header value holds characters that are not allowed.");
        if (request->headers.size() >= limits.maxHeaderCount)
            return ProtocolError { 431, ec::HeadersTooLarge, "The request has too many headers." };
        request->headers.append({ line.first(colon).toByteArray().toLower(), value.toByteArray() });
    }

    int hosts = 0;
    bool haveLength = false;
    QByteArray connection;
    for (const auto &[name, value] : std::as_const(request->headers)) {
        if (name == "host") {
            ++hosts;
        } else if (name == "transfer-encoding") {
            return ProtocolError { 501, ec::BadRequest,
                "Transfer-Encoding is not supported; send Content-Length." };
        } else if (name == "content-length") {
            if (value.isEmpty() || !std::all_of(value.begin(), value.end(), isDigit))
                return badRequest("Content-Length is not a plain decimal number.");
            qint64 length = 0;
            for (const char c : value) {
                const int digit = c - '0';
                // Saturates: a length too large to represent is certainly too large to accept.
                length = length > (std::numeric_limits<qint64>::max() - digit) / 10
                    ? std::numeric_limits<qint64>::max()
                    : length * 10 + digit;
            }
            if (haveLength && length != head->contentLength)
                return badRequest("Content-Length is given twice with different values.");
            haveLength = true;
            head->contentLength = length;
        } else if (name == "connection") {
            connection += value + ',';
        } else if (name == "expect") {
            head->expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
        }
    }
    if (hosts > 1 || (hosts == 0 && head->minorVersion >= 1))
        return badRequest("The request must have exactly one Host header.");
    const QByteArray &method = request->method;
    if (!haveLength && (method == "POST" || method == "PUT" || method == "PATCH"))
        return ProtocolError { 411, ec::LengthRequired, "The request needs a Content-Length." };

    head->keepAlive = !listContains(connection, "close")
        && (head->minorVersion >= 1 || listContains(connection, "keep-alive"));
    head->expectContinue = head->expectContinue && head->minorVersion >= 1;
    return parseTarget(target, request);
}

QByteArray requestIdFor(const HttpRequest &request, bool trustHeader)
{
    if (trustHeader) {
        const QByteArray given = request.header("x-request-id");
        const bool wellFormed = !given.isEmpty() && given.size() <= 64
            && std::all_of(given.cbegin(), given.cend(), [](char c) {
                   return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                       || c == '.' || c == '_' || c == '-';
               });
        if (wellFormed)
            return given;
    }
    quint32 random[4];
    QRandomGenerator::global()->fillRange(random);
    return QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex();
}

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 303:
        return "See Other";
    case 304:
        return "Not Modified";
    case 307:
        return "Temporary Redirect";
    case 308:
        return "Permanent Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 415:
        return "Unsupported Media Type";
    case 417:
        return "Expectation Failed";
    case 422:
        return "Unprocessable Content";
    case 423:
        return "Locked";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// The IMF-fixdate of RFC 9110, formatted once a second per thread.
QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cachedSecond = second;
        cached = QLocale::c()
                     .toString(now, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"))
                     .toLatin1();
    }
    return cached;
}

HttpResponse defaultError(int status, const char *code, const QString &message)
{
    return HttpResponse::json(status,
        QJsonObject { { QStringLiteral("error"),
            QJsonObject { { QStringLiteral("code"), QString::fromLatin1(code) },
                { QStringLiteral("message"), message } } } });
}

} // namespace

HttpConnection::HttpConnection(QTcpSocket *socket, const HttpLimits &limits,
    HttpServer::Handler handler, HttpServer::ErrorFactory errorFactory, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_handler(std::move(handler))
    , m_errorFactory(std::move(errorFactory))
    , m_gate(std::make_shared<ResponseGate>())
    , m_closedFlag(std::make_shared<std::atomic_bool>(false))
{
    m_gate->connection = this;
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
}

HttpConnection::~HttpConnection()
{
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->connection = nullptr;
    }
    m_closedFlag->store(true, std::memory_order_release);
    m_socket->disconnect(this);
    m_socket->abort();
}

void HttpConnection::connectSocket()
{
    m_socket->setReadBufferSize(kSocketReadBufferBytes);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::process);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (auto *ssl = qobject_cast<QSslSocket *>(m_socket))
        connect(ssl, &QSslSocket::encryptedBytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::finish);
    connect(m_socket, &QAbstractSocket::errorOccurred, this,
        [this](QAbstractSocket::SocketError error) {
            // A peer that closes is reported as disconnected() as well.
            if (error != QAbstractSocket::RemoteHostClosedError)
                abort();
        });
}

void HttpConnection::start()
{
    connectSocket();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    startTimeout(Timeout::Head, m_limits.headerTimeoutMs);
    process(); // after a TLS handshake, the first request may already be waiting
}

void HttpConnection::refuseAtOnce(int status, const char *code, int retryAfterSeconds)
{
    connectSocket();
    if (m_socket->state() != QAbstractSocket::ConnectedState) {
        finish();
        return;
    }
    refuse(status, code, QStringLiteral("Too many connections from your address."),
        QByteArray::number(retryAfterSeconds));
}

void HttpConnection::abort()
{
    if (m_state == State::Closed)
        return;
    m_socket->abort();
    finish();
}

void HttpConnection::drain()
{
    m_draining = true;
    // Idle between requests (nothing of a next one received, not even in the kernel's buffer
    // that Qt has not read yet): close now. A request that a proxy sends on this connection in
    // the same instant is lost with it; nginx then tries the next process where that is safe
    // (installer/nginx/xueshi.conf). One already arriving is read and answered.
    if (m_state != State::ReadingHead || !m_buffer.isEmpty() || m_socket->bytesAvailable() > 0)
        return;
    int queued = 0;
    if (::ioctl(int(m_socket->socketDescriptor()), FIONREAD, &queued) == 0 && queued > 0)
        return;
    closeGracefully();
}

void HttpConnection::process()
{
    for (;;) {
        bool advanced = false;
        switch (m_state) {
        case State::ReadingHead:
            advanced = readHead();
            break;
        case State::ReadingBody:
            advanced = readBody();
            break;
        case State::Lingering:
            discardInput();
            break;
        case State::AwaitingResponse:
        case State::SendingFile:
        case State::Closing:
        case State::Closed:
            break;
        }
        if (!advanced)
            return;
    }
}

bool HttpConnection::readHead()
{
    if (m_waitingForDrain)
        return false;
    if (pendingOutput() > kMaxPendingOutputBytes) {
        m_waitingForDrain = true;
        return false;
    }
    // One byte more than allowed is enough to tell that the head is too large.
    const qsizetype limit = m_limits.maxHeaderBytes;
    for (;;) {
        const qint64 room = limit + 1 - m_buffer.size();
        if (room > 0 && m_socket->bytesAvailable() > 0)
            m_buffer += m_socket->read(room);
        // Empty lines before a request line are ignored (RFC 9112 section 2.2).
        qsizetype skip = 0;
        while (skip + 1 < m_buffer.size() && m_buffer[skip] == '\r' && m_buffer[skip + 1] == '\n')
            skip += 2;
        if (skip == 0)
            break;
        m_buffer.remove(0, skip);
        m_scanFrom = 0;
    }
    if (m_timeout == Timeout::Idle && !m_buffer.isEmpty())
        startTimeout(Timeout::Head, m_limits.headerTimeoutMs);

    const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_scanFrom);
    if (end < 0 || end + 4 > limit) {
        if (m_buffer.size() > limit) {
            refuse(431, ec::HeadersTooLarge, QStringLiteral("The request head is too large."));
            return false;
        }
        m_scanFrom = qMax<qsizetype>(0, m_buffer.size() - 3);
        return false;
    }
    const QByteArray text = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    m_scanFrom = 0;

    m_request = HttpRequest();
    m_request.peer = m_socket->peerAddress();
    m_request.connectionClosed = m_closedFlag;
    Head head;
    const auto error = parseRequestHead(text, m_limits, &m_request, &head);
    m_request.requestId = requestIdFor(m_request, m_limits.trustRequestIdHeader);
    m_requestTimer.start();
    if (error) {
        refuse(error->status, error->code, QString::fromLatin1(error->message));
        return false;
    }
    m_headRequest = m_request.method == "HEAD";
    QByteArray acceptEncoding;
    for (const auto &[name, value] : std::as_const(m_request.headers)) {
        if (name == "accept-encoding") {
            acceptEncoding += value;
            acceptEncoding += ',';
        }
    }
    m_acceptsGzip = acceptsGzip(acceptEncoding);
    m_keepAlive = head.keepAlive;
    m_contentLength = head.contentLength;
    // Refused before a byte of the body is read: the body is never buffered.
    if (m_contentLength > m_limits.maxBodyBytes) {
        refuse(413, ec::PayloadTooLarge, QStringLiteral("The request body is too large."));
        return false;
    }
    if (m_contentLength > 0) {
        if (head.expectContinue && m_buffer.isEmpty())
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
        startTimeout(Timeout::Body, m_limits.bodyTimeoutMs);
    }
    m_state = State::ReadingBody;
    return true;
}

bool HttpConnection::readBody()
{
    qint64 missing = m_contentLength - m_request.body.size();
    if (missing > 0 && !m_buffer.isEmpty()) {
        const qsizetype take = qsizetype(qMin<qint64>(missing, m_buffer.size()));
        m_request.body.append(m_buffer.constData(), take);
        m_buffer.remove(0, take);
        missing -= take;
    }
    if (missing > 0 && m_socket->bytesAvailable() > 0) {
        m_request.body += m_socket->read(missing);
        missing = m_contentLength - m_request.body.size();
    }
    if (missing > 0)
        return false;
    dispatch();
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::AwaitingResponse;
    m_timer.stop();
    m_timeout = Timeout::None;
    ++m_serial;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    m_contentLength = 0;
    m_requestId = request.requestId;
    m_requestMethod = request.method;
    HttpServer::Responder responder = makeResponder();
    if (m_handler)
        m_handler(std::move(request), std::move(responder));
    else
        responder(defaultError(404, ec::NotFound, QStringLiteral("There is nothing here.")));
}

HttpServer::Responder HttpConnection::makeResponder()
{
    return [gate = m_gate, serial = m_serial, gzip = m_acceptsGzip,
               answered = std::make_shared<std::atomic_bool>(false)](HttpResponse response) {
        if (answered->exchange(true))
            return;
        // On the thread that answered (a worker, mostly), not the connection's.
        compressIfAccepted(response, gzip);
        QMutexLocker lock(&gate->mutex);
        HttpConnection *connection = gate->connection;
        if (!connection)
            return;
        // Always queued, also from the connection's own thread, so a handler that answers at once
        // does not re-enter the parser.
        QMetaObject::invokeMethod(
            connection,
            [connection, serial, response = std::move(response)]() mutable {
                connection->deliver(serial, std::move(response));
            },
            Qt::QueuedConnection);
    };
}

void HttpConnection::deliver(quint64 serial, HttpResponse response)
{
    if (m_state != State::AwaitingResponse || serial != m_serial)
        return;
    bool keepAlive = m_keepAlive && !m_draining;
    for (const auto &[name, value] : std::as_const(response.headers)) {
        if (name.compare("connection", Qt::CaseInsensitive) == 0 && listContains(value, "close"))
            keepAlive = false;
    }
    const bool bodyAllowed = response.status != 204 && response.status != 304;
    const bool sendFile
        = response.file && bodyAllowed && !m_headRequest && response.file->length > 0;
    if (sendFile && !openFileBody(*response.file)) {
        // Nothing is sent yet, so the client still gets a proper answer.
        HttpRequest partial;
        partial.requestId = m_requestId;
        response = m_errorFactory ? m_errorFactory(partial, 500, ec::InternalError)
                                  : defaultError(500, ec::InternalError,
                                      QStringLiteral("The server could not read the file."));
    }
    writeResponse(response, keepAlive, m_headRequest);
    if (m_file) {
        m_state = State::SendingFile;
        m_fileKeepAlive = keepAlive;
        startTimeout(Timeout::Sending, m_limits.idleTimeoutMs);
        sendFileChunks();
        return;
    }
    afterResponse(keepAlive);
}

void HttpConnection::afterResponse(bool keepAlive)
{
    if (!keepAlive) {
        closeGracefully();
        return;
    }
    m_state = State::ReadingHead;
    waitForNextRequest();
}

bool HttpConnection::openFileBody(const FileBody &body)
{
    auto file = std::make_unique<QFile>(body.path);
    if (!file->open(QIODevice::ReadOnly) || body.offset < 0
        || file->size() < body.offset + body.length || !file->seek(body.offset)) {
        qCWarning(lcHttp, "cannot read a response file: %s", qPrintable(file->errorString()));
        return false;
    }
    m_file = std::move(file);
    m_fileRemaining = body.length;
    return true;
}

void HttpConnection::sendFileChunks()
{
    if (m_sendingChunks || m_state != State::SendingFile)
        return;
    m_sendingChunks = true;
    while (m_fileRemaining > 0 && pendingOutput() < kFileBufferedBytes) {
        const qint64 size = qMin(kFileChunkBytes, m_fileRemaining);
        const QByteArray chunk = m_file->read(size);
        if (chunk.size() != size) {
            // The head promised more bytes than there are now: all that is left is to cut.
            qCWarning(lcHttp, "a response file became unreadable while being sent: %s",
                qPrintable(m_file->errorString()));
            m_sendingChunks = false;
            abort();
            return;
        }
        m_socket->write(chunk);
        m_fileRemaining -= size;
    }
    m_sendingChunks = false;
    if (m_fileRemaining > 0)
        return;
    m_file.reset();
    m_timer.stop();
    m_timeout = Timeout::None;
    afterResponse(m_fileKeepAlive);
}

void HttpConnection::writeResponse(const HttpResponse &response, bool keepAlive, bool headRequest)
{
    int status = response.status;
    if (status < 200 || status > 599) {
        qCWarning(lcHttp, "handler answered with status %d; sending 500 instead", status);
        status = 500;
    }
    const bool bodyAllowed = status != 204 && status != 304;

    QByteArray head;
    head.reserve(320);
    head += "HTTP/1.1 ";
    head += QByteArray::number(status);
    head += ' ';
    head += reasonPhrase(status);
    head += "\r\n";
    if (bodyAllowed) {
        if (!response.contentType.isEmpty() && isFieldValue(response.contentType)) {
            head += "content-type: ";
            head += response.contentType;
            head += "\r\n";
        }
        head += "content-length: ";
        head += QByteArray::number(response.file ? response.file->length : response.body.size());
        head += "\r\n";
    }
    head += keepAlive ? "connection: keep-alive\r\n" : "connection: close\r\n";
    head += "date: ";
    head += httpDate();
    head += "\r\n";

    bool ownCacheControl = false;
    bool ownContentTypeOptions = false;
    QByteArray extra;
    for (const auto &[name, value] : std::as_const(response.headers)) {
        const QByteArray lowerName = name.toLower();
        if (!isToken(lowerName) || !isFieldValue(value)) {
            qCWarning(lcHttp, "dropping malformed response header %s", name.constData());
            continue;
        }
        // The transport owns the framing headers.
        if (lowerName == "content-length" || lowerName == "transfer-encoding"
            || lowerName == "connection" || lowerName == "date" || lowerName == "content-type")
            continue;
        ownCacheControl = ownCacheControl || lowerName == "cache-control";
        ownContentTypeOptions = ownContentTypeOptions || lowerName == "x-content-type-options";
        extra += lowerName;
        extra += ": ";
        extra += value;
        extra += "\r\n";
    }
    if (!ownContentTypeOptions)
        head += "x-content-type-options: nosniff\r\n";
    if (!m_requestId.isEmpty()) {
        head += "x-request-id: ";
        head += m_requestId;
        head += "\r\n";
    }
    if (!ownCacheControl)
        head += "cache-control: no-store\r\n";
    head += extra;
    head += "\r\n";

    const bool sendBody = bodyAllowed && !headRequest && !response.file && !response.body.isEmpty();
    if (sendBody && response.body.size() <= kCoalesceBodyBytes) {
        head += response.body;
        m_socket->write(head);
    } else {
        m_socket->write(head);
        if (sendBody)
            m_socket->write(response.body);
    }

    HttpExchange exchange;
    exchange.method = m_requestMethod;
    exchange.route = response.route;
    exchange.status = status;
    exchange.bytes = !bodyAllowed || headRequest ? 0
        : response.file                          ? response.file->length
                                                 : response.body.size();
    exchange.microseconds = m_requestTimer.isValid() ? m_requestTimer.nsecsElapsed() / 1000 : 0;
    exchange.requestId = m_requestId;
    // The route template ("GET /api/v1/users/{id}"), not the path: a path is whatever the client
    // sent, and could carry a resident id or a phone number into the log. No route: "-".
    const QByteArray shown = !exchange.route.isEmpty() ? exchange.route
        : exchange.method.isEmpty()                    ? QByteArray("- -")
                                                       : exchange.method + " -";
    qCInfo(lcAccess, "%s %d %lldms %lldB id=%s", shown.constData(), status,
        exchange.microseconds / 1000, exchange.bytes, m_requestId.constData());
    if (m_observer)
        m_observer(exchange);
}

void HttpConnection::refuse(
    int status, const char *code, const QString &message, const QByteArray &retryAfter)
{
    m_timer.stop();
    m_timeout = Timeout::None;
    HttpRequest partial = std::move(m_request);
    m_request = HttpRequest();
    partial.peer = m_socket->peerAddress();
    // A refusal before the head was complete (too large, too slow) still gets an id.
    if (partial.requestId.isEmpty()) {
        partial.requestId = requestIdFor(partial, false);
        m_requestTimer.start();
    }
    m_requestId = partial.requestId;
    m_requestMethod = partial.method;
    const bool headRequest = partial.method == "HEAD";
    HttpResponse response = m_errorFactory ? m_errorFactory(partial, status, code)
                                           : defaultError(status, code, message);
    if (!retryAfter.isEmpty())
        response.headers.append({ QByteArrayLiteral("retry-after"), retryAfter });
    writeResponse(response, false, headRequest);
    startLingering();
}

void HttpConnection::waitForNextRequest()
{
    if (m_buffer.isEmpty() && m_socket->bytesAvailable() == 0)
        startTimeout(Timeout::Idle, m_limits.idleTimeoutMs);
    else
        startTimeout(Timeout::Head, m_limits.headerTimeoutMs);
    process();
}

void HttpConnection::closeGracefully()
{
    m_state = State::Closing;
    m_buffer.clear();
    // A client that does not read the last answer is cut off after the idle timeout.
    startTimeout(Timeout::Closing, m_limits.idleTimeoutMs);
    m_socket->disconnectFromHost(); // flushes first; may call finish() at once
}

void HttpConnection::startLingering()
{
    m_state = State::Lingering;
    m_buffer.clear();
    m_lingerDeadline = QDeadlineTimer(kLingerMaxMs);
    startTimeout(Timeout::Linger, kLingerQuietMs);
    discardInput();
    if (pendingOutput() == 0)
        halfClose();
}

// The client sees the end of the stream after the answer and closes its side, which ends the
// lingering at once. Not over TLS: without a close_notify first, Qt's TLS client (Qt 6.4) drops
// data that arrives together with the end of the stream, and Qt cannot send close_notify without
// closing the socket. There, and off Unix, the lingering ends when input is quiet.
void HttpConnection::halfClose()
{
    if (m_halfClosed)
        return;
    m_halfClosed = true;
#ifdef Q_OS_UNIX
    if (!qobject_cast<QSslSocket *>(m_socket))
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
#endif
}

void HttpConnection::discardInput()
{
    const qint64 available = m_socket->bytesAvailable();
    if (available <= 0)
        return;
    m_socket->skip(available);
    startTimeout(
        Timeout::Linger, int(qMin<qint64>(kLingerQuietMs, m_lingerDeadline.remainingTime())));
}

void HttpConnection::startTimeout(Timeout kind, int milliseconds)
{
    m_timeout = kind;
    m_timer.start(qMax(0, milliseconds));
}

void HttpConnection::onTimeout()
{
    const Timeout kind = std::exchange(m_timeout, Timeout::None);
    switch (kind) {
    case Timeout::None:
        break;
    case Timeout::Idle:
        closeGracefully();
        break;
    case Timeout::Head:
        refuse(408, ec::BadRequest, QStringLiteral("The request head did not arrive in time."));
        break;
    case Timeout::Body:
        refuse(408, ec::BadRequest, QStringLiteral("The request body did not arrive in time."));
        break;
    case Timeout::Closing:
    case Timeout::Sending: // the client stopped reading the file
        abort();
        break;
    case Timeout::Linger:
        if (pendingOutput() == 0)
            closeGracefully();
        else if (m_lingerDeadline.hasExpired())
            abort();
        else
            startTimeout(Timeout::Linger,
                int(qMin<qint64>(kLingerQuietMs, m_lingerDeadline.remainingTime())));
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    if (m_state == State::SendingFile) {
        startTimeout(Timeout::Sending, m_limits.idleTimeoutMs);
        sendFileChunks();
        return;
    }
    if (m_state == State::Lingering && pendingOutput() == 0)
        halfClose();
    if (m_waitingForDrain && pendingOutput() <= kMaxPendingOutputBytes) {
        m_waitingForDrain = false;
        process();
    }
}

void HttpConnection::finish()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_closedFlag->store(true, std::memory_order_release);
    m_file.reset();
    m_timer.stop();
    m_timeout = Timeout::None;
    {
        QMutexLocker lock(&m_gate->mutex);
        m_gate->connection = nullptr;
    }
    m_buffer.clear();
    m_request = HttpRequest();
    if (m_socket->state() != QAbstractSocket::UnconnectedState)
        m_socket->abort();
    deleteLater();
}

qint64 HttpConnection::pendingOutput() const
{
    qint64 pending = m_socket->bytesToWrite();
    if (const auto *ssl = qobject_cast<const QSslSocket *>(m_socket))
        pending += ssl->encryptedBytesToWrite();
    return pending;
}

} // namespace xueshi::server
