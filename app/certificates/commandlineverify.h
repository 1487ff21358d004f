#pragma once

#include <QString>
#include <QStringList>
#include <QTextStream>

namespace xueshi {

class ClientCore;

// `xueshi --verify FILE [--key BASE64]... [--online]`: checks a certificate (a PDF or an image
// of its QR code) offline against the keys seen in sync and those given, writes the outcome and
// the fields in the current language to `out`, and returns 0 valid, 1 invalid or tampered, 2
// unreadable. With `online`, a valid one is also checked by serial number with the server whose
// key signed it (over its pinned certificate): revoked, or unknown to that server, returns 1.
int verifyFromCommandLine(ClientCore *core, const QString &path, const QStringList &extraKeys,
    bool online, QTextStream &out, QTextStream &err);

} // namespace xueshi
