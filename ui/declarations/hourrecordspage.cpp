#include "declarations/hourrecordspage.h"

#include "attachmentuploads.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations.h"
#include "declarations/declarationdialog.h"
#include "publiccourses.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

const QString HourRecord = QStringLiteral("hourRecord");
const QString Declaration = QStringLiteral("declaration");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

const QStringList SubjectTypes { QStringLiteral("public"), QStringLiteral("professional"),
    QStringLiteral("elective") };

} // namespace

HourRecordTableModel::HourRecordTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void HourRecordTableModel::reload(const LocalStore *store)
{
    beginResetModel();
    m_rows = store ? store->entities(HourRecord) : QList<CachedEntity>();
    std::stable_sort(
        m_rows.begin(), m_rows.end(), [](const CachedEntity &a, const CachedEntity &b) {
            const int first = a.data.value(QLatin1String("year")).toInt();
            const int second = b.data.value(QLatin1String("year")).toInt();
            if (first != second)
                return first > second;
            return text(a.data, "endDate") > text(b.data, "endDate");
        });
    endResetModel();
}

QList<int> HourRecordTableModel::years() const
{
    QList<int> list;
    for (const CachedEntity &row : m_rows) {
        const int year = row.data.value(QLatin1String("year")).toInt();
        if (year > 0 && !list.contains(year))
            list.append(year);
    }
    std::sort(list.begin(), list.end(), std::greater<int>());
    return list;
}

int HourRecordTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int HourRecordTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HourRecordTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const QJsonObject &d = m_rows.at(index.row()).data;
    switch (role) {
    case IdRole:
        return m_rows.at(index.row()).id;
    case YearRole:
        return d.value(QLatin1String("year")).toInt();
    case SubjectTypeRole:
        return text(d, "subjectType");
    case StatusRole:
        return text(d, "status");
    case HoursTenthsRole:
        return d.value(QLatin1String("hoursTenths")).toInt();
    case Qt::TextAlignmentRole:
        if (index.column() == HoursColumn || index.column() == YearColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (index.column()) {
    case YearColumn:
        return QString::number(d.value(QLatin1String("year")).toInt());
    case SourceColumn:
        return CourseText::source(text(d, "source"));
    case TitleColumn:
        return text(d, "title");
    case SubjectTypeColumn:
        return CourseText::subjectType(text(d, "subjectType"));
    case HoursColumn:
        return CourseText::hours(d.value(QLatin1String("hoursTenths")).toInt());
    case StatusColumn:
        return CourseText::recordStatus(text(d, "status"));
    case DatesColumn: {
        const QString start = text(d, "startDate");
        const QString end = text(d, "endDate");
        return start == end || end.isEmpty() ? start : QStringLiteral("%1 – %2").arg(start, end);
    }
    default:
        return {};
    }
}

QVariant HourRecordTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case YearColumn:
        return tr("Year");
    case SourceColumn:
        return tr("Source");
    case TitleColumn:
        return tr("Course or training");
    case SubjectTypeColumn:
        return tr("Subject type");
    case HoursColumn:
        return tr("Hours");
    case StatusColumn:
        return tr("Status");
    case DatesColumn:
        return tr("Dates");
    default:
        return {};
    }
}

void HourRecordTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

HourRecordFilterProxyModel::HourRecordFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void HourRecordFilterProxyModel::setYear(int year)
{
    m_year = year;
    invalidateFilter();
}

void HourRecordFilterProxyModel::setSubjectType(const QString &type)
{
    m_subjectType = type;
    invalidateFilter();
}

bool HourRecordFilterProxyModel::filterAcceptsRow(
    int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_year != 0 && index.data(HourRecordTableModel::YearRole).toInt() != m_year)
        return false;
    if (!m_subjectType.isEmpty()
        && index.data(HourRecordTableModel::SubjectTypeRole).toString() != m_subjectType)
        return false;
    return true;
}

