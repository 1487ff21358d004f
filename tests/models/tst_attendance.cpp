// The attendance CSV an institution imports to confirm hours (models/attendance.h): encoding,
// header, matching by unique name offline and by resident id through the server's answers (the
// institution has masked ids only), row errors that name the row, and the roster CSV written for
// spreadsheet programs with formula-like cells neutralised.
#include "attendance.h"
#include "validators.h"

#include <QTest>

using namespace xueshi;

namespace {

const QString ClassId = QStringLiteral("7d5c1c8e-2f0a-4a57-9d0e-0d3c5b1f6a10");
const QString ZhangId = QStringLiteral("44010619900101118X");
const QString LiId = QStringLiteral("440106198505054322");
const QString WangAId = QStringLiteral("440106197001011113");
const QString WangBId = QStringLiteral("440106197202022222");
const QString ChenId = QStringLiteral("440106199909099994");
constexpr int ClassHours = 240; // 24.0 hours

EnrolmentRef ref(const QString &id, const QString &name, const QString &residentId,
    const QString &status = QStringLiteral("confirmed"))
{
    return { id, ClassId, name, maskResidentId(residentId), status };
}

QList<EnrolmentRef> enrolments()
{
    return { ref(QStringLiteral("e-zhang"), QStringLiteral("张三"), ZhangId),
        ref(QStringLiteral("e-li"), QStringLiteral("李四"), LiId),
        ref(QStringLiteral("e-wang-a"), QStringLiteral("王五"), WangAId),
        ref(QStringLiteral("e-wang-b"), QStringLiteral("王五"), WangBId),
        ref(QStringLiteral("e-chen"), QStringLiteral("陈六"), ChenId, QStringLiteral("pending")) };
}

AttendancePreview preview(const QString &text)
{
    return previewAttendance(text.toUtf8(), enrolments(), ClassHours);
}

ServerIdMatch matched(const QString &enrolmentId)
{
    return { IdCheck::Matched, enrolmentId };
}

// The preview once the server has answered for its rows awaiting it.
AttendancePreview answered(AttendancePreview p, const QList<ServerIdMatch> &answers)
{
    applyServerMatches(&p, answers, enrolments(), ClassHours);
    return p;
}

} // namespace

class TestAttendance : public QObject
{
    Q_OBJECT

private slots:
    void wellFormedId_checksDigitAndDate();
    void mask_keepsSixAndFour();
    void preview_idRows_awaitServer_untilMatched();
    void preview_idMaskNotInClass_decidedOffline();
    void preview_invalidOrRepeatedId_rowErrors_notSent();
    void preview_awaitingRow_hoursProblem_notSent();
    void preview_matchesByIdOrName_withOrWithoutBom();
    void preview_crlfAndLf_same();
    void preview_gbkBytes_wholeFileError();
    void preview_missingColumns_wholeFileError();
    void preview_englishHeaders_anyOrder();
    void preview_unknownPeople_rowErrors();
    void preview_ambiguousName_rowError();
    void preview_duplicatePerson_secondRowError();
    void preview_malformedHours_data();
    void preview_malformedHours();
    void preview_hoursAboveClass_rowError();
    void preview_fewerHoursOrAbsent_needReason();
    void preview_notConfirmedOrDecided_rowErrors();
    void preview_quotedFields_keepRowNumbers();
    void preview_unclosedQuote_fileError();
    void writeCsv_bomCrlfQuoting_roundTrips();
    void writeCsv_formulaCells_neutralised();
};

void TestAttendance::wellFormedId_checksDigitAndDate()
{
    QVERIFY(isWellFormedResidentId(ZhangId));
    QVERIFY(isWellFormedResidentId(LiId));
    QVERIFY(!isWellFormedResidentId(QStringLiteral("440106199001011181"))); // check character
    QVERIFY(!isWellFormedResidentId(QStringLiteral("440106199002301186"))); // 30 February
    QVERIFY(!isWellFormedResidentId(QStringLiteral("44010619900101118")));
    QVERIFY(!isWellFormedResidentId(QString()));
}

