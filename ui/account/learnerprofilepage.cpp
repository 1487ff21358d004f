#include "account/learnerprofilepage.h"

#include "binding/bindingmodel.h"
#include "binding/employerpicker.h"
#include "bindings.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "professionalseries.h"
#include "regions.h"
#include "validators.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

LearnerProfilePage::LearnerProfilePage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_historyModel(new BindingTableModel(false, this))
    , m_historyProxy(new BindingFilterProxyModel(this))
{
    setObjectName(QStringLiteral("learnerProfilePage"));
    m_historyProxy->setSourceModel(m_historyModel);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("profileScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto *layout = new QVBoxLayout(content);

    m_titleLabel = new QLabel(content);
    m_titleLabel->setObjectName(QStringLiteral("profileTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    m_lockBanner = new QFrame(content);
    m_lockBanner->setObjectName(QStringLiteral("studyLockFrame"));
    m_lockBanner->setStyleSheet(QStringLiteral(
        "#studyLockFrame { background: #fff4e5; border: 1px solid #f0b35b; border-radius: 4px; }"));
    auto *bannerLayout = new QHBoxLayout(m_lockBanner);
    m_lockLabel = new QLabel(m_lockBanner);
    m_lockLabel->setObjectName(QStringLiteral("studyLockLabel"));
    m_lockLabel->setWordWrap(true);
    bannerLayout->addWidget(m_lockLabel);
    layout->addWidget(m_lockBanner);

    m_statusGroup = new QGroupBox(content);
    m_statusGroup->setObjectName(QStringLiteral("bindingStatusGroupBox"));
    auto *statusLayout = new QHBoxLayout(m_statusGroup);
    auto *statusTexts = new QVBoxLayout;
    m_bindingStatusLabel = new QLabel(m_statusGroup);
    m_bindingStatusLabel->setObjectName(QStringLiteral("bindingStatusLabel"));
    m_bindingStatusLabel->setWordWrap(true);
    m_bindingStatusLabel->setTextFormat(Qt::RichText);
    m_withdrawButton = new QPushButton(m_statusGroup);
    m_withdrawButton->setObjectName(QStringLiteral("withdrawBindingButton"));
    // Why name and id cannot be edited, next to the confirmation that fixed them.
    m_fixedNoteLabel
        = ui::createMessageLabel(QStringLiteral("fixedFieldsNoteLabel"), m_statusGroup);
    statusTexts->addWidget(m_bindingStatusLabel);
    statusTexts->addWidget(m_fixedNoteLabel);
    statusLayout->addLayout(statusTexts, 1);
    statusLayout->addWidget(m_withdrawButton, 0, Qt::AlignTop);
    layout->addWidget(m_statusGroup);

    auto *columns = new QHBoxLayout;
    layout->addLayout(columns);

    m_profileGroup = new QGroupBox(content);
    m_profileGroup->setObjectName(QStringLiteral("profileGroupBox"));
    auto *form = new QFormLayout(m_profileGroup);
    const auto caption = [this](const char *name) {
        auto *label = new QLabel(m_profileGroup);
        label->setObjectName(QLatin1String(name));
        return label;
    };
    m_realNameCaption = caption("realNameCaptionLabel");
    m_genderCaption = caption("genderCaptionLabel");
    m_residentIdCaption = caption("residentIdCaptionLabel");
    m_educationCaption = caption("educationCaptionLabel");
    m_titleCaption = caption("professionalTitleCaptionLabel");
    m_seriesCaption = caption("professionalSeriesCaptionLabel");
    m_positionCaption = caption("positionCaptionLabel");
    m_mobileCaption = caption("mobileCaptionLabel");
    m_emailCaption = caption("emailCaptionLabel");

    m_realName = addLineEdit("realNameLineEdit", &m_realNameMessage);
    m_gender = new QComboBox(m_profileGroup);
    m_gender->setObjectName(QStringLiteral("genderComboBox"));
    m_genderMessage = ui::createMessageLabel(QStringLiteral("genderMessageLabel"), m_profileGroup);
    m_residentId = addLineEdit("residentIdLineEdit", &m_residentIdMessage);
    m_residentId->setMaxLength(18);
    m_education = new QComboBox(m_profileGroup);
    m_education->setObjectName(QStringLiteral("educationComboBox"));
    m_educationMessage
        = ui::createMessageLabel(QStringLiteral("educationMessageLabel"), m_profileGroup);
    m_professionalTitle = addLineEdit("professionalTitleLineEdit", &m_professionalTitleMessage);
    m_series = new QComboBox(m_profileGroup);
    m_series->setObjectName(QStringLiteral("professionalSeriesComboBox"));
    m_position = addLineEdit("positionLineEdit", &m_positionMessage);
    m_mobile = addLineEdit("mobileLineEdit", &m_mobileMessage);
    m_mobile->setMaxLength(11);
    m_email = addLineEdit("emailLineEdit", &m_emailMessage);

    form->addRow(
        m_realNameCaption, ui::fieldWithMessage(m_realName, m_realNameMessage, m_profileGroup));
    form->addRow(m_genderCaption, ui::fieldWithMessage(m_gender, m_genderMessage, m_profileGroup));
    form->addRow(m_residentIdCaption,
        ui::fieldWithMessage(m_residentId, m_residentIdMessage, m_profileGroup));
    form->addRow(
        m_educationCaption, ui::fieldWithMessage(m_education, m_educationMessage, m_profileGroup));
    form->addRow(m_titleCaption,
        ui::fieldWithMessage(m_professionalTitle, m_professionalTitleMessage, m_profileGroup));
    form->addRow(m_seriesCaption, m_series);
    form->addRow(
        m_positionCaption, ui::fieldWithMessage(m_position, m_positionMessage, m_profileGroup));
    form->addRow(m_mobileCaption, ui::fieldWithMessage(m_mobile, m_mobileMessage, m_profileGroup));
    form->addRow(m_emailCaption, ui::fieldWithMessage(m_email, m_emailMessage, m_profileGroup));
    auto *saveRow = new QHBoxLayout;
    m_saveButton = new QPushButton(m_profileGroup);
    m_saveButton->setObjectName(QStringLiteral("profileSaveButton"));
    m_profileStateLabel
        = ui::createMessageLabel(QStringLiteral("profileStateLabel"), m_profileGroup);
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_profileStateLabel, 1);
    form->addRow(saveRow);
    columns->addWidget(m_profileGroup, 1);

    m_employerGroup = new QGroupBox(content);
    m_employerGroup->setObjectName(QStringLiteral("employerGroupBox"));
    auto *employerLayout = new QVBoxLayout(m_employerGroup);
    m_employerHintLabel
        = ui::createMessageLabel(QStringLiteral("employerHintLabel"), m_employerGroup);
    m_picker = new EmployerPicker(m_employerGroup);
    m_chosenEmployerLabel
        = ui::createMessageLabel(QStringLiteral("chosenEmployerLabel"), m_employerGroup);
    m_submitButton = new QPushButton(m_employerGroup);
    m_submitButton->setObjectName(QStringLiteral("submitBindingButton"));
    ui::makePrimary(m_submitButton);
    m_submitMessageLabel
        = ui::createMessageLabel(QStringLiteral("submitMessageLabel"), m_employerGroup);
    employerLayout->addWidget(m_employerHintLabel);
    employerLayout->addWidget(m_picker);
    employerLayout->addWidget(m_chosenEmployerLabel);
    employerLayout->addWidget(m_submitButton, 0, Qt::AlignLeft);
    employerLayout->addWidget(m_submitMessageLabel);
    employerLayout->addStretch(1);
    columns->addWidget(m_employerGroup, 1);

    m_historyGroup = new QGroupBox(content);
    m_historyGroup->setObjectName(QStringLiteral("bindingHistoryGroupBox"));
    auto *historyLayout = new QVBoxLayout(m_historyGroup);
    m_historyView = new QTableView(m_historyGroup);
    m_historyView->setObjectName(QStringLiteral("bindingHistoryTableView"));
    m_historyView->setModel(m_historyProxy);
    m_historyView->setColumnHidden(BindingTableModel::NameColumn, true);
    m_historyView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_historyView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_historyView->verticalHeader()->hide();
    m_historyView->horizontalHeader()->setStretchLastSection(true);
    m_historyView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_historyView->setMinimumHeight(120);
    historyLayout->addWidget(m_historyView);
    layout->addWidget(m_historyGroup);

    const QList<QPair<QWidget *, QString>> keys { { m_realName, QStringLiteral("realName") },
        { m_residentId, QStringLiteral("residentId") },
        { m_professionalTitle, QStringLiteral("professionalTitle") },
        { m_position, QStringLiteral("position") }, { m_mobile, QStringLiteral("mobile") },
        { m_email, QStringLiteral("email") }, { m_gender, QStringLiteral("gender") },
        { m_education, QStringLiteral("education") },
        { m_series, QStringLiteral("professionalSeries") } };
    for (const auto &[widget, key] : keys)
        widget->setProperty("xueshiKey", key);
    for (QLineEdit *edit :
        { m_realName, m_residentId, m_professionalTitle, m_position, m_mobile, m_email }) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit] {
            m_edited.insert(edit->property("xueshiKey").toString());
            validateField(edit);
            m_profileStateLabel->clear();
        });
    }
    for (QComboBox *box : { m_gender, m_education, m_series }) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
            if (m_filling)
                return;
            m_edited.insert(box->property("xueshiKey").toString());
            validateAll(false);
        });
    }
    connect(m_saveButton, &QPushButton::clicked, this, &LearnerProfilePage::saveProfile);
    connect(m_submitButton, &QPushButton::clicked, this, &LearnerProfilePage::submitBinding);
    connect(m_withdrawButton, &QPushButton::clicked, this, &LearnerProfilePage::withdrawBinding);
    connect(m_picker, &EmployerPicker::employerChosen, this, [this] {
        m_submitMessageLabel->clear();
        updateChosenEmployer();
    });

    retranslateUi();
    reload();
}

