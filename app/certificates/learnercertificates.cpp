#include "certificates/learnercertificates.h"

#include "localstore.h"
#include "policies.h"
#include "syncengine.h"

#include <QJsonArray>

#include <algorithm>

namespace xueshi {

namespace {

const QString HourRecord = QStringLiteral("hourRecord");
const QString Certificate = QStringLiteral("certificate");
const QString RequestType = QStringLiteral("certificate.request");

int statusRank(const QString &status)
{
    if (status == QLatin1String("confirmed"))
        return 0;
    if (status == QLatin1String("pending"))
        return 1;
    return 2;
}

} // namespace

LearnerCertificates::LearnerCertificates(const LocalStore *store, QString learnerId)
    : m_store(store)
    , m_learnerId(std::move(learnerId))
{
    reload();
}

void LearnerCertificates::reload()
{
    m_regionCode.clear();
    m_policies.clear();
    m_records.clear();
    m_certificates.clear();
    if (!m_store)
        return;
    m_policies = cachedPolicies(m_store);
    m_regionCode = cachedLearnerRegion(m_store, m_learnerId);
    for (const CachedEntity &e : m_store->entities(HourRecord)) {
        if (e.data.value(QLatin1String("learnerId")).toString() == m_learnerId)
            m_records << e.data;
    }
    std::stable_sort(
        m_records.begin(), m_records.end(), [](const QJsonObject &a, const QJsonObject &b) {
            const int ra = statusRank(a.value(QLatin1String("status")).toString());
            const int rb = statusRank(b.value(QLatin1String("status")).toString());
            if (ra != rb)
                return ra < rb;
            return a.value(QLatin1String("startDate")).toString()
                > b.value(QLatin1String("startDate")).toString();
        });
    for (const CachedEntity &e : m_store->entities(Certificate)) {
        const std::optional<CertificateFields> fields
            = CertificateFields::fromJson(e.data.value(QLatin1String("fields")).toObject());
        if (!fields)
            continue;
        Issued issued;
        issued.id = e.id;
        issued.status = e.data.value(QLatin1String("status")).toString();
        issued.revokedReason = e.data.value(QLatin1String("revokedReason")).toString();
        issued.fields = *fields;
        issued.payload = e.data.value(QLatin1String("payload")).toString();
        m_certificates << issued;
    }
}

QList<int> LearnerCertificates::years(const QDate &today) const
{
    QList<int> years;
    if (today.isValid())
        years << today.year();
    for (const QJsonObject &r : m_records) {
        const int year = r.value(QLatin1String("year")).toInt();
        if (year > 0 && !years.contains(year))
            years << year;
    }
    std::sort(years.begin(), years.end(), std::greater<int>());
    return years;
}

YearPolicy LearnerCertificates::policy(int year) const
{
    return policyFor(year, m_regionCode, m_policies);
}

YearJudgement LearnerCertificates::judge(int year) const
{
    QList<CountedRecord> counted;
    counted.reserve(m_records.size());
    for (const QJsonObject &r : m_records) {
        counted << CountedRecord { r.value(QLatin1String("year")).toInt(),
            r.value(QLatin1String("subjectType")).toString(),
            r.value(QLatin1String("hoursTenths")).toInt(),
            r.value(QLatin1String("status")).toString() };
    }
    return judgeYear(policy(year), counted);
}

QList<QJsonObject> LearnerCertificates::records(int year) const
{
    QList<QJsonObject> out;
    for (const QJsonObject &r : m_records) {
        if (r.value(QLatin1String("year")).toInt() == year)
            out << r;
    }
    return out;
}

std::optional<LearnerCertificates::Issued> LearnerCertificates::latest(int year) const
{
    std::optional<Issued> best;
    for (const Issued &c : m_certificates) {
        if (c.fields.year == year && (!best || c.fields.version > best->fields.version))
            best = c;
    }
    return best;
}

bool LearnerCertificates::isUpToDate(const Issued &issued, const YearJudgement &judgement)
{
    const CertificateFields &f = issued.fields;
    return f.publicTenths == judgement.confirmed.publicTenths
        && f.professionalTenths == judgement.confirmed.professionalTenths
        && f.electiveTenths == judgement.confirmed.electiveTenths
        && f.totalTenths == judgement.confirmed.totalTenths();
}

void registerCertificateMutations(SyncEngine *engine)
{
    engine->registerMutationType(RequestType, Certificate, {});
}

QString requestCertificate(SyncEngine *engine, int year)
{
    registerCertificateMutations(engine);
    return engine->queueMutation(RequestType, QStringLiteral("request-%1").arg(year),
        QJsonObject { { QStringLiteral("year"), year } });
}

} // namespace xueshi