void TestAttendance::preview_idRows_awaitServer_untilMatched()
{
    const AttendancePreview p = preview(QStringLiteral("身份证号,姓名,学时,备注\n"
                                                       "%1,张三,24,\n"
                                                       ",李四,24,\n"
                                                       "%2,,20,迟到\n"
                                                       "%3,王五,24,\n")
                                            .arg(ZhangId.toLower(), WangAId, WangBId));
    QVERIFY2(p.fileError.isEmpty(), qPrintable(p.fileError));
    QCOMPARE(p.rows.size(), 4);
    // Offline only the name row is decided; the id rows wait for the server, with no error.
    QCOMPARE(p.okCount(), 1);
    QCOMPARE(p.errorCount(), 0);
    QCOMPARE(p.awaitingCount(), 3);
    QVERIFY(!p.isClean());
    QVERIFY(p.rows.at(1).ok);
    for (int i : { 0, 2, 3 }) {
        QVERIFY(p.rows.at(i).awaitingServer);
        QVERIFY(!p.rows.at(i).ok);
        QVERIFY(p.rows.at(i).enrolmentId.isEmpty());
        QCOMPARE(p.rows.at(i).idCheck, IdCheck::Awaiting);
    }
    QCOMPARE(p.idsAwaitingServer(), (QStringList { ZhangId, WangAId, WangBId }));

    // The server's answers, in that order.
    const AttendancePreview a = answered(p,
        { matched(QStringLiteral("e-zhang")), { IdCheck::NotInClass, {} },
            { IdCheck::Limited, {} } });
    QCOMPARE(a.awaitingCount(), 0);
    QVERIFY2(a.rows.at(0).ok, qPrintable(a.rows.at(0).error));
    QCOMPARE(a.rows.at(0).enrolmentId, QStringLiteral("e-zhang"));
    QVERIFY(a.rows.at(1).ok);
    QVERIFY(!a.rows.at(2).ok);
    QVERIFY2(a.rows.at(2).error.startsWith(QLatin1String("Row 4:"))
            && a.rows.at(2).error.contains(maskResidentId(WangAId)),
        qPrintable(a.rows.at(2).error));
    QVERIFY(!a.rows.at(3).ok);
    QVERIFY2(a.rows.at(3).error.contains(QLatin1String("today")), qPrintable(a.rows.at(3).error));
    QCOMPARE(a.okCount(), 2);
    QCOMPARE(a.errorCount(), 2);

    // A server match is judged like any other: 陈六 is not confirmed.
    const AttendancePreview chen
        = answered(preview(QStringLiteral("身份证号,学时\n%1,24\n").arg(ChenId)),
            { matched(QStringLiteral("e-chen")) });
    QVERIFY2(chen.rows.at(0).error.contains(QLatin1String("not confirmed")),
        qPrintable(chen.rows.at(0).error));
    // Fewer answers than rows: the rest keep waiting.
    const AttendancePreview partly = answered(p, { matched(QStringLiteral("e-zhang")) });
    QCOMPARE(partly.awaitingCount(), 2);
    QCOMPARE(partly.idsAwaitingServer(), (QStringList { WangAId, WangBId }));
}

void TestAttendance::preview_idMaskNotInClass_decidedOffline()
{
    // A valid id whose mask no enrolment has: no learner of the class can have it, which the
    // masks already say, so it is not sent.
    const QString stranger = QStringLiteral("440106198808088888");
    QVERIFY(isWellFormedResidentId(stranger));
    const AttendancePreview p = preview(QStringLiteral("身份证号,学时\n%1,24\n").arg(stranger));
    QCOMPARE(p.rows.size(), 1);
    QVERIFY(!p.rows.first().awaitingServer);
    QVERIFY(p.idsAwaitingServer().isEmpty());
    QVERIFY2(p.rows.first().error.contains(QLatin1String("no learner")),
        qPrintable(p.rows.first().error));
}

void TestAttendance::preview_invalidOrRepeatedId_rowErrors_notSent()
{
    const AttendancePreview p = preview(QStringLiteral("身份证号,学时\n"
                                                       "440106199001011181,24\n"
                                                       "%1,24\n"
                                                       "%1,24\n")
                                            .arg(ZhangId));
    QCOMPARE(p.rows.size(), 3);
    QVERIFY2(
        p.rows.at(0).error.contains(QLatin1String("not a valid")), qPrintable(p.rows.at(0).error));
    QVERIFY(!p.rows.at(0).error.contains(QLatin1String("440106199001011181")));
    QVERIFY(p.rows.at(1).awaitingServer);
    QVERIFY2(p.rows.at(2).error.startsWith(QLatin1String("Row 4:"))
            && p.rows.at(2).error.contains(QLatin1String("row 3")),
        qPrintable(p.rows.at(2).error));
    QCOMPARE(p.idsAwaitingServer(), QStringList { ZhangId });
}