HourRecordsPage::HourRecordsPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new HourRecordTableModel(this))
    , m_proxy(new HourRecordFilterProxyModel(this))
{
    setObjectName(QStringLiteral("hourRecordsPage"));
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);

    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("hourRecordsTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    // The learner's own declarations, with 【学时记录添加】 and their actions.
    m_declarationsCaption = new QLabel(this);
    m_declarationsCaption->setObjectName(QStringLiteral("declarationsCaptionLabel"));
    ui::makeHeading(m_declarationsCaption, 2);
    layout->addWidget(m_declarationsCaption);
    m_declarations = new QTableWidget(this);
    m_declarations->setObjectName(QStringLiteral("declarationsTableWidget"));
    m_declarations->setColumnCount(6);
    m_declarations->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_declarations->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_declarations->setSelectionMode(QAbstractItemView::SingleSelection);
    m_declarations->verticalHeader()->hide();
    m_declarations->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_declarations->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_declarations->horizontalHeader()->setSectionResizeMode(4, QHeaderView::Stretch);
    m_declarations->setMaximumHeight(150);
    layout->addWidget(m_declarations);
    auto *actions = new QHBoxLayout;
    const auto button = [this, actions](const char *name) {
        auto *b = new QPushButton(this);
        b->setObjectName(QLatin1String(name));
        actions->addWidget(b);
        return b;
    };
    m_addButton = button("addDeclarationButton");
    ui::makePrimary(m_addButton);
    m_editButton = button("editDeclarationButton");
    m_submitButton = button("submitDeclarationButton");
    m_withdrawButton = button("withdrawDeclarationButton");
    m_deleteButton = button("deleteDeclarationButton");
    actions->addStretch(1);
    layout->addLayout(actions);
    m_uploadProgress = new QProgressBar(this);
    m_uploadProgress->setObjectName(QStringLiteral("declarationsUploadProgressBar"));
    m_uploadProgress->setVisible(false);
    layout->addWidget(m_uploadProgress);
    m_declarationMessage = ui::createMessageLabel(QStringLiteral("declarationsMessageLabel"), this);
    layout->addWidget(m_declarationMessage);
    connect(
        m_declarations, &QTableWidget::itemSelectionChanged, this, &HourRecordsPage::updateActions);
    connect(m_declarations, &QTableWidget::cellDoubleClicked, this,
        [this] { openDeclaration(selectedDeclaration()); });
    connect(m_addButton, &QPushButton::clicked, this, [this] { openDeclaration({}); });
    connect(m_editButton, &QPushButton::clicked, this,
        [this] { openDeclaration(selectedDeclaration()); });
    connect(m_submitButton, &QPushButton::clicked, this,
        [this] { act(QStringLiteral("declaration.submit")); });
    connect(m_withdrawButton, &QPushButton::clicked, this,
        [this] { act(QStringLiteral("declaration.withdraw")); });
    connect(m_deleteButton, &QPushButton::clicked, this,
        [this] { act(QStringLiteral("declaration.delete")); });

    auto *filters = new QHBoxLayout;
    m_yearCaption = new QLabel(this);
    m_yearFilter = new QComboBox(this);
    m_yearFilter->setObjectName(QStringLiteral("yearFilterComboBox"));
    m_typeCaption = new QLabel(this);
    m_typeFilter = new QComboBox(this);
    m_typeFilter->setObjectName(QStringLiteral("subjectTypeFilterComboBox"));
    m_yearCaption->setBuddy(m_yearFilter);
    m_typeCaption->setBuddy(m_typeFilter);
    filters->addWidget(m_yearCaption);
    filters->addWidget(m_yearFilter);
    filters->addSpacing(16);
    filters->addWidget(m_typeCaption);
    filters->addWidget(m_typeFilter);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("hourRecordsTableView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(
        HourRecordTableModel::TitleColumn, QHeaderView::Stretch);
    m_view->setMinimumHeight(200);
    layout->addWidget(m_view, 1);
    m_emptyLabel = ui::createMessageLabel(QStringLiteral("hourRecordsEmptyLabel"), this);
    layout->addWidget(m_emptyLabel);

    m_totalsCaption = new QLabel(this);
    m_totalsCaption->setObjectName(QStringLiteral("hourTotalsCaptionLabel"));
    ui::makeHeading(m_totalsCaption, 2);
    layout->addWidget(m_totalsCaption);
    m_totals = new QTableWidget(this);
    m_totals->setObjectName(QStringLiteral("hourTotalsTableWidget"));
    m_totals->setColumnCount(6);
    m_totals->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_totals->verticalHeader()->hide();
    m_totals->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_totals->setMaximumHeight(120);
    layout->addWidget(m_totals);

    connect(m_yearFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setYear(m_yearFilter->currentData().toInt()); });
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
        [this] { m_proxy->setSubjectType(m_typeFilter->currentData().toString()); });

    retranslateUi();
    setEngine(core->syncEngine());
}

void HourRecordsPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    delete m_uploads;
    m_uploads = nullptr;
    m_engine = engine;
    if (engine && m_core->localStore()) {
        LocalStore *store = m_core->localStore();
        registerDeclarationMutations(engine, store);
        m_uploads = new AttachmentUploads(
            m_core->api(), engine, store, AttachmentUploads::directoryFor(store->path()), this);
        connect(
            m_uploads, &AttachmentUploads::queueChanged, this, &HourRecordsPage::fillDeclarations);
        connect(m_uploads, &AttachmentUploads::progress, this,
            [this](const QString &, const QString &, qint64 sent, qint64 total) {
                m_uploadProgress->setVisible(true);
                m_uploadProgress->setRange(0, 1000);
                m_uploadProgress->setValue(total > 0 ? int(sent * 1000 / total) : 0);
            });
        connect(m_uploads, &AttachmentUploads::runningChanged, this, [this](bool running) {
            if (!running)
                m_uploadProgress->setVisible(false);
        });
        connect(
            m_uploads, &AttachmentUploads::finished, this, [this](bool ok, const QString &message) {
                if (!ok && !message.isEmpty())
                    ui::setMessage(m_declarationMessage,
                        tr("Attachments are not sent yet: %1").arg(message), ui::Severity::Warning);
            });
        // The first sync may have run before this page listened.
        m_uploads->start();
    }
    if (engine) {
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(HourRecord))
                reload();
            else if (types.contains(Declaration))
                fillDeclarations();
        });
        connect(engine, &SyncEngine::cacheReset, this, &HourRecordsPage::reload);
    }
    reload();
}

void HourRecordsPage::reload()
{
    m_model->reload(m_engine ? m_core->localStore() : nullptr);
    fillYears();
    fillTotals();
    fillDeclarations();
    if (m_model->rowCount() == 0)
        ui::setMessage(m_emptyLabel,
            tr("No hours yet. Hours appear here when you pass a public course exam, when a "
               "training institution confirms your hours, or when your employer confirms hours "
               "you declared."),
            ui::Severity::Hint);
    else
        m_emptyLabel->clear();
}

void HourRecordsPage::fillYears()
{
    const int chosen = m_yearFilter->currentData().toInt();
    QSignalBlocker block(m_yearFilter);
    m_yearFilter->clear();
    m_yearFilter->addItem(tr("All years"), 0);
    for (int year : m_model->years())
        m_yearFilter->addItem(QString::number(year), year);
    m_yearFilter->setCurrentIndex(std::max(0, m_yearFilter->findData(chosen)));
    m_proxy->setYear(m_yearFilter->currentData().toInt());
}

