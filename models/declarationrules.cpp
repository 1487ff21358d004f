#include "declarationrules.h"

#include "professionalseries.h"

#include <QCoreApplication>

#include <algorithm>
#include <limits>

namespace xueshi {

namespace {

constexpr int MaxTextLength = 100;

qsizetype characterCount(QStringView text)
{
    // Code points, so a character outside the BMP counts once.
    qsizetype n = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++n;
    }
    return n;
}

bool hasControlCharacter(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) {
        return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format;
    });
}

class Problems
{
public:
    void add(const char *field, const char *code, const char *source, const QStringList &args = {})
    {
        QString message = QString::fromUtf8(source);
        for (const QString &a : args)
            message = message.arg(a);
        m_list.append(
            { QString::fromLatin1(field), QString::fromLatin1(code), message, source, args });
    }
    QList<DeclarationProblem> list() const { return m_list; }

private:
    QList<DeclarationProblem> m_list;
};

void checkText(Problems &problems, const char *field, const QString &value, const char *missing,
    const char *tooLong, const char *control)
{
    const QString trimmed = value.trimmed();
    if (trimmed.isEmpty())
        problems.add(field, "required", missing);
    else if (hasControlCharacter(trimmed))
        problems.add(field, "control_characters", control);
    else if (characterCount(trimmed) > MaxTextLength)
        problems.add(field, "too_long", tooLong, { QString::number(MaxTextLength) });
}

} // namespace

QString DeclarationProblem::translated() const
{
    if (!source)
        return message;
    QString text = QCoreApplication::translate("DeclarationRules", source);
    for (const QString &a : args)
        text = text.arg(a);
    return text;
}

int maxDeclarableTenths(int trainingDays, int hoursPerDayTenths)
{
    if (trainingDays < 1 || hoursPerDayTenths < 1)
        return 0;
    // Both are bounded by the callers' checks; 64-bit keeps a hostile pair from overflowing.
    const qint64 max = qint64(trainingDays) * hoursPerDayTenths;
    return int(std::min<qint64>(max, std::numeric_limits<int>::max()));
}

QString formatTenths(int tenths)
{
    const QString sign = tenths < 0 ? QStringLiteral("-") : QString();
    const qint64 t = tenths < 0 ? -qint64(tenths) : qint64(tenths);
    return t % 10 == 0 ? sign + QString::number(t / 10)
                       : sign + QStringLiteral("%1.%2").arg(t / 10).arg(t % 10);
}

QList<DeclarationProblem> checkDeclaration(
    const DeclarationInput &in, const QDate &today, int hoursPerDayTenths)
{
    Problems problems;
    checkText(problems, "title", in.title,
        QT_TRANSLATE_NOOP("DeclarationRules", "Enter the training content."),
        QT_TRANSLATE_NOOP(
            "DeclarationRules", "The training content may have at most %1 characters."),
        QT_TRANSLATE_NOOP("DeclarationRules",
            "The training content must not contain line breaks, tabs or other control "
            "characters."));
    checkText(problems, "organiser", in.organiser,
        QT_TRANSLATE_NOOP("DeclarationRules", "Enter the organiser."),
        QT_TRANSLATE_NOOP("DeclarationRules", "The organiser may have at most %1 characters."),
        QT_TRANSLATE_NOOP("DeclarationRules",
            "The organiser must not contain line breaks, tabs or other control characters."));

    bool datesOk = true;
    for (const auto &[field, date] :
        { std::pair { "startDate", in.startDate }, std::pair { "endDate", in.endDate } }) {
        if (!date.isValid()) {
            problems.add(field, "invalid_date",
                QT_TRANSLATE_NOOP("DeclarationRules", "Enter the date as YYYY-MM-DD."));
            datesOk = false;
        } else if (date.year() < 2000) {
            problems.add(field, "date_too_early",
                QT_TRANSLATE_NOOP("DeclarationRules", "The date must be in 2000 or later."));
            datesOk = false;
        }
    }
    if (datesOk) {
        if (in.startDate > in.endDate) {
            problems.add("endDate", "end_before_start",
                QT_TRANSLATE_NOOP("DeclarationRules", "The training cannot end before it starts."));
            datesOk = false;
        } else if (today.isValid() && in.endDate > today) {
            problems.add("endDate", "date_in_future",
                QT_TRANSLATE_NOOP("DeclarationRules",
                    "The training must have ended: its end date %1 is after today (%2)."),
                { in.endDate.toString(Qt::ISODate), today.toString(Qt::ISODate) });
        }
    }

    const qint64 span = datesOk ? in.startDate.daysTo(in.endDate) + 1 : 0;
    bool daysOk = true;
    if (in.trainingDays < 1) {
        problems.add("trainingDays", "days_out_of_range",
            QT_TRANSLATE_NOOP("DeclarationRules", "Enter at least 1 training day."));
        daysOk = false;
    } else if (datesOk && in.trainingDays > span) {
        problems.add("trainingDays", "days_out_of_range",
            QT_TRANSLATE_NOOP("DeclarationRules",
                "%1 training days do not fit between %2 and %3, which hold %4 days."),
            { QString::number(in.trainingDays), in.startDate.toString(Qt::ISODate),
                in.endDate.toString(Qt::ISODate), QString::number(span) });
        daysOk = false;
    }

    if (in.hoursTenths < 1) {
        problems.add("hoursTenths", "hours_out_of_range",
            QT_TRANSLATE_NOOP("DeclarationRules", "Enter at least 0.1 hours."));
    } else if (daysOk && in.hoursTenths > maxDeclarableTenths(in.trainingDays, hoursPerDayTenths)) {
        const QStringList args { formatTenths(in.hoursTenths), QString::number(in.trainingDays),
            formatTenths(maxDeclarableTenths(in.trainingDays, hoursPerDayTenths)),
            formatTenths(hoursPerDayTenths) };
        if (in.trainingDays == 1) {
            problems.add("hoursTenths", "hours_over_cap",
                QT_TRANSLATE_NOOP("DeclarationRules",
                    "%1 hours for %2 training day is more than the %3 allowed (at most %4 hours a "
                    "training day)."),
                args);
        } else {
            problems.add("hoursTenths", "hours_over_cap",
                QT_TRANSLATE_NOOP("DeclarationRules",
                    "%1 hours for %2 training days is more than the %3 allowed (at most %4 hours "
                    "a training day)."),
                args);
        }
    }

    const QString series = in.professionalSeries.trimmed();
    if (in.subjectType == QLatin1String("professional")) {
        if (series.isEmpty()) {
            problems.add("professionalSeries", "series_required",
                QT_TRANSLATE_NOOP(
                    "DeclarationRules", "Choose the professional series of professional hours."));
        } else if (!isKnownProfessionalSeries(series)) {
            problems.add("professionalSeries", "series_unknown",
                QT_TRANSLATE_NOOP(
                    "DeclarationRules", "Choose a professional series from the list."));
        }
    } else if (in.subjectType == QLatin1String("elective")) {
        if (!series.isEmpty()) {
            problems.add("professionalSeries", "series_not_allowed",
                QT_TRANSLATE_NOOP(
                    "DeclarationRules", "Elective hours have no professional series."));
        }
    } else {
        problems.add("subjectType", "subject_type",
            QT_TRANSLATE_NOOP("DeclarationRules",
                "Choose elective subjects or professional subjects as the subject type."));
    }
    return problems.list();
}

} // namespace xueshi
