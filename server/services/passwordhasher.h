#pragma once

#include <QByteArray>
#include <QString>

namespace xueshi::server {

// Argon2id password hashing (libsodium), in the self-describing crypto_pwhash_str format, so the
// cost can be raised later and old hashes still verify (and get rehashed at the next login).
// Slow by design: call it from a pool thread, never the event loop.
class PasswordHasher final
{
public:
    enum class Cost {
        Interactive, // production: libsodium's interactive limits (about 135 ms, 64 MiB)
        Minimal, // tests: the smallest Argon2id parameters, so suites with many logins stay fast
    };

    explicit PasswordHasher(Cost cost = Cost::Interactive);

    QByteArray hash(const QString &password) const;
    bool verify(const QByteArray &storedHash, const QString &password) const;
    bool needsRehash(const QByteArray &storedHash) const;
    // A valid hash of a random password, to spend the same time on unknown usernames.
    const QByteArray &dummyHash() const { return m_dummy; }

private:
    unsigned long long m_opsLimit;
    size_t m_memLimit;
    QByteArray m_dummy;
};

} // namespace xueshi::server
