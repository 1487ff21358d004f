// The self-declaration rules, the attachment checks and the year policy shared by the client and
// the server (models/declarationrules.h, attachmentkind.h, policy.h), at their edges.
#include "attachmentkind.h"
#include "declarationrules.h"
#include "policy.h"

#include <QJsonObject>
#include <QTest>

using namespace xueshi;

namespace {

const QDate Today(2026, 6, 15);
constexpr int SixHours = 60;

// Two days of professional training that breaks no rule.
DeclarationInput valid()
{
    DeclarationInput in;
    in.title = QStringLiteral("环境影响评价技术培训");
    in.organiser = QStringLiteral("广东省环境科学学会");
    in.startDate = QDate(2026, 5, 10);
    in.endDate = QDate(2026, 5, 11);
    in.trainingDays = 2;
    in.hoursTenths = 120;
    in.subjectType = QStringLiteral("professional");
    in.professionalSeries = QStringLiteral("engineering-environmental");
    return in;
}

QStringList codes(const QList<DeclarationProblem> &problems)
{
    QStringList out;
    for (const DeclarationProblem &p : problems)
        out.append(p.field + QLatin1Char(':') + p.code);
    return out;
}

// The bytes of a minimal ELF executable's head (x86-64).
QByteArray elfHead()
{
    return QByteArray("\x7f"
                      "ELF\x02\x01\x01\x00",
               8)
        + QByteArray(8, '\0');
}

} // namespace

class TestDeclarationRules : public QObject
{
    Q_OBJECT

private slots:
    void valid_twoDaysTwelveHours_noProblem();
    void hours_thirteenForTwoDays_refusedInWords();
    void hours_oneTenthOverTheCap_refused();
    void hours_zero_refused();
    void hours_capFromThePolicy();
    void days_zeroAndSpanPlusOne_refused();
    void days_equalToSpan_accepted();
    void dates_endInTheFuture_refused();
    void dates_endToday_accepted();
    void dates_startAfterEnd_refused();
    void dates_invalidAndBefore2000_refused();
    void text_emptyTooLongAndControl_refused();
    void text_hundredCharactersAccepted();
    void subject_professionalWithoutSeries_refused();
    void subject_electiveWithSeriesAndUnknownType_refused();
    void problems_allInFormOrder();
    void maxDeclarableTenths_edges();
    void formatTenths_writesHours();

    void sniff_knownKinds();
    void sniff_renamedExecutableAndOthers_unknown();
    void mimeTypes();
    void safeName_pathsAndControlCharacters_removed();
    void safeName_lengthAndEmpty();

    void policy_defaults();
    void policy_jsonRoundTrip();
    void policy_fromJson_badFieldsFallBack();
};

void TestDeclarationRules::valid_twoDaysTwelveHours_noProblem()
{
    QVERIFY(checkDeclaration(valid(), Today, SixHours).isEmpty());
}

void TestDeclarationRules::hours_thirteenForTwoDays_refusedInWords()
{
    DeclarationInput in = valid();
    in.hoursTenths = 130;
    const QList<DeclarationProblem> problems = checkDeclaration(in, Today, SixHours);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.first().field, QStringLiteral("hoursTenths"));
    QCOMPARE(problems.first().code, QStringLiteral("hours_over_cap"));
    QCOMPARE(problems.first().message,
        QStringLiteral("13 hours for 2 training days is more than the 12 allowed (at most 6 hours "
                       "a training day)."));
    // Without a translator the translated text is the English one.
    QCOMPARE(problems.first().translated(), problems.first().message);
    QCOMPARE(problems.first().args,
        (QStringList { QStringLiteral("13"), QStringLiteral("2"), QStringLiteral("12"),
            QStringLiteral("6") }));
}

void TestDeclarationRules::hours_oneTenthOverTheCap_refused()
{
    DeclarationInput in = valid();
    in.trainingDays = 1;
    in.startDate = in.endDate;
    in.hoursTenths = 61;
    const QList<DeclarationProblem> problems = checkDeclaration(in, Today, SixHours);
    QCOMPARE(codes(problems), QStringList { QStringLiteral("hoursTenths:hours_over_cap") });
    QCOMPARE(problems.first().message,
        QStringLiteral("6.1 hours for 1 training day is more than the 6 allowed (at most 6 hours a "
                       "training day)."));
    in.hoursTenths = 60;
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
}

void TestDeclarationRules::hours_zero_refused()
{
    DeclarationInput in = valid();
    in.hoursTenths = 0;
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("hoursTenths:hours_out_of_range") });
    in.hoursTenths = -5;
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("hoursTenths:hours_out_of_range") });
    in.hoursTenths = 1;
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
}

