#include "classes/classespage.h"

#include "classes/classeditdialog.h"
#include "classes/classmodels.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "trainingclasses.h"

#include <QEvent>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace xueshi {

namespace {

const QString TrainingClass = QStringLiteral("trainingClass");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

ClassesPage::ClassesPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new TrainingClassTableModel(this))
{
    setObjectName(QStringLiteral("classesPage"));
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("classesTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);
    m_approvalFrame = classui::makeBanner("classApprovalFrame", &m_approvalLabel, this);
    layout->addWidget(m_approvalFrame);

    auto *buttons = new QHBoxLayout;
    m_newButton = new QPushButton(this);
    m_newButton->setObjectName(QStringLiteral("newClassButton"));
    ui::makePrimary(m_newButton);
    m_editButton = new QPushButton(this);
    m_editButton->setObjectName(QStringLiteral("editClassButton"));
    m_openButton = new QPushButton(this);
    m_openButton->setObjectName(QStringLiteral("openEnrolmentButton"));
    m_closeButton = new QPushButton(this);
    m_closeButton->setObjectName(QStringLiteral("closeEnrolmentButton"));
    for (QPushButton *button : { m_newButton, m_editButton, m_openButton, m_closeButton })
        buttons->addWidget(button);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("classMessageLabel"), this);
    layout->addWidget(m_messageLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_view = classui::makeTable("classTableView", splitter);
    m_view->setModel(m_model);
    classui::stretchNameColumn(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setColumnHidden(TrainingClassTableModel::InstitutionColumn, true);
    m_view->setColumnHidden(TrainingClassTableModel::DeadlineColumn, true);
    m_view->setColumnHidden(TrainingClassTableModel::ActionColumn, true);
    auto *detail = new QGroupBox(splitter);
    detail->setObjectName(QStringLiteral("classDetailGroupBox"));
    auto *detailLayout = new QVBoxLayout(detail);
    m_detailLabel = new QLabel(detail);
    m_detailLabel->setObjectName(QStringLiteral("classDetailLabel"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::RichText);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailLayout->addWidget(m_detailLabel);
    detailLayout->addStretch(1);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 820, 260 });
    layout->addWidget(splitter, 1);

    connect(m_newButton, &QPushButton::clicked, this, &ClassesPage::newClass);
    connect(m_editButton, &QPushButton::clicked, this, &ClassesPage::editSelected);
    connect(m_openButton, &QPushButton::clicked, this, &ClassesPage::openSelected);
    connect(m_closeButton, &QPushButton::clicked, this, &ClassesPage::closeSelected);
    connect(m_view, &QTableView::doubleClicked, this, &ClassesPage::editSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        m_messageLabel->clear();
        updateButtons();
    });

    retranslateUi();
    reload();
}

void ClassesPage::setUser(const User &user)
{
    m_user = user;
    updateButtons();
}

void ClassesPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerClassMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(TrainingClass) || types.contains(QLatin1String("profile"))
                || types.contains(QLatin1String("professionalSeries")))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &ClassesPage::reload);
        // Sent: the "sent at the next sync" message is no longer true.
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok && m_announced && m_engine && m_engine->pendingCount() == 0) {
                m_announced = false;
                m_messageLabel->clear();
            }
        });
        connect(engine, &SyncEngine::pendingCountChanged, this, &ClassesPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &ClassesPage::reload);
    }
    reload();
}

bool ClassesPage::isApproved() const
{
    if (const LocalStore *store = m_engine ? m_core->localStore() : nullptr) {
        if (const auto profile = store->entity(QStringLiteral("profile"), m_user.id)) {
            const QJsonObject organisation
                = profile->data.value(QLatin1String("organisation")).toObject();
            if (organisation.contains(QLatin1String("approved")))
                return organisation.value(QLatin1String("approved")).toBool();
        }
    }
    return m_user.organisation && m_user.organisation->approved;
}

void ClassesPage::reload()
{
    const QString selected = selectedId();
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    QList<CachedEntity> classes;
    QSet<QString> waiting;
    if (store) {
        // The feed also brings other institutions' published classes: only ours are managed here.
        for (const CachedEntity &entity : store->entities(TrainingClass)) {
            if (text(entity.data, "institutionId") == m_user.id)
                classes.append(entity);
        }
        for (const OutboxMutation &m : store->pendingMutations()) {
            if (m.entityType == TrainingClass && m.type != QLatin1String("class.confirmHours"))
                waiting.insert(m.target);
        }
    }
    m_model->setClasses(classes, waiting, classui::seriesNames(store));
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_view->selectRow(row);
    updateButtons();
}

QString ClassesPage::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(TrainingClassTableModel::IdRole).toString();
}

