#include "servinglock.h"

#include <QDir>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace xueshi::server {

ServingLock::~ServingLock()
{
    release();
}

bool ServingLock::acquire(const QString &dataDir, Mode mode, QString *error)
{
    release();
    const QString path = QDir(dataDir).filePath(fileName());
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *error = QStringLiteral("cannot open %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (::flock(fd, (mode == Mode::Shared ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
        const int code = errno;
        ::close(fd);
        *error = code == EWOULDBLOCK
            ? (mode == Mode::Shared
                    ? QStringLiteral("a restore of the data directory %1 is under way").arg(dataDir)
                    : QStringLiteral("a server is running on the data directory %1 (it holds %2); "
                                     "stop it first")
                          .arg(dataDir, path))
            : QStringLiteral("cannot lock %1: %2")
                  .arg(path, QString::fromLocal8Bit(std::strerror(code)));
        return false;
    }
    m_descriptor = fd;
    return true;
}

void ServingLock::release()
{
    if (m_descriptor < 0)
        return;
    ::flock(m_descriptor, LOCK_UN);
    ::close(m_descriptor);
    m_descriptor = -1;
}

} // namespace xueshi::server