void TestAttendance::preview_awaitingRow_hoursProblem_notSent()
{
    // What is wrong with the hours is said offline, and such a row is not sent to the server.
    const AttendancePreview p = preview(QStringLiteral("身份证号,学时,备注\n"
                                                       "%1,abc,\n"
                                                       "%2,30,\n"
                                                       "%3,12,\n")
                                            .arg(ZhangId, LiId, WangAId));
    QCOMPARE(p.errorCount(), 3);
    QVERIFY(p.idsAwaitingServer().isEmpty());
    QVERIFY(p.rows.at(0).error.contains(QLatin1String("\"abc\"")));
    QVERIFY(p.rows.at(1).error.contains(QLatin1String("more than")));
    QVERIFY(p.rows.at(2).error.contains(QLatin1String("reason")));
}

void TestAttendance::mask_keepsSixAndFour()
{
    QCOMPARE(maskResidentId(ZhangId), QStringLiteral("440106********118X"));
}

void TestAttendance::preview_matchesByIdOrName_withOrWithoutBom()
{
    const QString text = QStringLiteral("身份证号,姓名,学时,备注\n"
                                        "%1,张三,24,\n"
                                        ",李四,24.0,\n")
                             .arg(ZhangId);
    for (const QByteArray &bytes : { text.toUtf8(), QByteArray("\xEF\xBB\xBF") + text.toUtf8() }) {
        const AttendancePreview offline = previewAttendance(bytes, enrolments(), ClassHours);
        QVERIFY2(offline.fileError.isEmpty(), qPrintable(offline.fileError));
        QCOMPARE(offline.awaitingCount(), 1);
        const AttendancePreview p = answered(offline, { matched(QStringLiteral("e-zhang")) });
        QCOMPARE(p.rows.size(), 2);
        QVERIFY(p.isClean());
        QCOMPARE(p.rows.at(0).row, 2);
        QCOMPARE(p.rows.at(0).enrolmentId, QStringLiteral("e-zhang"));
        QCOMPARE(p.rows.at(0).hoursTenths, 240);
        QCOMPARE(p.rows.at(0).residentIdMasked, QStringLiteral("440106********118X"));
        QCOMPARE(p.rows.at(1).row, 3);
        QCOMPARE(p.rows.at(1).enrolmentId, QStringLiteral("e-li"));
        QCOMPARE(p.rows.at(1).hoursTenths, 240);
    }
}

void TestAttendance::preview_crlfAndLf_same()
{
    const QString lf = QStringLiteral("姓名,学时\n张三,24\n李四,12,\n\n");
    QString crlf = lf;
    crlf.replace(QLatin1String("\n"), QLatin1String("\r\n"));
    const AttendancePreview a = preview(lf);
    const AttendancePreview b = preview(crlf);
    QCOMPARE(a.rows.size(), 2);
    QCOMPARE(b.rows.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(a.rows.at(i).row, b.rows.at(i).row);
        QCOMPARE(a.rows.at(i).enrolmentId, b.rows.at(i).enrolmentId);
        QCOMPARE(a.rows.at(i).hoursTenths, b.rows.at(i).hoursTenths);
        QCOMPARE(a.rows.at(i).error, b.rows.at(i).error);
    }
    QCOMPARE(b.rows.at(1).hoursTenths, 120);
}

void TestAttendance::preview_gbkBytes_wholeFileError()
{
    // "姓名,学时\r\n张三,24\r\n" as a spreadsheet program saves it in GBK.
    const QByteArray gbk("\xD0\xD5\xC3\xFB,\xD1\xA7\xCA\xB1\r\n\xD5\xC5\xC8\xFD,24\r\n");
    const AttendancePreview p = previewAttendance(gbk, enrolments(), ClassHours);
    QVERIFY(p.rows.isEmpty());
    QVERIFY2(p.fileError.contains(QLatin1String("UTF-8")), qPrintable(p.fileError));
    QVERIFY(!p.isClean());
}

