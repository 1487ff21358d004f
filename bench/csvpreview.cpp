// Benchmark: previewing a 5,000-row attendance CSV (models/attendance.h) against the 5,000
// enrolments of a class, as the institution's 学时确认 page does before applying it. Most rows name
// the person by resident id (checked offline against the masks, then matched by the server's
// answers, given here as the server would give them), some by name only, a few carry a reason
// for fewer hours. Prints one JSON object: the first preview with its answers ("seconds") and the
// median of five more.
#include "attendance.h"
#include "validators.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDate>
#include <QElapsedTimer>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>
#include <vector>

using namespace xueshi;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("rows"), QStringLiteral("Rows of the CSV"),
        QStringLiteral("n"), QStringLiteral("5000") });
    parser.process(app);
    const int rows = parser.value(QStringLiteral("rows")).toInt();

    const QString classId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QString surnames = QStringLiteral("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗");
    const QString given = QStringLiteral("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂");
    QList<EnrolmentRef> enrolments;
    enrolments.reserve(rows);
    QHash<QString, QString> enrolmentOf; // what the server knows: full id -> enrolment
    QByteArray csv("\xEF\xBB\xBF");
    csv += QStringLiteral("身份证号,姓名,学时,备注\r\n").toUtf8();
    for (int i = 0; i < rows; ++i) {
        // Valid ids: birth dates from 1980-01-01 on, a sequence number, the check character.
        const QString first17
            = QStringLiteral("440106%1%2")
                  .arg(QDate(1980, 1, 1).addDays(i / 1000).toString(QStringLiteral("yyyyMMdd")))
                  .arg(i % 1000, 3, 10, QLatin1Char('0'));
        const QString residentId = first17 + residentIdCheckCharacter(first17);
        // Names unique within the class (three-character names from the serial).
        const QString name = QString(surnames.at(i % surnames.size()))
            + given.at((i / surnames.size()) % given.size())
            + given.at((i / (surnames.size() * given.size())) % given.size());
        enrolments.append({ QUuid::createUuid().toString(QUuid::WithoutBraces), classId, name,
            maskResidentId(residentId), QStringLiteral("confirmed") });
        enrolmentOf.insert(residentId, enrolments.last().enrolmentId);
        const bool byName = i % 10 == 0;
        const bool fewer = i % 25 == 0;
        csv += QStringLiteral("%1,%2,%3,%4\r\n")
                   .arg(byName ? QString() : residentId, name,
                       fewer ? QStringLiteral("20.5") : QStringLiteral("24"),
                       fewer ? QStringLiteral("\"迟到, 早退\"") : QString())
                   .toUtf8();
    }

    const auto time = [&](int *ok) {
        QElapsedTimer timer;
        timer.start();
        AttendancePreview p = previewAttendance(csv, enrolments, 240);
        QList<ServerIdMatch> answers;
        for (const QString &id : p.idsAwaitingServer())
            answers.append({ IdCheck::Matched, enrolmentOf.value(id) });
        applyServerMatches(&p, answers, enrolments, 240);
        const double seconds = double(timer.nsecsElapsed()) / 1e9;
        *ok = p.okCount();
        return seconds;
    };
    int ok = 0;
    const double first = time(&ok);
    std::vector<double> more;
    for (int i = 0; i < 5; ++i) {
        int again = 0;
        more.push_back(time(&again));
    }
    std::sort(more.begin(), more.end());
    const QJsonObject result { { QStringLiteral("bench"), QStringLiteral("csv-preview") },
        { QStringLiteral("seconds"), first }, { QStringLiteral("median_seconds"), more.at(2) },
        { QStringLiteral("rows"), rows }, { QStringLiteral("rows_ok"), ok },
        { QStringLiteral("bytes"), double(csv.size()) } };
    std::printf("%s\n", QJsonDocument(result).toJson(QJsonDocument::Compact).constData());
    return ok == rows ? 0 : 1;
}
