#include "classes/hoursconfirmationpage.h"

#include "attendance.h"
#include "binding/bindingmodel.h"
#include "classes/attendancepreviewdialog.h"
#include "classes/classmodels.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"

#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QDoubleSpinBox>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTableWidget>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

const QString ConfirmHours = QStringLiteral("class.confirmHours");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QString outcomeKey(const QString &classId)
{
    return QStringLiteral("classHoursOutcome:") + classId;
}

// The confirmation a class.confirmHours mutation belongs to (a large one is split).
QString groupKey(const QString &mutationId)
{
    return QStringLiteral("classHoursGroup:") + mutationId;
}

// Hours typed with one decimal place, from 0 to the class's hours.
class HoursDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget *createEditor(
        QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *editor = new QDoubleSpinBox(parent);
        editor->setObjectName(QStringLiteral("hoursSpinBox"));
        editor->setDecimals(1);
        editor->setSingleStep(0.5);
        editor->setRange(0, index.data(HoursTableModel::MaximumHoursRole).toDouble());
        return editor;
    }
};

} // namespace

HoursConfirmationPage::HoursConfirmationPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new HoursTableModel(this))
{
    setObjectName(QStringLiteral("hoursConfirmationPage"));
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("hoursTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    auto *classRow = new QHBoxLayout;
    m_classCaption = new QLabel(this);
    m_classPicker = new QComboBox(this);
    m_classPicker->setObjectName(QStringLiteral("hoursClassComboBox"));
    m_classPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    classRow->addWidget(m_classCaption);
    classRow->addWidget(m_classPicker, 1);
    layout->addLayout(classRow);
    m_classInfoLabel = ui::createMessageLabel(QStringLiteral("hoursClassInfoLabel"), this);
    layout->addWidget(m_classInfoLabel);

    m_view = classui::makeTable("hoursTableView", this);
    m_view->setModel(m_model);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
        | QAbstractItemView::AnyKeyPressed);
    auto *hoursDelegate = new HoursDelegate(m_view);
    m_view->setItemDelegateForColumn(HoursTableModel::HoursColumn, hoursDelegate);
    // A table rebuilt by a sync while a cell is being typed waits until the cell is closed.
    for (QAbstractItemDelegate *delegate :
        { static_cast<QAbstractItemDelegate *>(hoursDelegate), m_view->itemDelegate() }) {
        connect(delegate, &QAbstractItemDelegate::closeEditor, this, [this] {
            if (!m_showDeferred)
                return;
            m_showDeferred = false;
            QTimer::singleShot(0, this, &HoursConfirmationPage::showClass);
        });
    }
    layout->addWidget(m_view, 2);

    auto *buttons = new QHBoxLayout;
    m_confirmSelectedButton = new QPushButton(this);
    m_confirmSelectedButton->setObjectName(QStringLiteral("confirmSelectedHoursButton"));
    m_confirmAllButton = new QPushButton(this);
    m_confirmAllButton->setObjectName(QStringLiteral("confirmAllHoursButton"));
    ui::makePrimary(m_confirmAllButton);
    m_importButton = new QPushButton(this);
    m_importButton->setObjectName(QStringLiteral("importAttendanceButton"));
    buttons->addWidget(m_confirmSelectedButton);
    buttons->addWidget(m_confirmAllButton);
    buttons->addStretch(1);
    buttons->addWidget(m_importButton);
    layout->addLayout(buttons);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("hoursMessageLabel"), this);
    layout->addWidget(m_messageLabel);

    m_outcomeGroup = new QGroupBox(this);
    m_outcomeGroup->setObjectName(QStringLiteral("hoursOutcomeGroupBox"));
    auto *outcomeLayout = new QVBoxLayout(m_outcomeGroup);
    m_outcomeSummaryLabel
        = ui::createMessageLabel(QStringLiteral("hoursOutcomeSummaryLabel"), m_outcomeGroup);
    m_outcomeTable = new QTableWidget(0, 3, m_outcomeGroup);
    m_outcomeTable->setObjectName(QStringLiteral("hoursOutcomeTable"));
    m_outcomeTable->verticalHeader()->hide();
    m_outcomeTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outcomeTable->horizontalHeader()->setStretchLastSection(true);
    m_outcomeTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    outcomeLayout->addWidget(m_outcomeSummaryLabel);
    outcomeLayout->addWidget(m_outcomeTable);
    layout->addWidget(m_outcomeGroup, 1);

    connect(m_classPicker, &QComboBox::currentIndexChanged, this, [this] {
        m_messageLabel->clear();
        showClass();
    });
    connect(m_confirmSelectedButton, &QPushButton::clicked, this,
        &HoursConfirmationPage::confirmSelected);
    connect(m_confirmAllButton, &QPushButton::clicked, this, &HoursConfirmationPage::confirmAll);
    connect(m_importButton, &QPushButton::clicked, this, &HoursConfirmationPage::importAttendance);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        bool awaiting = false;
        for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
            awaiting = awaiting || index.data(HoursTableModel::AwaitingRole).toBool();
        m_confirmSelectedButton->setEnabled(m_engine && awaiting);
    });

    retranslateUi();
    reload();
}

