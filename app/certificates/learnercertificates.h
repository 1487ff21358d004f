#pragma once

#include "annualcertification.h"
#include "certificatepayload.h"

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xueshi {

class LocalStore;
class SyncEngine;

// The learner's 继续教育证书打印, read from the local store (R8): per year, the confirmed and
// pending hours by type judged against the year's policy (the same judgeYear the server runs
// when it issues), the hour records behind them and the certificates the server issued. Works
// offline on what the last sync brought.
class LearnerCertificates final
{
public:
    // A certificate as the server issued it (entity "certificate"): an immutable snapshot.
    struct Issued
    {
        QString id; // "<serial>-<certificateVersion>"
        QString status; // current | superseded | revoked
        QString revokedReason;
        CertificateFields fields;
        QString payload; // the signed QR payload
    };

    // `store` may be null (no local data): everything is empty then.
    LearnerCertificates(const LocalStore *store, QString learnerId);

    // Reads the store again (after a sync).
    void reload();

    // The years with hour records, and `today`'s year, newest first.
    QList<int> years(const QDate &today) const;
    // The region whose policy applies: that of the employer that confirmed the learner.
    QString regionCode() const { return m_regionCode; }
    YearPolicy policy(int year) const;
    YearJudgement judge(int year) const;
    // The year's hour records (feed JSON), confirmed first, then pending, then rejected.
    QList<QJsonObject> records(int year) const;
    // The year's latest issued certificate (the highest version), if any.
    std::optional<Issued> latest(int year) const;
    // Whether `issued` still says what the judgement says (same hours by type): when not, the
    // server must issue a new version before printing.
    static bool isUpToDate(const Issued &issued, const YearJudgement &judgement);

private:
    const LocalStore *m_store;
    QString m_learnerId;
    QString m_regionCode;
    QList<YearPolicy> m_policies;
    QList<QJsonObject> m_records;
    QList<Issued> m_certificates;
};

// Declares certificate.request (payload {"year"}) on the engine; it changes nothing locally:
// the certificate arrives with the next pull. Calling it again is harmless.
void registerCertificateMutations(SyncEngine *engine);
// Queues a request for the year's certificate. Returns the mutation id, or empty.
QString requestCertificate(SyncEngine *engine, int year);

} // namespace xueshi
