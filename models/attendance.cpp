#include "attendance.h"

#include "validators.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QStringDecoder>

#include <algorithm>

namespace xueshi {

namespace {

QString hoursText(int tenths)
{
    return QStringLiteral("%1.%2").arg(tenths / 10).arg(tenths % 10);
}

// "24", "2.5", " 24.0 " -> tenths; -1 for anything else (signs, two decimals, letters, empty).
int parseHoursTenths(const QString &text)
{
    const QString t = text.trimmed();
    const qsizetype dot = t.indexOf(QLatin1Char('.'));
    const QString whole = dot < 0 ? t : t.left(dot);
    const QString fraction = dot < 0 ? QString() : t.mid(dot + 1);
    if (whole.isEmpty() || whole.size() > 5 || (dot >= 0 && fraction.size() != 1))
        return -1;
    const auto digits = [](const QString &s) {
        return std::all_of(s.cbegin(), s.cend(),
            [](QChar c) { return c >= QLatin1Char('0') && c <= QLatin1Char('9'); });
    };
    if (!digits(whole) || !digits(fraction))
        return -1;
    return whole.toInt() * 10 + (fraction.isEmpty() ? 0 : fraction.toInt());
}

enum Column { ResidentId, Name, Hours, Reason, ColumnCount };

int columnOf(const QString &header)
{
    const QString h = header.trimmed();
    const auto is = [&h](const char *chinese, const char *english) {
        return h == QString::fromUtf8(chinese)
            || h.compare(QLatin1String(english), Qt::CaseInsensitive) == 0;
    };
    if (is("身份证号", "residentId"))
        return ResidentId;
    if (is("姓名", "name"))
        return Name;
    if (is("学时", "hours"))
        return Hours;
    if (is("备注", "reason"))
        return Reason;
    return -1;
}

} // namespace

bool isWellFormedResidentId(const QString &id)
{
    if (id.size() != 18)
        return false;
    const QStringView first17 = QStringView(id).left(17);
    const QChar check = residentIdCheckCharacter(first17);
    return !check.isNull() && id.at(17) == check && residentIdBirthDate(id).isValid();
}

int AttendancePreview::okCount() const
{
    return int(
        std::count_if(rows.cbegin(), rows.cend(), [](const AttendanceRow &r) { return r.ok; }));
}

int AttendancePreview::errorCount() const
{
    return int(std::count_if(
        rows.cbegin(), rows.cend(), [](const AttendanceRow &r) { return !r.error.isEmpty(); }));
}

int AttendancePreview::awaitingCount() const
{
    return int(std::count_if(
        rows.cbegin(), rows.cend(), [](const AttendanceRow &r) { return r.awaitingServer; }));
}

QStringList AttendancePreview::idsAwaitingServer() const
{
    QStringList ids;
    for (const AttendanceRow &r : rows) {
        if (r.awaitingServer)
            ids.append(r.residentId);
    }
    return ids;
}

bool parseCsvRecords(const QString &text, QList<QStringList> *records, QString *error)
{
    records->clear();
    QStringList record;
    QString field;
    bool quoted = false; // inside a quoted field
    bool any = false; // the current record has begun
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field.append(QLatin1Char('"'));
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                field.append(c);
            }
            continue;
        }
        if (c == QLatin1Char('"') && field.isEmpty()) {
            quoted = true;
            any = true;
        } else if (c == QLatin1Char(',')) {
            record.append(field);
            field.clear();
            any = true;
        } else if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n'))
                ++i;
            record.append(field);
            records->append(record);
            record.clear();
            field.clear();
            any = false;
        } else {
            field.append(c);
            any = true;
        }
    }
    if (quoted) {
        if (error) {
            *error
                = QCoreApplication::translate("Attendance", "Row %1: a quoted field is not closed.")
                      .arg(records->size() + 1);
        }
        return false;
    }
    if (any) {
        record.append(field);
        records->append(record);
    }
    return true;
}

