#pragma once

#include "localstore.h"
#include "syncengine.h"
#include "user.h"

#include <QDialog>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QFrame;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QTableWidget;
class QTextBrowser;

namespace xueshi {

class ClientCore;
class CourseDownload;
class ExamDialog;
class LessonViewer;

// "修改申报年度": the years the course's hours may count toward now (models/coursepolicy.h), the
// current one chosen; 【确认】 asks once more before the dialog accepts.
class DeclarationYearDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeclarationYearDialog)

public:
    DeclarationYearDialog(const QString &courseTitle, const QList<int> &years, int current,
        QWidget *parent = nullptr);

    int year() const;

private:
    void askConfirmation();

    QString m_courseTitle;
    QComboBox *m_years;
};

// "公需课学习平台" (R5): the public courses on offer per year (【查看】), the selectable courses
// (【选择课程】), a course's introduction page with its declaration year (【修改申报年度】,
// 【开始学习】) and the catalogue: each lesson's progress with 【点击学习】, 【下载离线学习】 and
// 【课程作业】 with the exam's state (待评分 until the server graded it, then the score).
// Everything reads the local cache and writes through the sync engine's outbox, so it works
// offline. Until an employer has confirmed the learner (R4), a banner says so and the study actions
// are off.
class CoursePlatformPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CoursePlatformPage)

public:
    enum class View { Offers, Courses, Introduction, Catalogue };

    explicit CoursePlatformPage(ClientCore *core, QWidget *parent = nullptr);
    ~CoursePlatformPage() override;

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    void setStudyUnlocked(bool unlocked);
    bool studyUnlocked() const { return m_unlocked; }

    View currentView() const;
    QString currentCourseId() const { return m_courseId; }
    int currentYear() const { return m_year; }
    // The open lesson and exam windows, if any.
    LessonViewer *lessonViewer() const;
    ExamDialog *examDialog() const;
    CourseDownload *download() const { return m_download; }

public slots:
    void showOffers();
    void showCourses(int year);
    void showIntroduction(const QString &courseId);
    // Selects the course first (course.select with the declaration year shown) when need be.
    void startStudy();
    void showCatalogue(const QString &courseId);
    void changeDeclarationYear();
    void openLesson(const QString &lessonId);
    void openExam();
    void downloadOffline();
    void cancelDownload();

protected:
    void changeEvent(QEvent *event) override;

private:
    QString learnerId() const;
    LocalStore *store() const;
    // The declaration year shown before the learner chose one: the first the policy allows.
    int defaultYear(const QJsonObject &course) const;
    QList<int> declarableYears(const QJsonObject &course) const;
    void reload();
    void fillOffers();
    void fillCourses();
    void fillIntroduction();
    void fillCatalogue();
    void fillExamState(const QJsonObject &course);
    void updateDownloadState();
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_unlocked = false;
    int m_year = 0; // the offer shown by 查看
    QString m_courseId;
    QPointer<LessonViewer> m_viewer;
    QPointer<ExamDialog> m_exam;
    CourseDownload *m_download = nullptr;
    QString m_downloadCourseId;
    QString m_downloadMessage;

    QLabel *m_titleLabel;
    QFrame *m_lockBanner;
    QLabel *m_lockLabel;
    QStackedWidget *m_stack;
    // Offers.
    QWidget *m_offersPage;
    QLabel *m_offersHintLabel;
    QTableWidget *m_offers;
    QLabel *m_offersEmptyLabel;
    // Courses of one year.
    QWidget *m_coursesPage;
    QPushButton *m_backToOffers;
    QLabel *m_coursesTitleLabel;
    QTableWidget *m_courses;
    // Introduction.
    QWidget *m_introPage;
    QPushButton *m_backToCourses;
    QLabel *m_courseTitleLabel;
    QLabel *m_courseFactsLabel;
    QLabel *m_examRulesLabel;
    QTextBrowser *m_introduction;
    QLabel *m_yearLabel;
    QLabel *m_introMessageLabel;
    QPushButton *m_changeYearButton;
    QPushButton *m_startButton;
    // Catalogue.
    QWidget *m_cataloguePage;
    QPushButton *m_backToIntro;
    QLabel *m_catalogueTitleLabel;
    QLabel *m_catalogueSummaryLabel;
    QTableWidget *m_lessons;
    QPushButton *m_downloadButton;
    QProgressBar *m_downloadProgress;
    QPushButton *m_cancelDownloadButton;
    QLabel *m_downloadLabel;
    QPushButton *m_examButton;
    QLabel *m_examLabel;
};

} // namespace xueshi
