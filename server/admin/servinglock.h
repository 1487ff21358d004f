#pragma once

#include <QString>

namespace xueshi::server {

// The lock that tells `admin restore` a server is using a data directory: every serving process
// holds a shared flock(2) on <data dir>/server.lock for as long as it runs (several processes may
// share one data directory behind nginx), and a restore takes it exclusively, so it refuses while
// any server runs and no server starts while it restores. The kernel drops the lock when the
// process ends, however it ends: a crash never leaves a stale lock behind.
class ServingLock final
{
public:
    enum class Mode { Shared, Exclusive };

    ServingLock() = default;
    ~ServingLock();
    ServingLock(const ServingLock &) = delete;
    ServingLock &operator=(const ServingLock &) = delete;

    // Takes the lock without waiting: false (with the reason in *error) when it is held in a
    // conflicting mode by another process or another ServingLock of this one.
    bool acquire(const QString &dataDir, Mode mode, QString *error);
    void release();
    bool isHeld() const { return m_descriptor >= 0; }

    static QString fileName() { return QStringLiteral("server.lock"); }

private:
    int m_descriptor = -1;
};

} // namespace xueshi::server
