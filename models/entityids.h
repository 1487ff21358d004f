#pragma once

#include <QString>
#include <QStringList>

namespace xueshi {

// The id of an entity that exists once per combination of other ids (a learner's progress in one
// lesson, a learner's selection of one course): a name-based UUID (version 5) of the parts, so
// the client can make the same id offline as the server makes online, and a repeated request
// lands on the same row. Lower-case, without braces.
QString derivedId(const QString &kind, const QStringList &parts);

} // namespace xueshi
