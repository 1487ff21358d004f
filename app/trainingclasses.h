#pragma once

#include "apiclient.h"
#include "attendance.h"
#include "localstore.h"

#include <QCoreApplication>
#include <QDate>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace xueshi {

class SyncEngine;

// Names of the training-class vocabularies (R6) in the UI language, shared by the institution's
// and the learner's pages. Hours are integer tenths everywhere (docs/sync.md).
class ClassText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::ClassText)

public:
    // draft / accepting / closed: 草稿 / 接受报名 / 停止报名
    static QString classStatus(const QString &status);
    // pending / confirmed / rejected / cancelled / credited / absent: 已报名待确认, 报名成功, ...
    static QString enrolmentStatus(const QString &status);
    static QString subjectType(const QString &code); // elective / professional
    static QString mode(const QString &code); // online / offline
    // 95 -> "9.5", 120 -> "12"
    static QString hours(int tenths);
    // "9.5" -> 95; a number with at most one decimal place, at least 0; nullopt otherwise.
    static std::optional<int> parseHours(const QString &text);
    // A class's dates as "2026-04-01 – 2026-04-03".
    static QString dates(const QJsonObject &trainingClass);
};

// Declares the class and enrolment mutations (contracts/classes.md) on an engine with their local
// effects, so a saved class, an opened enrolment, an enrolment or a decision shows at once,
// offline. class.confirmHours changes enrolments, not the class it targets: its entries are laid
// over the cached enrolments while it waits in the outbox (pendingHoursDecisions()), and the
// server's rows replace them once it is applied. Calling it again is harmless.
void registerClassMutations(SyncEngine *engine, const LocalStore *store);

// The employer of the learner's confirmed binding and its region: which classes the learner may
// enrol in. Nullopt when no employer has confirmed the learner (study is locked).
struct LearnerEmployer
{
    QString employerId;
    QString employerName;
    QString regionCode;
};
std::optional<LearnerEmployer> confirmedEmployer(const LocalStore *store);

// Why the learner cannot enrol in the class now (enrolment closed, deadline passed, full, already
// enrolled), or an empty string. `enrolments` are the learner's cached enrolments.
QString enrolmentBlocker(
    const CachedEntity &trainingClass, const QList<CachedEntity> &enrolments, const QDate &today);
// The learner's active (pending, confirmed or credited) enrolment in the class, if any.
std::optional<CachedEntity> activeEnrolment(
    const QString &classId, const QList<CachedEntity> &enrolments);

// One person's line of an hours confirmation (class.confirmHours).
struct HoursEntry
{
    QString enrolmentId;
    QString learnerName; // for messages only
    int hoursTenths = 0;
    bool absent = false;
    QString reason;
};
// The first problem the server would refuse the entry for, checked before queueing: hours above
// the class's, fewer hours or absent without a reason; empty when fine.
QString hoursEntryProblem(const HoursEntry &entry, int classHoursTenths);
// The class.confirmHours payloads for these lines: one, or several for a batch too large for
// one request (more than 2000 people, or long reasons).
QList<QJsonObject> hoursPayloads(const QList<HoursEntry> &entries);

// An hours decision still waiting in the outbox, by enrolment id: status "credited" or
// "absent" with the hours.
struct PendingHours
{
    QString status;
    int hoursTenths = 0;
    QString reason;
};
QHash<QString, PendingHours> pendingHoursDecisions(const LocalStore *store);

// The outbox's rows that the server refused or that conflicted, by target id: the message to
// show next to the class or enrolment concerned.
QHash<QString, OutboxMutation> problemsByTarget(const LocalStore *store, const QString &entityType);
QString problemMessage(const OutboxMutation &problem);

// The server's answers for the resident ids of an attendance sheet (POST
// /classes/{id}/attendance-match, docs/sync.md "Attendance matching"), in the order sent. The
// institution holds masked ids only, so this is the one way to learn whose id a row names.
struct AttendanceMatchResult
{
    QList<ServerIdMatch> answers; // one per id sent, unless `error`
    ApiError error; // not reached (offline), or refused (429 once the day's checks are used)
    int checksLeftToday = -1; // ids resembling an enrolled person's that may still be checked
};
// The ids go in requests of at most 5000, one after the other; `done` runs once, on the event
// loop, unless `context` is gone by then. The ids are never stored or logged.
void matchAttendanceIds(ApiClient *api, const QString &classId, const QStringList &ids,
    const QObject *context, std::function<void(const AttendanceMatchResult &)> done);
// One answer of the server as the preview takes it ("matched" with its enrolment id, "notFound"
// or "invalid": no enrolment, "limited": not checked today).
ServerIdMatch serverIdMatch(const QJsonObject &result);

} // namespace xueshi
