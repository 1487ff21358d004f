#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

class QTcpSocket;

namespace xueshi::test {

// A fresh, empty temporary directory path that lives until the process ends.
QString temporaryDirectory();

// Every entity cached in the client's local store file at `storePath` as "type id version data"
// (data as compact JSON), sorted: two stores hold the same data exactly when these are equal.
// Read through a connection of its own; empty when the file cannot be read.
QStringList cachedEntities(const QString &storePath);

// Reads one HTTP/1.1 answer framed by its Content-Length (none: the head alone) from `socket`,
// running the event loop for at most `timeoutMs`. Returns the head and body; what arrived, which
// may be incomplete, when the time ran out (see httpAnswerLength()).
QByteArray readHttpAnswer(QTcpSocket &socket, int timeoutMs);
// The length of the whole answer at the start of `bytes` (head, blank line and body), or -1 while
// it is incomplete.
qsizetype httpAnswerLength(const QByteArray &bytes);

// A gzip stream (RFC 1952) decompressed; empty when `data` is not a complete one.
QByteArray gunzip(const QByteArray &data);

} // namespace xueshi::test
