#include "passwordhasher.h"

#include <sodium.h>
#include <stdexcept>

namespace xueshi::server {

PasswordHasher::PasswordHasher(Cost cost)
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not be initialised");
    if (cost == Cost::Interactive) {
        m_opsLimit = crypto_pwhash_OPSLIMIT_INTERACTIVE;
        m_memLimit = crypto_pwhash_MEMLIMIT_INTERACTIVE;
    } else {
        m_opsLimit = crypto_pwhash_OPSLIMIT_MIN;
        m_memLimit = crypto_pwhash_MEMLIMIT_MIN;
    }
    unsigned char random[16];
    randombytes_buf(random, sizeof random);
    m_dummy = hash(QString::fromLatin1(
        QByteArray(reinterpret_cast<const char *>(random), sizeof random).toHex()));
}

QByteArray PasswordHasher::hash(const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, utf8.constData(), size_t(utf8.size()), m_opsLimit, m_memLimit,
            crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        throw std::runtime_error("out of memory while hashing a password");
    }
    return QByteArray(out);
}

bool PasswordHasher::verify(const QByteArray &storedHash, const QString &password) const
{
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(storedHash.constData(), utf8.constData(), size_t(utf8.size()))
        == 0;
}

bool PasswordHasher::needsRehash(const QByteArray &storedHash) const
{
    return crypto_pwhash_str_needs_rehash(storedHash.constData(), m_opsLimit, m_memLimit) != 0;
}

} // namespace xueshi::server
