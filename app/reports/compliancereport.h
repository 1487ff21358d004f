#pragma once

#include "annualcertification.h"
#include "policy.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <functional>

namespace xueshi {

// One staff member in the employer's report (统计报表): who they are, as their confirmed binding
// carries it (the resident id masked: the report is printed and exported), and their year judged
// by the one rule (judgeYear).
struct ComplianceRow
{
    QString learnerId;
    QString bindingId;
    QString name;
    QString residentIdMasked;
    QString professionalTitle;
    QString position;
    YearJudgement judgement;
    // The row's place when the rows are ordered by name in the current locale's collation
    // (pinyin for Chinese), computed once when the report is built so sorting by name compares
    // integers.
    int nameRank = 0;
};

// The employer's 统计报表 of one year: one row per staff member whose binding is confirmed,
// judged against the policy of the employer's region (policyFor). Staff whose binding ended,
// was withdrawn or is still pending are not listed.
struct ComplianceReport
{
    int year = 0;
    QString regionCode;
    YearPolicy policy;
    QList<ComplianceRow> rows; // ordered by name (nameRank)
    int passedCount = 0;
    int notPassedCount = 0;
    // How many staff meet each type's minimum (after the policy's substitution) and the total's.
    int publicMetCount = 0;
    int professionalMetCount = 0;
    int electiveMetCount = 0;
    int totalMetCount = 0;
    // The hour records of the year of the listed staff (any state).
    int recordsRead = 0;
    // The years of all the cached hour records (any person, any state), newest first: the
    // years worth a report.
    QList<int> recordYears;
    bool ok = false;
    bool cancelled = false;
    QString error; // when !ok (not translated: a database error)

    int staffCount() const { return int(rows.size()); }
};

// Called while a report is built with the work done so far, in thousandths; returns false to
// stop (the report comes back with `cancelled`).
using ReportProgress = std::function<bool(int permille)>;

// Builds the report of `year` from the employer's local store (`database`: LocalStore's
// connection or another one on the same file): the cached `binding`, `hourRecord` and `policy`
// entities. SQLite takes the fields out of the JSON (json_extract), so no entity is parsed here;
// the hour records of each person are judged with judgeYear under policyFor(year, regionCode,
// the cached policies). Use the database only from the thread that opened it.
ComplianceReport buildComplianceReport(const QSqlDatabase &database, int year,
    const QString &regionCode, const ReportProgress &progress = {});

// The same on a read-only connection of its own to the store file at `storePath`, so it can run
// on a worker thread while the LocalStore is used on the UI thread (the file is in WAL mode:
// the reader sees the last committed state). This connection maps the file into memory, which
// halves the time of the scan over the records.
ComplianceReport loadComplianceReport(const QString &storePath, int year, const QString &regionCode,
    const ReportProgress &progress = {});

// Texts of the report in the UI language, shared by the table, the CSV file and the printout.
class ComplianceText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::ComplianceText)

public:
    // 通过 / 不通过
    static QString result(bool passed);
    // What is missing, the lines of missingInWords() joined; empty when passed.
    static QString missing(const YearJudgement &judgement);
    // The column titles of the CSV file, in the order of csvRow().
    static QStringList csvHeader();
    static QStringList csvRow(const ComplianceRow &row);
};

// CSV (RFC 4180) that spreadsheets open safely. A field starting with = + - @, a tab or a
// carriage return gets a leading apostrophe, so Excel or LibreOffice never read it as a
// formula (CSV injection); a field holding a comma, a quote or a line break is quoted, with its
// quotes doubled.
QString csvField(const QString &value);
// The lines joined with CRLF, UTF-8 with a byte order mark (so Excel reads Chinese as UTF-8).
QByteArray csvDocument(const QList<QStringList> &lines);

} // namespace xueshi
