#include "classes/enrolmentspage.h"

#include "attendance.h"
#include "classes/classmodels.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "trainingclasses.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

EnrolmentsPage::EnrolmentsPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new EnrolmentTableModel(this))
    , m_proxy(new EnrolmentFilterProxyModel(this))
{
    setObjectName(QStringLiteral("enrolmentsPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setClassId(QStringLiteral("-")); // nothing until a class is chosen

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("enrolmentsTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    auto *classRow = new QHBoxLayout;
    m_classCaption = new QLabel(this);
    m_classPicker = new QComboBox(this);
    m_classPicker->setObjectName(QStringLiteral("enrolmentClassComboBox"));
    m_classPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    classRow->addWidget(m_classCaption);
    classRow->addWidget(m_classPicker, 1);
    layout->addLayout(classRow);

    auto *filters = new QHBoxLayout;
    m_stateCaption = new QLabel(this);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("enrolmentStatusComboBox"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("enrolmentSearchLineEdit"));
    m_search->setClearButtonEnabled(true);
    filters->addWidget(m_stateCaption);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    m_view = classui::makeTable("enrolmentTableView", this);
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setColumnHidden(EnrolmentTableModel::ClassColumn, true);
    m_view->setColumnHidden(EnrolmentTableModel::InstitutionColumn, true);
    layout->addWidget(m_view, 1);
    m_countLabel = ui::createMessageLabel(QStringLiteral("enrolmentCountLabel"), this);
    layout->addWidget(m_countLabel);

    auto *buttons = new QHBoxLayout;
    m_confirmButton = new QPushButton(this);
    m_confirmButton->setObjectName(QStringLiteral("confirmEnrolmentsButton"));
    ui::makePrimary(m_confirmButton);
    m_rejectButton = new QPushButton(this);
    m_rejectButton->setObjectName(QStringLiteral("rejectEnrolmentsButton"));
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportRosterButton"));
    buttons->addWidget(m_confirmButton);
    buttons->addWidget(m_rejectButton);
    buttons->addStretch(1);
    buttons->addWidget(m_exportButton);
    layout->addLayout(buttons);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("enrolmentMessageLabel"), this);
    layout->addWidget(m_messageLabel);

    connect(m_classPicker, &QComboBox::currentIndexChanged, this, [this] {
        m_messageLabel->clear();
        updateFilter();
    });
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &EnrolmentsPage::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &EnrolmentsPage::updateFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &EnrolmentsPage::updateButtons);
    connect(m_confirmButton, &QPushButton::clicked, this, &EnrolmentsPage::confirmSelected);
    connect(m_rejectButton, &QPushButton::clicked, this, &EnrolmentsPage::rejectSelected);
    connect(m_exportButton, &QPushButton::clicked, this, &EnrolmentsPage::exportRoster);

    retranslateUi();
    reload();
}

void EnrolmentsPage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void EnrolmentsPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerClassMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(QLatin1String("enrolment"))
                || types.contains(QLatin1String("trainingClass")))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &EnrolmentsPage::reload);
        // Sent: the "sent at the next sync" message is no longer true.
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok && m_announced && m_engine && m_engine->pendingCount() == 0) {
                m_announced = false;
                m_messageLabel->clear();
            }
        });
        connect(engine, &SyncEngine::pendingCountChanged, this, &EnrolmentsPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &EnrolmentsPage::reload);
    }
    reload();
}

QString EnrolmentsPage::classId() const
{
    return m_classPicker->currentData().toString();
}

bool EnrolmentsPage::setClassId(const QString &classId)
{
    const int index = m_classPicker->findData(classId);
    if (index < 0)
        return false;
    m_classPicker->setCurrentIndex(index);
    return true;
}

void EnrolmentsPage::reloadClasses()
{
    classui::fillClassPicker(m_classPicker, m_engine ? m_core->localStore() : nullptr, m_user.id);
}

void EnrolmentsPage::reload()
{
    // Keep the selection across the reset: the user is deciding about these rows.
    QStringList selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selected << index.data(EnrolmentTableModel::IdRole).toString();
    reloadClasses();
    m_model->reload(m_engine ? m_core->localStore() : nullptr);
    updateFilter();
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        const QModelIndex index
            = row < 0 ? QModelIndex() : m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            m_view->selectionModel()->select(
                index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    updateButtons();
}

void EnrolmentsPage::updateFilter()
{
    const QString id = classId();
    m_proxy->setClassId(id.isEmpty() ? QStringLiteral("-") : id);
    const QString state = m_stateFilter->currentData().toString();
    m_proxy->setStatuses(state.isEmpty() ? QStringList() : QStringList { state });
    m_proxy->setSearchText(m_search->text());
    updateButtons();
}

QStringList EnrolmentsPage::selectedPendingIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.data(EnrolmentTableModel::StatusRole).toString() == QLatin1String("pending"))
            ids << index.data(EnrolmentTableModel::IdRole).toString();
    }
    return ids;
}

void EnrolmentsPage::updateButtons()
{
    const int pending = int(selectedPendingIds().size());
    m_confirmButton->setEnabled(m_engine && pending > 0);
    m_rejectButton->setEnabled(m_engine && pending > 0);
    m_confirmButton->setText(pending > 1 ? tr("Confirm %1").arg(pending) : tr("Confirm"));
    m_rejectButton->setText(pending > 1 ? tr("Return %1…").arg(pending) : tr("Return…"));
    m_exportButton->setEnabled(m_proxy->rowCount() > 0);
    if (classId().isEmpty()) {
        m_countLabel->setText(tr("No training classes yet: create one in Training classes."));
        return;
    }
    int waiting = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        if (index.data(EnrolmentTableModel::ClassIdRole).toString() == classId()
            && index.data(EnrolmentTableModel::StatusRole).toString() == QLatin1String("pending"))
            ++waiting;
    }
    m_countLabel->setText(tr("%n enrolment(s) shown, %1 awaiting confirmation in this class.",
        nullptr, m_proxy->rowCount())
                              .arg(waiting));
}

