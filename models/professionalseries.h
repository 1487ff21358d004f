#pragma once

#include <QList>
#include <QString>

namespace xueshi {

// One professional series (专业系列) a learner's title belongs to; professional hours declared
// by a learner name one. `code` is stable and travels in the API; `name` is the official Chinese
// name (data, not UI text).
struct ProfessionalSeries
{
    QString code;
    QString name;
};

// The series the server publishes (entity "professionalSeries"), in display order.
const QList<ProfessionalSeries> &professionalSeries();
bool isKnownProfessionalSeries(const QString &code);

// The learner profile's closed vocabularies, as codes.
bool isKnownGender(const QString &code); // "male", "female"
// "doctorate", "master", "bachelor", "juniorCollege" (大专), "secondary" (中专/高中), "other"
bool isKnownEducation(const QString &code);

} // namespace xueshi
