#include "certificatekeyring.h"

#include "certificatepayload.h"
#include "localstore.h"
#include "tokenstore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>

namespace xueshi {

namespace {

constexpr int FileFormat = 1;
// A keyring larger than this is not one this client wrote.
constexpr qint64 MaximumFileBytes = 1024 * 1024;
// Keys per server kept at most (a server rotating daily for years stays far below).
constexpr int MaximumKeysPerServer = 1000;

} // namespace

std::optional<SigningKey> SigningKey::fromJson(const QJsonObject &object)
{
    const QByteArray publicKey
        = QByteArray::fromBase64(object.value(QLatin1String("publicKey")).toString().toLatin1(),
            QByteArray::AbortOnBase64DecodingErrors);
    if (publicKey.size() != 32)
        return std::nullopt;
    const QByteArray keyId = signingKeyId(publicKey);
    const QString claimed = object.value(QLatin1String("keyId")).toString();
    if (!claimed.isEmpty()
        && claimed.compare(QString::fromLatin1(keyId.toHex()), Qt::CaseInsensitive) != 0)
        return std::nullopt;
    SigningKey key;
    key.keyId = keyId;
    key.publicKey = publicKey;
    key.current = object.value(QLatin1String("current")).toBool();
    key.firstSeen
        = QDateTime::fromString(object.value(QLatin1String("firstSeen")).toString(), Qt::ISODate);
    return key;
}

QJsonObject SigningKey::toJson() const
{
    QJsonObject object { { QStringLiteral("keyId"), QString::fromLatin1(keyId.toHex()) },
        { QStringLiteral("publicKey"), QString::fromLatin1(publicKey.toBase64()) },
        { QStringLiteral("current"), current } };
    if (firstSeen.isValid())
        object.insert(QStringLiteral("firstSeen"), firstSeen.toUTC().toString(Qt::ISODate));
    return object;
}

CertificateKeyring::CertificateKeyring(const QString &path)
    : m_path(path)
{
    reload();
}

QString CertificateKeyring::defaultPath(const QString &dataDirectory)
{
    return dataDirectory + QStringLiteral("/certificates/signing-keys.json");
}

bool CertificateKeyring::reload()
{
    m_keys.clear();
    m_error.clear();
    QFile file(m_path);
    if (!file.exists())
        return true;
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = file.errorString();
        return false;
    }
    if (file.size() > MaximumFileBytes) {
        m_error = QStringLiteral("the keyring file is too large");
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()
        || document.object().value(QLatin1String("format")).toInt() != FileFormat) {
        m_error = QStringLiteral("the keyring file is not readable");
        return false;
    }
    const QJsonObject servers = document.object().value(QLatin1String("servers")).toObject();
    for (auto it = servers.constBegin(); it != servers.constEnd(); ++it) {
        QList<SigningKey> keys;
        for (const QJsonValue &value : it.value().toArray()) {
            if (const auto key = SigningKey::fromJson(value.toObject()))
                keys.append(*key);
        }
        m_keys.insert(it.key(), keys);
    }
    return true;
}

int CertificateKeyring::merge(const QString &serverKey, const QList<SigningKey> &incoming)
{
    if (serverKey.isEmpty())
        return 0;
    // Another process (a second client window, `--verify`) may have written in the meantime.
    reload();
    QList<SigningKey> &known = m_keys[serverKey];
    bool changed = false;
    int added = 0;
    for (const SigningKey &key : incoming) {
        const auto found = std::find_if(
            known.begin(), known.end(), [&](const SigningKey &k) { return k.keyId == key.keyId; });
        if (found != known.end()) {
            if (found->current != key.current) {
                found->current = key.current;
                changed = true;
            }
            continue;
        }
        if (known.size() >= MaximumKeysPerServer)
            continue;
        SigningKey stored = key;
        if (!stored.firstSeen.isValid())
            stored.firstSeen = QDateTime::currentDateTimeUtc();
        known.append(stored);
        ++added;
        changed = true;
    }
    if (known.isEmpty())
        m_keys.remove(serverKey);
    if (changed && !save())
        return -1;
    return added;
}

int CertificateKeyring::mergeEntities(const QString &serverKey, const QList<CachedEntity> &entities)
{
    QList<SigningKey> keys;
    for (const CachedEntity &entity : entities) {
        if (const auto key = SigningKey::fromJson(entity.data))
            keys.append(*key);
    }
    if (keys.isEmpty())
        return 0;
    return merge(serverKey, keys);
}

QStringList CertificateKeyring::servers() const
{
    return m_keys.keys();
}

QList<SigningKey> CertificateKeyring::keys(const QString &serverKey) const
{
    return m_keys.value(serverKey);
}

QList<QByteArray> CertificateKeyring::publicKeys() const
{
    QList<QByteArray> all;
    for (const QList<SigningKey> &keys : m_keys) {
        for (const SigningKey &key : keys)
            all.append(key.publicKey);
    }
    return all;
}

QString CertificateKeyring::serverOf(const QByteArray &keyId) const
{
    for (auto it = m_keys.constBegin(); it != m_keys.constEnd(); ++it) {
        for (const SigningKey &key : it.value()) {
            if (key.keyId == keyId)
                return it.key();
        }
    }
    return {};
}

bool CertificateKeyring::save()
{
    QJsonObject servers;
    for (auto it = m_keys.constBegin(); it != m_keys.constEnd(); ++it) {
        QJsonArray keys;
        for (const SigningKey &key : it.value())
            keys.append(key.toJson());
        servers.insert(it.key(), keys);
    }
    const QJsonObject root { { QStringLiteral("format"), FileFormat },
        { QStringLiteral("servers"), servers } };
    return privatefiles::write(m_path, QJsonDocument(root).toJson(), &m_error);
}

} // namespace xueshi