void HoursConfirmationPage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void HoursConfirmationPage::setEngine(SyncEngine *engine)
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
        connect(engine, &SyncEngine::cacheReset, this, &HoursConfirmationPage::reload);
        // Sent: the "sent at the next sync" message is no longer true.
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok && m_announced && m_engine && m_engine->pendingCount() == 0) {
                m_announced = false;
                m_messageLabel->clear();
            }
        });
        connect(engine, &SyncEngine::pendingCountChanged, this, &HoursConfirmationPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &HoursConfirmationPage::reload);
        connect(engine, &SyncEngine::mutationApplied, this, &HoursConfirmationPage::onApplied);
        // Whether the class has started depends on the day too, not only on the data.
        connect(engine, &SyncEngine::syncFinished, this, &HoursConfirmationPage::showClass);
    }
    reload();
}

QString HoursConfirmationPage::classId() const
{
    return m_classPicker->currentData().toString();
}

bool HoursConfirmationPage::setClassId(const QString &classId)
{
    const int index = m_classPicker->findData(classId);
    if (index < 0)
        return false;
    m_classPicker->setCurrentIndex(index);
    return true;
}

void HoursConfirmationPage::reload()
{
    classui::fillClassPicker(m_classPicker, m_engine ? m_core->localStore() : nullptr, m_user.id);
    showClass();
}

bool HoursConfirmationPage::classEnded(QString *message) const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    const auto cached
        = store ? store->entity(QStringLiteral("trainingClass"), classId()) : std::nullopt;
    if (!cached)
        return false;
    // Hours are confirmed once the learning is over (学习完毕后), from the class's last day on.
    const QDate end = QDate::fromString(text(cached->data, "endDate"), Qt::ISODate);
    const QDate today
        = (m_core->clock() ? m_core->clock() : SystemClock::instance())->todayInChina();
    if (end.isValid() && today < end) {
        *message = tr("The class ends on %1: its hours can be confirmed from then on.")
                       .arg(end.toString(Qt::ISODate));
        return false;
    }
    return true;
}

