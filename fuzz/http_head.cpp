// Fuzzes the server's HTTP/1.1 request-head parser (server/http/httpconnection.cpp,
// parseRequestHead) with the bytes a client sends before the blank line. Properties: no crash or
// sanitizer report; a refusal is one of the statuses the transport answers itself, with a code
// and a message; an accepted head yields a token method, an absolute path without ".." segments
// or NUL, lower-case header names within the count limit and a non-negative Content-Length.

#include "fuzzing.h"
#include "http/httpconnection.h"

#include <QByteArrayView>

#include <algorithm>

using namespace xueshi::server;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    xueshi::fuzz::initialiseQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const HttpLimits limits;
    // The connection hands the parser what precedes the first blank line, at most the limit.
    QByteArrayView text(reinterpret_cast<const char *>(data), qsizetype(size));
    if (const qsizetype end = text.indexOf("\r\n\r\n"); end >= 0)
        text = text.first(end);
    if (text.size() > limits.maxHeaderBytes)
        text = text.first(limits.maxHeaderBytes);

    HttpRequest request;
    HttpHead head;
    const std::optional<HttpProtocolError> error = parseRequestHead(text, limits, &request, &head);
    if (error) {
        static constexpr int known[] = { 400, 411, 431, 501, 505 };
        if (std::find(std::begin(known), std::end(known), error->status) == std::end(known))
            xueshi::fuzz::fail("a refused head has a status the transport does not answer");
        if (!error->code || !*error->code || !error->message || !*error->message)
            xueshi::fuzz::fail("a refused head has no code or message");
        return 0;
    }
    if (request.method.isEmpty() || request.method.contains(' '))
        xueshi::fuzz::fail("an accepted head has no method");
    if (!request.path.startsWith(QLatin1Char('/')) || request.path.contains(QChar(0)))
        xueshi::fuzz::fail("an accepted head has a path that is not absolute, or holds NUL");
    for (const QString &segment : request.path.split(QLatin1Char('/'))) {
        if (segment == QLatin1String(".."))
            xueshi::fuzz::fail("an accepted path holds a \"..\" segment");
    }
    if (request.headers.size() > limits.maxHeaderCount)
        xueshi::fuzz::fail("more headers than the limit were accepted");
    for (const auto &[name, value] : std::as_const(request.headers)) {
        if (name.isEmpty() || name != name.toLower())
            xueshi::fuzz::fail("a header name is empty or not lower-case");
        if (value.contains('\r') || value.contains('\n') || value.contains('\0'))
            xueshi::fuzz::fail("a header value holds a line break or NUL");
    }
    if (head.contentLength < 0)
        xueshi::fuzz::fail("a negative Content-Length was accepted");
    if ((request.method == "POST" || request.method == "PUT" || request.method == "PATCH")
        && request.header("content-length").isEmpty())
        xueshi::fuzz::fail("a body method without Content-Length was accepted");
    return 0;
}