namespace {

// Judges every row from what it holds (its cells and where its id stands): called once offline
// and again with the server's answers, so a row is judged the same way whichever way it matched.
void evaluate(
    AttendancePreview *preview, const QList<EnrolmentRef> &enrolments, int classHoursTenths)
{
    QHash<QString, const EnrolmentRef *> byId;
    QHash<QString, QList<const EnrolmentRef *>> byName;
    QSet<QString> masks;
    byId.reserve(enrolments.size());
    byName.reserve(enrolments.size());
    for (const EnrolmentRef &e : enrolments) {
        byId.insert(e.enrolmentId, &e);
        byName[e.learnerName.trimmed()].append(&e);
        masks.insert(e.residentIdMasked);
    }
    QHash<QString, int> seen; // enrolment id -> row it was first matched on
    QHash<QString, int> seenIds; // resident id -> row it was first written on

    for (AttendanceRow &row : preview->rows) {
        row.ok = false;
        row.awaitingServer = false;
        row.error.clear();
        const QString serverMatch = row.idCheck == IdCheck::Matched ? row.enrolmentId : QString();
        row.enrolmentId.clear();
        const QString number = QString::number(row.row);
        // The checks of the hours that need no person.
        QString hoursProblem;
        if (row.hoursCell.isEmpty()) {
            hoursProblem
                = QCoreApplication::translate("Attendance", "Row %1: the hours are missing.")
                      .arg(number);
        } else if (row.hoursTenths < 0) {
            hoursProblem = QCoreApplication::translate("Attendance",
                "Row %1: \"%2\" is not a number of hours (a number such as 24 or "
                "2.5, with at most one decimal place).")
                               .arg(number, row.hoursCell);
        } else if (row.hoursTenths > classHoursTenths) {
            hoursProblem
                = QCoreApplication::translate(
                    "Attendance", "Row %1: %2 hours are more than the class's %3 hours.")
                      .arg(number, hoursText(row.hoursTenths), hoursText(classHoursTenths));
        }
        const bool fewerWithoutReason
            = row.hoursTenths >= 0 && row.hoursTenths < classHoursTenths && row.reason.isEmpty();
        const auto reasonProblem = [&number] {
            return QCoreApplication::translate("Attendance",
                "Row %1: fewer hours than the class's (or 0 for absent) need a reason in "
                "the column 备注 (reason).")
                .arg(number);
        };

        const EnrolmentRef *match = nullptr;
        if (!row.residentId.isEmpty()) {
            const auto earlier = seenIds.constFind(row.residentId);
            if (!isWellFormedResidentId(row.residentId)) {
                row.error = QCoreApplication::translate(
                    "Attendance", "Row %1: %2 is not a valid resident ID number.")
                                .arg(number, row.residentIdMasked);
            } else if (!masks.contains(row.residentIdMasked)
                || row.idCheck == IdCheck::NotInClass) {
                // A mask no enrolment has is known here already; the server says the rest.
                row.error = QCoreApplication::translate(
                    "Attendance", "Row %1: no learner of this class has the resident ID number %2.")
                                .arg(number, row.residentIdMasked);
            } else if (earlier != seenIds.constEnd()) {
                row.error = QCoreApplication::translate(
                    "Attendance", "Row %1: the same resident ID number is already in row %2.")
                                .arg(number, QString::number(*earlier));
            } else if (row.idCheck == IdCheck::Limited) {
                row.error = QCoreApplication::translate("Attendance",
                    "Row %1: the server checks no more resident ID numbers for your "
                    "institution today; import the sheet again tomorrow, or confirm "
                    "this person in the table.")
                                .arg(number);
            } else if (row.idCheck == IdCheck::Matched) {
                match = byId.value(serverMatch);
                if (!match) {
                    row.error = QCoreApplication::translate("Attendance",
                        "Row %1: the server matched an enrolment this computer does "
                        "not have yet; synchronise and import the sheet again.")
                                    .arg(number);
                }
            } else if (!hoursProblem.isEmpty()) {
                row.error = hoursProblem;
            } else if (fewerWithoutReason) {
                row.error = reasonProblem();
            } else {
                row.idCheck = IdCheck::Awaiting;
                row.awaitingServer = true;
            }
            seenIds.insert(row.residentId, row.row);
            if (!match)
                continue;
        } else if (!row.name.isEmpty()) {
            const QList<const EnrolmentRef *> named = byName.value(row.name);
            if (named.isEmpty()) {
                row.error = QCoreApplication::translate(
                    "Attendance", "Row %1: no learner of this class is named %2.")
                                .arg(number, row.name);
            } else if (named.size() > 1) {
                row.error = QCoreApplication::translate("Attendance",
                    "Row %1: %2 learners of this class are named %3; give the resident "
                    "ID number instead.")
                                .arg(number, QString::number(named.size()), row.name);
            } else {
                match = named.first();
            }
            if (!match)
                continue;
        } else {
            row.error = QCoreApplication::translate(
                "Attendance", "Row %1: give the resident ID number or the name.")
                            .arg(number);
            continue;
        }

        if (row.name.isEmpty())
            row.name = match->learnerName;
        const QString &name = row.name;
        row.enrolmentId = match->enrolmentId;
        const auto earlier = seen.constFind(match->enrolmentId);
        if (earlier != seen.constEnd()) {
            row.error = QCoreApplication::translate(
                "Attendance", "Row %1: %2 is already listed in row %3.")
                            .arg(number, name, QString::number(*earlier));
            continue;
        }
        seen.insert(match->enrolmentId, row.row);
        if (!hoursProblem.isEmpty()) {
            row.error = hoursProblem;
        } else if (match->status == QLatin1String("credited")
            || match->status == QLatin1String("absent")) {
            row.error = QCoreApplication::translate(
                "Attendance", "Row %1: the hours of %2 were already confirmed.")
                            .arg(number, name);
        } else if (match->status != QLatin1String("confirmed")) {
            row.error = QCoreApplication::translate(
                "Attendance", "Row %1: the enrolment of %2 is not confirmed.")
                            .arg(number, name);
        } else if (fewerWithoutReason) {
            row.error = reasonProblem();
        } else {
            row.ok = true;
        }
    }
}

} // namespace