void TestDeclarationRules::hours_capFromThePolicy()
{
    // A year whose policy allows 8 hours a day takes 16 for 2 days, and no more.
    DeclarationInput in = valid();
    in.hoursTenths = 160;
    QVERIFY(checkDeclaration(in, Today, 80).isEmpty());
    in.hoursTenths = 161;
    QCOMPARE(codes(checkDeclaration(in, Today, 80)),
        QStringList { QStringLiteral("hoursTenths:hours_over_cap") });
}

void TestDeclarationRules::days_zeroAndSpanPlusOne_refused()
{
    DeclarationInput in = valid();
    in.trainingDays = 0;
    in.hoursTenths = 10;
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("trainingDays:days_out_of_range") });
    // May 10 to 11 holds 2 days: 3 do not fit.
    in.trainingDays = 3;
    const QList<DeclarationProblem> problems = checkDeclaration(in, Today, SixHours);
    QCOMPARE(codes(problems), QStringList { QStringLiteral("trainingDays:days_out_of_range") });
    QCOMPARE(problems.first().message,
        QStringLiteral("3 training days do not fit between 2026-05-10 and 2026-05-11, which hold 2 "
                       "days."));
}

void TestDeclarationRules::days_equalToSpan_accepted()
{
    DeclarationInput in = valid();
    in.startDate = QDate(2026, 5, 1);
    in.endDate = QDate(2026, 5, 31);
    in.trainingDays = 31;
    in.hoursTenths = 31 * 60;
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
    // Fewer days than the span (a training on weekends only) are fine too.
    in.trainingDays = 8;
    in.hoursTenths = 480;
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
}

void TestDeclarationRules::dates_endInTheFuture_refused()
{
    DeclarationInput in = valid();
    in.startDate = Today;
    in.endDate = Today.addDays(1);
    const QList<DeclarationProblem> problems = checkDeclaration(in, Today, SixHours);
    QCOMPARE(codes(problems), QStringList { QStringLiteral("endDate:date_in_future") });
    QVERIFY(problems.first().message.contains(QStringLiteral("2026-06-16")));
}

void TestDeclarationRules::dates_endToday_accepted()
{
    DeclarationInput in = valid();
    in.startDate = Today.addDays(-1);
    in.endDate = Today;
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
}

void TestDeclarationRules::dates_startAfterEnd_refused()
{
    DeclarationInput in = valid();
    in.startDate = QDate(2026, 5, 12);
    in.endDate = QDate(2026, 5, 11);
    in.trainingDays = 1;
    in.hoursTenths = 60;
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("endDate:end_before_start") });
}

void TestDeclarationRules::dates_invalidAndBefore2000_refused()
{
    DeclarationInput in = valid();
    in.startDate = QDate();
    in.trainingDays = 1;
    in.hoursTenths = 60;
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("startDate:invalid_date") });
    in.startDate = QDate(1999, 12, 31);
    in.endDate = QDate(1999, 12, 31);
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        (QStringList { QStringLiteral("startDate:date_too_early"),
            QStringLiteral("endDate:date_too_early") }));
}

void TestDeclarationRules::text_emptyTooLongAndControl_refused()
{
    DeclarationInput in = valid();
    in.title = QStringLiteral("   ");
    in.organiser = QString(101, QChar(0x5b66));
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        (QStringList { QStringLiteral("title:required"), QStringLiteral("organiser:too_long") }));
    in.title = QStringLiteral("培训\n内容");
    in.organiser = QStringLiteral("主办\u202e单位");
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        (QStringList { QStringLiteral("title:control_characters"),
            QStringLiteral("organiser:control_characters") }));
}

void TestDeclarationRules::text_hundredCharactersAccepted()
{
    DeclarationInput in = valid();
    in.title = QString(100, QChar(0x5b66));
    // A character outside the BMP counts once.
    in.organiser = QString(99, QLatin1Char('a')) + QString::fromUcs4(U"\U00020000");
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
    in.title = QStringLiteral("  ") + in.title + QStringLiteral("  ");
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
}

void TestDeclarationRules::subject_professionalWithoutSeries_refused()
{
    DeclarationInput in = valid();
    in.professionalSeries.clear();
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("professionalSeries:series_required") });
    in.professionalSeries = QStringLiteral("no-such-series");
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("professionalSeries:series_unknown") });
}

void TestDeclarationRules::subject_electiveWithSeriesAndUnknownType_refused()
{
    DeclarationInput in = valid();
    in.subjectType = QStringLiteral("elective");
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("professionalSeries:series_not_allowed") });
    in.professionalSeries.clear();
    QVERIFY(checkDeclaration(in, Today, SixHours).isEmpty());
    // Public hours come from public courses only, never from a declaration.
    in.subjectType = QStringLiteral("public");
    QCOMPARE(codes(checkDeclaration(in, Today, SixHours)),
        QStringList { QStringLiteral("subjectType:subject_type") });
}

