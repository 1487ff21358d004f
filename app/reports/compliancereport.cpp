#include "reports/compliancereport.h"

#include "validators.h"

#include <QAtomicInteger>
#include <QCollator>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>
#include <numeric>
#include <vector>

namespace xueshi {

namespace {

// Progress, in thousandths, at the end of each step.
constexpr int BindingsRead = 100;
constexpr int RecordsRead = 800;
constexpr int Judged = 950;
constexpr int ProgressStep = 5000; // records between two progress reports

ComplianceReport failed(ComplianceReport report, const QSqlQuery &query)
{
    report.ok = false;
    report.error = query.lastError().text();
    report.rows.clear();
    return report;
}

ComplianceReport cancelled(ComplianceReport report)
{
    report.ok = false;
    report.cancelled = true;
    report.rows.clear();
    return report;
}

QList<YearPolicy> cachedPolicies(const QSqlDatabase &database, bool *ok)
{
    QList<YearPolicy> policies;
    QSqlQuery q(database);
    q.setForwardOnly(true);
    *ok = q.exec(QStringLiteral("SELECT data FROM entities WHERE type = 'policy'"));
    while (*ok && q.next()) {
        const QJsonObject json = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
        const YearPolicy policy = YearPolicy::fromJson(json);
        if (policy.year > 0)
            policies.append(policy);
    }
    return policies;
}

// Orders the rows by name in the current locale's collation and numbers them in that order.
void rankByName(QList<ComplianceRow> &rows)
{
    QCollator collator;
    collator.setCaseSensitivity(Qt::CaseInsensitive);
    std::vector<QCollatorSortKey> keys;
    keys.reserve(size_t(rows.size()));
    for (const ComplianceRow &row : std::as_const(rows))
        keys.push_back(collator.sortKey(row.name));
    std::vector<int> order(size_t(rows.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
        [&keys](int a, int b) { return keys[size_t(a)].compare(keys[size_t(b)]) < 0; });
    QList<ComplianceRow> sorted;
    sorted.reserve(rows.size());
    for (int i : order) {
        sorted.append(std::move(rows[i]));
        sorted.last().nameRank = int(sorted.size()) - 1;
    }
    rows = std::move(sorted);
}

} // namespace

ComplianceReport buildComplianceReport(const QSqlDatabase &database, int year,
    const QString &regionCode, const ReportProgress &progress)
{
    ComplianceReport report;
    report.year = year;
    report.regionCode = regionCode;
    const auto report_ = [&progress](int permille) { return !progress || progress(permille); };

    bool policiesOk = false;
    const QList<YearPolicy> policies = cachedPolicies(database, &policiesOk);
    report.policy = policyFor(year, regionCode, policies);

    // The staff: confirmed bindings, the latest decision first should a stale second one linger.
    QSqlQuery q(database);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT id, json_extract(data, '$.learnerId'), json_extract(data, '$.learner.realName'),"
        " json_extract(data, '$.learner.residentId'),"
        " json_extract(data, '$.learner.professionalTitle'),"
        " json_extract(data, '$.learner.position')"
        " FROM entities WHERE type = 'binding' AND json_extract(data, '$.status') = 'confirmed'"
        " ORDER BY json_extract(data, '$.decidedAt') DESC, id"));
    if (!policiesOk || !q.exec())
        return failed(report, q);
    QHash<QString, int> rowOf;
    QList<QList<CountedRecord>> records;
    while (q.next()) {
        const QString learnerId = q.value(1).toString();
        if (learnerId.isEmpty() || rowOf.contains(learnerId))
            continue;
        ComplianceRow row;
        row.bindingId = q.value(0).toString();
        row.learnerId = learnerId;
        row.name = q.value(2).toString();
        row.residentIdMasked = maskResidentId(q.value(3).toString());
        row.professionalTitle = q.value(4).toString();
        row.position = q.value(5).toString();
        rowOf.insert(learnerId, int(report.rows.size()));
        report.rows.append(std::move(row));
        records.append(QList<CountedRecord>());
    }
    q.finish();
    if (!report_(BindingsRead))
        return cancelled(report);

