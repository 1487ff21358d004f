#include "organisations/organisationspage.h"

#include "clientcore.h"
#include "common/uicommon.h"
#include "organisationreview.h"
#include "organisations/organisationmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace xueshi {

RejectOrganisationDialog::RejectOrganisationDialog(const QString &organisationName, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("rejectReasonDialog"));
    setWindowTitle(UiText::windowTitle(tr("Reject the organisation")));
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(
        tr("Why is %1 rejected? The organisation sees this reason when it logs in; it can "
           "register again with correct details.")
            .arg(organisationName),
        this);
    label->setObjectName(QStringLiteral("rejectExplanationLabel"));
    label->setWordWrap(true);
    m_reasonEdit = new QPlainTextEdit(this);
    m_reasonEdit->setObjectName(QStringLiteral("rejectReasonTextEdit"));
    m_reasonEdit->setTabChangesFocus(true);
    m_reasonEdit->setFixedHeight(m_reasonEdit->fontMetrics().lineSpacing() * 4 + 12);
    m_countLabel = new QLabel(this);
    m_countLabel->setObjectName(QStringLiteral("rejectReasonCountLabel"));
    m_countLabel->setAlignment(Qt::AlignRight);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("rejectReasonMessageLabel"), this);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_okButton = box->button(QDialogButtonBox::Ok);
    m_okButton->setObjectName(QStringLiteral("rejectReasonOkButton"));
    m_okButton->setText(tr("Reject"));
    box->button(QDialogButtonBox::Cancel)
        ->setObjectName(QStringLiteral("rejectReasonCancelButton"));
    box->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(label);
    layout->addWidget(m_reasonEdit);
    layout->addWidget(m_countLabel);
    layout->addWidget(m_messageLabel);
    layout->addWidget(box);
    connect(m_reasonEdit, &QPlainTextEdit::textChanged, this, &RejectOrganisationDialog::validate);
    connect(box, &QDialogButtonBox::accepted, this, [this] {
        if (rejectionReasonProblem(reason()).isEmpty())
            accept();
    });
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    validate();
    resize(460, sizeHint().height());
}

QString RejectOrganisationDialog::reason() const
{
    return m_reasonEdit->toPlainText().trimmed();
}

void RejectOrganisationDialog::validate()
{
    const QString text = reason();
    const QString problem = rejectionReasonProblem(text);
    m_okButton->setEnabled(problem.isEmpty());
    m_countLabel->setText(QStringLiteral("%1 / %2").arg(text.size()).arg(MaxRejectionReasonLength));
    // Nothing typed yet is not an error: the disabled button says enough until then.
    if (text.isEmpty() && m_reasonEdit->toPlainText().isEmpty())
        ui::setMessage(m_messageLabel, QString(), ui::Severity::Hint);
    else
        ui::setMessage(m_messageLabel, problem, ui::Severity::Error);
}

OrganisationsPage::OrganisationsPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_review(new OrganisationReview(this))
    , m_model(new OrganisationTableModel(this))
    , m_proxy(new OrganisationFilterProxyModel(this))
{
    setObjectName(QStringLiteral("organisationsPage"));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("organisationsTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_subtitleLabel = ui::createMessageLabel(QStringLiteral("organisationsSubtitleLabel"), this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_subtitleLabel);

    auto *filters = new QHBoxLayout;
    m_stateCaption = new QLabel(this);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilterComboBox"));
    m_kindCaption = new QLabel(this);
    m_kindFilter = new QComboBox(this);
    m_kindFilter->setObjectName(QStringLiteral("kindFilterComboBox"));
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchLineEdit"));
    m_search->setClearButtonEnabled(true);
    m_stateCaption->setBuddy(m_stateFilter);
    m_kindCaption->setBuddy(m_kindFilter);
    filters->addWidget(m_stateCaption);
    filters->addWidget(m_stateFilter);
    filters->addSpacing(8);
    filters->addWidget(m_kindCaption);
    filters->addWidget(m_kindFilter);
    filters->addSpacing(8);
    filters->addWidget(m_search, 1);
    layout->addLayout(filters);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *listPanel = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(listPanel);
    m_view->setObjectName(QStringLiteral("organisationTableView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        OrganisationTableModel::NameColumn, QHeaderView::Stretch);
    // The list is short and the details show all: the table keeps what one scans for.
    m_view->setColumnHidden(OrganisationTableModel::CreditCodeColumn, true);
    m_view->setColumnHidden(OrganisationTableModel::ContactColumn, true);
    m_countLabel = new QLabel(listPanel);
    m_countLabel->setObjectName(QStringLiteral("organisationCountLabel"));
    m_countLabel->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_countLabel);

    m_detailGroup = new QGroupBox(splitter);
    m_detailGroup->setObjectName(QStringLiteral("organisationDetailGroupBox"));
    auto *detail = new QVBoxLayout(m_detailGroup);
    m_detailLabel = new QLabel(m_detailGroup);
    m_detailLabel->setObjectName(QStringLiteral("organisationDetailLabel"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::RichText);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_approveButton = new QPushButton(m_detailGroup);
    m_approveButton->setObjectName(QStringLiteral("approveButton"));
    ui::makePrimary(m_approveButton);
    m_rejectButton = new QPushButton(m_detailGroup);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_actionMessageLabel
        = ui::createMessageLabel(QStringLiteral("actionMessageLabel"), m_detailGroup);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_approveButton);
    buttons->addWidget(m_rejectButton);
    buttons->addStretch(1);
    detail->addWidget(m_detailLabel);
    detail->addLayout(buttons);
    detail->addWidget(m_actionMessageLabel);
    detail->addStretch(1);
    splitter->addWidget(listPanel);
    splitter->addWidget(m_detailGroup);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({ 560, 380 });
    layout->addWidget(splitter, 1);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &OrganisationsPage::updateFilter);
    connect(m_kindFilter, &QComboBox::currentIndexChanged, this, &OrganisationsPage::updateFilter);
    connect(m_search, &QLineEdit::textChanged, this, &OrganisationsPage::updateFilter);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &OrganisationsPage::showDetails);
    connect(m_approveButton, &QPushButton::clicked, this, &OrganisationsPage::approveSelected);
    connect(m_rejectButton, &QPushButton::clicked, this, &OrganisationsPage::rejectSelected);
    connect(m_review, &OrganisationReview::changed, this, &OrganisationsPage::reload);

    retranslateUi();
    updateFilter();
}

