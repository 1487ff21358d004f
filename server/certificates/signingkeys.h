#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace xueshi::server {

// The server's Ed25519 keys that sign certificates (models/certificatepayload.h), kept as files
// in `<data dir>/signing/` (a directory only the owner may enter, 0700; each file 0600):
// `ed25519.key` is the current key, `retired-<key id hex>.key` the keys it replaced, kept so a
// certificate signed before a rotation still verifies. Each file is three lines of text:
// "xueshi-signing-key 1", the creation time (ISO 8601 UTC) and the 64-byte secret key in base64.
// The files are the only copy of the secret keys: the database holds the public halves only.
// Read again on each call, so a rotation by `xueshi-server admin rotate-signing-key` reaches a
// server that is running.
class SigningKeys final
{
public:
    struct Key
    {
        QByteArray keyId; // 8 bytes (signingKeyId)
        QByteArray publicKey; // 32 bytes
        QByteArray secretKey; // 64 bytes
        QDateTime createdAt;
        bool current = false;
        QString keyIdHex() const { return QString::fromLatin1(keyId.toHex()); }
    };

    explicit SigningKeys(const QString &directory);

    // Makes the directory and, when there is no current key, a new one (at first start).
    bool initialise(const QDateTime &now, QString *error);
    // Every key: the current one first, then the retired ones, newest first. A file that cannot
    // be read is left out (with a warning in the log).
    QList<Key> keys() const;
    std::optional<Key> current() const;
    // Makes a new current key; the former one becomes retired. Returns the new key.
    std::optional<Key> rotate(const QDateTime &now, QString *error);

    QString directory() const { return m_directory; }

private:
    std::optional<Key> read(const QString &path) const;
    std::optional<Key> generate(const QDateTime &now, QString *error);

    QString m_directory;
};

} // namespace xueshi::server
