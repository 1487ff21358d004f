#include "contentstore.h"

#include "core/privatedirectory.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace xueshi::server {

ContentStore::ContentStore(const QString &directory)
    : m_directory(directory)
{
    // Attachments (proof of attendance) can hold personal data.
    makePrivateDirectory(m_directory);
}

bool ContentStore::isValidHash(const QString &sha256)
{
    if (sha256.size() != 64)
        return false;
    for (const QChar c : sha256) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                || (c >= QLatin1Char('a') && c <= QLatin1Char('f'))))
            return false;
    }
    return true;
}

QString ContentStore::put(const QByteArray &bytes)
{
    const QString hash
        = QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
    const QString target = QDir(m_directory).filePath(hash);
    if (QFileInfo::exists(target))
        return hash;
    QSaveFile file(target);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return {};
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return hash;
}

bool ContentStore::contains(const QString &sha256) const
{
    return !path(sha256).isEmpty();
}

QString ContentStore::path(const QString &sha256) const
{
    if (!isValidHash(sha256))
        return {};
    const QString p = QDir(m_directory).filePath(sha256);
    return QFileInfo::exists(p) ? p : QString();
}

} // namespace xueshi::server