void TestDeclarationRules::problems_allInFormOrder()
{
    const QList<DeclarationProblem> problems
        = checkDeclaration(DeclarationInput(), Today, SixHours);
    QCOMPARE(codes(problems),
        (QStringList { QStringLiteral("title:required"), QStringLiteral("organiser:required"),
            QStringLiteral("startDate:invalid_date"), QStringLiteral("endDate:invalid_date"),
            QStringLiteral("trainingDays:days_out_of_range"),
            QStringLiteral("hoursTenths:hours_out_of_range"),
            QStringLiteral("subjectType:subject_type") }));
    for (const DeclarationProblem &p : problems)
        QVERIFY(p.source && !p.message.isEmpty());
}

void TestDeclarationRules::maxDeclarableTenths_edges()
{
    QCOMPARE(maxDeclarableTenths(2, 60), 120);
    QCOMPARE(maxDeclarableTenths(1, 60), 60);
    QCOMPARE(maxDeclarableTenths(0, 60), 0);
    QCOMPARE(maxDeclarableTenths(-3, 60), 0);
    QCOMPARE(maxDeclarableTenths(2, 0), 0);
    QCOMPARE(
        maxDeclarableTenths(std::numeric_limits<int>::max(), 240), std::numeric_limits<int>::max());
}

void TestDeclarationRules::formatTenths_writesHours()
{
    QCOMPARE(formatTenths(120), QStringLiteral("12"));
    QCOMPARE(formatTenths(125), QStringLiteral("12.5"));
    QCOMPARE(formatTenths(1), QStringLiteral("0.1"));
    QCOMPARE(formatTenths(0), QStringLiteral("0"));
    QCOMPARE(formatTenths(-15), QStringLiteral("-1.5"));
}

