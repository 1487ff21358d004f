// Fuzzes the attendance CSV an institution imports (models/attendance.cpp): the RFC 4180 record
// reader and the preview that matches rows to a class's enrolments. Properties: no crash or
// sanitizer report; a file-level error comes with no rows; every row is either ok or carries an
// error, has a row number within the file, and ok rows name an enrolment of the class, each at
// most once, with hours from 0 to the class's hours and a reason when fewer.

#include "attendance.h"
#include "fuzzing.h"

#include <QSet>
#include <QStringDecoder>

using namespace xueshi;

namespace {

const QString ClassId = QStringLiteral("7d5c1c8e-2f0a-4a57-9d0e-0d3c5b1f6a10");
constexpr int ClassHoursTenths = 240;

QList<EnrolmentRef> enrolments()
{
    const auto ref
        = [](const char *id, const char *name, const char *residentId, const char *status) {
              return EnrolmentRef { QString::fromLatin1(id), ClassId, QString::fromUtf8(name),
                  residentIdDigest(ClassId, QString::fromLatin1(residentId)),
                  QString::fromLatin1(status) };
          };
    return { ref("e-zhang", "张三", "44010619900101123X", "confirmed"),
        ref("e-li", "李四", "440106198505054321", "confirmed"),
        ref("e-wang-a", "王五", "440106197001011111", "confirmed"),
        ref("e-wang-b", "王五", "440106197202022222", "confirmed"),
        ref("e-chen", "陈六", "440106199909099999", "pending"),
        ref("e-zhao", "赵七", "440106198808088888", "credited") };
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

    const AttendancePreview preview = previewAttendance(csv, refs, ClassHoursTenths);
    if (!preview.fileError.isEmpty()) {
        if (!preview.rows.isEmpty())
            fuzz::fail("a file-level error came with rows");
        return 0;
    }
    QSet<QString> matched;
    for (const AttendanceRow &row : preview.rows) {
        if (row.ok == !row.error.isEmpty())
            fuzz::fail("a row is neither ok nor in error, or both");
        if (row.row < 2)
            fuzz::fail("a data row has the header's row number or less");
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
    return 0;
}
