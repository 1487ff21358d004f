#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace xueshi {

// Resident ids of a class's learners as an institution may handle them (DESIGN.md, personal
// data: in full only to the person and their employer's HR office). The server sends the
// institution the masked id and this digest; the attendance CSV's ids are hashed the same way on
// the institution's computer to find the enrolment, so the full id never travels to it.
// Lower-case hex SHA-256 of the UTF-8 text "<classId>:<RESIDENTID upper-case>", trimmed.
QString residentIdDigest(const QString &classId, const QString &residentId);
// The masked form shown with it is maskResidentId() of validators.h.

// What the preview knows of one enrolment of the class (from the `enrolment` entities).
struct EnrolmentRef
{
    QString enrolmentId;
    QString classId;
    QString learnerName;
    QString residentIdDigest;
    QString status; // pending | confirmed | rejected | cancelled | credited | absent
};

// One data row of an attendance CSV as previewed.
struct AttendanceRow
{
    int row = 0; // 1-based record number, the header being row 1
    QString residentIdMasked; // as written in the file, masked; empty when the file has none
    QString name; // as written in the file
    QString enrolmentId; // the matched enrolment, empty when none
    int hoursTenths = -1; // -1 when the hours could not be read
    bool absent = false; // hours of 0: the person did not attend
    QString reason; // the 备注 column
    bool ok = false;
    QString error; // names the row and the problem; empty when ok
};

struct AttendancePreview
{
    // A problem with the whole file (not UTF-8, empty, a missing column): no rows then.
    QString fileError;
    QList<AttendanceRow> rows;

    int okCount() const;
    int errorCount() const;
    // Nothing to fix: the file was read and every row matched a confirmed enrolment.
    bool isClean() const { return fileError.isEmpty() && !rows.isEmpty() && errorCount() == 0; }
};

// Reads an attendance CSV: UTF-8 with or without BOM, CRLF or LF, RFC 4180 quoting, a header row
// naming its columns in any order among 身份证号/residentId, 姓名/name, 学时/hours and optional
// 备注/reason (English names in any case). Hours are decimal with at most one decimal place.
// Rows are matched to `enrolments` by the resident id's digest when the row has an id, else by a
// name unique among the class's enrolments. Row errors: unknown person, ambiguous name, the same
// person again, malformed hours, hours above `classHoursTenths`, fewer hours (or 0: absent)
// without a reason, person not confirmed or already decided. Messages are translated
// (context "Attendance").
AttendancePreview previewAttendance(
    const QByteArray &csv, const QList<EnrolmentRef> &enrolments, int classHoursTenths);

// RFC 4180 records of a decoded text (CRLF or LF line ends, quoted fields with commas, quotes and
// line breaks). Records that are entirely empty are kept as a single empty field. False with
// *error for a quote left open.
bool parseCsvRecords(const QString &text, QList<QStringList> *records, QString *error = nullptr);

// A roster export: UTF-8 with a BOM (so spreadsheet programs show Chinese), CRLF line ends,
// fields quoted when they hold a comma, a quote or a line break (quotes doubled).
QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows);

} // namespace xueshi