void HoursConfirmationPage::showClass()
{
    // The view's open cell editors are the shown widgets on its viewport (a closed one is hidden
    // before it is deleted).
    const QList<QWidget *> onViewport
        = m_view->viewport()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly);
    const bool editing = std::any_of(onViewport.cbegin(), onViewport.cend(),
        [](const QWidget *widget) { return !widget->isHidden(); });
    if (editing) {
        // Rebuilding now would throw away what is being typed in the open cell.
        m_showDeferred = true;
        return;
    }
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    const auto cached
        = store ? store->entity(QStringLiteral("trainingClass"), classId()) : std::nullopt;
    m_classHours = cached ? cached->data.value(QLatin1String("hoursTenths")).toInt() : 0;
    // Keep the selection across the reset.
    QStringList selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selected << index.data(HoursTableModel::IdRole).toString();
    m_model->reload(store, cached ? cached->id : QString(), m_classHours);
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_view->selectionModel()->select(
                m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const int awaiting = int(m_model->awaitingRows().size());
    QString notYet;
    const bool started = cached && classEnded(&notYet);
    if (!cached) {
        ui::setMessage(m_classInfoLabel,
            tr("No training classes yet: create one in Training classes."), ui::Severity::Info);
    } else {
        QString info = tr("%1 · %2 · %3 hours · %n person(s) awaiting hours.", nullptr, awaiting)
                           .arg(text(cached->data, "name"), ClassText::dates(cached->data),
                               ClassText::hours(m_classHours));
        if (!started)
            info = ui::joinSentences(info, notYet);
        // A whole batch the server refused (the class was not over, say) is said here.
        for (const OutboxMutation &problem : m_engine->problems()) {
            if (problem.type == ConfirmHours && problem.target == cached->id)
                info = ui::joinSentences(info,
                    tr("A confirmation of hours was refused by the server: %1")
                        .arg(problemMessage(problem)));
        }
        ui::setMessage(
            m_classInfoLabel, info, started ? ui::Severity::Info : ui::Severity::Warning);
    }
    m_confirmAllButton->setEnabled(m_engine && started && awaiting > 0);
    bool selectedAwaiting = false;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selectedAwaiting = selectedAwaiting || index.data(HoursTableModel::AwaitingRole).toBool();
    m_confirmSelectedButton->setEnabled(m_engine && started && selectedAwaiting);
    m_importButton->setEnabled(m_engine && started && awaiting > 0);
    showOutcomes();
}

bool HoursConfirmationPage::confirmSelected()
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    const QList<HoursEntry> entries = m_model->entries(rows);
    if (entries.isEmpty()) {
        ui::setMessage(
            m_messageLabel, tr("Select the people whose hours to confirm."), ui::Severity::Error);
        return false;
    }
    return queueEntries(entries);
}

bool HoursConfirmationPage::confirmAll()
{
    const QList<HoursEntry> entries = m_model->entries(m_model->awaitingRows());
    if (entries.isEmpty()) {
        ui::setMessage(m_messageLabel, tr("Nobody in this class awaits the confirmation of hours."),
            ui::Severity::Error);
        return false;
    }
    return queueEntries(entries);
}

bool HoursConfirmationPage::queueEntries(const QList<HoursEntry> &entries)
{
    if (!m_engine || classId().isEmpty() || entries.isEmpty())
        return false;
    QString message;
    if (!classEnded(&message)) {
        ui::setMessage(m_messageLabel, message, ui::Severity::Error);
        return false;
    }
    // What the server would refuse is refused here, naming the person, before anything is queued.
    QStringList problems;
    for (const HoursEntry &entry : entries) {
        const QString problem = hoursEntryProblem(entry, m_classHours);
        if (!problem.isEmpty())
            problems << problem;
    }
    if (!problems.isEmpty()) {
        constexpr int Shown = 5;
        QString list = problems.mid(0, Shown).join(QLatin1Char(' '));
        if (problems.size() > Shown)
            list = ui::joinSentences(
                list, tr("And %n more.", nullptr, int(problems.size()) - Shown));
        ui::setMessage(
            m_messageLabel, tr("Nothing was confirmed. %1").arg(list), ui::Severity::Error);
        return false;
    }
    // A large batch goes as several mutations; their answers are shown together (onApplied).
    const QString group = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const QJsonObject &payload : hoursPayloads(entries)) {
        const QString id = m_engine->queueMutation(ConfirmHours, classId(), payload);
        if (id.isEmpty()) {
            ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
            return false;
        }
        m_core->localStore()->setMeta(groupKey(id), group);
    }
    QStringList ids;
    for (const HoursEntry &entry : entries)
        ids << entry.enrolmentId;
    m_model->clearEdits(ids);
    ui::setMessage(m_messageLabel,
        tr("The hours of %n person(s) are confirmed on this computer and sent at the next sync; "
           "the server's answer for each person is shown below.",
            nullptr, int(entries.size())),
        ui::Severity::Success);
    m_announced = true;
    showClass();
    return true;
}

void HoursConfirmationPage::importAttendance()
{
    QString path = m_importPath;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(this, tr("Import an attendance sheet"),
            QDir::homePath(), tr("CSV files (*.csv);;All files (*)"));
        if (path.isEmpty())
            return;
    }
    previewFile(path);
}