QLineEdit *LearnerProfilePage::addLineEdit(const char *name, QLabel **message)
{
    auto *edit = new QLineEdit(m_profileGroup);
    const QString objectName = QLatin1String(name);
    edit->setObjectName(objectName);
    *message = ui::createMessageLabel(objectName.left(objectName.size() - int(qstrlen("LineEdit")))
            + QStringLiteral("MessageLabel"),
        m_profileGroup);
    return edit;
}

void LearnerProfilePage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void LearnerProfilePage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerBindingMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, &LearnerProfilePage::reload);
        connect(engine, &SyncEngine::cacheReset, this, &LearnerProfilePage::reload);
        connect(engine, &SyncEngine::pendingCountChanged, this, &LearnerProfilePage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &LearnerProfilePage::reload);
    }
    reload();
}

QJsonObject LearnerProfilePage::cachedLearner() const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (store && !m_user.id.isEmpty()) {
        if (const auto profile = store->entity(QStringLiteral("profile"), m_user.id))
            return profile->data.value(QLatin1String("learner")).toObject();
    }
    const LearnerInfo learner = m_user.learner.value_or(LearnerInfo {});
    return QJsonObject { { QStringLiteral("realName"), learner.realName },
        { QStringLiteral("residentId"), learner.residentId },
        { QStringLiteral("mobile"), learner.mobile }, { QStringLiteral("email"), learner.email } };
}

