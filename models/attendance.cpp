#include "attendance.h"

#include "validators.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QHash>
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

QString residentIdDigest(const QString &classId, const QString &residentId)
{
    const QByteArray text = (classId + QLatin1Char(':') + residentId.trimmed().toUpper()).toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(text, QCryptographicHash::Sha256).toHex());
}

int AttendancePreview::okCount() const
{
    return int(
        std::count_if(rows.cbegin(), rows.cend(), [](const AttendanceRow &r) { return r.ok; }));
}

int AttendancePreview::errorCount() const
{
    return int(rows.size()) - okCount();
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

    QHash<QString, const EnrolmentRef *> byDigest;
    QHash<QString, QList<const EnrolmentRef *>> byName;
    byDigest.reserve(enrolments.size());
    byName.reserve(enrolments.size());
    for (const EnrolmentRef &e : enrolments) {
        byDigest.insert(e.residentIdDigest, &e);
        byName[e.learnerName.trimmed()].append(&e);
    }
    QHash<QString, int> seen; // enrolment id -> row it was first matched on
    const auto cell = [](const QStringList &r, int column) {
        return column >= 0 && column < r.size() ? r.at(column).trimmed() : QString();
    };
    const auto fail = [](AttendanceRow &row, const QString &message) {
        row.ok = false;
        row.error = message;
    };

    for (qsizetype i = 1; i < records.size(); ++i) {
        const QStringList &r = records.at(i);
        if (blank(r))
            continue;
        AttendanceRow row;
        row.row = int(i + 1);
        const QString residentId = cell(r, columns[ResidentId]);
        row.name = cell(r, columns[Name]);
        row.residentIdMasked = residentId.isEmpty() ? QString() : maskResidentId(residentId);
        row.reason = cell(r, columns[Reason]);
        const QString hours = cell(r, columns[Hours]);
        row.hoursTenths = parseHoursTenths(hours);
        row.absent = row.hoursTenths == 0;

        const EnrolmentRef *match = nullptr;
        if (!residentId.isEmpty()) {
            const QString classId = enrolments.isEmpty() ? QString() : enrolments.first().classId;
            match = byDigest.value(residentIdDigest(classId, residentId));
            if (!match) {
                fail(row,
                    QCoreApplication::translate("Attendance",
                        "Row %1: no learner of this class has the resident ID number %2.")
                        .arg(QString::number(row.row), row.residentIdMasked));
            }
        } else if (!row.name.isEmpty()) {
            const QList<const EnrolmentRef *> named = byName.value(row.name);
            if (named.isEmpty()) {
                fail(row,
                    QCoreApplication::translate(
                        "Attendance", "Row %1: no learner of this class is named %2.")
                        .arg(QString::number(row.row), row.name));
            } else if (named.size() > 1) {
                fail(row,
                    QCoreApplication::translate("Attendance",
                        "Row %1: %2 learners of this class are named %3; give the resident ID "
                        "number instead.")
                        .arg(QString::number(row.row), QString::number(named.size()), row.name));
            } else {
                match = named.first();
            }
        } else {
            fail(row,
                QCoreApplication::translate(
                    "Attendance", "Row %1: give the resident ID number or the name.")
                    .arg(row.row));
        }
        if (!match) {
            preview.rows.append(row);
            continue;
        }
        if (row.name.isEmpty())
            row.name = match->learnerName;
        row.enrolmentId = match->enrolmentId;

        const auto earlier = seen.constFind(match->enrolmentId);
        if (earlier != seen.constEnd()) {
            fail(row,
                QCoreApplication::translate("Attendance", "Row %1: %2 is already listed in row %3.")
                    .arg(QString::number(row.row), row.name, QString::number(*earlier)));
            preview.rows.append(row);
            continue;
        }
        seen.insert(match->enrolmentId, row.row);
        if (hours.isEmpty()) {
            fail(row,
                QCoreApplication::translate("Attendance", "Row %1: the hours are missing.")
                    .arg(row.row));
        } else if (row.hoursTenths < 0) {
            fail(row,
                QCoreApplication::translate("Attendance",
                    "Row %1: \"%2\" is not a number of hours (a number such as 24 or 2.5, with "
                    "at most one decimal place).")
                    .arg(QString::number(row.row), hours));
        } else if (row.hoursTenths > classHoursTenths) {
            fail(row,
                QCoreApplication::translate(
                    "Attendance", "Row %1: %2 hours are more than the class's %3 hours.")
                    .arg(QString::number(row.row), hoursText(row.hoursTenths),
                        hoursText(classHoursTenths)));
        } else if (match->status == QLatin1String("credited")
            || match->status == QLatin1String("absent")) {
            fail(row,
                QCoreApplication::translate(
                    "Attendance", "Row %1: the hours of %2 were already confirmed.")
                    .arg(QString::number(row.row), row.name));
        } else if (match->status != QLatin1String("confirmed")) {
            fail(row,
                QCoreApplication::translate(
                    "Attendance", "Row %1: the enrolment of %2 is not confirmed.")
                    .arg(QString::number(row.row), row.name));
        } else if (row.hoursTenths < classHoursTenths && row.reason.isEmpty()) {
            fail(row,
                QCoreApplication::translate("Attendance",
                    "Row %1: fewer hours than the class's (or 0 for absent) need a reason in the "
                    "column 备注 (reason).")
                    .arg(row.row));
        } else {
            row.ok = true;
        }
        preview.rows.append(row);
    }
    return preview;
}

QByteArray writeCsv(const QStringList &header, const QList<QStringList> &rows)
{
    const auto line = [](const QStringList &fields) {
        QStringList out;
        out.reserve(fields.size());
        for (const QString &f : fields) {
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
