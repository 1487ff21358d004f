#pragma once

#include <QByteArray>
#include <QString>

namespace xueshi::test {

// A fresh, empty temporary directory path that lives until the process ends.
QString temporaryDirectory();

// A gzip stream (RFC 1952) decompressed; empty when `data` is not a complete one.
QByteArray gunzip(const QByteArray &data);

} // namespace xueshi::test
