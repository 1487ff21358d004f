#include "courses/examdialog.h"

#include "clock.h"
#include "common/uicommon.h"
#include "syncengine.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStackedWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// Kept by clients before the exam's time was measured on the steady timer: the first opening.
QString startedKey(const QString &attemptId)
{
    return QStringLiteral("examStartedAt:") + attemptId;
}

QString timingKey(const QString &attemptId)
{
    return QStringLiteral("examTiming:") + attemptId;
}

// This run of the program: steady times kept by another run are not comparable.
QString runId()
{
    static const QString id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return id;
}

QString answersKey(const QString &attemptId)
{
    return QStringLiteral("examAnswers:") + attemptId;
}

} // namespace

ExamDialog::ExamDialog(SyncEngine *engine, LocalStore *store, const Clock *clock,
    const CachedEntity &attempt, const QString &courseTitle, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_store(store)
    , m_clock(clock ? clock : SystemClock::instance())
    , m_attempt(attempt)
{
    setObjectName(QStringLiteral("examDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlags(Qt::Window | Qt::WindowMinMaxButtonsHint | Qt::WindowCloseButtonHint);
    resize(900, 640);

    // The time limit runs from the first opening of this attempt on this computer, also while
    // the window is closed.
    const QDateTime now = m_clock->nowUtc();
    m_openedSteadyMs = m_clock->steadyMs();
    const QJsonObject timing = store
        ? QJsonDocument::fromJson(store->meta(timingKey(attempt.id)).toUtf8()).object()
        : QJsonObject();
    m_startedAt = QDateTime::fromString(
        timing.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs);
    if (m_startedAt.isValid()) {
        // Closed in this run: the steady timer says how long. Closed by an earlier run (or a
        // crash): the wall clock since it was last kept, never less than nothing.
        const qint64 steadyAt = qint64(timing.value(QLatin1String("steadyMs")).toDouble());
        const QDateTime savedAt = QDateTime::fromString(
            timing.value(QLatin1String("savedAt")).toString(), Qt::ISODateWithMs);
        const qint64 closed = timing.value(QLatin1String("run")).toString() == runId()
                && m_openedSteadyMs >= steadyAt
            ? m_openedSteadyMs - steadyAt
            : std::max<qint64>(0, savedAt.isValid() ? savedAt.msecsTo(now) : 0);
        m_elapsedBaseMs = qint64(timing.value(QLatin1String("elapsedMs")).toDouble()) + closed;
    } else {
        const QDateTime older = store
            ? QDateTime::fromString(store->meta(startedKey(attempt.id)), Qt::ISODate)
            : QDateTime();
        m_startedAt = older.isValid() ? older : now;
        m_elapsedBaseMs = older.isValid() ? std::max<qint64>(0, older.msecsTo(now)) : 0;
    }
    saveTiming();
    m_limitSeconds = attempt.data.value(QLatin1String("timeLimitMinutes")).toInt() * 60;
    // The answers given before the window was closed (or the session ended) come back.
    const QJsonObject keptAnswers = store
        ? QJsonDocument::fromJson(store->meta(answersKey(attempt.id)).toUtf8()).object()
        : QJsonObject();

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(courseTitle, this);
    m_titleLabel->setObjectName(QStringLiteral("examTitleLabel"));
    ui::makeHeading(m_titleLabel, 4);
    layout->addWidget(m_titleLabel);
    auto *statusRow = new QHBoxLayout;
    m_countdownLabel = new QLabel(this);
    m_countdownLabel->setObjectName(QStringLiteral("examCountdownLabel"));
    m_answeredLabel = new QLabel(this);
    m_answeredLabel->setObjectName(QStringLiteral("examAnsweredLabel"));
    statusRow->addWidget(m_countdownLabel);
    statusRow->addStretch(1);
    statusRow->addWidget(m_answeredLabel);
    layout->addLayout(statusRow);

    auto *body = new QHBoxLayout;
    m_questionList = new QListWidget(this);
    m_questionList->setObjectName(QStringLiteral("questionListWidget"));
    m_questionList->setMaximumWidth(180);
    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("questionStackedWidget"));
    body->addWidget(m_questionList);
    body->addWidget(m_stack, 1);
    layout->addLayout(body, 1);

    const QJsonArray questions = attempt.data.value(QLatin1String("questions")).toArray();
    for (int i = 0; i < questions.size(); ++i) {
        const QJsonObject q = questions.at(i).toObject();
        Question question { text(q, "id"), text(q, "type"), {} };
        auto *scroll = new QScrollArea(m_stack);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        auto *page = new QWidget(scroll);
        scroll->setWidget(page);
        auto *pageLayout = new QVBoxLayout(page);
        auto *questionLabel = new QLabel(page);
        questionLabel->setObjectName(QStringLiteral("questionLabel_") + question.id);
        questionLabel->setWordWrap(true);
        questionLabel->setTextFormat(Qt::PlainText);
        questionLabel->setText(
            QStringLiteral("%1. [%2] %3").arg(i + 1).arg(typeName(question.type), text(q, "text")));
        pageLayout->addWidget(questionLabel);
        QJsonArray options = q.value(QLatin1String("options")).toArray();
        if (options.isEmpty() && question.type == QLatin1String("trueFalse"))
            options = { QJsonObject { { QStringLiteral("id"), QStringLiteral("true") },
                            { QStringLiteral("text"), tr("True") } },
                QJsonObject { { QStringLiteral("id"), QStringLiteral("false") },
                    { QStringLiteral("text"), tr("False") } } };
        const bool multiple = question.type == QLatin1String("multiple");
        auto *group = new QButtonGroup(page);
        group->setExclusive(!multiple);
        for (int o = 0; o < options.size(); ++o) {
            const QJsonObject option = options.at(o).toObject();
            const QString label = question.type == QLatin1String("trueFalse")
                ? text(option, "text")
                : QStringLiteral("%1. %2").arg(QChar(u'A' + o), text(option, "text"));
            QAbstractButton *button = multiple
                ? static_cast<QAbstractButton *>(new QCheckBox(label, page))
                : static_cast<QAbstractButton *>(new QRadioButton(label, page));
            button->setObjectName(
                QStringLiteral("option_%1_%2").arg(question.id, text(option, "id")));
            button->setProperty("xueshiOptionId", text(option, "id"));
            group->addButton(button);
            pageLayout->addWidget(button);
            if (keptAnswers.value(question.id).toArray().contains(text(option, "id")))
                button->setChecked(true);
            connect(button, &QAbstractButton::toggled, this, &ExamDialog::saveAnswers);
            connect(button, &QAbstractButton::toggled, this, &ExamDialog::updateAnswered);
            question.options.append(button);
        }
        pageLayout->addStretch(1);
        m_stack->addWidget(scroll);
        m_questionList->addItem(QString());
        m_questions.append(question);
    }

    auto *buttons = new QHBoxLayout;
    m_messageLabel = ui::createMessageLabel(QStringLiteral("examMessageLabel"), this);
    m_previousButton = new QPushButton(this);
    m_previousButton->setObjectName(QStringLiteral("previousQuestionButton"));
    m_nextButton = new QPushButton(this);
    m_nextButton->setObjectName(QStringLiteral("nextQuestionButton"));
    m_submitButton = new QPushButton(this);
    m_submitButton->setObjectName(QStringLiteral("submitExamButton"));
    ui::makePrimary(m_submitButton);
    buttons->addWidget(m_messageLabel, 1);
    buttons->addWidget(m_previousButton);
    buttons->addWidget(m_nextButton);
    buttons->addSpacing(24);
    buttons->addWidget(m_submitButton);
    layout->addLayout(buttons);

    connect(m_questionList, &QListWidget::currentRowChanged, this, &ExamDialog::showQuestion);
    connect(m_previousButton, &QPushButton::clicked, this,
        [this] { showQuestion(m_stack->currentIndex() - 1); });
    connect(m_nextButton, &QPushButton::clicked, this,
        [this] { showQuestion(m_stack->currentIndex() + 1); });
    connect(m_submitButton, &QPushButton::clicked, this, &ExamDialog::requestSubmit);
    connect(&m_timer, &QTimer::timeout, this, &ExamDialog::tick);
    m_timer.start(1000);

    retranslateUi();
    showQuestion(0);
}

QString ExamDialog::typeName(const QString &type)
{
    if (type == QLatin1String("single"))
        return tr("Single choice");
    if (type == QLatin1String("multiple"))
        return tr("Multiple choice");
    if (type == QLatin1String("trueFalse"))
        return tr("True or false");
    return type;
}

int ExamDialog::answeredCount() const
{
    int count = 0;
    for (const Question &q : m_questions) {
        if (std::any_of(q.options.cbegin(), q.options.cend(),
                [](const QAbstractButton *b) { return b->isChecked(); }))
            ++count;
    }
    return count;
}

ExamDialog::~ExamDialog()
{
    if (!m_submitted)
        saveTiming();
}

qint64 ExamDialog::elapsedMs() const
{
    return m_elapsedBaseMs + std::max<qint64>(0, m_clock->steadyMs() - m_openedSteadyMs);
}

void ExamDialog::saveTiming()
{
    if (!m_store)
        return;
    const QJsonObject timing { { QStringLiteral("startedAt"),
                                   m_startedAt.toUTC().toString(Qt::ISODateWithMs) },
        { QStringLiteral("elapsedMs"), double(elapsedMs()) },
        { QStringLiteral("savedAt"), m_clock->nowUtc().toString(Qt::ISODateWithMs) },
        { QStringLiteral("steadyMs"), double(m_clock->steadyMs()) },
        { QStringLiteral("run"), runId() } };
    m_store->setMeta(timingKey(m_attempt.id),
        QString::fromUtf8(QJsonDocument(timing).toJson(QJsonDocument::Compact)));
}

int ExamDialog::secondsLeft() const
{
    return int(std::max<qint64>(0, m_limitSeconds - elapsedMs() / 1000));
}

QJsonObject ExamDialog::answers() const
{
    QJsonObject result;
    for (const Question &q : m_questions) {
        QJsonArray chosen;
        for (const QAbstractButton *b : q.options) {
            if (b->isChecked())
                chosen.append(b->property("xueshiOptionId").toString());
        }
        if (!chosen.isEmpty())
            result.insert(q.id, chosen);
    }
    return result;
}

void ExamDialog::saveAnswers()
{
    // Kept until submitted, so closing the window, logging out or a crash loses no answer.
    if (m_store && !m_submitted)
        m_store->setMeta(answersKey(m_attempt.id),
            QString::fromUtf8(QJsonDocument(answers()).toJson(QJsonDocument::Compact)));
}

void ExamDialog::showQuestion(int index)
{
    if (index < 0 || index >= m_questions.size())
        return;
    m_stack->setCurrentIndex(index);
    if (m_questionList->currentRow() != index)
        m_questionList->setCurrentRow(index);
    m_previousButton->setEnabled(index > 0);
    m_nextButton->setEnabled(index + 1 < m_questions.size());
}

void ExamDialog::updateAnswered()
{
    for (int i = 0; i < m_questions.size(); ++i) {
        const Question &q = m_questions.at(i);
        const bool answered = std::any_of(q.options.cbegin(), q.options.cend(),
            [](const QAbstractButton *b) { return b->isChecked(); });
        QListWidgetItem *item = m_questionList->item(i);
        item->setText(answered ? tr("Question %1 ✓").arg(i + 1) : tr("Question %1").arg(i + 1));
        QFont font = item->font();
        font.setBold(!answered);
        item->setFont(font);
    }
    m_answeredLabel->setText(tr("Answered %1 of %2").arg(answeredCount()).arg(m_questions.size()));
}

void ExamDialog::updateCountdown()
{
    const int left = secondsLeft();
    m_countdownLabel->setText(tr("Time left: %1:%2")
                                  .arg(left / 60, 2, 10, QLatin1Char('0'))
                                  .arg(left % 60, 2, 10, QLatin1Char('0')));
}

void ExamDialog::tick()
{
    if (m_submitted)
        return;
    updateCountdown();
    if (secondsLeft() <= 0) {
        // Time is up: what is answered is handed in.
        m_timer.stop();
        if (auto *box = findChild<QMessageBox *>(QStringLiteral("submitConfirmMessageBox")))
            box->close();
        submit();
    }
}

void ExamDialog::requestSubmit()
{
    if (m_submitted)
        return;
    const int unanswered = int(m_questions.size()) - answeredCount();
    auto *box = new QMessageBox(QMessageBox::Question, UiText::windowTitle(tr("Submit the exam")),
        unanswered > 0 ? tr("%n question(s) not answered yet: they count as wrong. Submit anyway?",
            nullptr, unanswered)
                       : tr("Submit your answers? They cannot be changed afterwards."),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("submitConfirmMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("Submit"));
    box->button(QMessageBox::Yes)->setObjectName(QStringLiteral("confirmSubmitButton"));
    box->button(QMessageBox::No)->setText(tr("Continue the exam"));
    box->setDefaultButton(QMessageBox::No);
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            submit();
    });
    box->open();
}

bool ExamDialog::submit()
{
    if (m_submitted)
        return true;
    if (!m_engine) {
        ui::setMessage(m_messageLabel, tr("You are not logged in: the answers cannot be kept."),
            ui::Severity::Error);
        return false;
    }
    // No answer can change once the time is up (the dialog hands them in, or they were kept
    // when it closed earlier): handed in later (the computer slept, the window was reopened
    // afterwards), they were finished when the time ran out.
    // The time taken is the steady timer's, which a change of the computer's clock does not
    // move; the finishing time is derived from it, so it is never before the start.
    qint64 elapsed = elapsedMs() / 1000;
    if (m_limitSeconds > 0)
        elapsed = std::min<qint64>(elapsed, m_limitSeconds);
    const QDateTime finishedAt = m_startedAt.addSecs(elapsed);
    const QJsonObject payload { { QStringLiteral("answers"), answers() },
        { QStringLiteral("startedAt"), m_startedAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("finishedAt"), finishedAt.toUTC().toString(Qt::ISODate) },
        { QStringLiteral("elapsedSeconds"), double(elapsed) } };
    if (m_engine->queueMutation(QStringLiteral("exam.submit"), m_attempt.id, payload).isEmpty()) {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    m_submitted = true;
    m_timer.stop();
    if (m_store) {
        m_store->setMeta(startedKey(m_attempt.id), QString());
        m_store->setMeta(timingKey(m_attempt.id), QString());
        m_store->setMeta(answersKey(m_attempt.id), QString());
    }
    emit submitted(m_attempt.id);
    accept();
    return true;
}

void ExamDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void ExamDialog::retranslateUi()
{
    setWindowTitle(UiText::windowTitle(tr("Course exam")));
    m_previousButton->setText(tr("Previous"));
    m_nextButton->setText(tr("Next"));
    m_submitButton->setText(tr("Submit"));
    updateAnswered();
    updateCountdown();
}

} // namespace xueshi