void LearnerProfilePage::reload()
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    m_historyModel->reload(store);
    m_picker->reload(store);

    // The series list, in the server's order.
    QList<CachedEntity> series
        = store ? store->entities(QStringLiteral("professionalSeries")) : QList<CachedEntity>();
    std::sort(series.begin(), series.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return a.data.value(QLatin1String("order")).toInt()
            < b.data.value(QLatin1String("order")).toInt();
    });
    m_filling = true;
    const QString chosenSeries = m_series->currentData().toString();
    m_series->clear();
    m_series->addItem(tr("(none)"), QString());
    for (const CachedEntity &entity : series)
        m_series->addItem(text(entity.data, "name"), entity.id);
    m_series->setCurrentIndex(std::max(0, m_series->findData(chosenSeries)));
    m_filling = false;

    // The binding state: the confirmed binding and the newest request.
    bool unlocked = false;
    m_fixed = false;
    m_confirmedEmployerId.clear();
    for (int row = 0; row < m_historyModel->rowCount(); ++row) {
        const CachedEntity binding = m_historyModel->bindingAt(row);
        if (text(binding.data, "status") == QLatin1String("confirmed")) {
            unlocked = true;
            m_fixed = true;
            m_confirmedEmployerId = text(binding.data, "employerId");
        }
    }
    fillForm();
    showBindingState();
    if (unlocked != m_unlocked) {
        m_unlocked = unlocked;
        emit studyUnlockedChanged(unlocked);
    }
    m_lockBanner->setVisible(!m_unlocked);
    if (m_fixed != m_hintFixed) {
        m_hintFixed = m_fixed;
        retranslateUi();
    }
}

