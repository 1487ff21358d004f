#pragma once

#include <QDialog>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QPointer>
#include <QTextBrowser>

class QLabel;
class QPdfDocument;
class QPdfView;
class QProgressBar;
class QStackedWidget;

namespace xueshi {

class ClientCore;
class ContentCache;
class CourseDownload;
class StudySession;
class SyncEngine;

// Shows an HTML lesson. Its images are the lesson's resources, read from the content cache by
// their SHA-256; nothing is loaded from the network (a lesson is readable offline, and a lesson
// cannot make the client contact another host).
class LessonBrowser final : public QTextBrowser
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonBrowser)

public:
    LessonBrowser(ContentCache *cache, QWidget *parent = nullptr);

    // The lesson's path in the package ("lessons/01.html") and its resources
    // ([{"path","sha256","size"}]): relative image paths resolve against the lesson's folder.
    void setLesson(const QString &lessonPath, const QJsonArray &resources);
    QVariant loadResource(int type, const QUrl &name) override;
    // Image paths the lesson asked for that were not found in the cache.
    QStringList missingResources() const { return m_missing; }

private:
    QPointer<ContentCache> m_cache;
    QString m_lessonDir;
    QHash<QString, QString> m_resources; // package path -> sha256
    QStringList m_missing;
};

// "点击学习": one lesson in its own window, HTML in a LessonBrowser or PDF in a QPdfView. The file
// (and an HTML lesson's images) is fetched into the content cache first when it is not there,
// with its progress; a cached lesson opens offline, a missing one says what to do. While the
// lesson is shown, a StudySession counts the time ("已学习 m 分 / 要求 n 分") and queues it as
// lesson.study every minute and when the window closes or is minimised.
class LessonViewer final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LessonViewer)

public:
    LessonViewer(ClientCore *core, SyncEngine *engine, const QString &learnerId,
        const QJsonObject &course, const QString &lessonId, QWidget *parent = nullptr);
    ~LessonViewer() override;

    QString lessonId() const { return m_lessonId; }
    StudySession *studySession() const { return m_session; }
    bool isContentShown() const { return m_shown; }
    LessonBrowser *browser() const { return m_browser; }
    QPdfDocument *pdfDocument() const { return m_pdf; }

signals:
    void studied();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;
    void changeEvent(QEvent *event) override;
    void done(int result) override;

private:
    void load();
    void showContent();
    void showProblem(const QString &message);
    void updateActive();
    void updateStudyTime();

    ClientCore *m_core;
    QJsonObject m_course;
    QJsonObject m_lesson;
    QString m_lessonId;
    StudySession *m_session;
    CourseDownload *m_download;
    bool m_shown = false;
    bool m_closing = false;

    QLabel *m_titleLabel;
    QLabel *m_studyLabel;
    QProgressBar *m_studyProgress;
    QLabel *m_creditLabel;
    QLabel *m_completeLabel;
    QStackedWidget *m_stack;
    QWidget *m_loadingPage;
    QLabel *m_loadingLabel;
    QProgressBar *m_fetchProgress;
    QLabel *m_problemLabel;
    LessonBrowser *m_browser;
    QPdfView *m_pdfView;
    QPdfDocument *m_pdf;
};

} // namespace xueshi
