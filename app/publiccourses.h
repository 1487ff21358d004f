#pragma once

#include "localstore.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace xueshi {

class SyncEngine;

// Names of the public-course (R5) and hour-record vocabularies in the UI language.
class CourseText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::CourseText)

public:
    // Tenths of an hour with one decimal: 100 -> "10.0", 75 -> "7.5".
    static QString hours(int tenths);
    // public / professional / elective: 公需科目 / 专业科目 / 选修科目
    static QString subjectType(const QString &code);
    // publicCourse / trainingClass / selfDeclaration: 公需课 / 培训班 / 自行申报
    static QString source(const QString &code);
    // An hour record's status: confirmed / pending / rejected: 已确认 / 待确认 / 未通过
    static QString recordStatus(const QString &code);
    // "2026年度公需课"
    static QString yearOffer(int year);
};

// Declares course.select, course.setYear, lesson.study and exam.submit (contracts/courses.md)
// on an engine with their local effects, so a selection, studied time or a submitted exam shows
// at once, offline. lesson.study adds its seconds to the cached progress (the server adds them
// too, on any version), so the time queued is shown once and sent once. Calling it again is
// harmless.
void registerCourseMutations(SyncEngine *engine, const LocalStore *store);

// Two lesson.study payloads as one claim, when `next` continues the stretch of `waiting` exactly
// (same lesson, `startedAt` equal to `endedAt`) and the sum stays within the server's limit per
// claim (StudySession::MaxMutationSeconds); otherwise nullopt. Claims without their stretch never
// merge.
std::optional<QJsonObject> mergeStudyClaims(const QJsonObject &waiting, const QJsonObject &next);

QString courseSelectionId(const QString &learnerId, const QString &courseId);
QString lessonProgressId(
    const QString &learnerId, const QString &courseId, const QString &lessonId);

// One file of a course in the content store, by the SHA-256 of its bytes.
struct CourseFile
{
    QString sha256;
    qint64 size = 0;
    QString path; // inside the package
};

// The lesson's file and its resources (the images of an HTML lesson).
QList<CourseFile> lessonFiles(const QJsonObject &lesson);
// Every file of the course, each hash once.
QList<CourseFile> courseFiles(const QJsonObject &course);
QJsonObject lessonOf(const QJsonObject &course, const QString &lessonId);

// What the learner's cache holds about public courses. The server sends each learner only their
// own selections, progress and attempts, so these read the cache without filtering by user.
class PublicCourses final
{
public:
    explicit PublicCourses(const LocalStore *store, const QString &learnerId = {});

    // The published courses, by title.
    QList<CachedEntity> courses() const;
    std::optional<CachedEntity> course(const QString &courseId) const;
    std::optional<CachedEntity> selection(const QString &courseId) const;
    // The cached progress row of a lesson (empty when not studied yet).
    QJsonObject progress(const QString &courseId, const QString &lessonId) const;
    int studiedSeconds(const QString &courseId, const QString &lessonId) const;
    bool lessonComplete(const QString &courseId, const QJsonObject &lesson) const;
    int completedLessons(const QJsonObject &course) const;
    bool allLessonsComplete(const QJsonObject &course) const;
    // The course's exam attempts, by number.
    QList<CachedEntity> attempts(const QString &courseId) const;

private:
    const LocalStore *m_store;
    QString m_learnerId;
};

} // namespace xueshi