void ClassesPage::updateButtons()
{
    const bool approved = isApproved();
    m_approvalFrame->setVisible(!approved);
    const int row = m_model->rowOf(selectedId());
    const QString status = row >= 0 ? text(m_model->classAt(row).data, "status") : QString();
    m_newButton->setEnabled(m_engine);
    m_editButton->setEnabled(m_engine && row >= 0);
    m_openButton->setEnabled(
        m_engine && approved && row >= 0 && status != QLatin1String("accepting"));
    m_closeButton->setEnabled(m_engine && row >= 0 && status == QLatin1String("accepting"));
    m_openButton->setToolTip(approved
            ? QString()
            : tr("Your institution must be approved by the administrator before it can publish "
                 "classes."));
    if (row < 0) {
        m_detailLabel->setText(m_model->rowCount() == 0
                ? tr("No training classes yet. Click New to prepare one.")
                : tr("Select a class to see its details."));
        return;
    }
    QString html = classui::detailsHtml(m_model->classAt(row).data,
        classui::seriesNames(m_engine ? m_core->localStore() : nullptr));
    const QHash<QString, OutboxMutation> problems
        = problemsByTarget(m_engine ? m_core->localStore() : nullptr, TrainingClass);
    if (problems.contains(m_model->classAt(row).id))
        html += QStringLiteral("<p style=\"color:#b00020\">%1</p>")
                    .arg(tr("The server refused the last change: %1")
                             .arg(problemMessage(problems.value(m_model->classAt(row).id)))
                             .toHtmlEscaped());
    m_detailLabel->setText(html);
}

void ClassesPage::newClass()
{
    if (!m_engine)
        return;
    const QDate today
        = (m_core->clock() ? m_core->clock() : SystemClock::instance())->todayInChina();
    auto *dialog = new ClassEditDialog(m_core->localStore(), nullptr, today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        saveClass(QUuid::createUuid().toString(QUuid::WithoutBraces), dialog->payload());
    });
    dialog->open();
}

void ClassesPage::editSelected()
{
    const int row = m_model->rowOf(selectedId());
    if (!m_engine || row < 0)
        return;
    const CachedEntity existing = m_model->classAt(row);
    const QDate today
        = (m_core->clock() ? m_core->clock() : SystemClock::instance())->todayInChina();
    auto *dialog = new ClassEditDialog(m_core->localStore(), &existing, today, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // A save the server refused names its field: shown there, so the edit can fix it.
    const QHash<QString, OutboxMutation> problems
        = problemsByTarget(m_core->localStore(), TrainingClass);
    if (problems.contains(existing.id)) {
        const OutboxMutation problem = problems.value(existing.id);
        dialog->setServerError(
            text(problem.lastError, "field"), text(problem.lastError, "message"));
    }
    connect(dialog, &QDialog::accepted, this,
        [this, dialog] { saveClass(dialog->classId(), dialog->payload()); });
    dialog->open();
}

bool ClassesPage::saveClass(const QString &id, const QJsonObject &payload)
{
    if (!m_engine)
        return false;
    if (m_engine->queueMutation(QStringLiteral("class.save"), id, payload).isEmpty()) {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    const int row = m_model->rowOf(id);
    if (row >= 0)
        m_view->selectRow(row);
    ui::setMessage(m_messageLabel, tr("Saved; sent at the next sync."), ui::Severity::Success);
    m_announced = true;
    return true;
}

bool ClassesPage::openSelected()
{
    if (!isApproved()) {
        ui::setMessage(m_messageLabel,
            tr("Your institution must be approved by the administrator before it can publish "
               "classes."),
            ui::Severity::Error);
        return false;
    }
    return queueStatus(QStringLiteral("class.open"));
}

bool ClassesPage::closeSelected()
{
    return queueStatus(QStringLiteral("class.close"));
}

bool ClassesPage::queueStatus(const QString &type)
{
    const QString id = selectedId();
    if (!m_engine || id.isEmpty())
        return false;
    if (m_engine->queueMutation(type, id, {}).isEmpty()) {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    ui::setMessage(m_messageLabel,
        type == QLatin1String("class.open")
            ? tr("Enrolment opened: learners of the class's region see it after the next sync.")
            : tr("Enrolment stopped; sent at the next sync."),
        ui::Severity::Success);
    m_announced = true;
    return true;
}

void ClassesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ClassesPage::retranslateUi()
{
    m_titleLabel->setText(tr("Training classes"));
    m_approvalLabel->setText(
        tr("Your institution has not been approved by the administrator yet. You can prepare "
           "classes as drafts, but you can open enrolment only after the approval."));
    m_newButton->setText(tr("New"));
    m_editButton->setText(tr("Edit"));
    m_openButton->setText(tr("Accept enrolment"));
    m_closeButton->setText(tr("Stop enrolment"));
    m_model->retranslate();
    updateButtons();
}

} // namespace xueshi
