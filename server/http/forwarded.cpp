#include "forwarded.h"

namespace xueshi::server {

namespace {

QHostAddress parsed(const QByteArray &text)
{
    const QHostAddress address(QString::fromLatin1(text.trimmed()));
    if (address.isNull())
        return {};
    // An IPv4 client of a dual-stack socket counts as the same address as over IPv4.
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

QHostAddress forwardedClient(const HttpRequest &request)
{
    if (!request.peer.isLoopback())
        return request.peer;
    const QHostAddress real = parsed(request.header("x-real-ip"));
    if (!real.isNull())
        return real;
    const QByteArray forwarded = request.header("x-forwarded-for");
    if (!forwarded.isEmpty()) {
        const QHostAddress last = parsed(forwarded.split(',').constLast());
        if (!last.isNull())
            return last;
    }
    return request.peer;
}

} // namespace xueshi::server
