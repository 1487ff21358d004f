#include "fingerprint.h"

#include <QCryptographicHash>

namespace xueshi {

QString sha256Fingerprint(const QByteArray &der)
{
    if (der.isEmpty())
        return {};
    return QString::fromLatin1(
        QCryptographicHash::hash(der, QCryptographicHash::Sha256).toHex(':').toUpper());
}

} // namespace xueshi
