#include "declarations/declarationdialog.h"

#include "attachmentkind.h"
#include "attachmentuploads.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "declarations.h"
#include "localstore.h"
#include "policies.h"
#include "policy.h"
#include "publiccourses.h"
#include "syncengine.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

const QString Declaration = QStringLiteral("declaration");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QDate today(const ClientCore *core)
{
    const Clock *clock = core->clock() ? core->clock() : SystemClock::instance();
    return clock->todayInChina();
}

} // namespace

QString DeclarationText::status(const QString &code)
{
    if (code == QLatin1String("draft"))
        return tr("Draft");
    if (code == QLatin1String("pending"))
        return tr("Awaiting the employer's review");
    if (code == QLatin1String("confirmed"))
        return tr("Confirmed");
    if (code == QLatin1String("rejected"))
        return tr("Returned");
    return code;
}

DeclarationDialog::DeclarationDialog(ClientCore *core, SyncEngine *engine,
    AttachmentUploads *uploads, const QString &declarationId, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_engine(engine)
    , m_uploads(uploads)
    , m_id(declarationId)
{
    setObjectName(QStringLiteral("declarationDialog"));
    setWindowTitle(UiText::windowTitle(tr("Add an hour record")));
    // Wide enough for a refusal's reason on one or two lines under its field.
    setMinimumWidth(620);
    auto *layout = new QVBoxLayout(this);

    // 【保存】 at the top right, as in the manual.
    auto *top = new QHBoxLayout;
    auto *heading = new QLabel(tr("Add an hour record"), this);
    heading->setObjectName(QStringLiteral("declarationHeadingLabel"));
    ui::makeHeading(heading, 4);
    top->addWidget(heading);
    top->addStretch(1);
    m_saveButton = new QPushButton(tr("Save"), this);
    m_saveButton->setObjectName(QStringLiteral("declarationSaveButton"));
    ui::makePrimary(m_saveButton);
    top->addWidget(m_saveButton);
    layout->addLayout(top);

    m_statusLabel = ui::createMessageLabel(QStringLiteral("declarationStatusLabel"), this);
    layout->addWidget(m_statusLabel);

    auto *form = new QFormLayout;
    const auto field = [this, form](const QString &name, const QString &label, QWidget *input) {
        QLabel *message = ui::createMessageLabel(name + QStringLiteral("MessageLabel"), this);
        m_fieldMessages.insert(name, message);
        form->addRow(label, ui::fieldWithMessage(input, message, this));
    };
    m_title = new QLineEdit(this);
    m_title->setObjectName(QStringLiteral("declarationTitleEdit"));
    m_title->setMaxLength(200);
    field(QStringLiteral("title"), tr("Training content"), m_title);
    m_organiser = new QLineEdit(this);
    m_organiser->setObjectName(QStringLiteral("declarationOrganiserEdit"));
    m_organiser->setMaxLength(200);
    field(QStringLiteral("organiser"), tr("Organiser"), m_organiser);
    const QDate now = today(core);
    m_start = new QDateEdit(now, this);
    m_start->setObjectName(QStringLiteral("declarationStartDateEdit"));
    m_start->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_start->setCalendarPopup(true);
    field(QStringLiteral("startDate"), tr("Start date"), m_start);
    m_end = new QDateEdit(now, this);
    m_end->setObjectName(QStringLiteral("declarationEndDateEdit"));
    m_end->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_end->setCalendarPopup(true);
    field(QStringLiteral("endDate"), tr("End date"), m_end);
    m_days = new QSpinBox(this);
    m_days->setObjectName(QStringLiteral("trainingDaysSpinBox"));
    m_days->setRange(0, 3660);
    m_days->setValue(1);
    field(QStringLiteral("trainingDays"), tr("Training days"), m_days);
    m_hours = new QDoubleSpinBox(this);
    m_hours->setObjectName(QStringLiteral("declarationHoursSpinBox"));
    // Hours in tenths by construction: one decimal.
    m_hours->setDecimals(1);
    m_hours->setRange(0, 99999);
    m_hours->setSingleStep(0.5);
    field(QStringLiteral("hoursTenths"), tr("Hours"), m_hours);
    m_subjectType = new QComboBox(this);
    m_subjectType->setObjectName(QStringLiteral("declarationSubjectTypeComboBox"));
    for (const char *code : { "elective", "professional" })
        m_subjectType->addItem(CourseText::subjectType(QLatin1String(code)), QLatin1String(code));
    field(QStringLiteral("subjectType"), tr("Subject type"), m_subjectType);
    m_series = new QComboBox(this);
    m_series->setObjectName(QStringLiteral("declarationSeriesComboBox"));
    field(QStringLiteral("professionalSeries"), tr("Professional series"), m_series);
    layout->addLayout(form);

    auto *attachmentsCaption = new QLabel(tr("Proof of the training (PDF, JPEG or PNG, at most "
                                             "10 MB each, at most 5 files):"),
        this);
    attachmentsCaption->setWordWrap(true);
    layout->addWidget(attachmentsCaption);
    m_attachments = new QListWidget(this);
    m_attachments->setObjectName(QStringLiteral("declarationAttachmentsList"));
    m_attachments->setMaximumHeight(110);
    layout->addWidget(m_attachments);
    auto *listActions = new QHBoxLayout;
    m_removeButton = new QPushButton(tr("Remove the attachment"), this);
    m_removeButton->setObjectName(QStringLiteral("declarationRemoveAttachmentButton"));
    m_removeButton->setEnabled(false);
    listActions->addWidget(m_removeButton);
    listActions->addStretch(1);
    layout->addLayout(listActions);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("declarationUploadProgressBar"));
    m_progress->setVisible(false);
    layout->addWidget(m_progress);
    m_message = ui::createMessageLabel(QStringLiteral("declarationMessageLabel"), this);
    layout->addWidget(m_message);

    // 【附件材料上传】 at the bottom right.
    auto *bottom = new QHBoxLayout;
    auto *close = new QPushButton(tr("Close"), this);
    close->setObjectName(QStringLiteral("declarationCloseButton"));
    bottom->addWidget(close);
    bottom->addStretch(1);
    m_uploadButton = new QPushButton(tr("Upload attachments"), this);
    m_uploadButton->setObjectName(QStringLiteral("attachmentUploadButton"));
    bottom->addWidget(m_uploadButton);
    layout->addLayout(bottom);

    fill();

    const auto edited = [this](const char *name) {
        return [this, name] {
            if (m_filling)
                return;
            m_touched.insert(QLatin1String(name));
            check(false);
        };
    };
    connect(m_title, &QLineEdit::textChanged, this, edited("title"));
    connect(m_organiser, &QLineEdit::textChanged, this, edited("organiser"));
    connect(m_start, &QDateEdit::dateChanged, this, edited("startDate"));
    connect(m_end, &QDateEdit::dateChanged, this, edited("endDate"));
    connect(m_days, &QSpinBox::valueChanged, this, edited("trainingDays"));
    connect(m_hours, &QDoubleSpinBox::valueChanged, this, edited("hoursTenths"));
    connect(m_subjectType, &QComboBox::currentIndexChanged, this, edited("subjectType"));
    connect(m_series, &QComboBox::currentIndexChanged, this, edited("professionalSeries"));
    connect(m_saveButton, &QPushButton::clicked, this, &DeclarationDialog::save);
    connect(m_uploadButton, &QPushButton::clicked, this, &DeclarationDialog::attachFiles);
    connect(close, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_removeButton, &QPushButton::clicked, this, &DeclarationDialog::removeAttachment);
    connect(m_attachments, &QListWidget::currentRowChanged, this,
        [this](int row) { m_removeButton->setEnabled(row >= 0 && m_uploadButton->isEnabled()); });
    if (m_uploads) {
        connect(
            m_uploads, &AttachmentUploads::queueChanged, this, &DeclarationDialog::fillAttachments);
        connect(m_uploads, &AttachmentUploads::progress, this,
            [this](const QString &declaration, const QString &, qint64 sent, qint64 total) {
                if (declaration != m_id)
                    return;
                m_progress->setVisible(true);
                m_progress->setRange(0, 1000);
                m_progress->setValue(total > 0 ? int(sent * 1000 / total) : 0);
            });
        connect(m_uploads, &AttachmentUploads::runningChanged, this, [this](bool running) {
            if (!running)
                m_progress->setVisible(false);
        });
        connect(m_uploads, &AttachmentUploads::removed, this,
            [this](const QString &, bool ok, const QString &message) {
                if (ok)
                    setMessage(tr("The attachment was removed."), false);
                else
                    setMessage(tr("The attachment could not be removed: %1").arg(message), true);
            });
    }
    if (m_engine) {
        connect(m_engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(Declaration))
                fillAttachments();
        });
    }
    check(false);
}