bool HoursConfirmationPage::previewFile(const QString &path)
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    QString notYet;
    if (!store || classId().isEmpty() || !classEnded(&notYet)) {
        if (!notYet.isEmpty())
            ui::setMessage(m_messageLabel, notYet, ui::Severity::Error);
        return false;
    }
    QFile file(path);
    // An attendance sheet of thousands of people is well under this.
    constexpr qint64 MaxSize = 20 * 1024 * 1024;
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxSize) {
        ui::setMessage(m_messageLabel,
            file.size() > MaxSize
                ? tr("%1 is too large for an attendance sheet.").arg(QDir::toNativeSeparators(path))
                : tr("%1 could not be read: %2")
                      .arg(QDir::toNativeSeparators(path), file.errorString()),
            ui::Severity::Error);
        return false;
    }
    const QByteArray csv = file.readAll();
    // The class's enrolments as the preview matches them; a decision still waiting to be sent
    // counts as made.
    const QHash<QString, PendingHours> pending = pendingHoursDecisions(store);
    QList<EnrolmentRef> refs;
    QHash<QString, QString> names;
    for (const CachedEntity &enrolment : store->entities(QStringLiteral("enrolment"))) {
        if (text(enrolment.data, "classId") != classId())
            continue;
        const auto decision = pending.constFind(enrolment.id);
        refs.append({ enrolment.id, classId(), text(enrolment.data, "learnerName"),
            text(enrolment.data, "residentIdMasked"),
            decision != pending.constEnd() ? decision->status : text(enrolment.data, "status") });
        names.insert(enrolment.id, text(enrolment.data, "learnerName"));
    }
    const int classHours = m_classHours;
    const AttendancePreview preview = previewAttendance(csv, refs, classHours);
    auto *dialog = new AttendancePreviewDialog(QFileInfo(path).fileName(), preview, names, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString shownClass = classId();
    connect(dialog, &QDialog::accepted, this, [this, dialog, shownClass] {
        if (classId() == shownClass)
            queueEntries(dialog->goodEntries());
    });
    // The rows with a resident id: the server says whose id it is (this computer has masked ids
    // only). Offline, or refused, they keep awaiting it and are not applied.
    const QPointer<AttendancePreviewDialog> guarded(dialog);
    const auto check = [this, guarded, shownClass, refs, classHours] {
        if (!guarded || guarded->preview().awaitingCount() == 0)
            return;
        guarded->setChecking();
        matchAttendanceIds(m_core->api(), shownClass, guarded->preview().idsAwaitingServer(),
            guarded, [guarded, refs, classHours](const AttendanceMatchResult &result) {
                if (!guarded)
                    return;
                if (result.error.isError()) {
                    guarded->setServerProblem(
                        result.error.message, result.error.kind == ApiError::Kind::Server);
                    return;
                }
                AttendancePreview matched = guarded->preview();
                applyServerMatches(&matched, result.answers, refs, classHours);
                guarded->setMatched(matched, result.checksLeftToday);
            });
    };
    connect(dialog, &AttendancePreviewDialog::recheckRequested, this, check);
    dialog->open();
    check();
    return true;
}