void OrganisationsPage::setEngine(SyncEngine *engine)
{
    m_review->setEngine(engine, engine ? m_core->localStore() : nullptr);
}

void OrganisationsPage::reload()
{
    // Keep the selection across the reset: the administrator is looking at these rows.
    QStringList selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selected << index.data(OrganisationTableModel::IdRole).toString();
    m_model->setOrganisations(m_review->organisations());
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            m_view->selectionModel()->select(
                index, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    showDetails();
}

void OrganisationsPage::updateFilter()
{
    m_proxy->setState(m_stateFilter->currentData().toString());
    m_proxy->setKind(m_kindFilter->currentData().toString());
    m_proxy->setSearch(m_search->text());
    showDetails();
}

QStringList OrganisationsPage::selectedPendingIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.data(OrganisationTableModel::StateRole).toString() == QLatin1String("pending"))
            ids << index.data(OrganisationTableModel::IdRole).toString();
    }
    return ids;
}

QString OrganisationsPage::detailsHtml(const ReviewedOrganisation &o) const
{
    QString state = OrganisationText::state(o.state);
    if (o.waiting)
        state = tr("%1 (not sent yet)").arg(state);
    QString region = o.regionName;
    if (!o.regionCode.isEmpty())
        region = region.isEmpty() ? o.regionCode : tr("%1 (%2)").arg(o.regionName, o.regionCode);
    const QList<QPair<QString, QString>> rows {
        { tr("Name"), o.name },
        { tr("Kind"), OrganisationText::kind(o.kind) },
        { tr("Unified social credit code"), o.creditCode },
        { tr("Region"), region },
        { tr("Contact person"), o.contactPerson },
        { tr("Phone"), o.phone },
        { tr("E-mail"), o.email },
        { tr("Username"), o.username },
        { tr("Registered"),
            o.registeredAt.isValid() ? QLocale().toString(
                o.registeredAt.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm"))
                                     : QString() },
        { tr("State"), state },
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    const auto addRow = [&html](const QString &name, const QString &value, const char *color) {
        html += QStringLiteral("<tr><td style=\"color:#666\" nowrap>%1</td>"
                               "<td style=\"color:%3\">%2</td></tr>")
                    .arg(name.toHtmlEscaped(),
                        (value.isEmpty() ? UiText::notProvided() : value).toHtmlEscaped(),
                        QLatin1String(color));
    };
    for (const auto &[name, value] : rows)
        addRow(name, value, "inherit");
    if (o.state == ReviewedOrganisation::State::Rejected)
        addRow(tr("Reason for rejecting"), o.rejectionReason, "inherit");
    if (!o.problem.isEmpty())
        addRow(tr("Problem"), o.problem, "#b3261e");
    return html + QStringLiteral("</table>");
}

void OrganisationsPage::showDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int pending = int(selectedPendingIds().size());
    const bool working = m_review->engine() != nullptr;
    if (rows.size() == 1) {
        const int sourceRow = m_proxy->mapToSource(rows.first()).row();
        m_detailLabel->setText(detailsHtml(m_model->organisationAt(sourceRow)));
    } else if (rows.isEmpty()) {
        m_detailLabel->setText(m_proxy->rowCount() == 0
                ? tr("No organisation matches the filter.")
                : tr("Select an organisation to see its details."));
    } else {
        m_detailLabel->setText(tr(
            "%n organisation(s) selected, %1 of them awaiting approval.", nullptr, int(rows.size()))
                                   .arg(pending));
    }
    m_approveButton->setEnabled(working && pending > 0);
    m_approveButton->setText(pending > 1 ? tr("Approve %1").arg(pending) : tr("Approve"));
    m_rejectButton->setEnabled(working && pending == 1);

    int awaiting = 0;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->organisationAt(row).state == ReviewedOrganisation::State::Pending)
            ++awaiting;
    }
    m_countLabel->setText(tr("%1 shown of %2 · %3 awaiting approval")
                              .arg(m_proxy->rowCount())
                              .arg(m_model->rowCount())
                              .arg(awaiting));
}