int EnrolmentsPage::confirmSelected()
{
    if (!m_engine)
        return 0;
    int done = 0;
    for (const QString &id : selectedPendingIds()) {
        if (!m_engine->queueMutation(QStringLiteral("enrolment.confirm"), id, {}).isEmpty())
            ++done;
    }
    if (done > 0) {
        ui::setMessage(m_messageLabel,
            tr("%n enrolment(s) confirmed; sent at the next sync.", nullptr, done),
            ui::Severity::Success);
        m_announced = true;
    } else {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
    }
    return done;
}

void EnrolmentsPage::rejectSelected()
{
    const int count = int(selectedPendingIds().size());
    if (count == 0)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("enrolmentRejectDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(UiText::windowTitle(tr("Return enrolments")));
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(
        tr("Why are the %n enrolment(s) returned? The learners see this reason.", nullptr, count),
        dialog);
    label->setWordWrap(true);
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("enrolmentRejectReasonLineEdit"));
    reason->setMaxLength(200);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("enrolmentRejectOkButton"));
    ok->setText(tr("Return"));
    ok->setEnabled(false);
    box->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(label);
    layout->addWidget(reason);
    layout->addWidget(box);
    connect(reason, &QLineEdit::textChanged, ok,
        [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(box, &QDialogButtonBox::accepted, dialog, [this, dialog, reason] {
        if (rejectSelectedWithReason(reason->text()) > 0)
            dialog->accept();
    });
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->resize(420, dialog->sizeHint().height());
    dialog->open();
}

int EnrolmentsPage::rejectSelectedWithReason(const QString &reason)
{
    const QString trimmed = reason.trimmed();
    if (!m_engine || trimmed.isEmpty() || trimmed.size() > 200)
        return 0;
    int done = 0;
    for (const QString &id : selectedPendingIds()) {
        if (!m_engine
                 ->queueMutation(QStringLiteral("enrolment.reject"), id,
                     QJsonObject { { QStringLiteral("reason"), trimmed } })
                 .isEmpty())
            ++done;
    }
    if (done > 0) {
        ui::setMessage(m_messageLabel,
            tr("%n enrolment(s) returned; sent at the next sync.", nullptr, done),
            ui::Severity::Success);
        m_announced = true;
    } else {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
    }
    return done;
}

void EnrolmentsPage::exportRoster()
{
    QString path = m_exportPath;
    if (path.isEmpty()) {
        const QString name = m_classPicker->currentText().section(QLatin1String(" ("), 0, 0);
        path = QFileDialog::getSaveFileName(this, tr("Export the roster"),
            QDir::home().filePath(tr("Roster %1.csv").arg(name)), tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
    }
    exportRosterTo(path);
}

bool EnrolmentsPage::exportRosterTo(const QString &path)
{
    const QStringList header { tr("No."), tr("Name"), tr("Resident ID"), tr("Employer"),
        tr("Status"), tr("Enrolled on"), tr("Hours"), tr("Reason") };
    QList<QStringList> rows;
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const auto cell
            = [this, row](int column) { return m_proxy->index(row, column).data().toString(); };
        const QJsonObject d
            = m_proxy->index(row, 0).data(EnrolmentTableModel::DataRole).toJsonObject();
        rows.append({ QString::number(row + 1), text(d, "learnerName"), text(d, "residentIdMasked"),
            text(d, "employerName"),
            ClassText::enrolmentStatus(
                m_proxy->index(row, 0).data(EnrolmentTableModel::StatusRole).toString()),
            cell(EnrolmentTableModel::RequestedColumn), cell(EnrolmentTableModel::HoursColumn),
            cell(EnrolmentTableModel::ReasonColumn) });
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(writeCsv(header, rows)) < 0
        || !file.commit()) {
        ui::setMessage(m_messageLabel,
            tr("The roster could not be written to %1: %2")
                .arg(QDir::toNativeSeparators(path), file.errorString()),
            ui::Severity::Error);
        return false;
    }
    ui::setMessage(m_messageLabel,
        tr("%n person(s) exported to %1.", nullptr, int(rows.size()))
            .arg(QDir::toNativeSeparators(path)),
        ui::Severity::Success);
    return true;
}

void EnrolmentsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void EnrolmentsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Enrolments"));
    m_classCaption->setText(tr("Class:"));
    m_stateCaption->setText(tr("State:"));
    const QString state = m_stateFilter->currentData().toString();
    {
        const QSignalBlocker blocker(m_stateFilter);
        m_stateFilter->clear();
        m_stateFilter->addItem(tr("All"), QString());
        for (const char *status :
            { "pending", "confirmed", "rejected", "cancelled", "credited", "absent" }) {
            const QString code = QLatin1String(status);
            m_stateFilter->addItem(ClassText::enrolmentStatus(code), code);
        }
        m_stateFilter->setCurrentIndex(std::max(0, m_stateFilter->findData(state)));
    }
    m_search->setPlaceholderText(tr("Name, resident ID or employer contains…"));
    m_exportButton->setText(tr("Export roster"));
    m_model->retranslate();
    updateButtons();
}

} // namespace xueshi
