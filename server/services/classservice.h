#pragma once

#include "servicecontext.h"
#include "sync/syncservice.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace xueshi::server {

class AccountService;
class BindingService;
class HourRecordService;

// Training classes (R6, docs/sync.md "Training classes"): institutions create classes and open or
// close enrolment; learners enrol in the published classes whose region covers the region of
// their confirmed employer; the institution confirms or rejects enrolments, then confirms the
// hours of thousands of learners in one batch, which credits each as an hour record. Every action
// is a sync mutation, registered with the SyncService and run inside its transaction. Whatever
// changes an enrolment takes the class row's lock first, so capacity, counts and batches never
// interleave.
class ClassService final
{
public:
    static constexpr int MaxBatchEntries = 5000;
    // Attendance matching (docs/sync.md "Attendance matching"): ids per request, and the ids a
    // day per institution that share the mask of an enrolled person but are not their id.
    static constexpr int MaxMatchIds = 5000;
    static constexpr int MaxMatchIdLength = 32;
    static constexpr int MaxNearMissesPerDay = 10;

    ClassService(ServiceContext &context, AccountService &accounts, BindingService &bindings,
        HourRecordService &hourRecords, SyncService &sync);

    // POST /classes/{id}/attendance-match: which enrolment of the caller's class each resident id
    // of an attendance sheet belongs to, answered per id, so the institution never needs anything
    // from which a full id could be derived. Every answer is an oracle for the 8 digits the mask
    // hides, so ids that share an enrolled person's mask without being their id are counted per
    // institution and China day; past MaxNearMissesPerDay such ids get "limited", and a request
    // once the day's allowance is used up is 429. Throws ApiError.
    QJsonObject matchAttendance(
        const AuthenticatedUser &caller, const QString &classId, const QJsonObject &body);

private:
    struct ClassRow
    {
        QString id;
        QString institutionId;
        QString name;
        QString subjectType;
        QString professionalSeries;
        QString mode;
        QString regionCode;
        QString venue;
        QDate startDate;
        QDate endDate;
        int hoursTenths = 0;
        int capacity = 0;
        QDate enrolmentDeadline;
        QString description;
        QString status;
        qint64 version = 0;
        QString institutionName;
    };
    struct EnrolmentRow
    {
        QString id;
        QString classId;
        QString learnerId;
        QString learnerName;
        QString residentIdMasked;
        QString employerName;
        QString status;
        QString reason;
        std::optional<int> hoursTenths;
        QString hourRecordId;
        qint64 createdAt = 0;
        std::optional<qint64> decidedAt;
        std::optional<qint64> creditedAt;
        qint64 version = 0;
    };
    struct Counts
    {
        int enrolled = 0;
        int confirmed = 0;
    };

    QJsonObject save(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject setOpen(const AuthenticatedUser &caller, const SyncService::Mutation &m, bool open);
    QJsonObject request(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject cancel(const AuthenticatedUser &caller, const SyncService::Mutation &m);
    QJsonObject decide(
        const AuthenticatedUser &caller, const SyncService::Mutation &m, bool confirm);
    QJsonObject confirmHours(const AuthenticatedUser &caller, const SyncService::Mutation &m);

    // Reads the class, locking its row for the transaction (PostgreSQL; SQLite's BEGIN
    // IMMEDIATE already serialises writers).
    std::optional<ClassRow> lockClass(const QString &classId);
    // The class of an institution acting on it: 404 unknown, 403 another institution's.
    ClassRow ownedClass(const AuthenticatedUser &caller, const QString &classId);
    // The enrolment, after locking its class; 404 when unknown.
    std::pair<EnrolmentRow, ClassRow> lockEnrolment(const QString &enrolmentId);
    std::optional<EnrolmentRow> loadEnrolment(const QString &enrolmentId);
    Counts counts(const QString &classId);

    QJsonObject toJson(const ClassRow &c, const Counts &counts) const;
    QJsonObject toJson(const EnrolmentRow &e, const ClassRow &c) const;
    QStringList classAudiences(const ClassRow &c) const;
    void publishClass(const ClassRow &c);
    void publishEnrolment(const EnrolmentRow &e, const ClassRow &c);
    QJsonObject enrolmentConflict(
        const QString &mutationId, const EnrolmentRow &e, const ClassRow &c);

    ServiceContext &m_context;
    AccountService &m_accounts;
    BindingService &m_bindings;
    HourRecordService &m_hourRecords;
};

} // namespace xueshi::server