void HourRecordsPage::fillTotals()
{
    struct Totals
    {
        QMap<QString, int> confirmed; // by subject type
        int pending = 0;
    };
    QMap<int, Totals> byYear;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex index = m_model->index(row, 0);
        Totals &totals = byYear[index.data(HourRecordTableModel::YearRole).toInt()];
        const QString status = index.data(HourRecordTableModel::StatusRole).toString();
        const int tenths = index.data(HourRecordTableModel::HoursTenthsRole).toInt();
        if (status == QLatin1String("confirmed"))
            totals.confirmed[index.data(HourRecordTableModel::SubjectTypeRole).toString()]
                += tenths;
        else if (status == QLatin1String("pending"))
            totals.pending += tenths;
    }
    m_totals->setRowCount(int(byYear.size()));
    int row = 0;
    // Newest year first.
    for (auto it = byYear.constEnd(); it != byYear.constBegin();) {
        --it;
        int sum = 0;
        for (int tenths : it->confirmed)
            sum += tenths;
        const QStringList cells { QString::number(it.key()), CourseText::hours(sum),
            CourseText::hours(it->confirmed.value(SubjectTypes.at(0))),
            CourseText::hours(it->confirmed.value(SubjectTypes.at(1))),
            CourseText::hours(it->confirmed.value(SubjectTypes.at(2))),
            CourseText::hours(it->pending) };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_totals->setItem(row, column, item);
        }
        ++row;
    }
}

void HourRecordsPage::fillDeclarations()
{
    const QString chosen = selectedDeclaration();
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    QList<CachedEntity> rows = store ? store->entities(Declaration) : QList<CachedEntity>();
    rows.removeIf([this](const CachedEntity &e) {
        return text(e.data, "status") == QLatin1String("deleted")
            || text(e.data, "learnerId") != m_engine->userId();
    });
    std::stable_sort(rows.begin(), rows.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return text(a.data, "startDate") > text(b.data, "startDate");
    });
    QSignalBlocker block(m_declarations);
    m_declarations->clearContents();
    m_declarations->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const QJsonObject &d = rows.at(row).data;
        const QString status = text(d, "status");
        QString state = DeclarationText::status(status);
        if (status == QLatin1String("rejected") && !text(d, "reason").isEmpty())
            state = tr("%1: %2").arg(state, text(d, "reason"));
        int attached = int(d.value(QLatin1String("attachments")).toArray().size());
        int waiting = 0;
        if (m_uploads) {
            for (const QueuedAttachment &a : m_uploads->items(rows.at(row).id))
                waiting += a.failed ? 0 : 1;
        }
        QString files = QString::number(attached);
        if (waiting > 0)
            files = tr("%1 (+%2 waiting to be sent)").arg(attached).arg(waiting);
        const QString start = text(d, "startDate");
        const QString end = text(d, "endDate");
        const QStringList cells { QString::number(d.value(QLatin1String("year")).toInt()),
            text(d, "title"), start == end ? start : QStringLiteral("%1 – %2").arg(start, end),
            CourseText::hours(d.value(QLatin1String("hoursTenths")).toInt()), state, files };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, rows.at(row).id);
            item->setData(Qt::UserRole + 1, status);
            m_declarations->setItem(row, column, item);
        }
        if (rows.at(row).id == chosen)
            m_declarations->selectRow(row);
    }
    updateActions();
}

QString HourRecordsPage::selectedDeclaration() const
{
    const QList<QTableWidgetItem *> items = m_declarations->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(Qt::UserRole).toString();
}

void HourRecordsPage::updateActions()
{
    const QList<QTableWidgetItem *> items = m_declarations->selectedItems();
    const QString status
        = items.isEmpty() ? QString() : items.first()->data(Qt::UserRole + 1).toString();
    const bool ready = m_engine && m_uploads;
    m_addButton->setEnabled(ready);
    m_editButton->setEnabled(ready && !status.isEmpty() && status != QLatin1String("confirmed"));
    m_submitButton->setEnabled(
        ready && (status == QLatin1String("draft") || status == QLatin1String("rejected")));
    m_withdrawButton->setEnabled(ready && status == QLatin1String("pending"));
    m_deleteButton->setEnabled(ready && status == QLatin1String("draft"));
}