void TestDeclarationRules::sniff_knownKinds()
{
    QCOMPARE(sniffAttachment("%PDF-1.7\n%\xe2\xe3"), AttachmentKind::Pdf);
    QCOMPARE(sniffAttachment(QByteArray("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10)), AttachmentKind::Jpeg);
    QCOMPARE(sniffAttachment(QByteArray("\x89PNG\r\n\x1A\n\x00\x00\x00\x0DIHDR", 16)),
        AttachmentKind::Png);
}

void TestDeclarationRules::sniff_renamedExecutableAndOthers_unknown()
{
    // An ELF executable called proof.pdf is not a PDF: the name is never looked at.
    QCOMPARE(sniffAttachment(elfHead()), AttachmentKind::Unknown);
    QCOMPARE(sniffAttachment("MZ\x90\x00"), AttachmentKind::Unknown); // a Windows executable
    QCOMPARE(sniffAttachment("PK\x03\x04"), AttachmentKind::Unknown); // a ZIP (or .docx)
    QCOMPARE(sniffAttachment("GIF89a"), AttachmentKind::Unknown);
    QCOMPARE(sniffAttachment("<html>%PDF-"), AttachmentKind::Unknown);
    // Too short to be sure.
    QCOMPARE(sniffAttachment("%PDF"), AttachmentKind::Unknown);
    QCOMPARE(sniffAttachment(QByteArray("\xFF\xD8", 2)), AttachmentKind::Unknown);
    QCOMPARE(sniffAttachment(QByteArray("\x89PNG\r\n\x1A", 7)), AttachmentKind::Unknown);
    QCOMPARE(sniffAttachment(QByteArray()), AttachmentKind::Unknown);
}

void TestDeclarationRules::mimeTypes()
{
    QCOMPARE(mimeTypeOf(AttachmentKind::Pdf), QStringLiteral("application/pdf"));
    QCOMPARE(mimeTypeOf(AttachmentKind::Jpeg), QStringLiteral("image/jpeg"));
    QCOMPARE(mimeTypeOf(AttachmentKind::Png), QStringLiteral("image/png"));
    QVERIFY(mimeTypeOf(AttachmentKind::Unknown).isEmpty());
    for (const AttachmentKind kind :
        { AttachmentKind::Pdf, AttachmentKind::Jpeg, AttachmentKind::Png, AttachmentKind::Unknown })
        QCOMPARE(attachmentKindFromName(attachmentKindName(kind)), kind);
    QCOMPARE(attachmentKindFromName(QStringLiteral("exe")), AttachmentKind::Unknown);
    QCOMPARE(kMaxAttachmentBytes, 10 * 1024 * 1024);
    QCOMPARE(kMaxAttachmentsPerDeclaration, 5);
    QCOMPARE(kAttachmentPieceBytes, 512 * 1024);
}

void TestDeclarationRules::safeName_pathsAndControlCharacters_removed()
{
    QCOMPARE(safeAttachmentName(QStringLiteral("../../etc/passwd")), QStringLiteral("passwd"));
    QCOMPARE(safeAttachmentName(QStringLiteral("..\\..\\Windows\\证明.pdf")),
        QStringLiteral("证明.pdf"));
    QCOMPARE(safeAttachmentName(QStringLiteral("/home/zhang/结业证书.jpg")),
        QStringLiteral("结业证书.jpg"));
    QCOMPARE(safeAttachmentName(QStringLiteral("a\nb\tc\x01.pdf")), QStringLiteral("abc.pdf"));
    QCOMPARE(
        safeAttachmentName(QStringLiteral("a%1b.pdf").arg(QChar(0))), QStringLiteral("ab.pdf"));
    // A right-to-left override makes "proof\u202efdp.exe" look like "proofexe.pdf".
    QCOMPARE(
        safeAttachmentName(QStringLiteral("proof\u202efdp.exe")), QStringLiteral("prooffdp.exe"));
    QCOMPARE(safeAttachmentName(QStringLiteral("  证明 .pdf  ")), QStringLiteral("证明 .pdf"));
    // A lone surrogate is dropped, a pair kept.
    QString lone = QStringLiteral("a.pdf");
    lone.insert(1, QChar(0xD800));
    QCOMPARE(safeAttachmentName(lone), QStringLiteral("a.pdf"));
    const QString pair = QString::fromUcs4(U"\U00020000.png");
    QCOMPARE(safeAttachmentName(pair), pair);
}

void TestDeclarationRules::safeName_lengthAndEmpty()
{
    QVERIFY(safeAttachmentName(QString()).isEmpty());
    QVERIFY(safeAttachmentName(QStringLiteral("..")).isEmpty());
    QVERIFY(safeAttachmentName(QStringLiteral("a/..")).isEmpty());
    QVERIFY(safeAttachmentName(QStringLiteral("dir/")).isEmpty());
    QVERIFY(safeAttachmentName(QStringLiteral("\x01\x02")).isEmpty());
    const QString longName = QString(150, QChar(0x5b66)) + QStringLiteral(".pdf");
    QCOMPARE(safeAttachmentName(longName).size(), 100);
    // 100 characters outside the BMP are 200 UTF-16 units; a pair is never cut.
    QString wide;
    for (int i = 0; i < 120; ++i)
        wide += QString::fromUcs4(U"\U00020000");
    QCOMPARE(safeAttachmentName(wide).size(), 200);
}

void TestDeclarationRules::policy_defaults()
{
    const YearPolicy p = YearPolicy::defaults(2026);
    QCOMPARE(p.year, 2026);
    QCOMPARE(p.totalTenths, 900);
    QCOMPARE(p.publicTenths, 300);
    QCOMPARE(p.professionalTenths, 420);
    QCOMPARE(p.electiveTenths, 180);
    QCOMPARE(p.hoursPerDayTenths, 60);
    QCOMPARE(p.entryDeadline, QDate(2027, 3, 31));
}

void TestDeclarationRules::policy_jsonRoundTrip()
{
    YearPolicy p = YearPolicy::defaults(2025);
    p.hoursPerDayTenths = 80;
    p.entryDeadline = QDate(2026, 4, 30);
    const QJsonObject json = p.toJson();
    QCOMPARE(json.value(QStringLiteral("hoursPerDayTenths")).toInt(), 80);
    QCOMPARE(json.value(QStringLiteral("entryDeadline")).toString(), QStringLiteral("2026-04-30"));
    QCOMPARE(json.keys().size(), 10);
    QCOMPARE(YearPolicy::fromJson(json), p);
}

void TestDeclarationRules::policy_fromJson_badFieldsFallBack()
{
    const YearPolicy p = YearPolicy::fromJson({ { QStringLiteral("year"), 2027 },
        { QStringLiteral("hoursPerDayTenths"), 0 }, { QStringLiteral("totalTenths"), 12.5 },
        { QStringLiteral("entryDeadline"), QStringLiteral("tomorrow") } });
    QCOMPARE(p, YearPolicy::defaults(2027));
    QCOMPARE(YearPolicy::fromJson(
                 { { QStringLiteral("year"), 2027 }, { QStringLiteral("hoursPerDayTenths"), 1e300 },
                     { QStringLiteral("electiveTenths"), -1e300 } }),
        YearPolicy::defaults(2027));
    QCOMPARE(YearPolicy::fromJson({ { QStringLiteral("year"), QStringLiteral("2026") } }).year, 0);
    QCOMPARE(YearPolicy::fromJson({}).year, 0);
}

QTEST_GUILESS_MAIN(TestDeclarationRules)
#include "tst_declarationrules.moc"