void HoursConfirmationPage::onApplied(const OutboxMutation &mutation, const QJsonObject &result)
{
    if (mutation.type != ConfirmHours || !m_engine)
        return;
    LocalStore *store = m_core->localStore();
    // The names as they are now, with the answer, kept on this computer: the answer of a batch
    // sent at a later login is still there to read.
    QJsonObject names;
    for (const QJsonValue &value : mutation.payload.value(QLatin1String("entries")).toArray()) {
        const QString id = text(value.toObject(), "enrolmentId");
        if (const auto enrolment = store->entity(QStringLiteral("enrolment"), id))
            names.insert(id, text(enrolment->data, "learnerName"));
    }
    const QString group = store->meta(groupKey(mutation.id));
    store->setMeta(groupKey(mutation.id), QString());
    QJsonObject record
        = QJsonDocument::fromJson(store->meta(outcomeKey(mutation.target)).toUtf8()).object();
    if (group.isEmpty() || text(record, "group") != group) {
        record = { { QStringLiteral("group"), group }, { QStringLiteral("result"), result },
            { QStringLiteral("names"), names } };
    } else {
        // The next part of the same confirmation: one list, one set of counts.
        QJsonObject merged = record.value(QLatin1String("result")).toObject();
        QJsonArray outcomes = merged.value(QLatin1String("outcomes")).toArray();
        for (const QJsonValue &outcome : result.value(QLatin1String("outcomes")).toArray())
            outcomes.append(outcome);
        merged.insert(QStringLiteral("outcomes"), outcomes);
        for (const char *count : { "applied", "skipped", "refused" })
            merged.insert(QLatin1String(count),
                merged.value(QLatin1String(count)).toInt()
                    + result.value(QLatin1String(count)).toInt());
        QJsonObject allNames = record.value(QLatin1String("names")).toObject();
        for (auto it = names.constBegin(); it != names.constEnd(); ++it)
            allNames.insert(it.key(), it.value());
        record.insert(QStringLiteral("result"), merged);
        record.insert(QStringLiteral("names"), allNames);
    }
    record.insert(QStringLiteral("at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    store->setMeta(outcomeKey(mutation.target),
        QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact)));
    if (mutation.target == classId())
        showOutcomes();
}

void HoursConfirmationPage::showOutcomes()
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    const QJsonObject record = store && !classId().isEmpty()
        ? QJsonDocument::fromJson(store->meta(outcomeKey(classId())).toUtf8()).object()
        : QJsonObject();
    m_outcomeGroup->setVisible(!record.isEmpty());
    if (record.isEmpty())
        return;
    const QJsonObject result = record.value(QLatin1String("result")).toObject();
    const QJsonObject names = record.value(QLatin1String("names")).toObject();
    const QJsonArray outcomes = result.value(QLatin1String("outcomes")).toArray();
    ui::setMessage(m_outcomeSummaryLabel,
        tr("The server's answer to the last confirmation (%1): %2 applied, %3 skipped as already "
           "decided, %4 refused.")
            .arg(BindingText::dateTime(text(record, "at")))
            .arg(result.value(QLatin1String("applied")).toInt())
            .arg(result.value(QLatin1String("skipped")).toInt())
            .arg(result.value(QLatin1String("refused")).toInt()),
        result.value(QLatin1String("refused")).toInt() > 0 ? ui::Severity::Warning
                                                           : ui::Severity::Success);
    m_outcomeTable->setRowCount(int(outcomes.size()));
    for (int i = 0; i < outcomes.size(); ++i) {
        const QJsonObject outcome = outcomes.at(i).toObject();
        const QString kind = text(outcome, "outcome");
        QString name = names.value(text(outcome, "enrolmentId")).toString();
        if (name.isEmpty())
            name = text(outcome, "enrolmentId");
        QString shown = kind;
        if (kind == QLatin1String("applied"))
            shown = tr("Applied");
        else if (kind == QLatin1String("skipped"))
            shown = tr("Skipped (already decided)");
        else if (kind == QLatin1String("refused"))
            shown = tr("Refused");
        const QStringList cells { name, shown, text(outcome, "message") };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, kind);
            if (kind == QLatin1String("refused"))
                item->setForeground(QBrush(QColor(QStringLiteral("#b00020"))));
            m_outcomeTable->setItem(i, column, item);
        }
    }
}

void HoursConfirmationPage::showEvent(QShowEvent *event)
{
    showClass();
    QWidget::showEvent(event);
}

void HoursConfirmationPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void HoursConfirmationPage::retranslateUi()
{
    m_titleLabel->setText(tr("Hours confirmation"));
    m_classCaption->setText(tr("Class:"));
    m_confirmSelectedButton->setText(tr("Confirm selected"));
    m_confirmAllButton->setText(tr("Confirm all"));
    m_importButton->setText(tr("Import attendance sheet…"));
    m_outcomeGroup->setTitle(tr("Result of the last confirmation"));
    m_outcomeTable->setHorizontalHeaderLabels({ tr("Name"), tr("Result"), tr("Reason") });
    m_model->retranslate();
    showClass();
}

} // namespace xueshi