int DeclarationDialog::hoursPerDayTenths(int year) const
{
    // The learner's region's policy, as the server chooses it.
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    return cachedLearnerPolicy(store, m_engine ? m_engine->userId() : QString(), year)
        .hoursPerDayTenths;
}

void DeclarationDialog::fill()
{
    m_filling = true;
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    QList<CachedEntity> series
        = store ? store->entities(QStringLiteral("professionalSeries")) : QList<CachedEntity>();
    std::sort(series.begin(), series.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return a.data.value(QLatin1String("order")).toInt()
            < b.data.value(QLatin1String("order")).toInt();
    });
    m_series->clear();
    m_series->addItem(tr("Please choose"), QString());
    for (const CachedEntity &entity : std::as_const(series))
        m_series->addItem(text(entity.data, "name"), entity.id);

    std::optional<CachedEntity> existing;
    if (store && !m_id.isEmpty())
        existing = store->entity(Declaration, m_id);
    if (existing) {
        const QJsonObject &d = existing->data;
        setWindowTitle(UiText::windowTitle(tr("Edit an hour record")));
        m_title->setText(text(d, "title"));
        m_organiser->setText(text(d, "organiser"));
        m_start->setDate(QDate::fromString(text(d, "startDate"), Qt::ISODate));
        m_end->setDate(QDate::fromString(text(d, "endDate"), Qt::ISODate));
        m_days->setValue(d.value(QLatin1String("trainingDays")).toInt());
        m_hours->setValue(d.value(QLatin1String("hoursTenths")).toInt() / 10.0);
        m_subjectType->setCurrentIndex(
            std::max(0, m_subjectType->findData(text(d, "subjectType"))));
        m_series->setCurrentIndex(std::max(0, m_series->findData(text(d, "professionalSeries"))));
        m_touched = { QStringLiteral("title"), QStringLiteral("organiser"),
            QStringLiteral("startDate"), QStringLiteral("endDate"), QStringLiteral("trainingDays"),
            QStringLiteral("hoursTenths"), QStringLiteral("subjectType"),
            QStringLiteral("professionalSeries") };
    } else {
        // The manual's case: professional hours in the learner's own series.
        m_subjectType->setCurrentIndex(m_subjectType->findData(QStringLiteral("professional")));
        QString own;
        if (store) {
            if (const auto profile = store->entity(QStringLiteral("profile"), m_engine->userId()))
                own = profile->data.value(QLatin1String("learner"))
                          .toObject()
                          .value(QLatin1String("professionalSeries"))
                          .toString();
        }
        m_series->setCurrentIndex(std::max(0, m_series->findData(own)));
    }
    m_filling = false;
    fillAttachments();
}

