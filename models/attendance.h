#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace xueshi {

// Resident ids of a class's learners as an institution may handle them (DESIGN.md, personal
// data: in full only to the person and their employer's HR office). The institution receives the
// masked id only (maskResidentId() of validators.h: first 6 and last 4 characters) and nothing
// from which the 8 hidden digits can be derived. So an attendance CSV's resident ids are matched
// in two steps: offline, what the masks and the file tell (a well-formed id, its mask among the
// class's enrolments, the hours, names, the same id twice); then the server says whose id it is
// (POST /classes/{id}/attendance-match, docs/sync.md), and only rows it matched are applied.

// What the preview knows of one enrolment of the class (from the `enrolment` entities).
struct EnrolmentRef
{
    QString enrolmentId;
    QString classId;
    QString learnerName;
    QString residentIdMasked; // 440106********1234
    QString status; // pending | confirmed | rejected | cancelled | credited | absent
};

// Where a row with a resident id stands in the matching.
enum class IdCheck {
    None, // the row has no resident id (matched by name), or the id failed offline
    Awaiting, // 待服务器核对: the id's mask is one of the class's; the server says whose it is
    Matched, // the server matched it to `enrolmentId`
    NotInClass, // the server found no enrolment of the class with this id
    Limited, // the server checks no more ids for this institution today
};

// One data row of an attendance CSV as previewed.
struct AttendanceRow
{
    int row = 0; // 1-based record number, the header being row 1
    // As written in the file (trimmed, upper case): held in memory only, to ask the server whose
    // it is; never stored or shown. Empty when the row has none.
    QString residentId;
    QString residentIdMasked; // shown instead of the id
    QString name; // as written in the file
    QString enrolmentId; // the matched enrolment, empty when none
    QString hoursCell; // the hours as written
    int hoursTenths = -1; // -1 when the hours could not be read
    bool absent = false; // hours of 0: the person did not attend
    QString reason; // the 备注 column
    IdCheck idCheck = IdCheck::None;
    bool ok = false; // matched and nothing to fix: applied by 应用
    bool awaitingServer = false; // nothing to fix offline, but the server must match the id first
    QString error; // names the row and the problem; empty when ok or awaiting the server
};

// The server's answer for one resident id sent for matching.
struct ServerIdMatch
{
    IdCheck check = IdCheck::NotInClass; // Matched, NotInClass or Limited
    QString enrolmentId; // when Matched
};

struct AttendancePreview
{
    // A problem with the whole file (not UTF-8, empty, a missing column): no rows then.
    QString fileError;
    QList<AttendanceRow> rows;

    int okCount() const;
    int errorCount() const;
    int awaitingCount() const;
    // The resident ids of the rows awaiting the server, in row order (what to send).
    QStringList idsAwaitingServer() const;
    // Nothing to fix and nothing to wait for: every row matched a confirmed enrolment.
    bool isClean() const
    {
        return fileError.isEmpty() && !rows.isEmpty() && errorCount() == 0 && awaitingCount() == 0;
    }
};

// Reads an attendance CSV: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting, a header row
// naming its columns in any order among 身份证号/residentId, 姓名/name, 学时/hours and optional
// 备注/reason (English names in any case). Hours are decimal with at most one decimal place.
// A row without a resident id is matched to `enrolments` by a name unique among them. A row with
// one is checked offline (a valid GB 11643 id, a mask some enrolment of the class has, not the
// same id as an earlier row) and then awaits the server (applyServerMatches()). Row errors:
// unknown person, ambiguous name, the same person again, malformed hours, hours above
// `classHoursTenths`, fewer hours (or 0: absent) without a reason, person not confirmed or
// already decided. Messages are translated (context "Attendance").
AttendancePreview previewAttendance(
    const QByteArray &csv, const QList<EnrolmentRef> &enrolments, int classHoursTenths);

// Takes the server's answers, in the order of idsAwaitingServer(), and judges those rows again
// against the matched enrolments. Answers beyond the rows awaiting are ignored; rows left without
// an answer keep awaiting.
void applyServerMatches(AttendancePreview *preview, const QList<ServerIdMatch> &answers,
    const QList<EnrolmentRef> &enrolments, int classHoursTenths);

// A resident id as the attendance check takes it: 18 characters, 17 digits and the GB 11643 check
// character, with a real birth date. (The region table is not consulted: the server compares.)
bool isWellFormedResidentId(const QString &id);

// RFC 4180 records of a decoded text (CRLF or LF line ends, quoted fields with commas, quotes and
// line breaks). Records that are entirely empty are kept as a single empty field. False with
// *error for a quote left open.
bool parseCsvRecords(const QString &text, QList<QStringList> *records, QString *error = nullptr);

// A cell of an exported CSV made safe for spreadsheet programs: text starting with =, +, -, @
// (or a tab or carriage return, which some programs skip before a formula) gets a leading
// apostrophe, so a learner's name or a reason is never run as a formula ("CSV injection").
QString neutralizeCsvCell(const QString &cell);

// A roster export: UTF-8 with a BOM (so spreadsheet programs show Chinese), CRLF line ends,
// every cell neutralised (neutralizeCsvCell()), fields quoted when they hold a comma, a quote or
// a line break (quotes doubled).
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows);

} // namespace xueshi
