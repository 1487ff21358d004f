#pragma once

#include "certificatepayload.h"
#include "servicecontext.h"
#include "sync/syncservice.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace xueshi::server {

class BindingService;
class PolicyService;
class SigningKeys;

// Certificates (继续教育证书, docs/sync.md "Certificates"): a learner asks for the certificate of
// a year (mutation certificate.request); the server judges the year with the same rule as the
// client (models' judgeYear, over the confirmed hour records, with the policy of the learner's
// employer's region) and, when it is passed, issues an immutable snapshot: the fields signed
// with the server's Ed25519 key into the QR payload (models/certificatepayload.h). More hours
// later give a new version of the same serial, which supersedes the former; the administrator
// may revoke the current version. A row's fields and payload are never changed: only its status
// and the times and reason of that status.
// Also publishes the signing keys (entity "signingKey") and answers the public lookups.
// Lock order: the learner's confirmed binding (shared), then the learner's serial of the year
// (certificate_serials), then that serial's certificates; a revocation takes the serial's row
// first too.
class CertificateService final
{
public:
    static constexpr int MaxReasonLength = 200;
    static constexpr int MinYear = 2000;
    static constexpr int MaxYear = 2100;

    CertificateService(ServiceContext &context, BindingService &bindings, PolicyService &policies,
        SigningKeys &keys, SyncService &sync);

    // At start: the signing keys on disk into the table (which one is current), and those not
    // yet in the feed published.
    void initialise();
    // `admin rotate-signing-key`: a new current key, published with the former one retired.
    std::optional<QString> rotateKey(QString *error);

    // GET /certificates/keys: {"keys":[{"keyId","publicKey","current","createdAt"}]}.
    QJsonObject publicKeys();
    // GET /certificates/{serial}: {"serial","versions":[{"certificateVersion","status",
    // "issuedOn","revokedReason"}]}; 400 for a malformed serial, 404 for an unknown one.
    QJsonObject publicStatus(const QString &serial);
    // POST /certificates/{serial}/revoke (administrator): revokes the current version with a
    // reason of 1 to 200 characters (trimmed). Returns {"serial","certificateVersion","status"}.
    // Throws ApiError: 403, 400, 404, 409 certificate_not_current.
    QJsonObject revoke(
        const AuthenticatedUser &caller, const QString &serial, const QString &reason);
    // `admin revoke-certificate SERIAL REASON`: the same without a caller; false with *error.
    bool revokeFromCommandLine(const QString &serial, const QString &reason, QString *error);

    // The entity as the feed carries it, or an empty object.
    QJsonObject certificateJson(const QString &serial, int certificateVersion);

private:
    struct Row
    {
        QString serial;
        int version = 0;
        QString learnerId;
        int year = 0;
        QString status;
        QString fieldsJson;
        QString payload;
        QString keyId;
        qint64 issuedAt = 0;
        std::optional<qint64> supersededAt;
        std::optional<qint64> revokedAt;
        QString revokedReason;
        qint64 feedVersion = 1;
    };

    QJsonObject request(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject revokeLocked(const QString &serial, const QString &reason, const QString &by);
    void publishKeys();
    // The learner's serial of `year`, locked; made (with a new serial) when there is none yet.
    QString lockSerial(const QString &learnerId, int year);
    QString newSerial(int year);
    QList<Row> rows(const QString &serial, bool lock);
    QJsonObject toJson(const Row &row) const;
    void publish(const Row &row);

    ServiceContext &m_context;
    BindingService &m_bindings;
    PolicyService &m_policies;
    SigningKeys &m_keys;
};

} // namespace xueshi::server