    // Their hour records of the year, and the years of all records, in one scan (a second one
    // over 100,000 records would cost more than the rows of other years do). "+type" makes it
    // a scan of the table in file order: hour records are most of an employer's cache, and
    // fetching each through the primary key's index took twice as long.
    qint64 total = 0;
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM entities WHERE type = 'hourRecord'"))
        || !q.next())
        return failed(report, q);
    total = std::max<qint64>(1, q.value(0).toLongLong());
    q.finish();
    if (!q.exec(QStringLiteral(
            "SELECT json_extract(data, '$.year'), json_extract(data, '$.learnerId'),"
            " json_extract(data, '$.subjectType'), json_extract(data, '$.hoursTenths'),"
            " json_extract(data, '$.status') FROM entities WHERE +type = 'hourRecord'")))
        return failed(report, q);
    QSet<int> years;
    qint64 read = 0;
    while (q.next()) {
        if (++read % ProgressStep == 0
            && !report_(
                BindingsRead + int((RecordsRead - BindingsRead) * std::min(read, total) / total)))
            return cancelled(report);
        const int recordYear = q.value(0).toInt();
        years.insert(recordYear);
        if (recordYear != year)
            continue;
        const auto found = rowOf.constFind(q.value(1).toString());
        if (found == rowOf.constEnd())
            continue; // not (or no longer) on the staff
        records[*found].append(CountedRecord {
            year, q.value(2).toString(), q.value(3).toInt(), q.value(4).toString() });
        ++report.recordsRead;
    }
    for (int y : std::as_const(years)) {
        if (y >= 2000 && y <= 2100)
            report.recordYears.append(y);
    }
    std::sort(report.recordYears.begin(), report.recordYears.end(), std::greater<>());
    q.finish();
    if (!report_(RecordsRead))
        return cancelled(report);

    for (qsizetype i = 0; i < report.rows.size(); ++i) {
        ComplianceRow &row = report.rows[i];
        row.judgement = judgeYear(report.policy, records.at(i));
        const YearJudgement &j = row.judgement;
        (j.passed ? report.passedCount : report.notPassedCount) += 1;
        report.publicMetCount += j.publicShortTenths == 0 ? 1 : 0;
        report.professionalMetCount += j.professionalShortTenths == 0 ? 1 : 0;
        report.electiveMetCount += j.electiveShortTenths == 0 ? 1 : 0;
        report.totalMetCount += j.confirmed.totalTenths() >= report.policy.totalTenths ? 1 : 0;
    }
    if (!report_(Judged))
        return cancelled(report);
    rankByName(report.rows);
    report.ok = true;
    report_(1000);
    return report;
}

ComplianceReport loadComplianceReport(
    const QString &storePath, int year, const QString &regionCode, const ReportProgress &progress)
{
    static QAtomicInteger<quint64> counter;
    const QString name = QStringLiteral("xueshi-report-%1").arg(counter.fetchAndAddRelaxed(1));
    ComplianceReport report;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(storePath);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            // Read through the OS's page cache directly instead of copying every page into
            // SQLite's small cache (2 MB) on each scan.
            QSqlQuery(db).exec(QStringLiteral("PRAGMA mmap_size = 268435456"));
            report = buildComplianceReport(db, year, regionCode, progress);
        } else {
            report.year = year;
            report.regionCode = regionCode;
            report.error = db.lastError().text();
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return report;
}

QString ComplianceText::result(bool passed)
{
    return passed ? tr("Passed") : tr("Not passed");
}

QString ComplianceText::missing(const YearJudgement &judgement)
{
    return judgement.missingInWords().join(tr("; "));
}

QStringList ComplianceText::csvHeader()
{
    return { tr("Name"), tr("Resident ID"), tr("Professional title"), tr("Position"),
        tr("Public subjects (hours)"), tr("Professional subjects (hours)"),
        tr("Elective subjects (hours)"), tr("Total (hours)"), tr("Pending (hours)"), tr("Result"),
        tr("Missing") };
}

QStringList ComplianceText::csvRow(const ComplianceRow &row)
{
    const YearJudgement &j = row.judgement;
    return { row.name, row.residentIdMasked, row.professionalTitle, row.position,
        formatTenths(j.confirmed.publicTenths), formatTenths(j.confirmed.professionalTenths),
        formatTenths(j.confirmed.electiveTenths), formatTenths(j.confirmed.totalTenths()),
        formatTenths(j.pending.totalTenths()), result(j.passed), missing(j) };
}

QString csvField(const QString &value)
{
    QString field = value;
    if (!field.isEmpty()) {
        const QChar first = field.front();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t'
            || first == u'\r')
            field.prepend(u'\'');
    }
    const bool quote = field.contains(u',') || field.contains(u'"') || field.contains(u'\n')
        || field.contains(u'\r');
    if (!quote)
        return field;
    field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return u'"' + field + u'"';
}

QByteArray csvDocument(const QList<QStringList> &lines)
{
    QString text;
    for (const QStringList &line : lines) {
        QStringList fields;
        fields.reserve(line.size());
        for (const QString &value : line)
            fields.append(csvField(value));
        text += fields.join(u',');
        text += QStringLiteral("\r\n");
    }
    return QByteArrayLiteral("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace xueshi
