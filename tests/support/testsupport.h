#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace xueshi::test {

// A fresh, empty temporary directory path that lives until the process ends.
QString temporaryDirectory();

// Every entity cached in the client's local store file at `storePath` as "type id version data"
// (data as compact JSON), sorted: two stores hold the same data exactly when these are equal.
// Read through a connection of its own; empty when the file cannot be read.
QStringList cachedEntities(const QString &storePath);

// A gzip stream (RFC 1952) decompressed; empty when `data` is not a complete one.
QByteArray gunzip(const QByteArray &data);

} // namespace xueshi::test