void TestAttendance::preview_missingColumns_wholeFileError()
{
    AttendancePreview p = preview(QStringLiteral("姓名,身份证号\n张三,%1\n").arg(ZhangId));
    QVERIFY(p.rows.isEmpty());
    QVERIFY2(p.fileError.contains(QStringLiteral("学时")), qPrintable(p.fileError));

    p = preview(QStringLiteral("学时,备注\n24,\n"));
    QVERIFY(p.rows.isEmpty());
    QVERIFY2(p.fileError.contains(QStringLiteral("身份证号")), qPrintable(p.fileError));

    p = preview(QString());
    QVERIFY(!p.fileError.isEmpty());

    p = preview(QStringLiteral("姓名,学时,name\n张三,24,张三\n"));
    QVERIFY2(p.fileError.contains(QLatin1String("twice")), qPrintable(p.fileError));
}

void TestAttendance::preview_englishHeaders_anyOrder()
{
    const AttendancePreview p = answered(
        preview(QStringLiteral("Hours,Reason,ResidentID\n20,late twice,%1\n").arg(ZhangId)),
        { matched(QStringLiteral("e-zhang")) });
    QVERIFY2(p.fileError.isEmpty(), qPrintable(p.fileError));
    QCOMPARE(p.rows.size(), 1);
    QVERIFY2(p.rows.first().ok, qPrintable(p.rows.first().error));
    QCOMPARE(p.rows.first().hoursTenths, 200);
    QCOMPARE(p.rows.first().reason, QStringLiteral("late twice"));
    QCOMPARE(p.rows.first().name, QStringLiteral("张三"));
}

void TestAttendance::preview_unknownPeople_rowErrors()
{
    const AttendancePreview p = preview(QStringLiteral("身份证号,姓名,学时\n"
                                                       "440106200001011234,,24\n"
                                                       ",赵七,24\n"
                                                       ",,24\n"));
    QCOMPARE(p.rows.size(), 3);
    QCOMPARE(p.errorCount(), 3);
    QVERIFY(p.rows.at(0).enrolmentId.isEmpty());
    QVERIFY2(
        p.rows.at(0).error.startsWith(QLatin1String("Row 2:")), qPrintable(p.rows.at(0).error));
    QVERIFY(p.rows.at(0).error.contains(QLatin1String("440106********1234")));
    QVERIFY(!p.rows.at(0).error.contains(QLatin1String("440106200001011234")));
    QVERIFY2(
        p.rows.at(1).error.startsWith(QLatin1String("Row 3:")), qPrintable(p.rows.at(1).error));
    QVERIFY(p.rows.at(1).error.contains(QStringLiteral("赵七")));
    QVERIFY2(
        p.rows.at(2).error.startsWith(QLatin1String("Row 4:")), qPrintable(p.rows.at(2).error));
}

void TestAttendance::preview_ambiguousName_rowError()
{
    const AttendancePreview p = answered(
        preview(QStringLiteral("姓名,身份证号,学时\n王五,,24\n王五,%1,24\n").arg(WangBId)),
        { matched(QStringLiteral("e-wang-b")) });
    QCOMPARE(p.rows.size(), 2);
    QVERIFY(!p.rows.at(0).ok);
    QVERIFY2(
        p.rows.at(0).error.startsWith(QLatin1String("Row 2:")), qPrintable(p.rows.at(0).error));
    QVERIFY(p.rows.at(0).error.contains(QLatin1String("2 learners")));
    // With the id the same name is no longer ambiguous.
    QVERIFY2(p.rows.at(1).ok, qPrintable(p.rows.at(1).error));
    QCOMPARE(p.rows.at(1).enrolmentId, QStringLiteral("e-wang-b"));
}

void TestAttendance::preview_duplicatePerson_secondRowError()
{
    const AttendancePreview p
        = answered(preview(QStringLiteral("姓名,身份证号,学时\n张三,,24\n,%1,24\n").arg(ZhangId)),
            { matched(QStringLiteral("e-zhang")) });
    QCOMPARE(p.rows.size(), 2);
    QVERIFY(p.rows.at(0).ok);
    QVERIFY(!p.rows.at(1).ok);
    QCOMPARE(p.rows.at(1).enrolmentId, QStringLiteral("e-zhang"));
    QVERIFY2(
        p.rows.at(1).error.startsWith(QLatin1String("Row 3:")), qPrintable(p.rows.at(1).error));
    QVERIFY2(p.rows.at(1).error.contains(QLatin1String("row 2")), qPrintable(p.rows.at(1).error));
}

