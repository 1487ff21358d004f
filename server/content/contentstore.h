#pragma once

#include <QByteArray>
#include <QString>

namespace xueshi::server {

// Files (lesson content, attachments) kept by the SHA-256 of their bytes under
// <data dir>/content/, written atomically; the same bytes are stored once.
class ContentStore final
{
public:
    explicit ContentStore(const QString &directory);

    // Stores the bytes and returns their lower-case hex SHA-256; empty on a write failure.
    QString put(const QByteArray &bytes);
    bool contains(const QString &sha256) const;
    // The absolute path of a stored file, or an empty string for an unknown or malformed hash.
    QString path(const QString &sha256) const;
    static bool isValidHash(const QString &sha256);

private:
    QString m_directory;
};

} // namespace xueshi::server
