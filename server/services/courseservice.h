#pragma once

#include "servicecontext.h"
#include "sync/syncservice.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariant>

#include <optional>

namespace xueshi::server {

class BindingService;
class ContentStore;
class HourRecordService;
class PolicyService;
struct CoursePackage;

// Public courses (R5; docs/sync.md "Public courses"): importing a course package and publishing
// it to everyone, and the learner's side as sync mutations: choosing a course and its declaration
// year, studying lessons, and the exam. Questions are drawn, shuffled and graded here; the answer
// key never leaves the server. Passing credits the course's hours once, as a confirmed hour record
// of the declaration year.
class CourseService final
{
public:
    CourseService(ServiceContext &context, BindingService &bindings, HourRecordService &hourRecords,
        PolicyService &policies, ContentStore &content);

    struct ImportResult
    {
        QString courseId;
        int packageVersion = 0;
        int previousVersion = 0; // 0 for a new course
        int lessons = 0;
        int questions = 0;
        QStringList changedLessons; // re-import: lessons whose progress was reset
        int progressReset = 0; // progress rows set back to 0 seconds
        int attemptsRedrawn = 0; // ready attempts drawn again from the new bank
    };
    // Stores the files in the ContentStore, then writes and publishes the course in one
    // transaction. A course already installed is replaced only by a higher version; learners keep
    // their progress in the lessons whose digest is unchanged. nullopt with *error otherwise.
    std::optional<ImportResult> importPackage(const CoursePackage &package, QString *error);
    // The installed package version of a course, 0 when it is not installed.
    int installedVersion(const QString &courseId);

    // Declares course.select, course.setYear, lesson.study and exam.submit.
    void registerMutations(SyncService &sync);

private:
    using Mutation = SyncService::Mutation;

    struct Course
    {
        QString id;
        int packageVersion = 0;
        QString title;
        int hoursTenths = 0;
        QList<int> years;
        int questionCount = 0;
        int passMark = 0;
        int attemptsAllowed = 0;
        int timeLimitMinutes = 0;
    };
    std::optional<Course> course(const QString &courseId);
    // Holds a re-import of the course off until the calling transaction ends (PostgreSQL; SQLite's
    // BEGIN IMMEDIATE already serialises writers): whatever draws an attempt takes it first, so an
    // attempt is drawn either from the old bank and then redrawn by the import, or from the new.
    void lockCourseShared(const QString &courseId);

    QJsonObject select(const AuthenticatedUser &caller, const Mutation &m);
    QJsonObject setYear(const AuthenticatedUser &caller, const Mutation &m);
    QJsonObject study(const AuthenticatedUser &caller, const Mutation &m);

    // A lesson.study claim: `seconds` studied between `from` and `to` (milliseconds since the
    // epoch, the client's clock), for a lesson the learner could see from `availableFrom` on
    // (the server's clock: when the course was chosen).
    struct StudyClaim
    {
        qint64 from = 0;
        qint64 to = 0;
        int seconds = 0;
        qint64 availableFrom = 0;
    };
    struct StudyCredit
    {
        int seconds = 0; // credited
        qint64 beforeAvailableMs = 0; // of the claimed stretch, before the lesson could be seen
        qint64 alreadyCreditedMs = 0; // of the rest, already credited to another claim
    };
    // Credits what of the claim is provable (docs/sync.md "Study time") and records the time it
    // used, so the same time is never credited twice, to any lesson of any course.
    StudyCredit creditStudy(const QString &learnerId, const QString &courseId,
        const QString &lessonId, StudyClaim claim, qint64 now);
    QJsonObject submit(const AuthenticatedUser &caller, const Mutation &m);
    // The seconds an exam attempt took, as far as the server can trust them (docs/sync.md
    // "Time limit").
    qint64 examDuration(const QJsonObject &payload, const QDateTime &startedAt,
        const QDateTime &finishedAt, qint64 drawnAt, int timeLimitMinutes) const;

    int requireDeclarableYear(const Course &course, const QJsonObject &payload);

    struct BankQuestion
    {
        QString id;
        QString type;
        QString text;
        QJsonArray options; // [{"id","text"}], as the package lists them
    };
    QList<BankQuestion> loadBank(const QString &courseId);
    // Draws `count` questions of the bank in random order, each with its options in random order;
    // appends the rows the server keeps (attempt, position, question, option order) to *rows and
    // returns the questions as shown (no answers).
    static QJsonArray drawFrom(
        QList<BankQuestion> bank, int count, const QString &attemptId, QList<QVariantList> *rows);
    void insertDrawn(const QList<QVariantList> &rows);
    QString createAttempt(const QString &learnerId, const Course &course, int number);
    // Re-import: every unsubmitted attempt of the course drawn again from the new bank.
    int redrawReadyAttempts(const Course &course, const QList<BankQuestion> &bank);

    // The entities as published, for the rows matching an SQL condition (with its values).
    QList<QJsonObject> selections(const QString &condition, const QVariantList &binds);
    QList<QJsonObject> progress(const QString &condition, const QVariantList &binds);
    QList<QJsonObject> attempts(const QString &condition, const QVariantList &binds);
    // Appends the rows to the change log for their learners, as one block.
    void publish(const QString &type, const QList<QJsonObject> &rows);
    void publishSelection(const QString &selectionId);
    void publishProgress(const QString &progressId);
    void publishAttempt(const QString &attemptId);

    ServiceContext &m_context;
    BindingService &m_bindings;
    HourRecordService &m_hourRecords;
    PolicyService &m_policies;
    ContentStore &m_content;
};

} // namespace xueshi::server