void LearnerProfilePage::fillForm()
{
    // The form shows the cached profile; the user's unsaved edits survive a reload.
    const QJsonObject learner = cachedLearner();
    m_filling = true;
    const auto fill = [this, &learner](QLineEdit *edit, const char *key) {
        if (!m_edited.contains(QLatin1String(key)))
            edit->setText(text(learner, key));
    };
    fill(m_realName, "realName");
    fill(m_residentId, "residentId");
    fill(m_professionalTitle, "professionalTitle");
    fill(m_position, "position");
    fill(m_mobile, "mobile");
    fill(m_email, "email");
    const auto choose = [this, &learner](QComboBox *box, const char *key) {
        if (!m_edited.contains(QLatin1String(key)))
            box->setCurrentIndex(std::max(0, box->findData(text(learner, key))));
    };
    choose(m_gender, "gender");
    choose(m_education, "education");
    choose(m_series, "professionalSeries");
    m_filling = false;

    m_realName->setReadOnly(m_fixed);
    m_residentId->setReadOnly(m_fixed);
    m_realName->setEnabled(!m_fixed);
    m_residentId->setEnabled(!m_fixed);
    m_fixedNoteLabel->setVisible(m_fixed);
    if (m_fixed) {
        ui::setMessage(m_fixedNoteLabel,
            tr("Your employer has confirmed your identity, so your real name and resident ID "
               "can no longer be changed here. To correct them, ask your employer."),
            ui::Severity::Info);
    }

    bool waiting = false;
    bool bindingWaiting = false;
    if (const LocalStore *store = m_engine ? m_core->localStore() : nullptr) {
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.type == QLatin1String("profile.update"))
                waiting = true;
            else if (m.entityType == QLatin1String("binding"))
                bindingWaiting = true;
        }
    }
    if (waiting) {
        ui::setMessage(m_profileStateLabel,
            tr("Saved on this computer; it is sent at the next sync."), ui::Severity::Info);
    } else if (m_announcedSending && !bindingWaiting) {
        // Sent: the "sent at the next sync" messages are no longer true.
        m_announcedSending = false;
        m_profileStateLabel->clear();
        m_submitMessageLabel->clear();
    }
}

void LearnerProfilePage::showBindingState()
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    QSet<QString> waiting;
    if (store) {
        for (const OutboxMutation &m : store->pendingMutations())
            waiting.insert(m.target);
    }
    m_pendingBindingId.clear();
    m_pendingEmployerId.clear();
    QString confirmedName;
    QString state;
    if (m_historyModel->rowCount() > 0) {
        const CachedEntity newest = m_historyModel->bindingAt(0);
        const QString status = text(newest.data, "status");
        const QString employer = text(newest.data, "employerName").toHtmlEscaped();
        if (status == QLatin1String("pending")) {
            m_pendingBindingId = newest.id;
            m_pendingEmployerId = text(newest.data, "employerId");
            state = tr("<b>Waiting for the employer to confirm</b>: your request to %1 was "
                       "submitted on %2.")
                        .arg(employer, BindingText::dateTime(text(newest.data, "requestedAt")));
        } else if (status == QLatin1String("rejected")) {
            state = tr("<b>Returned</b> by %1: %2<br>Correct your details (or choose another "
                       "employer) and submit again.")
                        .arg(employer, text(newest.data, "reason").toHtmlEscaped());
        } else if (status == QLatin1String("withdrawn") && m_confirmedEmployerId.isEmpty()) {
            state = tr("Your request to %1 was withdrawn. Choose your employer and submit again.")
                        .arg(employer);
        }
        if (waiting.contains(newest.id))
            state += QStringLiteral("<br>")
                + tr("Not sent yet: it is sent to the server at the next sync.");
    }
    for (int row = 0; row < m_historyModel->rowCount(); ++row) {
        const CachedEntity binding = m_historyModel->bindingAt(row);
        if (text(binding.data, "status") == QLatin1String("confirmed"))
            confirmedName = text(binding.data, "employerName");
    }
    QStringList parts;
    if (!confirmedName.isEmpty())
        parts << tr("<b>Confirmed</b>: you are registered as staff of %1. Public courses, "
                    "training classes and credit hour declaration are available to you.")
                     .arg(confirmedName.toHtmlEscaped());
    if (!state.isEmpty())
        parts << state;
    if (parts.isEmpty())
        parts << tr("You have not asked an employer to confirm you yet. Fill in your details, "
                    "choose your employer and click Submit.");
    m_bindingStatusLabel->setText(parts.join(QStringLiteral("<br>")));
    m_withdrawButton->setVisible(!m_pendingBindingId.isEmpty());
    updateChosenEmployer();
}

