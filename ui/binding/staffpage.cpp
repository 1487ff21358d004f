#include "binding/staffpage.h"

#include "binding/bindingmodel.h"
#include "bindings.h"
#include "clientcore.h"
#include "common/uicommon.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace xueshi {

namespace {

const QDate NoDate(2000, 1, 1); // the date edits' "any" value

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QTableView *makeTable(const char *name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(QLatin1String(name));
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // Sized on the rows in view and a few more, not on all of an HR office's thousands.
    view->horizontalHeader()->setResizeContentsPrecision(64);
    view->setAlternatingRowColors(true);
    return view;
}

QDateEdit *makeDateEdit(const char *name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(NoDate);
    edit->setDate(NoDate);
    return edit;
}

} // namespace

StaffPage::StaffPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new BindingTableModel(true, this))
    , m_requestProxy(new BindingFilterProxyModel(this))
    , m_staffProxy(new BindingFilterProxyModel(this))
{
    setObjectName(QStringLiteral("staffPage"));
    m_requestProxy->setSourceModel(m_model);
    m_staffProxy->setSourceModel(m_model);
    m_staffProxy->setStatus(QStringLiteral("confirmed"));

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("staffTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("staffTabWidget"));
    layout->addWidget(m_tabs, 1);

    // Requests.
    m_requestsTab = new QWidget(m_tabs);
    m_requestsTab->setObjectName(QStringLiteral("requestsTab"));
    auto *requests = new QVBoxLayout(m_requestsTab);
    auto *filters = new QHBoxLayout;
    m_stateCaption = new QLabel(m_requestsTab);
    m_stateFilter = new QComboBox(m_requestsTab);
    m_stateFilter->setObjectName(QStringLiteral("stateFilterComboBox"));
    m_nameFilter = new QLineEdit(m_requestsTab);
    m_nameFilter->setObjectName(QStringLiteral("nameFilterLineEdit"));
    m_nameFilter->setClearButtonEnabled(true);
    m_dateCaption = new QLabel(m_requestsTab);
    m_fromDate = makeDateEdit("fromDateEdit", m_requestsTab);
    m_toDate = makeDateEdit("toDateEdit", m_requestsTab);
    m_clearDatesButton = new QPushButton(m_requestsTab);
    m_clearDatesButton->setObjectName(QStringLiteral("clearDatesButton"));
    ui::makeLink(m_clearDatesButton);
    filters->addWidget(m_stateCaption);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_nameFilter, 1);
    filters->addWidget(m_dateCaption);
    filters->addWidget(m_fromDate);
    filters->addWidget(new QLabel(QStringLiteral("–"), m_requestsTab));
    filters->addWidget(m_toDate);
    filters->addWidget(m_clearDatesButton);
    requests->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Horizontal, m_requestsTab);
    m_requestView = makeTable("bindingTableView", splitter);
    m_requestView->setModel(m_requestProxy);
    m_requestView->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_requestView->setColumnHidden(BindingTableModel::EmployerColumn, true);
    m_detailGroup = new QGroupBox(splitter);
    m_detailGroup->setObjectName(QStringLiteral("bindingDetailGroupBox"));
    auto *detail = new QVBoxLayout(m_detailGroup);
    m_detailLabel = new QLabel(m_detailGroup);
    m_detailLabel->setObjectName(QStringLiteral("bindingDetailLabel"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::RichText);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_confirmButton = new QPushButton(m_detailGroup);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    ui::makePrimary(m_confirmButton);
    m_rejectButton = new QPushButton(m_detailGroup);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_actionMessageLabel
        = ui::createMessageLabel(QStringLiteral("actionMessageLabel"), m_detailGroup);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_confirmButton);
    buttons->addWidget(m_rejectButton);
    buttons->addStretch(1);
    detail->addWidget(m_detailLabel);
    detail->addLayout(buttons);
    detail->addWidget(m_actionMessageLabel);
    detail->addStretch(1);
    splitter->addWidget(m_requestView);
    splitter->addWidget(m_detailGroup);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 520, 380 });
    requests->addWidget(splitter, 1);
    m_tabs->addTab(m_requestsTab, QString());

    // Confirmed staff.
    m_staffTab = new QWidget(m_tabs);
    m_staffTab->setObjectName(QStringLiteral("staffTab"));
    auto *staff = new QVBoxLayout(m_staffTab);
    m_staffSearch = new QLineEdit(m_staffTab);
    m_staffSearch->setObjectName(QStringLiteral("staffSearchLineEdit"));
    m_staffSearch->setClearButtonEnabled(true);
    staff->addWidget(m_staffSearch);
    auto *staffSplitter = new QSplitter(Qt::Horizontal, m_staffTab);
    m_staffView = makeTable("staffTableView", staffSplitter);
    m_staffView->setModel(m_staffProxy);
    m_staffView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_staffView->setColumnHidden(BindingTableModel::EmployerColumn, true);
    m_staffView->setColumnHidden(BindingTableModel::ReasonColumn, true);
    m_staffDetailGroup = new QGroupBox(staffSplitter);
    m_staffDetailGroup->setObjectName(QStringLiteral("staffDetailGroupBox"));
    auto *staffDetail = new QVBoxLayout(m_staffDetailGroup);
    m_staffDetailLabel = new QLabel(m_staffDetailGroup);
    m_staffDetailLabel->setObjectName(QStringLiteral("staffDetailLabel"));
    m_staffDetailLabel->setWordWrap(true);
    m_staffDetailLabel->setTextFormat(Qt::RichText);
    m_staffDetailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    staffDetail->addWidget(m_staffDetailLabel);
    staffDetail->addStretch(1);
    staffSplitter->addWidget(m_staffView);
    staffSplitter->addWidget(m_staffDetailGroup);
    staffSplitter->setStretchFactor(0, 1);
    staffSplitter->setStretchFactor(1, 1);
    staffSplitter->setSizes({ 520, 380 });
    staff->addWidget(staffSplitter, 1);
    m_tabs->addTab(m_staffTab, QString());

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &StaffPage::updateFilter);
    connect(m_nameFilter, &QLineEdit::textChanged, this, &StaffPage::updateFilter);
    connect(m_fromDate, &QDateEdit::dateChanged, this, &StaffPage::updateFilter);
    connect(m_toDate, &QDateEdit::dateChanged, this, &StaffPage::updateFilter);
    connect(m_clearDatesButton, &QPushButton::clicked, this, [this] {
        m_fromDate->setDate(NoDate);
        m_toDate->setDate(NoDate);
    });
    connect(m_staffSearch, &QLineEdit::textChanged, this,
        [this](const QString &text) { m_staffProxy->setNameFilter(text); });
    connect(m_requestView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &StaffPage::showDetails);
    connect(m_staffView->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &StaffPage::showStaffDetails);
    connect(m_confirmButton, &QPushButton::clicked, this, &StaffPage::confirmSelected);
    connect(m_rejectButton, &QPushButton::clicked, this, &StaffPage::rejectSelected);

    retranslateUi();
    reload();
}

void StaffPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerBindingMutations(engine, m_core->localStore());
        // A sync brings an HR office's bindings page by page, and the outbox count changes with
        // every decision: the rows change in place, only where something changed.
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(QLatin1String("binding")))
                refresh(false);
        });
        connect(engine, &SyncEngine::cacheReset, this, &StaffPage::reload);
        connect(engine, &SyncEngine::pendingCountChanged, this, [this] { refresh(true); });
        connect(engine, &SyncEngine::problemsChanged, this, [this] { refresh(true); });
    }
    reload();
}

void StaffPage::setApproved(bool approved)
{
    m_approved = approved;
    showDetails();
}

void StaffPage::reload()
{
    // Keep the selection across the reset: the HR officer is looking at these rows.
    QStringList selected;
    for (const QModelIndex &index : m_requestView->selectionModel()->selectedRows())
        selected << index.data(BindingTableModel::IdRole).toString();
    m_model->reload(m_engine ? m_core->localStore() : nullptr);
    QItemSelection selection;
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_requestProxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    if (!selection.isEmpty())
        m_requestView->selectionModel()->select(
            selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    showDetails();
    showStaffDetails();
}

void StaffPage::refresh(bool outboxOnly)
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (outboxOnly)
        m_model->refreshWaiting(store);
    else
        m_model->refresh(store);
    // The selection models follow inserted and removed rows by themselves.
    showDetails();
    showStaffDetails();
}