int OrganisationsPage::approveSelected()
{
    const int done = m_review->approve(selectedPendingIds());
    if (done > 0) {
        ui::setMessage(m_actionMessageLabel,
            tr("%n approval(s) saved; sent at the next sync.", nullptr, done),
            ui::Severity::Success);
    } else {
        ui::setMessage(m_actionMessageLabel, m_review->lastError(), ui::Severity::Error);
    }
    return done;
}

void OrganisationsPage::rejectSelected()
{
    const QStringList ids = selectedPendingIds();
    if (ids.size() != 1)
        return;
    const std::optional<ReviewedOrganisation> o = m_review->organisation(ids.first());
    auto *dialog = new RejectOrganisationDialog(o ? o->name : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = ids.first();
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        // The selection may have moved while the dialog was open: decide on the one asked for.
        if (m_review->reject(id, dialog->reason())) {
            ui::setMessage(m_actionMessageLabel, tr("Rejected; sent at the next sync."),
                ui::Severity::Success);
        } else {
            ui::setMessage(m_actionMessageLabel, m_review->lastError(), ui::Severity::Error);
        }
    });
    dialog->open();
}

bool OrganisationsPage::rejectSelectedWithReason(const QString &reason)
{
    const QStringList ids = selectedPendingIds();
    if (ids.size() != 1)
        return false;
    if (!m_review->reject(ids.first(), reason)) {
        ui::setMessage(m_actionMessageLabel, m_review->lastError(), ui::Severity::Error);
        return false;
    }
    ui::setMessage(
        m_actionMessageLabel, tr("Rejected; sent at the next sync."), ui::Severity::Success);
    return true;
}

void OrganisationsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void OrganisationsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Organisation review"));
    ui::setMessage(m_subtitleLabel,
        tr("Employers and training institutions register awaiting approval: an employer "
           "confirms staff, and an institution runs classes, only once approved. Check the "
           "details against the business registration before you decide; decisions made offline "
           "are sent at the next sync."),
        ui::Severity::Hint);
    m_stateCaption->setText(tr("&State:"));
    m_kindCaption->setText(tr("&Kind:"));
    {
        const QSignalBlocker blocker(m_stateFilter);
        const QString state = m_stateFilter->count() ? m_stateFilter->currentData().toString()
                                                     : QStringLiteral("pending");
        m_stateFilter->clear();
        m_stateFilter->addItem(OrganisationText::state(ReviewedOrganisation::State::Pending),
            QStringLiteral("pending"));
        m_stateFilter->addItem(OrganisationText::state(ReviewedOrganisation::State::Approved),
            QStringLiteral("approved"));
        m_stateFilter->addItem(OrganisationText::state(ReviewedOrganisation::State::Rejected),
            QStringLiteral("rejected"));
        m_stateFilter->addItem(tr("All"), QString());
        m_stateFilter->setCurrentIndex(std::max(0, m_stateFilter->findData(state)));
    }
    {
        const QSignalBlocker blocker(m_kindFilter);
        const QString kind = m_kindFilter->currentData().toString();
        m_kindFilter->clear();
        m_kindFilter->addItem(tr("All"), QString());
        for (const char *code : { "employer", "institution" })
            m_kindFilter->addItem(
                OrganisationText::kind(QLatin1String(code)), QString::fromLatin1(code));
        m_kindFilter->setCurrentIndex(std::max(0, m_kindFilter->findData(kind)));
    }
    m_search->setPlaceholderText(
        tr("Search by name, credit code, username, region or contact person…"));
    m_detailGroup->setTitle(tr("Details"));
    m_rejectButton->setText(tr("Reject…"));
    m_model->retranslate();
    showDetails();
}

} // namespace xueshi
