#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace xueshi::server {

// Makes sure `path` exists; one this creates is the owner's only (0700), whatever the umask, since
// the server's data (database, TLS key, uploaded attachments) lives below it. An existing
// directory keeps its mode: it may be shared on purpose (a parent like /var/lib) and the files
// inside are owner-only anyway. Returns false when the directory cannot be made.
inline bool makePrivateDirectory(const QString &path)
{
    if (QFileInfo(path).isDir())
        return true;
    const QString absolute = QDir(path).absolutePath();
    const QString parent = QFileInfo(absolute).absolutePath();
    if (!QDir().mkpath(parent))
        return false;
    constexpr auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner
        | QFileDevice::ExeOwner | QFileDevice::ReadUser | QFileDevice::WriteUser
        | QFileDevice::ExeUser;
    if (!QDir().mkdir(absolute, ownerOnly) && !QFileInfo(absolute).isDir())
        return false;
    return QFile::setPermissions(absolute, ownerOnly);
}

// True when others than the owner may enter or read the directory (group or other bits set).
inline bool isSharedDirectory(const QString &path)
{
    const QFileDevice::Permissions p = QFileInfo(path).permissions();
    return p
        & (QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther);
}

} // namespace xueshi::server