void StaffPage::updateFilter()
{
    m_requestProxy->setStatus(m_stateFilter->currentData().toString());
    m_requestProxy->setNameFilter(m_nameFilter->text());
    m_requestProxy->setDateRange(m_fromDate->date() == NoDate ? QDate() : m_fromDate->date(),
        m_toDate->date() == NoDate ? QDate() : m_toDate->date());
    showDetails();
}

QStringList StaffPage::selectedPendingIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_requestView->selectionModel()->selectedRows()) {
        if (index.data(BindingTableModel::StatusRole).toString() == QLatin1String("pending"))
            ids << index.data(BindingTableModel::IdRole).toString();
    }
    return ids;
}

QString StaffPage::detailsHtml(const QJsonObject &binding) const
{
    const QJsonObject learner = binding.value(QLatin1String("learner")).toObject();
    QString seriesName = text(learner, "professionalSeries");
    if (const LocalStore *store = m_engine ? m_core->localStore() : nullptr) {
        if (const auto series = store->entity(QStringLiteral("professionalSeries"), seriesName))
            seriesName = text(series->data, "name");
    }
    const auto orNone
        = [](const QString &value) { return value.isEmpty() ? UiText::notProvided() : value; };
    const QString status = text(binding, "status");
    // A request withdrawn or rejected, or a person who left: the server keeps only the name here.
    const bool closed = status != QLatin1String("pending") && status != QLatin1String("confirmed");
    const QList<QPair<QString, QString>> rows = closed
        ? QList<QPair<QString, QString>> {
            { tr("Real name"), text(learner, "realName") },
            { tr("Status"), BindingText::employerStatus(status) },
            { tr("Requested"), BindingText::dateTime(text(binding, "requestedAt")) },
        }
        : QList<QPair<QString, QString>> {
        { tr("Real name"), text(learner, "realName") },
        { tr("Gender"), BindingText::gender(text(learner, "gender")) },
        { tr("Resident ID"), text(learner, "residentId") },
        { tr("Education"), BindingText::education(text(learner, "education")) },
        { tr("Professional title"), text(learner, "professionalTitle") },
        { tr("Professional series"), seriesName },
        { tr("Position"), text(learner, "position") },
        { tr("Mobile"), text(learner, "mobile") },
        { tr("E-mail"), text(learner, "email") },
        { tr("Username"), text(learner, "username") },
        { tr("Status"), BindingText::employerStatus(text(binding, "status")) },
        { tr("Requested"), BindingText::dateTime(text(binding, "requestedAt")) },
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    for (const auto &[name, value] : rows) {
        html += QStringLiteral("<tr><td style=\"color:#666\" nowrap>%1</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), orNone(value).toHtmlEscaped());
    }
    if (!text(binding, "reason").isEmpty()) {
        html += QStringLiteral("<tr><td style=\"color:#666\" nowrap>%1</td><td>%2</td></tr>")
                    .arg(tr("Reason").toHtmlEscaped(), text(binding, "reason").toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (closed) {
        html += QStringLiteral("<p style=\"color:#666\">%1</p>")
                    .arg(tr("This person's other details are no longer shown to your organisation: "
                            "the request was withdrawn or rejected, or the person is now confirmed "
                            "by another employer.")
                             .toHtmlEscaped());
    }
    return html;
}

void StaffPage::showDetails()
{
    const QModelIndexList rows = m_requestView->selectionModel()->selectedRows();
    const int pending = int(selectedPendingIds().size());
    if (rows.size() == 1)
        m_detailLabel->setText(
            detailsHtml(rows.first().data(BindingTableModel::DataRole).toJsonObject()));
    else if (rows.isEmpty())
        m_detailLabel->setText(tr("Select a request to see the person's details."));
    else
        m_detailLabel->setText(
            tr("%n request(s) selected, %1 of them to confirm.", nullptr, int(rows.size()))
                .arg(pending));
    m_confirmButton->setEnabled(m_engine && m_approved && pending > 0);
    m_confirmButton->setText(pending > 1 ? tr("Confirm %1").arg(pending) : tr("Confirm"));
    m_rejectButton->setEnabled(m_engine && m_approved && pending == 1);
    const QString waiting = m_approved
        ? QString()
        : tr("Your organisation must be approved by the administrator before it can decide "
             "requests.");
    m_confirmButton->setToolTip(waiting);
    m_rejectButton->setToolTip(waiting);
}

void StaffPage::showStaffDetails()
{
    const QModelIndexList rows = m_staffView->selectionModel()->selectedRows();
    m_staffDetailLabel->setText(rows.isEmpty()
            ? tr("Select a person to see their details.")
            : detailsHtml(rows.first().data(BindingTableModel::DataRole).toJsonObject()));
}

int StaffPage::confirmSelected()
{
    if (!m_engine)
        return 0;
    // One action, however many rows: queued in one transaction, the rows refreshed once. The
    // cached version is the one the HR officer saw: the engine sends it as baseVersion.
    QList<SyncEngine::MutationRequest> requests;
    for (const QString &id : selectedPendingIds())
        requests.append({ QStringLiteral("binding.confirm"), id, {} });
    const int done = requests.isEmpty() ? 0 : int(m_engine->queueMutations(requests).size());
    if (done > 0) {
        ui::setMessage(m_actionMessageLabel,
            tr("%n confirmation(s) saved; sent at the next sync.", nullptr, done),
            ui::Severity::Success);
    } else {
        ui::setMessage(m_actionMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
    }
    return done;
}

void StaffPage::rejectSelected()
{
    if (selectedPendingIds().size() != 1)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rejectReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(UiText::windowTitle(tr("Return the request")));
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(tr("Why is the request returned? The person sees this reason and can "
                                "correct their details."),
        dialog);
    label->setWordWrap(true);
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("rejectReasonLineEdit"));
    reason->setMaxLength(200);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("rejectReasonOkButton"));
    ok->setText(tr("Return"));
    ok->setEnabled(false);
    box->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(label);
    layout->addWidget(reason);
    layout->addWidget(box);
    connect(reason, &QLineEdit::textChanged, ok,
        [ok](const QString &text) { ok->setEnabled(!text.trimmed().isEmpty()); });
    connect(box, &QDialogButtonBox::accepted, dialog, [this, dialog, reason] {
        if (rejectSelectedWithReason(reason->text()))
            dialog->accept();
    });
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->resize(420, dialog->sizeHint().height());
    dialog->open();
}

bool StaffPage::rejectSelectedWithReason(const QString &reason)
{
    const QStringList ids = selectedPendingIds();
    if (!m_engine || ids.size() != 1 || reason.trimmed().isEmpty())
        return false;
    if (m_engine
            ->queueMutation(QStringLiteral("binding.reject"), ids.first(),
                QJsonObject { { QStringLiteral("reason"), reason.trimmed() } })
            .isEmpty()) {
        ui::setMessage(m_actionMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    ui::setMessage(
        m_actionMessageLabel, tr("Returned; sent at the next sync."), ui::Severity::Success);
    return true;
}

void StaffPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void StaffPage::retranslateUi()
{
    m_titleLabel->setText(tr("Staff"));
    m_tabs->setTabText(0, tr("Requests"));
    m_tabs->setTabText(1, tr("Confirmed staff"));
    m_stateCaption->setText(tr("State:"));
    const QString state = m_stateFilter->currentData().toString();
    {
        const QSignalBlocker blocker(m_stateFilter);
        m_stateFilter->clear();
        m_stateFilter->addItem(tr("All"), QString());
        for (const char *status : { "pending", "confirmed", "rejected", "withdrawn", "ended" }) {
            const QString code = QLatin1String(status);
            m_stateFilter->addItem(BindingText::employerStatus(code), code);
        }
        m_stateFilter->setCurrentIndex(std::max(0, m_stateFilter->findData(state)));
    }
    m_nameFilter->setPlaceholderText(tr("Name contains…"));
    m_dateCaption->setText(tr("Requested:"));
    m_fromDate->setSpecialValueText(tr("any"));
    m_toDate->setSpecialValueText(tr("any"));
    m_clearDatesButton->setText(tr("Any date"));
    m_detailGroup->setTitle(tr("Details"));
    m_rejectButton->setText(tr("Return…"));
    m_staffSearch->setPlaceholderText(tr("Search by name…"));
    m_staffDetailGroup->setTitle(tr("Profile"));
    m_model->retranslate();
    showDetails();
    showStaffDetails();
}

} // namespace xueshi