void HourRecordsPage::openDeclaration(const QString &id)
{
    if (!m_engine || !m_uploads)
        return;
    auto *dialog = new DeclarationDialog(m_core, m_engine, m_uploads, id, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (m_chooser)
        dialog->setFileChooser(m_chooser);
    connect(dialog, &QDialog::finished, this, &HourRecordsPage::fillDeclarations);
    dialog->open();
}

void HourRecordsPage::act(const QString &type)
{
    const QString id = selectedDeclaration();
    if (id.isEmpty() || !m_engine || !m_uploads)
        return;
    if (type == QLatin1String("declaration.submit")) {
        // The server takes a submission with its proof only.
        int proofs = 0;
        if (const auto entity = m_core->localStore()->entity(Declaration, id))
            proofs = int(entity->data.value(QLatin1String("attachments")).toArray().size());
        if (proofs == 0 && !m_uploads->hasUnsent(id)) {
            ui::setMessage(m_declarationMessage,
                tr("Attach proof of the training (\"Upload attachments\" in the record) before "
                   "submitting it."),
                ui::Severity::Error);
            return;
        }
    }
    if (type == QLatin1String("declaration.delete")
        && QMessageBox::question(this, UiText::windowTitle(tr("Delete the record")),
               tr("Delete this record and its attachments?"))
            != QMessageBox::Yes)
        return;
    if (m_engine->queueMutation(type, id, {}).isEmpty()) {
        ui::setMessage(m_declarationMessage, m_engine->lastMessage(), ui::Severity::Error);
        return;
    }
    if (type == QLatin1String("declaration.delete"))
        m_uploads->removeDeclaration(id);
    QString done;
    if (type == QLatin1String("declaration.submit"))
        done = tr("Submitted to your employer for review. It is sent with the next sync, after "
                  "its attachments.");
    else if (type == QLatin1String("declaration.withdraw"))
        done = tr("Withdrawn: the record is a draft again.");
    else
        done = tr("Deleted.");
    ui::setMessage(m_declarationMessage, done, ui::Severity::Success);
    fillDeclarations();
}

void HourRecordsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HourRecordsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Hour records"));
    m_declarationsCaption->setText(tr("My declared hours"));
    m_declarations->setHorizontalHeaderLabels({ tr("Year"), tr("Training content"), tr("Dates"),
        tr("Hours"), tr("Status"), tr("Attachments") });
    m_addButton->setText(tr("Add an hour record"));
    m_editButton->setText(tr("Edit"));
    m_submitButton->setText(tr("Submit"));
    m_withdrawButton->setText(tr("Withdraw"));
    m_deleteButton->setText(tr("Delete"));
    m_yearCaption->setText(tr("Year:"));
    m_typeCaption->setText(tr("Subject type:"));
    {
        const QString chosen = m_typeFilter->currentData().toString();
        QSignalBlocker block(m_typeFilter);
        m_typeFilter->clear();
        m_typeFilter->addItem(tr("All types"), QString());
        for (const QString &type : SubjectTypes)
            m_typeFilter->addItem(CourseText::subjectType(type), type);
        m_typeFilter->setCurrentIndex(std::max(0, m_typeFilter->findData(chosen)));
    }
    m_totalsCaption->setText(tr("Totals per year (confirmed hours)"));
    m_totals->setHorizontalHeaderLabels({ tr("Year"), tr("Confirmed"),
        CourseText::subjectType(SubjectTypes.at(0)), CourseText::subjectType(SubjectTypes.at(1)),
        CourseText::subjectType(SubjectTypes.at(2)), tr("Awaiting confirmation") });
    m_model->retranslate();
    reload();
}

} // namespace xueshi