void TestAttendance::preview_malformedHours_data()
{
    QTest::addColumn<QString>("hours");
    QTest::addColumn<QString>("expectedInError");
    QTest::newRow("letters") << QStringLiteral("abc") << QStringLiteral("\"abc\"");
    QTest::newRow("two decimals") << QStringLiteral("1.25") << QStringLiteral("\"1.25\"");
    QTest::newRow("negative") << QStringLiteral("-3") << QStringLiteral("\"-3\"");
    QTest::newRow("empty") << QString() << QStringLiteral("missing");
    QTest::newRow("comma decimal") << QStringLiteral("\"2,5\"") << QStringLiteral("\"2,5\"");
    QTest::newRow("trailing dot") << QStringLiteral("24.") << QStringLiteral("\"24.\"");
}

void TestAttendance::preview_malformedHours()
{
    QFETCH(QString, hours);
    QFETCH(QString, expectedInError);
    const AttendancePreview p
        = preview(QStringLiteral("姓名,学时,备注\n李四,24,\n张三,%1,有事\n").arg(hours));
    QCOMPARE(p.rows.size(), 2);
    QVERIFY(p.rows.at(0).ok);
    const AttendanceRow &row = p.rows.at(1);
    QVERIFY(!row.ok);
    QCOMPARE(row.hoursTenths, -1);
    QVERIFY2(row.error.startsWith(QLatin1String("Row 3:")), qPrintable(row.error));
    QVERIFY2(row.error.contains(expectedInError), qPrintable(row.error));
}

void TestAttendance::preview_hoursAboveClass_rowError()
{
    const AttendancePreview p = preview(QStringLiteral("姓名,学时\n李四,24.1\n"));
    QCOMPARE(p.rows.size(), 1);
    QVERIFY(!p.rows.first().ok);
    QCOMPARE(p.rows.first().hoursTenths, 241);
    QVERIFY2(p.rows.first().error.contains(QLatin1String("24.1"))
            && p.rows.first().error.contains(QLatin1String("24.0")),
        qPrintable(p.rows.first().error));
}

void TestAttendance::preview_fewerHoursOrAbsent_needReason()
{
    const AttendancePreview p = preview(QStringLiteral("姓名,学时,备注\n"
                                                       "李四,12,\n"
                                                       "张三,0,\n"));
    QCOMPARE(p.errorCount(), 2);
    QVERIFY(p.rows.at(0).error.contains(QLatin1String("reason")));
    QVERIFY(p.rows.at(1).absent);

    const AttendancePreview fixed = preview(QStringLiteral("姓名,学时,备注\n"
                                                           "李四,12.5,请假半天\n"
                                                           "张三,0,病假\n"));
    QVERIFY(fixed.isClean());
    QCOMPARE(fixed.rows.at(0).hoursTenths, 125);
    QCOMPARE(fixed.rows.at(0).reason, QStringLiteral("请假半天"));
    QVERIFY(fixed.rows.at(1).absent);
    QCOMPARE(fixed.rows.at(1).hoursTenths, 0);
}

void TestAttendance::preview_notConfirmedOrDecided_rowErrors()
{
    QList<EnrolmentRef> list = enrolments();
    list.append(ref(QStringLiteral("e-done"), QStringLiteral("周八"),
        QStringLiteral("440106198808088888"), QStringLiteral("credited")));
    const AttendancePreview p = previewAttendance(
        QStringLiteral("姓名,学时\n陈六,24\n周八,24\n").toUtf8(), list, ClassHours);
    QCOMPARE(p.rows.size(), 2);
    QVERIFY(p.rows.at(0).error.contains(QLatin1String("not confirmed")));
    QCOMPARE(p.rows.at(0).enrolmentId, QStringLiteral("e-chen"));
    QVERIFY(p.rows.at(1).error.contains(QLatin1String("already confirmed")));
}

