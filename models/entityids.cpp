#include "entityids.h"

#include <QUuid>

namespace xueshi {

QString derivedId(const QString &kind, const QStringList &parts)
{
    // A fixed namespace of this product, so the ids never collide with another system's.
    static const QUuid ns(QStringLiteral("6f1d3c52-4b7e-4e0a-9a53-2c6f0b8e7d41"));
    const QString name = kind + QLatin1Char(':') + parts.join(QLatin1Char('/'));
    return QUuid::createUuidV5(ns, name).toString(QUuid::WithoutBraces);
}

} // namespace xueshi
