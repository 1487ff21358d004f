#include "signingkeys.h"

#include "certificatepayload.h"
#include "core/privatedirectory.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

#include <algorithm>
#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

Q_LOGGING_CATEGORY(lcSigningKeys, "xueshi.server.signingkeys", QtInfoMsg)

namespace xueshi::server {

namespace {

const QString CurrentName = QStringLiteral("ed25519.key");
const QByteArray Magic = QByteArrayLiteral("xueshi-signing-key 1");

constexpr auto OwnerReadWrite = QFileDevice::ReadOwner | QFileDevice::WriteOwner
    | QFileDevice::ReadUser | QFileDevice::WriteUser;

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

// So a rename survives a power cut along with the file it names.
void syncDirectory(const QString &directory)
{
    const int fd = ::open(QFile::encodeName(directory).constData(), O_RDONLY | O_DIRECTORY);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

// Writes `contents` to `path` through a file created owner-only from the start and synced, so
// the secret key is never readable by others and a crash leaves no half-written key.
bool writePrivateFile(const QString &path, const QByteArray &contents, QString *error)
{
    const QString temporary = path + QStringLiteral(".tmp");
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, OwnerReadWrite))
        return fail(
            error, QStringLiteral("cannot create %1: %2").arg(temporary, file.errorString()));
    file.setPermissions(OwnerReadWrite); // also when the umask took bits the mode above gave
    const bool written
        = file.write(contents) == contents.size() && file.flush() && ::fsync(file.handle()) == 0;
    file.close();
    if (!written || !QFile::rename(temporary, path)) {
        QFile::remove(temporary);
        return fail(error, QStringLiteral("cannot write %1").arg(path));
    }
    return true;
}

} // namespace

SigningKeys::SigningKeys(const QString &directory)
    : m_directory(directory)
{ }

bool SigningKeys::initialise(const QDateTime &now, QString *error)
{
    if (sodium_init() < 0)
        return fail(error, QStringLiteral("libsodium cannot be initialised"));
    if (!makePrivateDirectory(m_directory))
        return fail(error, QStringLiteral("cannot create %1").arg(m_directory));
    // An existing directory keeps its mode in makePrivateDirectory; this one holds secret keys.
    QFile::setPermissions(m_directory,
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
            | QFileDevice::ReadUser | QFileDevice::WriteUser | QFileDevice::ExeUser);
    const QDir dir(m_directory);
    if (QFile::exists(dir.filePath(CurrentName)))
        return true;
    // A rotation cut off between its two renames left the new key under its temporary name.
    const QString pending = dir.filePath(CurrentName + QStringLiteral(".new"));
    if (read(pending) && QFile::rename(pending, dir.filePath(CurrentName))) {
        syncDirectory(m_directory);
        return true;
    }
    const std::optional<Key> made = generate(now, error);
    if (!made)
        return false;
    if (!writePrivateFile(dir.filePath(CurrentName),
            Magic + '\n' + made->createdAt.toString(Qt::ISODateWithMs).toLatin1() + '\n'
                + made->secretKey.toBase64() + '\n',
            error))
        return false;
    syncDirectory(m_directory);
    qCInfo(lcSigningKeys, "made the certificate signing key %s", qPrintable(made->keyIdHex()));
    return true;
}

std::optional<SigningKeys::Key> SigningKeys::generate(const QDateTime &now, QString *error)
{
    if (sodium_init() < 0) {
        fail(error, QStringLiteral("libsodium cannot be initialised"));
        return std::nullopt;
    }
    Key k;
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    k.secretKey.resize(crypto_sign_SECRETKEYBYTES);
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(k.publicKey.data()),
        reinterpret_cast<unsigned char *>(k.secretKey.data()));
    k.keyId = signingKeyId(k.publicKey);
    // Whole milliseconds, as the file keeps them.
    k.createdAt = QDateTime::fromMSecsSinceEpoch(now.toMSecsSinceEpoch(), Qt::UTC);
    return k;
}

std::optional<SigningKeys::Key> SigningKeys::read(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QList<QByteArray> lines = file.read(4096).split('\n');
    if (lines.size() < 3 || lines.at(0) != Magic) {
        qCWarning(lcSigningKeys, "%s is not a signing key file", qPrintable(path));
        return std::nullopt;
    }
    Key k;
    k.createdAt = QDateTime::fromString(QString::fromLatin1(lines.at(1)), Qt::ISODateWithMs);
    const auto secret
        = QByteArray::fromBase64Encoding(lines.at(2), QByteArray::AbortOnBase64DecodingErrors);
    if (!k.createdAt.isValid() || !secret || secret.decoded.size() != crypto_sign_SECRETKEYBYTES) {
        qCWarning(lcSigningKeys, "%s is not a signing key file", qPrintable(path));
        return std::nullopt;
    }
    k.secretKey = secret.decoded;
    k.publicKey.resize(crypto_sign_PUBLICKEYBYTES);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char *>(k.publicKey.data()),
        reinterpret_cast<const unsigned char *>(k.secretKey.constData()));
    k.keyId = signingKeyId(k.publicKey);
    return k;
}

QList<SigningKeys::Key> SigningKeys::keys() const
{
    QList<Key> out;
    const QDir dir(m_directory);
    if (std::optional<Key> current = read(dir.filePath(CurrentName))) {
        current->current = true;
        out.append(*current);
    }
    QList<Key> retired;
    for (const QString &name : dir.entryList({ QStringLiteral("retired-*.key") }, QDir::Files)) {
        if (std::optional<Key> k = read(dir.filePath(name))) {
            if (out.isEmpty() || k->keyId != out.first().keyId)
                retired.append(*k);
        }
    }
    std::sort(retired.begin(), retired.end(),
        [](const Key &a, const Key &b) { return a.createdAt > b.createdAt; });
    out.append(retired);
    return out;
}

std::optional<SigningKeys::Key> SigningKeys::current() const
{
    std::optional<Key> k = read(QDir(m_directory).filePath(CurrentName));
    if (k)
        k->current = true;
    return k;
}

std::optional<SigningKeys::Key> SigningKeys::rotate(const QDateTime &now, QString *error)
{
    const QDir dir(m_directory);
    const std::optional<Key> old = current();
    std::optional<Key> made = generate(now, error);
    if (!made)
        return std::nullopt;
    const QString pending = dir.filePath(CurrentName + QStringLiteral(".new"));
    if (!writePrivateFile(pending,
            Magic + '\n' + made->createdAt.toString(Qt::ISODateWithMs).toLatin1() + '\n'
                + made->secretKey.toBase64() + '\n',
            error))
        return std::nullopt;
    // The old key is renamed, never rewritten: its bytes stay those that signed.
    if (old
        && !QFile::rename(dir.filePath(CurrentName),
            dir.filePath(QStringLiteral("retired-%1.key").arg(old->keyIdHex())))) {
        QFile::remove(pending);
        fail(error, QStringLiteral("cannot retire the current signing key"));
        return std::nullopt;
    }
    if (!QFile::rename(pending, dir.filePath(CurrentName))) {
        fail(error, QStringLiteral("cannot install the new signing key"));
        return std::nullopt;
    }
    syncDirectory(m_directory);
    made->current = true;
    qCInfo(
        lcSigningKeys, "rotated the certificate signing key to %s", qPrintable(made->keyIdHex()));
    return made;
}

} // namespace xueshi::server
