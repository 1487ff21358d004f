#pragma once

#include "servicecontext.h"

#include <QDate>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace xueshi::server {

class BindingService;

// A learner's hour records (学时记录): one row per course, class or self-declaration, with hours
// in tenths (never floating point). Public courses, training classes and self-declarations write
// them through here, inside their own transactions, so every change reaches the learner and the
// HR office of the employer the learner is confirmed with through the change feed.
class HourRecordService final
{
public:
    struct Record
    {
        QString id; // UUID; made where the record is created
        QString learnerId;
        int year = 0;
        QString source; // publicCourse | trainingClass | selfDeclaration
        QString subjectType; // public | professional | elective
        int hoursTenths = 0;
        QString status; // pending | confirmed | rejected
        QString title;
        QDate startDate;
        QDate endDate;
    };

    HourRecordService(ServiceContext &context, BindingService &bindings);

    // Inserts or updates the record (its version goes up) and publishes it; inside the caller's
    // transaction. Throws ApiError for values outside the vocabularies. Returns the new version.
    qint64 save(const Record &record);
    // Many records at once (a class's hours for thousands of learners), inside the caller's
    // transaction: new records are written with multi-row INSERTs and published together; any
    // that already exist go through save(). Throws ApiError like save(), before writing anything.
    void saveMany(const QList<Record> &records);
    QJsonObject recordJson(const QString &id);
    // Publishes every record of the learner again, so an employer that has just confirmed the
    // learner receives the history too.
    void publishAllOf(const QString &learnerId);
    // The former employer's HR office loses the learner's records: they leave its feed (a fresh
    // pull no longer returns them) and its clients delete them on their next sync.
    void withdrawFrom(const QString &learnerId, const QString &employerId);

private:
    static void validate(const Record &record);
    static QJsonObject toJson(const Record &record, qint64 version);
    QStringList audiencesOf(const QString &learnerId, const std::optional<QString> &employerId);
    void publish(const QString &id);

    ServiceContext &m_context;
    BindingService &m_bindings;
};

} // namespace xueshi::server
