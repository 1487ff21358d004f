#pragma once

#include "localstore.h"

#include <QDateTime>
#include <QDialog>
#include <QJsonObject>
#include <QPointer>
#include <QTimer>

class QAbstractButton;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace xueshi {

class Clock;
class SyncEngine;

// "课程作业": one exam attempt as the server drew it (questions and options in their order, no
// answers), taken on this computer, online or not. Single-choice questions have radio buttons,
// multiple-choice check boxes, true/false two radio buttons; a list jumps between questions and
// marks the answered ones. The countdown runs from the attempt's time limit, from the moment the
// attempt was first opened (kept in the local store, so closing and reopening does not restart
// it, and so are the answers given so far); at zero what is answered is submitted. 【提交】 asks
// for confirmation (and names the unanswered questions); it queues exam.submit, which the server
// grades at the next sync. The time taken is measured on the clock's steady timer, which setting
// the computer's clock does not move (while the window is closed: the steady timer in the same
// run of the program, the wall clock across runs, never less than nothing); it is sent as
// elapsedSeconds, and finishedAt is startedAt plus it, never before.
class ExamDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExamDialog)

public:
    // `store`, `clock` (null: the system clock) and `engine` must outlive the dialog.
    ExamDialog(SyncEngine *engine, LocalStore *store, const Clock *clock,
        const CachedEntity &attempt, const QString &courseTitle, QWidget *parent = nullptr);
    ~ExamDialog() override;

    QString attemptId() const { return m_attempt.id; }
    int questionCount() const { return int(m_questions.size()); }
    int answeredCount() const;
    // Seconds left (never below 0).
    int secondsLeft() const;
    // The time taken so far, in milliseconds.
    qint64 elapsedMs() const;
    // The chosen option ids per question id.
    QJsonObject answers() const;
    bool isSubmitted() const { return m_submitted; }

public slots:
    void showQuestion(int index);
    // Asks for confirmation, then submits.
    void requestSubmit();
    // Submits what is answered now, without asking; false when it could not be queued.
    bool submit();
    // Counts the time down (every second; public so tests can drive it).
    void tick();

signals:
    void submitted(const QString &attemptId);

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Question
    {
        QString id;
        QString type;
        QList<QAbstractButton *> options; // in the drawn order
    };

    void updateAnswered();
    void saveAnswers();
    void updateCountdown();
    // Keeps the start and the time taken so far in the store's meta, for the next opening.
    void saveTiming();
    void retranslateUi();
    static QString typeName(const QString &type);

    QPointer<SyncEngine> m_engine;
    LocalStore *m_store;
    const Clock *m_clock;
    CachedEntity m_attempt;
    QDateTime m_startedAt;
    qint64 m_elapsedBaseMs = 0; // taken before this window opened
    qint64 m_openedSteadyMs = 0;
    int m_limitSeconds = 0;
    bool m_submitted = false;
    QList<Question> m_questions;
    QTimer m_timer;

    QLabel *m_titleLabel;
    QLabel *m_countdownLabel;
    QLabel *m_answeredLabel;
    QListWidget *m_questionList;
    QStackedWidget *m_stack;
    QPushButton *m_previousButton;
    QPushButton *m_nextButton;
    QPushButton *m_submitButton;
    QLabel *m_messageLabel;
};

} // namespace xueshi