AttendancePreview previewAttendance(
    const QByteArray &csv, const QList<EnrolmentRef> &enrolments, int classHoursTenths)
{
    AttendancePreview preview;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    QString text = decoder.decode(csv);
    if (decoder.hasError()) {
        preview.fileError = QCoreApplication::translate("Attendance",
            "The file is not UTF-8 text. Save it as \"CSV UTF-8\" in the "
            "spreadsheet program and import it again.");
        return preview;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<QStringList> records;
    if (!parseCsvRecords(text, &records, &preview.fileError))
        return preview;
    const auto blank = [](const QStringList &r) {
        return std::all_of(
            r.cbegin(), r.cend(), [](const QString &f) { return f.trimmed().isEmpty(); });
    };
    if (records.isEmpty() || blank(records.first())) {
        preview.fileError = QCoreApplication::translate(
            "Attendance", "The file is empty: the first row must name the columns.");
        return preview;
    }

    int columns[ColumnCount] = { -1, -1, -1, -1 };
    const QStringList header = records.first();
    for (int i = 0; i < header.size(); ++i) {
        const int column = columnOf(header.at(i));
        if (column < 0)
            continue;
        if (columns[column] >= 0) {
            preview.fileError = QCoreApplication::translate(
                "Attendance", "The header row names the column \"%1\" twice.")
                                    .arg(header.at(i).trimmed());
            return preview;
        }
        columns[column] = i;
    }
    if (columns[Hours] < 0) {
        preview.fileError = QCoreApplication::translate(
            "Attendance", "The header row has no column 学时 (hours).");
        return preview;
    }
    if (columns[ResidentId] < 0 && columns[Name] < 0) {
        preview.fileError = QCoreApplication::translate(
            "Attendance", "The header row needs a column 身份证号 (residentId) or 姓名 (name).");
        return preview;
    }

    const auto cell = [](const QStringList &r, int column) {
        return column >= 0 && column < r.size() ? r.at(column).trimmed() : QString();
    };
    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &r = records.at(i);
        if (blank(r))
            continue;
        AttendanceRow row;
        row.row = int(i + 1);
        row.residentId = cell(r, columns[ResidentId]).toUpper();
        row.name = cell(r, columns[Name]);
        row.residentIdMasked
            = row.residentId.isEmpty() ? QString() : maskResidentId(row.residentId);
        row.reason = cell(r, columns[Reason]);
        row.hoursCell = cell(r, columns[Hours]);
        row.hoursTenths = parseHoursTenths(row.hoursCell);
        row.absent = row.hoursTenths == 0;
        preview.rows.append(row);
    }
    evaluate(&preview, enrolments, classHoursTenths);
    return preview;
}

void applyServerMatches(AttendancePreview *preview, const QList<ServerIdMatch> &answers,
    const QList<EnrolmentRef> &enrolments, int classHoursTenths)
{
    qsizetype next = 0;
    for (AttendanceRow &row : preview->rows) {
        if (!row.awaitingServer)
            continue;
        if (next >= answers.size())
            break;
        const ServerIdMatch &answer = answers.at(next++);
        row.idCheck = answer.check;
        row.enrolmentId = answer.check == IdCheck::Matched ? answer.enrolmentId : QString();
    }
    evaluate(preview, enrolments, classHoursTenths);
}

QString neutralizeCsvCell(const QString &cell)
{
    if (cell.isEmpty())
        return cell;
    switch (cell.at(0).unicode()) {
    case u'=':
    case u'+':
    case u'-':
    case u'@':
    case u'\t':
    case u'\r':
        return QLatin1Char('\'') + cell;
    default:
        return cell;
    }
}

QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows)
{
    const auto line = [](const QStringList &fields) {
        QStringList out;
        out.reserve(fields.size());
        for (const QString &cell : fields) {
            const QString f = neutralizeCsvCell(cell);
            if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"'))
                || f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r'))) {
                QString quoted = f;
                quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
                out.append(QLatin1Char('"') + quoted + QLatin1Char('"'));
            } else {
                out.append(f);
            }
        }
        return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QString text = line(header);
    for (const QStringList &row : rows)
        text += line(row);
    return QByteArray("\xEF\xBB\xBF") + text.toUtf8();
}

} // namespace xueshi
