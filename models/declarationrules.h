#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace xueshi {

// What a learner declares of a training outside the system (学时申报): the form's fields, hours in
// integer tenths. The year the hours count toward is startDate.year().
struct DeclarationInput
{
    QString title; // 培训内容
    QString organiser; // 主办单位
    QDate startDate;
    QDate endDate;
    int trainingDays = 0; // 参训天数
    int hoursTenths = 0;
    QString subjectType; // "elective" or "professional"
    QString professionalSeries; // a professionalSeries code for professional hours, else empty
};

// One rule a declaration breaks. `field` names the form field (as in the API payload), `code` is
// machine-readable, `message` the English text with the numbers filled in (for logs and tests).
// To show it translated, use translated(): `source` is the English source text marked with
// QT_TRANSLATE_NOOP("DeclarationRules", ...) and `args` fill its %1, %2, ... after translation.
struct DeclarationProblem
{
    QString field;
    QString code;
    QString message;
    const char *source = nullptr;
    QStringList args;

    // The message in the application's language (QCoreApplication::translate).
    QString translated() const;
};

// Every problem of the input, in the order of the form. `today` is the date in China; the hours
// cap per training day comes from the year's policy (YearPolicy::hoursPerDayTenths).
// Rules: title and organiser 1-100 characters after trimming, without control characters; both
// dates valid, in the year 2000 or later; start not after end; end not after today; training days
// from 1 to the number of days from start to end (both counted); hours from 0.1 to training days
// times the cap; subject type elective or professional; a known professional series for
// professional hours and none for elective ones.
QList<DeclarationProblem> checkDeclaration(
    const DeclarationInput &input, const QDate &today, int hoursPerDayTenths);

// The most hours (in tenths) that many training days may hold: days times the cap, 0 for fewer
// than one day.
int maxDeclarableTenths(int trainingDays, int hoursPerDayTenths);

// Tenths of an hour as people write hours: "12", "12.5".
QString formatTenths(int tenths);

} // namespace xueshi
