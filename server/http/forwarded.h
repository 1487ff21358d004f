#pragma once

#include "httpmessage.h"

#include <QHostAddress>

namespace xueshi::server {

// Behind nginx (the upstream mode, docs/operations.md "Several servers behind nginx") every
// connection comes from the proxy on this machine. The client's address is the one nginx puts in
// X-Real-IP ($remote_addr), or else the last X-Forwarded-For entry ($proxy_add_x_forwarded_for
// appends $remote_addr after whatever the client claimed itself). The headers are believed only
// from a loopback peer: the upstream mode listens on loopback only, so that is the proxy. From
// any other peer, or without a valid header, the peer itself is the client.
QHostAddress forwardedClient(const HttpRequest &request);

} // namespace xueshi::server