void TestAttendance::preview_quotedFields_keepRowNumbers()
{
    // A reason with a comma, a quote and a line break spans two lines of the file but is one
    // row; the rows after it keep their numbers.
    const QString text = QStringLiteral("姓名,学时,备注\r\n"
                                        "李四,20,\"迟到, 早退\r\n说明见\"\"附件\"\"\"\r\n"
                                        "\"张三\",24,\r\n"
                                        "赵七,24,\r\n");
    const AttendancePreview p = preview(text);
    QVERIFY2(p.fileError.isEmpty(), qPrintable(p.fileError));
    QCOMPARE(p.rows.size(), 3);
    QVERIFY2(p.rows.at(0).ok, qPrintable(p.rows.at(0).error));
    QCOMPARE(p.rows.at(0).reason, QStringLiteral("迟到, 早退\r\n说明见\"附件\""));
    QCOMPARE(p.rows.at(1).row, 3);
    QVERIFY(p.rows.at(1).ok);
    QCOMPARE(p.rows.at(2).row, 4);
    QVERIFY(p.rows.at(2).error.startsWith(QLatin1String("Row 4:")));
}

void TestAttendance::preview_unclosedQuote_fileError()
{
    const AttendancePreview p = preview(QStringLiteral("姓名,学时\n张三,24\n\"李四,24\n"));
    QVERIFY(p.rows.isEmpty());
    QVERIFY2(p.fileError.contains(QLatin1String("Row 3")), qPrintable(p.fileError));
}

void TestAttendance::writeCsv_bomCrlfQuoting_roundTrips()
{
    const QStringList header { QStringLiteral("姓名"), QStringLiteral("身份证号"),
        QStringLiteral("单位") };
    const QList<QStringList> rows {
        { QStringLiteral("张三"), QStringLiteral("440106********123X"),
            QStringLiteral("广州天河环保工程有限公司") },
        { QStringLiteral("李\"四\""), QStringLiteral("a,b"), QStringLiteral("两行\n文字") },
    };
    const QByteArray csv = writeCsv(header, rows);
    QVERIFY(csv.startsWith("\xEF\xBB\xBF"));
    const QString text = QString::fromUtf8(csv.mid(3));
    QVERIFY(text.startsWith(QStringLiteral("姓名,身份证号,单位\r\n")));
    QVERIFY(text.contains(QStringLiteral("\"李\"\"四\"\"\",\"a,b\",\"两行\n文字\"\r\n")));
    QVERIFY(text.endsWith(QLatin1String("\r\n")));
    QList<QStringList> back;
    QVERIFY(parseCsvRecords(text, &back));
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(0), header);
    QCOMPARE(back.at(1), rows.at(0));
    QCOMPARE(back.at(2), rows.at(1));
}

void TestAttendance::writeCsv_formulaCells_neutralised()
{
    QCOMPARE(neutralizeCsvCell(QStringLiteral("=HYPERLINK(\"http://x\")")),
        QStringLiteral("'=HYPERLINK(\"http://x\")"));
    for (const QString &cell : { QStringLiteral("+1"), QStringLiteral("-2+3"),
             QStringLiteral("@SUM(A1)"), QStringLiteral("\t=1"), QStringLiteral("\r=1") })
        QCOMPARE(neutralizeCsvCell(cell), QLatin1Char('\'') + cell);
    for (const QString &cell : { QString(), QStringLiteral("张三"), QStringLiteral("a=b"),
             QStringLiteral("440106********118X"), QStringLiteral("24") })
        QCOMPARE(neutralizeCsvCell(cell), cell);

    // A learner named "=cmd|' /C calc'!A0" and a reason "@SUM(1+1)" come out as text.
    const QByteArray csv = writeCsv({ QStringLiteral("姓名"), QStringLiteral("备注") },
        { { QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("@SUM(1+1)") },
            { QStringLiteral("-1,5"), QStringLiteral("+\"x\"") } });
    QList<QStringList> back;
    QVERIFY(parseCsvRecords(QString::fromUtf8(csv.mid(3)), &back));
    QCOMPARE(back.size(), 3);
    QCOMPARE(back.at(1),
        (QStringList { QStringLiteral("'=cmd|' /C calc'!A0"), QStringLiteral("'@SUM(1+1)") }));
    QCOMPARE(back.at(2), (QStringList { QStringLiteral("'-1,5"), QStringLiteral("'+\"x\"") }));
    for (const QStringList &record : back) {
        for (const QString &field : record) {
            QVERIFY2(field.isEmpty() || !QStringLiteral("=+-@").contains(field.at(0)),
                qPrintable(field));
        }
    }
}

QTEST_GUILESS_MAIN(TestAttendance)
#include "tst_attendance.moc"