DeclarationInput DeclarationDialog::input() const
{
    DeclarationInput in;
    in.title = m_title->text().trimmed();
    in.organiser = m_organiser->text().trimmed();
    in.startDate = m_start->date();
    in.endDate = m_end->date();
    in.trainingDays = m_days->value();
    in.hoursTenths = int(std::lround(m_hours->value() * 10));
    in.subjectType = m_subjectType->currentData().toString();
    in.professionalSeries = in.subjectType == QLatin1String("professional")
        ? m_series->currentData().toString()
        : QString();
    return in;
}

QList<DeclarationProblem> DeclarationDialog::problems() const
{
    const DeclarationInput in = input();
    const int year = in.startDate.isValid() ? in.startDate.year() : today(m_core).year();
    return checkDeclaration(in, today(m_core), hoursPerDayTenths(year));
}

void DeclarationDialog::check(bool all)
{
    m_series->setEnabled(m_subjectType->currentData().toString() == QLatin1String("professional"));
    QHash<QString, QString> messages;
    for (const DeclarationProblem &problem : problems()) {
        if (!messages.contains(problem.field))
            messages.insert(problem.field, problem.translated());
    }
    for (auto it = m_fieldMessages.constBegin(); it != m_fieldMessages.constEnd(); ++it) {
        const bool show = all
            || m_touched.contains(it.key())
            // The hours' cap depends on the days and dates: say it once hours are entered.
            || (it.key() == QLatin1String("hoursTenths") && m_hours->value() > 0);
        ui::setMessage(
            it.value(), show ? messages.value(it.key()) : QString(), ui::Severity::Error);
    }
    if (messages.isEmpty() && m_hours->value() > 0) {
        const DeclarationInput in = input();
        ui::setMessage(m_fieldMessages.value(QStringLiteral("hoursTenths")),
            tr("At most %1 hours for %n training day(s).", nullptr, in.trainingDays)
                .arg(formatTenths(
                    maxDeclarableTenths(in.trainingDays, hoursPerDayTenths(in.startDate.year())))),
            ui::Severity::Hint);
    }
}

