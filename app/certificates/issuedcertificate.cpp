#include "issuedcertificate.h"

#include "localstore.h"

namespace xueshi {

std::optional<IssuedCertificate> IssuedCertificate::fromJson(const QJsonObject &data)
{
    IssuedCertificate c;
    c.serial = data.value(QLatin1String("serial")).toString();
    c.certificateVersion = data.value(QLatin1String("certificateVersion")).toInt();
    c.learnerId = data.value(QLatin1String("learnerId")).toString();
    c.year = data.value(QLatin1String("year")).toInt();
    c.status = data.value(QLatin1String("status")).toString();
    c.payload = data.value(QLatin1String("payload")).toString();
    c.keyId = data.value(QLatin1String("keyId")).toString();
    c.revokedReason = data.value(QLatin1String("revokedReason")).toString();
    const auto time = [&data](const char *key) {
        return QDateTime::fromString(data.value(QLatin1String(key)).toString(), Qt::ISODate);
    };
    c.issuedAt = time("issuedAt");
    c.supersededAt = time("supersededAt");
    c.revokedAt = time("revokedAt");
    const auto fields = CertificateFields::fromJson(data.value(QLatin1String("fields")).toObject());
    if (!fields || !isCertificateSerial(c.serial) || fields->serial != c.serial
        || c.certificateVersion < 1 || fields->version != c.certificateVersion
        || fields->year != c.year || c.payload.isEmpty())
        return std::nullopt;
    static const QStringList Statuses { QStringLiteral("current"), QStringLiteral("superseded"),
        QStringLiteral("revoked") };
    if (!Statuses.contains(c.status))
        return std::nullopt;
    c.fields = *fields;
    c.id = c.serial + QLatin1Char('-') + QString::number(c.certificateVersion);
    return c;
}

std::optional<IssuedCertificate> certificateOfYear(const QList<CachedEntity> &entities, int year)
{
    std::optional<IssuedCertificate> best;
    for (const CachedEntity &entity : entities) {
        const auto certificate = IssuedCertificate::fromJson(entity.data);
        if (!certificate || certificate->year != year)
            continue;
        if (!best || (certificate->isCurrent() && !best->isCurrent())
            || (certificate->isCurrent() == best->isCurrent()
                && certificate->certificateVersion > best->certificateVersion))
            best = certificate;
    }
    return best;
}

} // namespace xueshi
