#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

// Small pieces the services that apply sync mutations share (docs/sync.md "Push").
namespace xueshi::server {

// A mutation's `applied` result with the entity's new version.
QJsonObject applied(const QString &mutationId, qint64 version);

// A new entity's id: a UUID as QUuid writes it (lower case, no braces). Ids are compared as text
// (class.confirmHours matches enrolment ids whatever their case), which only works when they are
// stored in that one form.
bool isUuid(const QString &text);

// A JSON number that is a whole number, checked in range before any cast: a double outside
// qint64 cast to it is undefined behaviour.
bool isWholeNumber(const QJsonValue &value);

// Milliseconds since the epoch as an ISO 8601 UTC timestamp; none: null.
QJsonValue isoUtc(const std::optional<qint64> &msecs);

// An optional text as the feed carries it: empty is null.
QJsonValue jsonTextOrNull(const QString &text);

} // namespace xueshi::server
