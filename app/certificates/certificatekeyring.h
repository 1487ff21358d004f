#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace xueshi {

struct CachedEntity;

// A server's certificate signing key as published in the `signingKey` entity.
struct SigningKey
{
    QByteArray keyId; // 8 bytes: signingKeyId(publicKey)
    QByteArray publicKey; // 32 bytes, Ed25519
    bool current = false; // the key the server signs new certificates with
    QDateTime firstSeen; // when this client first saw it (UTC)

    // {"keyId": 16 hex digits, "publicKey": base64, "current": bool}; nothing when the key is not
    // 32 bytes or the key id is not the public key's (a key id never stands for another key).
    static std::optional<SigningKey> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

// The signing keys this client has seen in sync, per server ("host:port"), kept in a JSON file
// of the client's data directory so certificates verify offline and without a login (the
// 证书验证 dialog, `xueshi --verify`). Keys are only ever added (a retired key still verifies
// the certificates signed before a rotation); `current` follows the server's latest word.
class CertificateKeyring final
{
public:
    // `path` is usually defaultPath(ClientCore::dataDirectory()). Loads the file if it exists.
    explicit CertificateKeyring(const QString &path);

    static QString defaultPath(const QString &dataDirectory);
    QString path() const { return m_path; }
    // Why the file could not be read or written, if it could not.
    QString lastError() const { return m_error; }

    // Re-reads the file (another client process may have added keys).
    bool reload();
    // Adds the keys of `serverKey` not known yet and updates `current`; saves when something
    // changed. Returns the number of keys added, or -1 when saving failed.
    int merge(const QString &serverKey, const QList<SigningKey> &keys);
    // The same from the cached `signingKey` entities of a local store (entries that are not
    // valid keys are skipped).
    int mergeEntities(const QString &serverKey, const QList<CachedEntity> &entities);

    QStringList servers() const;
    QList<SigningKey> keys(const QString &serverKey) const;
    // Every public key of every server, for verifyCertificate().
    QList<QByteArray> publicKeys() const;
    // The server whose key has this id, or empty.
    QString serverOf(const QByteArray &keyId) const;

private:
    bool save();

    QString m_path;
    QString m_error;
    QMap<QString, QList<SigningKey>> m_keys;
};

} // namespace xueshi
