// Fuzzes the attendance CSV an institution imports (models/attendance.cpp): the RFC 4180 record
// reader, the offline preview that checks rows against a class's enrolments (masked ids only),
// and the second step that takes the server's answers for the ids it was asked about. Properties:
// no crash or sanitizer report; a file-level error comes with no rows; every row is exactly one of
// ok, awaiting the server, or in error, with a row number within the file; only ids the preview
// found well-formed are sent; after every answer no row awaits, and ok rows name a confirmed
// enrolment of the class, each at most once, with hours from 0 to the class's hours, a reason
// when fewer, and `absent` exactly at 0 hours.

#include "attendance.h"
#include "fuzzing.h"
#include "validators.h"

#include <QSet>
#include <QStringDecoder>

using namespace xueshi;

namespace {

const QString ClassId = QStringLiteral("7d5c1c8e-2f0a-4a57-9d0e-0d3c5b1f6a10");
constexpr int ClassHoursTenths = 240;

struct Person
{
    const char *enrolmentId;
    const char *name;
    const char *residentId;
    const char *status;
};

// The class as the preview knows it; the full ids are what the server would match against.
const Person People[] = {
    { "e-zhang", "张三", "44010619900101123X", "confirmed" },
    { "e-li", "李四", "440106198505054321", "confirmed" },
    { "e-wang-a", "王五", "440106197001011111", "confirmed" },
    { "e-wang-b", "王五", "440106197202022222", "confirmed" },
    { "e-chen", "陈六", "440106199909099999", "pending" },
    { "e-zhao", "赵七", "440106198808088888", "credited" },
};

QList<EnrolmentRef> enrolments()
{
    QList<EnrolmentRef> refs;
    for (const Person &p : People) {
        refs.append({ QString::fromLatin1(p.enrolmentId), ClassId, QString::fromUtf8(p.name),
            maskResidentId(QString::fromLatin1(p.residentId)), QString::fromLatin1(p.status) });
    }
    return refs;
}

// What the server answers for one id: the enrolment with that full id, or none; every fifth
// answer (by position) says the daily limit was reached.
ServerIdMatch serverAnswer(const QString &id, qsizetype position)
{
    if (position % 5 == 4)
        return { IdCheck::Limited, {} };
    for (const Person &p : People) {
        if (id.compare(QLatin1String(p.residentId), Qt::CaseInsensitive) == 0)
            return { IdCheck::Matched, QString::fromLatin1(p.enrolmentId) };
    }
    return { IdCheck::NotInClass, {} };
}

void checkRows(const AttendancePreview &preview, const QList<EnrolmentRef> &refs, bool answered)
{
    if (!preview.fileError.isEmpty()) {
        if (!preview.rows.isEmpty())
            fuzz::fail("a file-level error came with rows");
        return;
    }
    QSet<QString> matched;
    for (const AttendanceRow &row : preview.rows) {
        if (int(row.ok) + int(row.awaitingServer) + int(!row.error.isEmpty()) != 1)
            fuzz::fail("a row is not exactly one of ok, awaiting the server, in error");
        if (row.row < 2)
            fuzz::fail("a data row has the header's row number or less");
        if (answered && row.awaitingServer)
            fuzz::fail("a row still awaits the server after every answer");
        if (row.awaitingServer && !isWellFormedResidentId(row.residentId))
            fuzz::fail("a malformed resident id awaits the server");
        if (!row.ok)
            continue;
        bool known = false;
        for (const EnrolmentRef &e : refs)
            known = known || (e.enrolmentId == row.enrolmentId && e.status == u"confirmed");
        if (!known)
            fuzz::fail("an ok row names no confirmed enrolment of the class");
        if (matched.contains(row.enrolmentId))
            fuzz::fail("two ok rows name the same enrolment");
        matched.insert(row.enrolmentId);
        if (row.hoursTenths < 0 || row.hoursTenths > ClassHoursTenths)
            fuzz::fail("an ok row has hours outside 0 to the class's hours");
        if (row.hoursTenths < ClassHoursTenths && row.reason.trimmed().isEmpty())
            fuzz::fail("an ok row has fewer hours than the class without a reason");
        if (row.absent != (row.hoursTenths == 0))
            fuzz::fail("an ok row is marked absent without 0 hours, or the other way round");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialiseQt(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QList<EnrolmentRef> refs = enrolments();
    const QByteArray csv
        = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));

    QStringDecoder utf8(QStringDecoder::Utf8);
    const QString text = utf8.decode(csv);
    QList<QStringList> records;
    QString error;
    if (!parseCsvRecords(text, &records, &error) && error.isEmpty())
        fuzz::fail("the CSV reader refused a file without saying why");

    AttendancePreview preview = previewAttendance(csv, refs, ClassHoursTenths);
    checkRows(preview, refs, false);
    const QStringList ids = preview.idsAwaitingServer();
    QList<ServerIdMatch> answers;
    for (qsizetype i = 0; i < ids.size(); ++i)
        answers.append(serverAnswer(ids.at(i), i));
    applyServerMatches(&preview, answers, refs, ClassHoursTenths);
    checkRows(preview, refs, true);
    return 0;
}
