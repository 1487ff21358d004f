#pragma once

#include "certificatepayload.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xueshi {

struct CachedEntity;

// A certificate as the `certificate` entity of the feed carries it (docs/api.md): one version of
// a serial number, its status and its signed fields and payload, as issued.
struct IssuedCertificate
{
    QString id; // "<serial>-<certificateVersion>"
    QString serial;
    int certificateVersion = 0;
    QString learnerId;
    int year = 0;
    QString status; // current | superseded | revoked
    CertificateFields fields;
    QString payload; // the QR code's text
    QString keyId; // 16 hex digits
    QDateTime issuedAt;
    QDateTime supersededAt;
    QDateTime revokedAt;
    QString revokedReason;

    bool isCurrent() const { return status == QLatin1String("current"); }
    bool isRevoked() const { return status == QLatin1String("revoked"); }

    // Reads the entity's data; nothing when a field is missing or the parts disagree (the
    // serial and version of the row against those of the signed fields, a serial not of the
    // issued form), so nothing inconsistent is ever printed or cached.
    static std::optional<IssuedCertificate> fromJson(const QJsonObject &data);
};

// The learner's certificate of `year` among cached `certificate` entities: the current version,
// else the latest one (superseded or revoked, shown as such). Nothing when none was issued.
std::optional<IssuedCertificate> certificateOfYear(const QList<CachedEntity> &entities, int year);

} // namespace xueshi