void DeclarationDialog::fillAttachments()
{
    m_attachments->clear();
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    std::optional<CachedEntity> entity;
    if (store && !m_id.isEmpty())
        entity = store->entity(Declaration, m_id);
    if (entity) {
        const QString status = text(entity->data, "status");
        QString line = tr("Status: %1").arg(DeclarationText::status(status));
        const QString reason = text(entity->data, "reason");
        if (status == QLatin1String("rejected") && !reason.isEmpty())
            line = ui::joinSentences(line, tr("Reason for returning it: %1").arg(reason));
        ui::setMessage(m_statusLabel, line,
            status == QLatin1String("rejected") ? ui::Severity::Warning : ui::Severity::Info);
        for (const QJsonValue &value : entity->data.value(QLatin1String("attachments")).toArray()) {
            const QJsonObject a = value.toObject();
            auto *item = new QListWidgetItem(
                tr("%1 (sent)").arg(safeAttachmentName(a.value(QLatin1String("name")).toString())));
            item->setData(Qt::UserRole, a.value(QLatin1String("id")).toString());
            item->setData(Qt::UserRole + 1, false); // on the server
            m_attachments->addItem(item);
        }
        // A confirmed record is final.
        const bool editable = status != QLatin1String("confirmed");
        m_saveButton->setEnabled(editable);
        m_uploadButton->setEnabled(editable);
    } else {
        m_statusLabel->clear();
    }
    if (m_uploads && !m_id.isEmpty()) {
        for (const QueuedAttachment &a : m_uploads->items(m_id)) {
            auto *item
                = new QListWidgetItem(a.failed ? tr("%1 (not accepted: %2)").arg(a.name, a.error)
                                               : tr("%1 (waiting to be sent)").arg(a.name));
            item->setData(Qt::UserRole, a.id);
            item->setData(Qt::UserRole + 1, true); // only on this computer
            m_attachments->addItem(item);
        }
    }
}

void DeclarationDialog::removeAttachment()
{
    const QListWidgetItem *item = m_attachments->currentItem();
    if (!item || !m_uploads)
        return;
    const QString id = item->data(Qt::UserRole).toString();
    if (item->data(Qt::UserRole + 1).toBool()) {
        // Not sent yet: only this computer has it.
        m_uploads->remove(id);
        setMessage(tr("The attachment was removed."), false);
    } else {
        m_uploads->removeSent(id);
    }
}

void DeclarationDialog::setMessage(const QString &text, bool error)
{
    ui::setMessage(m_message, text, error ? ui::Severity::Error : ui::Severity::Success);
}

bool DeclarationDialog::save()
{
    if (!m_engine) {
        setMessage(tr("The record cannot be saved: the local cache is not available."), true);
        return false;
    }
    const QList<DeclarationProblem> list = problems();
    if (!list.isEmpty()) {
        check(true);
        setMessage(tr("Correct the fields marked above, then save again."), true);
        return false;
    }
    registerDeclarationMutations(m_engine, m_core->localStore());
    const DeclarationInput in = input();
    const QJsonObject payload { { QStringLiteral("title"), in.title },
        { QStringLiteral("organiser"), in.organiser },
        { QStringLiteral("startDate"), in.startDate.toString(Qt::ISODate) },
        { QStringLiteral("endDate"), in.endDate.toString(Qt::ISODate) },
        { QStringLiteral("trainingDays"), in.trainingDays },
        { QStringLiteral("hoursTenths"), in.hoursTenths },
        { QStringLiteral("subjectType"), in.subjectType },
        { QStringLiteral("professionalSeries"), in.professionalSeries } };
    const QString id = m_id.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : m_id;
    if (m_engine->queueMutation(QStringLiteral("declaration.save"), id, payload).isEmpty()) {
        setMessage(tr("The record could not be saved: %1").arg(m_engine->lastMessage()), true);
        return false;
    }
    m_id = id;
    setWindowTitle(UiText::windowTitle(tr("Edit an hour record")));
    setMessage(tr("Saved. It is sent to the server with the next sync; attach the proof with "
                  "\"Upload attachments\"."),
        false);
    fillAttachments();
    return true;
}

void DeclarationDialog::attachFiles()
{
    if (!m_uploads || !m_engine) {
        setMessage(tr("Attachments cannot be stored: the local cache is not available."), true);
        return;
    }
    if (m_id.isEmpty() && !save())
        return;
    const QStringList paths = m_chooser
        ? m_chooser(this)
        : QFileDialog::getOpenFileNames(this, tr("Choose proof of the training"), QString(),
            tr("PDF, JPEG or PNG files (*.pdf *.jpg *.jpeg "
               "*.png);;All files (*)"));
    if (paths.isEmpty())
        return;
    int complete = 0;
    if (const auto entity = m_core->localStore()->entity(Declaration, m_id))
        complete = int(entity->data.value(QLatin1String("attachments")).toArray().size());
    QStringList errors;
    int added = 0;
    for (const QString &path : paths) {
        QString error;
        if (m_uploads->add(m_id, path, complete, &error).isEmpty())
            errors.append(error);
        else
            ++added;
    }
    if (!errors.isEmpty())
        setMessage(errors.join(QLatin1Char('\n')), true);
    else
        setMessage(
            tr("%n file(s) attached. They are sent with the next sync.", nullptr, added), false);
    fillAttachments();
    if (added > 0)
        m_engine->syncNow();
}

} // namespace xueshi