void LearnerProfilePage::updateChosenEmployer()
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    const QString id = m_picker->employerId();
    std::optional<CachedEntity> employer;
    if (store && !id.isEmpty())
        employer = store->entity(QStringLiteral("employer"), id);
    if (employer) {
        ui::setMessage(m_chosenEmployerLabel,
            tr("Chosen employer: %1 (%2)")
                .arg(text(employer->data, "name"), text(employer->data, "regionName")),
            ui::Severity::Info);
    } else {
        m_chosenEmployerLabel->clear();
    }
    // Submitting again to the employer already asked (or confirmed) would change nothing.
    m_submitButton->setEnabled(m_engine && employer.has_value() && id != m_pendingEmployerId
        && id != m_confirmedEmployerId);
}

QJsonObject LearnerProfilePage::formPayload(bool onlyChanged) const
{
    const QJsonObject learner = cachedLearner();
    QJsonObject payload;
    const auto put = [&](const char *key, const QString &value) {
        if (!onlyChanged || text(learner, key) != value)
            payload.insert(QLatin1String(key), value);
    };
    if (!m_fixed) {
        put("realName", m_realName->text().trimmed());
        put("residentId", m_residentId->text().trimmed().toUpper());
    }
    put("gender", m_gender->currentData().toString());
    put("education", m_education->currentData().toString());
    put("professionalTitle", m_professionalTitle->text().trimmed());
    put("professionalSeries", m_series->currentData().toString());
    put("position", m_position->text().trimmed());
    put("mobile", m_mobile->text().trimmed());
    put("email", m_email->text().trimmed());
    return payload;
}

void LearnerProfilePage::validateField(QLineEdit *edit)
{
    const QString value = edit->text().trimmed();
    ValidationResult result;
    QLabel *message = nullptr;
    if (edit == m_realName) {
        message = m_realNameMessage;
        result = validateRealName(value);
    } else if (edit == m_residentId) {
        message = m_residentIdMessage;
        const QDate today
            = (m_core->clock() ? m_core->clock() : SystemClock::instance())->todayInChina();
        result = validateResidentId(value.toUpper(), today, RegionTable::instance());
    } else if (edit == m_mobile) {
        message = m_mobileMessage;
        result = validateMobile(value);
    } else if (edit == m_email) {
        message = m_emailMessage;
        if (!value.isEmpty())
            result = validateEmail(value);
    } else if (edit == m_professionalTitle || edit == m_position) {
        message = edit == m_position ? m_positionMessage : m_professionalTitleMessage;
        if (value.size() > 50)
            result = ValidationResult::invalid(
                "too_long", QT_TRANSLATE_NOOP("Validation", "At most 50 characters."));
    }
    if (!message)
        return;
    if (result.ok()
        || (value.isEmpty() && (edit == m_realName || edit == m_residentId || edit == m_mobile)
            && !edit->property("xueshiTouched").toBool()))
        message->clear();
    else
        ui::setMessage(message, UiText::validationMessage(result), ui::Severity::Error);
    edit->setProperty("xueshiTouched", true);
}

bool LearnerProfilePage::validateAll(bool showEmptyRequired)
{
    bool ok = true;
    for (QLineEdit *edit :
        { m_realName, m_residentId, m_professionalTitle, m_position, m_mobile, m_email }) {
        if (showEmptyRequired)
            edit->setProperty("xueshiTouched", true);
        if (edit->isReadOnly()) {
            continue;
        }
        validateField(edit);
    }
    for (QLabel *message : { m_realNameMessage, m_residentIdMessage, m_professionalTitleMessage,
             m_positionMessage, m_mobileMessage, m_emailMessage }) {
        if (!message->text().isEmpty())
            ok = false;
    }
    const auto required = [&](QComboBox *box, QLabel *message) {
        if (box->currentData().toString().isEmpty() && showEmptyRequired) {
            ui::setMessage(message, tr("Please choose."), ui::Severity::Error);
            ok = false;
        } else if (!box->currentData().toString().isEmpty()) {
            message->clear();
        }
    };
    required(m_gender, m_genderMessage);
    required(m_education, m_educationMessage);
    return ok;
}

bool LearnerProfilePage::saveProfile()
{
    if (!m_engine) {
        ui::setMessage(m_profileStateLabel,
            tr("Your details cannot be saved: this computer keeps no data for this server."),
            ui::Severity::Error);
        return false;
    }
    if (!validateAll(true)) {
        ui::setMessage(
            m_profileStateLabel, tr("Please correct the marked fields."), ui::Severity::Error);
        return false;
    }
    const QJsonObject payload = formPayload(true);
    if (payload.isEmpty()) {
        m_edited.clear();
        ui::setMessage(m_profileStateLabel, tr("Nothing has changed."), ui::Severity::Info);
        return true;
    }
    if (m_engine->queueProfileUpdate(payload).isEmpty()) {
        ui::setMessage(m_profileStateLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    m_edited.clear();
    m_announcedSending = true;
    ui::setMessage(m_profileStateLabel, tr("Saved on this computer; it is sent at the next sync."),
        ui::Severity::Success);
    return true;
}

bool LearnerProfilePage::submitBinding()
{
    m_submitMessageLabel->clear();
    if (!saveProfile())
        return false;
    const QString employerId = m_picker->employerId();
    if (employerId.isEmpty()) {
        ui::setMessage(
            m_submitMessageLabel, tr("Please choose your employer."), ui::Severity::Error);
        return false;
    }
    if (employerId == m_confirmedEmployerId) {
        ui::setMessage(m_submitMessageLabel, tr("This employer has already confirmed you."),
            ui::Severity::Info);
        return false;
    }
    const QString id = m_engine->queueMutation(QStringLiteral("binding.request"),
        QUuid::createUuid().toString(QUuid::WithoutBraces),
        QJsonObject { { QStringLiteral("employerId"), employerId } });
    if (id.isEmpty()) {
        ui::setMessage(m_submitMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    m_announcedSending = true;
    ui::setMessage(m_submitMessageLabel,
        tr("Submitted to your employer for confirmation; it is sent at the next sync."),
        ui::Severity::Success);
    return true;
}

void LearnerProfilePage::withdrawBinding()
{
    if (!m_engine || m_pendingBindingId.isEmpty())
        return;
    if (m_engine->queueMutation(QStringLiteral("binding.withdraw"), m_pendingBindingId, {})
            .isEmpty())
        ui::setMessage(m_submitMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
}

void LearnerProfilePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LearnerProfilePage::retranslateUi()
{
    m_titleLabel->setText(tr("Personal information"));
    m_lockLabel->setText(tr("Until your employer confirms your identity, public course study, "
                            "training class enrolment and credit hour declaration are not "
                            "available."));
    m_statusGroup->setTitle(tr("Confirmation by your employer"));
    m_withdrawButton->setText(tr("Withdraw"));
    m_profileGroup->setTitle(tr("Your details"));
    m_realNameCaption->setText(tr("Real name"));
    m_genderCaption->setText(tr("Gender"));
    m_residentIdCaption->setText(tr("Resident ID"));
    m_educationCaption->setText(tr("Education"));
    m_titleCaption->setText(tr("Professional title"));
    m_seriesCaption->setText(tr("Professional series"));
    m_positionCaption->setText(tr("Position"));
    m_mobileCaption->setText(tr("Mobile"));
    m_emailCaption->setText(tr("E-mail"));
    m_email->setPlaceholderText(tr("Optional"));

    m_filling = true;
    const QString gender = m_gender->currentData().toString();
    m_gender->clear();
    m_gender->addItem(tr("Please choose"), QString());
    m_gender->addItem(BindingText::gender(QStringLiteral("male")), QStringLiteral("male"));
    m_gender->addItem(BindingText::gender(QStringLiteral("female")), QStringLiteral("female"));
    m_gender->setCurrentIndex(std::max(0, m_gender->findData(gender)));
    const QString education = m_education->currentData().toString();
    m_education->clear();
    m_education->addItem(tr("Please choose"), QString());
    for (const QString &code : BindingText::educationCodes())
        m_education->addItem(BindingText::education(code), code);
    m_education->setCurrentIndex(std::max(0, m_education->findData(education)));
    m_filling = false;

    m_saveButton->setText(tr("Save"));
    m_employerGroup->setTitle(tr("Your employer (work unit)"));
    const QString search
        = tr("Search for your employer by part of its name or by its unified social credit code; "
             "narrow the search by region if need be.");
    // Once confirmed, the employer is fixed: another one means a new request.
    m_employerHintLabel->setText(m_fixed
            ? ui::joinSentences(tr("To change your employer, choose the new one and submit: it "
                                   "receives a new request, and your current employer stays "
                                   "until the new one confirms you."),
                search)
            : search);
    m_submitButton->setText(tr("Submit"));
    m_historyGroup->setTitle(tr("History of your employers"));
    m_historyModel->retranslate();
    if (m_engine)
        showBindingState();
}

} // namespace xueshi
