#include "sync/syncproblemspage.h"

#include "account/profileeditdialog.h"
#include "binding/bindingmodel.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations/reviewmodel.h"
#include "localstore.h"
#include "organisationreview.h"
#include "syncengine.h"

#include <QColor>
#include <QEvent>
#include <QFont>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>
#include <functional>

namespace xueshi {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

// A profile field as the User object holds it (learner or organisation part).
QString profileValue(const QJsonObject &user, const QString &field)
{
    const QJsonObject part = user.value(QLatin1String("learner")).isObject()
        ? user.value(QLatin1String("learner")).toObject()
        : user.value(QLatin1String("organisation")).toObject();
    return part.value(field).toString();
}

// The leaves of a row as "key" / "part.key" -> text, for comparing two versions of it.
void flatten(const QJsonObject &object, const QString &prefix, QMap<QString, QString> *out)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = prefix.isEmpty() ? it.key() : prefix + QLatin1Char('.') + it.key();
        if (it.value().isObject())
            flatten(it.value().toObject(), key, out);
        else if (it.value().isString())
            out->insert(key, it.value().toString());
        else if (it.value().isDouble())
            out->insert(key, QString::number(it.value().toDouble()));
        else if (it.value().isBool())
            out->insert(key, it.value().toBool() ? QStringLiteral("✓") : QStringLiteral("✗"));
        else if (it.value().isNull() || it.value().isUndefined())
            out->insert(key, QString());
    }
}

// The attachments of a declaration as a person compares them: name and size, one a line, with
// the start of the checksum so a replaced file with the same name still differs.
QString attachmentList(const QJsonObject &declaration)
{
    QStringList lines;
    const QJsonArray attachments = declaration.value(QLatin1String("attachments")).toArray();
    for (const QJsonValue &value : attachments) {
        const QJsonObject a = value.toObject();
        lines.append(QStringLiteral("%1 (%2, %3…)")
                         .arg(a.value(QLatin1String("name")).toString(),
                             QLocale().formattedDataSize(a.value(QLatin1String("size")).toInteger(),
                                 1, QLocale::DataSizeTraditionalFormat),
                             a.value(QLatin1String("sha256")).toString().left(8)));
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

QList<SyncProblemsPage::Comparison> SyncProblemsPage::declarationComparison(
    const QJsonObject &seen, const QJsonObject &now, const LocalStore *store)
{
    const auto series = [store](const QJsonObject &d) {
        const QString code = d.value(QLatin1String("professionalSeries")).toString();
        if (store && !code.isEmpty()) {
            if (const auto found = store->entity(QStringLiteral("professionalSeries"), code))
                return found->data.value(QLatin1String("name")).toString();
        }
        return code;
    };
    const auto field = [](const QJsonObject &d, const char *key) {
        return d.value(QLatin1String(key)).toString();
    };
    const auto number = [](const QJsonObject &d, const char *key) {
        return d.contains(QLatin1String(key)) ? QString::number(d.value(QLatin1String(key)).toInt())
                                              : QString();
    };
    const auto hours = [](const QJsonObject &d) {
        return d.contains(QLatin1String("hoursTenths"))
            ? ReviewText::hours(d.value(QLatin1String("hoursTenths")).toInt())
            : QString();
    };
    const auto row
        = [&](const QString &label, const std::function<QString(const QJsonObject &)> &of) {
              const QString a = of(seen);
              const QString b = of(now);
              return Comparison { label, a, b, a != b };
          };
    return {
        row(tr("Status"),
            [](const QJsonObject &d) {
                return ReviewText::status(d.value(QLatin1String("status")).toString());
            }),
        row(tr("Training content"), [&](const QJsonObject &d) { return field(d, "title"); }),
        row(tr("Organiser"), [&](const QJsonObject &d) { return field(d, "organiser"); }),
        row(tr("Start date"), [&](const QJsonObject &d) { return field(d, "startDate"); }),
        row(tr("End date"), [&](const QJsonObject &d) { return field(d, "endDate"); }),
        row(tr("Training days"), [&](const QJsonObject &d) { return number(d, "trainingDays"); }),
        row(tr("Hours"), hours),
        row(tr("Subject type"),
            [&](const QJsonObject &d) { return ReviewText::subjectType(field(d, "subjectType")); }),
        row(tr("Professional series"), series),
        row(tr("Attachments"), attachmentList),
    };
}

QString SyncProblemsPage::fieldName(const QString &path)
{
    const QString field = path.section(QLatin1Char('.'), -1);
    if (field == QLatin1String("realName"))
        return tr("Real name");
    if (field == QLatin1String("residentId"))
        return tr("Resident ID");
    if (field == QLatin1String("gender"))
        return tr("Gender");
    if (field == QLatin1String("education"))
        return tr("Education");
    if (field == QLatin1String("professionalTitle"))
        return tr("Professional title");
    if (field == QLatin1String("professionalSeries"))
        return tr("Professional series");
    if (field == QLatin1String("position"))
        return tr("Position");
    if (field == QLatin1String("status"))
        return tr("Status");
    if (field == QLatin1String("name"))
        return tr("Name");
    if (field == QLatin1String("creditCode"))
        return tr("Unified social credit code");
    if (field == QLatin1String("regionName"))
        return tr("Region");
    return ProfileEditDialog::fieldName(field);
}

SyncProblemsPage::SyncProblemsPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
{
    setObjectName(QStringLiteral("syncProblemsPage"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(28, 18, 28, 18);
    layout->setSpacing(10);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_subtitleLabel = ui::createMessageLabel(QStringLiteral("subtitleLabel"), this);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_subtitleLabel);

    m_emptyLabel = new QLabel(this);
    m_emptyLabel->setObjectName(QStringLiteral("emptyStateLabel"));
    m_emptyLabel->setAlignment(Qt::AlignCenter);
    m_emptyLabel->setStyleSheet(QStringLiteral("color: #5f6b7a; font-size: 15px; padding: 40px;"));
    layout->addWidget(m_emptyLabel);

    m_listPanel = new QWidget(this);
    auto *columns = new QHBoxLayout(m_listPanel);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(16);
    m_listWidget = new QListWidget(m_listPanel);
    m_listWidget->setObjectName(QStringLiteral("syncProblemsListWidget"));
    m_listWidget->setFixedWidth(300);
    m_listWidget->setIconSize(QSize(20, 20));
    m_listWidget->setSpacing(2);
    columns->addWidget(m_listWidget);

    auto *detail = new QWidget(m_listPanel);
    detail->setObjectName(QStringLiteral("problemDetailWidget"));
    auto *detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->setSpacing(8);
    m_detailTitleLabel = new QLabel(detail);
    m_detailTitleLabel->setObjectName(QStringLiteral("problemTitleLabel"));
    ui::makeHeading(m_detailTitleLabel, 3);
    m_createdLabel = new QLabel(detail);
    m_createdLabel->setObjectName(QStringLiteral("problemCreatedLabel"));
    m_createdLabel->setStyleSheet(QStringLiteral("color: #5f6b7a;"));
    m_stateLabel = new QLabel(detail);
    m_stateLabel->setObjectName(QStringLiteral("problemStateLabel"));
    m_reasonLabel = new QLabel(detail);
    m_reasonLabel->setObjectName(QStringLiteral("problemReasonLabel"));
    m_reasonLabel->setWordWrap(true);
    m_reasonLabel->setTextFormat(Qt::PlainText);
    m_reasonLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_comparisonTable = new QTableWidget(0, 3, detail);
    m_comparisonTable->setObjectName(QStringLiteral("comparisonTableWidget"));
    m_comparisonTable->verticalHeader()->hide();
    m_comparisonTable->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_comparisonTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_comparisonTable->setSelectionMode(QAbstractItemView::NoSelection);
    m_comparisonTable->setFocusPolicy(Qt::NoFocus);
    m_actionHintLabel = ui::createMessageLabel(QStringLiteral("actionHintLabel"), detail);
    auto *buttons = new QHBoxLayout;
    m_retryButton = new QPushButton(detail);
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    ui::makePrimary(m_retryButton);
    m_editButton = new QPushButton(detail);
    m_editButton->setObjectName(QStringLiteral("editButton"));
    m_discardButton = new QPushButton(detail);
    m_discardButton->setObjectName(QStringLiteral("discardButton"));
    for (QPushButton *button : { m_retryButton, m_editButton, m_discardButton }) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    m_statusLabel = ui::createMessageLabel(QStringLiteral("statusLabel"), detail);
    detailLayout->addWidget(m_detailTitleLabel);
    detailLayout->addWidget(m_createdLabel);
    detailLayout->addWidget(m_stateLabel);
    detailLayout->addWidget(m_reasonLabel);
    detailLayout->addWidget(m_comparisonTable);
    detailLayout->addWidget(m_actionHintLabel);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_statusLabel);
    detailLayout->addStretch(1);
    columns->addWidget(detail, 1);
    layout->addWidget(m_listPanel, 1);
    layout->addStretch(0);

    connect(m_listWidget, &QListWidget::currentRowChanged, this, &SyncProblemsPage::showSelected);
    connect(m_retryButton, &QPushButton::clicked, this, &SyncProblemsPage::retrySelected);
    connect(m_editButton, &QPushButton::clicked, this, &SyncProblemsPage::editSelected);
    connect(m_discardButton, &QPushButton::clicked, this, &SyncProblemsPage::discardSelected);

    retranslateUi();
    setEngine(core->syncEngine());
}

QString SyncProblemsPage::mutationTypeName(const QString &type)
{
    if (type == QLatin1String("profile.update"))
        return tr("Change personal details");
    if (type == QLatin1String("binding.request"))
        return tr("Ask an employer to confirm you");
    if (type == QLatin1String("binding.withdraw"))
        return tr("Withdraw the request to the employer");
    if (type == QLatin1String("binding.confirm"))
        return tr("Confirm a person's request");
    if (type == QLatin1String("binding.reject"))
        return tr("Return a person's request");
    if (type == QLatin1String("course.select"))
        return tr("Select a public course");
    if (type == QLatin1String("course.setYear"))
        return tr("Change a course's declaration year");
    if (type == QLatin1String("lesson.study"))
        return tr("Study time of a lesson");
    if (type == QLatin1String("exam.submit"))
        return tr("Hand in a course exam");
    if (type == QLatin1String("class.save"))
        return tr("Save a training class");
    if (type == QLatin1String("class.open"))
        return tr("Accept enrolment in a class");
    if (type == QLatin1String("class.close"))
        return tr("Stop enrolment in a class");
    if (type == QLatin1String("class.confirmHours"))
        return tr("Confirm the hours of a class");
    if (type == QLatin1String("enrolment.request"))
        return tr("Enrol in a training class");
    if (type == QLatin1String("enrolment.cancel"))
        return tr("Cancel an enrolment");
    if (type == QLatin1String("enrolment.confirm"))
        return tr("Confirm an enrolment");
    if (type == QLatin1String("enrolment.reject"))
        return tr("Return an enrolment");
    if (type == QLatin1String("declaration.save"))
        return tr("Save a self-declaration");
    if (type == QLatin1String("declaration.submit"))
        return tr("Submit a self-declaration");
    if (type == QLatin1String("declaration.withdraw"))
        return tr("Withdraw a self-declaration");
    if (type == QLatin1String("declaration.delete"))
        return tr("Delete a self-declaration");
    if (type == QLatin1String("declaration.confirm"))
        return tr("Confirm a self-declaration");
    if (type == QLatin1String("declaration.reject"))
        return tr("Return a self-declaration");
    if (const QString name = OrganisationText::mutationName(type); !name.isEmpty())
        return name;
    return type;
}

void SyncProblemsPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine)
        connect(engine, &SyncEngine::problemsChanged, this, &SyncProblemsPage::reload);
    reload();
}

const OutboxMutation *SyncProblemsPage::selected() const
{
    const QListWidgetItem *item = m_listWidget->currentItem();
    if (!item)
        return nullptr;
    const QString id = item->data(IdRole).toString();
    for (const OutboxMutation &m : m_problems) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

void SyncProblemsPage::reload()
{
    const QString current = m_listWidget->currentItem()
        ? m_listWidget->currentItem()->data(IdRole).toString()
        : QString();
    const int before = int(m_problems.size());
    // One entry per cause: the changes held because it was refused are shown with it.
    const QList<OutboxMutation> all = m_engine ? m_engine->problems() : QList<OutboxMutation>();
    QSet<QString> ids;
    for (const OutboxMutation &m : all)
        ids.insert(m.id);
    m_problems.clear();
    m_held.clear();
    for (const OutboxMutation &m : all) {
        if (!m.heldBy.isEmpty() && ids.contains(m.heldBy))
            m_held[m.heldBy].append(m);
        else
            m_problems.append(m);
    }
    {
        const QSignalBlocker blocker(m_listWidget);
        m_listWidget->clear();
        int row = 0;
        for (int i = 0; i < m_problems.size(); ++i) {
            const OutboxMutation &m = m_problems.at(i);
            const bool conflict = m.state == OutboxMutation::State::Conflict;
            QString label = tr("%1\n%2 · %3")
                                .arg(mutationTypeName(m.type), when(m.createdAt),
                                    conflict ? tr("Conflict") : tr("Refused by the server"));
            if (const int held = int(m_held.value(m.id).size()); held > 0)
                label += QLatin1Char('\n') + tr("and %n change(s) that build on it", nullptr, held);
            auto *item = new QListWidgetItem(
                style()->standardIcon(
                    conflict ? QStyle::SP_MessageBoxWarning : QStyle::SP_MessageBoxCritical),
                label, m_listWidget);
            item->setData(IdRole, m.id);
            if (m.id == current)
                row = i;
        }
        if (!m_problems.isEmpty())
            m_listWidget->setCurrentRow(row);
    }
    const bool empty = m_problems.isEmpty();
    m_emptyLabel->setVisible(empty);
    m_listPanel->setVisible(!empty);
    showSelected();
    if (before != m_problems.size())
        emit problemCountChanged(int(m_problems.size()));
}

void SyncProblemsPage::showSelected()
{
    const OutboxMutation *m = selected();
    for (QPushButton *button : { m_retryButton, m_editButton, m_discardButton })
        button->setEnabled(m != nullptr);
    if (!m) {
        m_detailTitleLabel->clear();
        m_createdLabel->clear();
        m_stateLabel->clear();
        m_reasonLabel->clear();
        m_comparisonTable->setRowCount(0);
        m_actionHintLabel->clear();
        return;
    }
    const bool conflict = m->state == OutboxMutation::State::Conflict;
    m_detailTitleLabel->setText(mutationTypeName(m->type));
    m_createdLabel->setText(tr("Made on this computer: %1").arg(when(m->createdAt)));
    m_stateLabel->setText(conflict ? tr("Conflict: the data changed on the server first")
                                   : tr("Refused by the server"));
    m_stateLabel->setStyleSheet(conflict ? QStringLiteral("color: #9a5b00; font-weight: bold;")
                                         : QStringLiteral("color: #b3261e; font-weight: bold;"));
    const bool organisation = m->entityType == QLatin1String("organisation");
    const bool declarationDecision = m->type == QLatin1String("declaration.confirm")
        || m->type == QLatin1String("declaration.reject");
    if (conflict && declarationDecision) {
        m_reasonLabel->setText(
            tr("The person withdrew or changed this declaration after you reviewed it, so your "
               "decision was not applied. Below: the declaration as you saw it and as it is "
               "now."));
    } else if (conflict && organisation) {
        // Say what changed: another administrator's decision, or the organisation's details.
        m_reasonLabel->setText(organisationConflictText(*m, m_core->localStore()));
    } else if (conflict) {
        m_reasonLabel->setText(
            tr("After this computer last synced, the data was changed on the server (for "
               "example on another computer), so your change was not applied. Compare the "
               "values below and decide."));
    } else {
        const QString message = m->lastError.value(QLatin1String("message")).toString();
        const QString field = m->lastError.value(QLatin1String("field")).toString();
        QString reason
            = tr("The server's answer: %1")
                  .arg(message.isEmpty() ? m->lastError.value(QLatin1String("code")).toString()
                                         : message);
        if (!field.isEmpty())
            reason = ui::joinSentences(
                reason, tr("Field: %1.").arg(ProfileEditDialog::fieldName(field)));
        m_reasonLabel->setText(reason);
    }
    const QList<OutboxMutation> held = m_held.value(m->id);
    if (!held.isEmpty()) {
        QStringList kinds;
        for (const OutboxMutation &h : held) {
            if (!kinds.contains(mutationTypeName(h.type)))
                kinds.append(mutationTypeName(h.type));
        }
        m_reasonLabel->setText(ui::joinSentences(m_reasonLabel->text(),
            tr("%n later change(s) made on this computer build on this one (%1) and wait with it: "
               "they are retried or discarded together with it.",
                nullptr, int(held.size()))
                .arg(kinds.join(QStringLiteral(", ")))));
    }

    const QJsonObject serverData = m->result.value(QLatin1String("data")).toObject();
    m_comparisonTable->setColumnHidden(2, !conflict);
    // Item, then the two sides compared.
    QList<std::array<QString, 3>> rows;
    QStringList headers { tr("Item"), tr("Your change"), tr("Current value on the server") };
    // A decision on a row (a binding request, an organisation) conflicts when the row changed:
    // the table shows the row as the user saw it beside the row as it is now, field by field.
    const std::optional<CachedEntity> before
        = conflict && m->type != QLatin1String("profile.update")
        ? m_core->localStore()->entityBefore(m->id)
        : std::nullopt;
    const bool wholeRow = before.has_value();
    QList<int> changedRows;
    if (conflict && declarationDecision) {
        headers = QStringList { tr("Item"), tr("What you saw"), tr("Now on the server") };
        const QList<Comparison> comparison = declarationComparison(
            before ? before->data : QJsonObject(), serverData, m_core->localStore());
        for (const Comparison &c : comparison) {
            if (c.differs)
                changedRows.append(int(rows.size()));
            rows.append({ c.label, c.seen, c.now });
        }
    } else if (organisation) {
        // A decision has no fields of its own to compare: what the administrator saw against
        // what the server has now.
        headers = QStringList { tr("Item"), tr("When you decided"), tr("Now on the server") };
        QList<OrganisationChange> changes = organisationConflictChanges(*m, m_core->localStore());
        if (!conflict && m->payload.contains(QLatin1String("reason")))
            changes.append({ QStringLiteral("reason"), tr("Reason for rejecting"),
                m->payload.value(QLatin1String("reason")).toString(), QString() });
        for (const OrganisationChange &change : std::as_const(changes))
            rows.append({ change.label, change.seen, change.now });
    } else if (wholeRow) {
        headers = QStringList { tr("Item"), tr("What you saw"), tr("Current value on the server") };
        QMap<QString, QString> seen;
        QMap<QString, QString> now;
        flatten(before->data, QString(), &seen);
        flatten(serverData, QString(), &now);
        QStringList keys = seen.keys() + now.keys();
        keys.removeDuplicates();
        for (const QString &key : std::as_const(keys)) {
            if (key.endsWith(QLatin1String("version")) || seen.value(key) == now.value(key))
                continue;
            const auto shown = [&](const QString &value) {
                return key == QLatin1String("status") && m->entityType == QLatin1String("binding")
                    ? BindingText::employerStatus(value)
                    : value;
            };
            rows.append({ fieldName(key), shown(seen.value(key)), shown(now.value(key)) });
        }
    } else {
        for (auto it = m->payload.constBegin(); it != m->payload.constEnd(); ++it) {
            rows.append({ ProfileEditDialog::fieldName(it.key()), it.value().toString(),
                profileValue(serverData, it.key()) });
        }
    }
    m_comparisonTable->setHorizontalHeaderLabels(headers);
    m_comparisonTable->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const auto &[name, local, server] = rows.at(row);
        m_comparisonTable->setItem(row, 0, new QTableWidgetItem(name));
        m_comparisonTable->setItem(
            row, 1, new QTableWidgetItem(local.isEmpty() ? UiText::notProvided() : local));
        m_comparisonTable->setItem(
            row, 2, new QTableWidgetItem(server.isEmpty() ? UiText::notProvided() : server));
        if (changedRows.contains(row)) {
            // What changed since the officer looked stands out.
            for (int column = 0; column < 3; ++column) {
                QTableWidgetItem *item = m_comparisonTable->item(row, column);
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(0xff, 0xf4, 0xe0));
                item->setData(Qt::UserRole, true);
            }
        }
    }
    m_comparisonTable->resizeRowsToContents();
    QString hint;
    const bool decidedElsewhere = organisationDecidedElsewhere(*m);
    if (conflict && declarationDecision)
        hint = tr("A decision applies only to the version you saw: \"Discard\" drops it, then "
                  "review the declaration as it is now under Hours review.");
    else if (decidedElsewhere)
        hint = tr("The organisation has been decided already, so a retry would meet the same "
                  "conflict: \"Discard\" drops your decision.");
    else if (conflict && organisation)
        hint = tr("\"Retry\" takes the same decision on the organisation as it is now on the "
                  "server; \"Discard\" drops your decision.");
    else if (conflict)
        hint = tr("\"Retry\" applies your change over the server's values; \"Edit\" lets "
                  "you change it first; \"Discard\" keeps the server's values.");
    else
        hint = tr("\"Retry\" sends the same change again; \"Edit\" lets you correct it; "
                  "\"Discard\" drops it and shows the server's values again.");
    ui::setMessage(m_actionHintLabel, hint, ui::Severity::Hint);
    // As tall as its rows: the hint and the buttons stay right under it.
    int height = m_comparisonTable->horizontalHeader()->sizeHint().height()
        + 2 * m_comparisonTable->frameWidth();
    for (int i = 0; i < m_comparisonTable->rowCount(); ++i)
        height += m_comparisonTable->rowHeight(i);
    m_comparisonTable->setFixedHeight(height);
    const bool editable = m->type == QLatin1String("profile.update");
    m_editButton->setEnabled(editable);
    // Retrying would decide a version the officer has not reviewed (new dates, hours or files).
    m_retryButton->setEnabled(!decidedElsewhere && !(conflict && declarationDecision));
}

void SyncProblemsPage::retrySelected()
{
    const OutboxMutation *m = selected();
    if (!m || !m_engine)
        return;
    if (m_engine->retryChain(m->id).isEmpty())
        ui::setMessage(
            m_statusLabel, tr("The change could not be queued again."), ui::Severity::Error);
}

void SyncProblemsPage::editSelected()
{
    const OutboxMutation *m = selected();
    if (!m || !m_engine || m->type != QLatin1String("profile.update"))
        return;
    QJsonObject user = m->result.value(QLatin1String("data")).toObject();
    if (LocalStore *store = m_core->localStore()) {
        if (const auto cached = store->entity(m->entityType, m->target))
            user = cached->data;
    }
    auto *dialog = new ProfileEditDialog(user, m->payload, m->lastError, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m->id;
    connect(dialog, &QDialog::accepted, this, [this, dialog, id] {
        if (!m_engine)
            return;
        if (m_engine->editMutation(id, dialog->payload()).isEmpty())
            ui::setMessage(
                m_statusLabel, tr("The edited change could not be saved."), ui::Severity::Error);
    });
    dialog->open();
}

void SyncProblemsPage::discardSelected()
{
    const OutboxMutation *m = selected();
    if (!m || !m_engine)
        return;
    const int held = int(m_held.value(m->id).size());
    const QString question = held == 0
        ? tr("Discard this change (%1)? It will not be sent to the server, and this computer shows "
             "the server's data again. This cannot be undone.")
              .arg(mutationTypeName(m->type))
        : tr("Discard this change (%1) and the %n change(s) that build on it? None of them will "
             "be sent to the server, and this computer shows the server's data again. This "
             "cannot be undone.",
            nullptr, held)
              .arg(mutationTypeName(m->type));
    auto *box = new QMessageBox(QMessageBox::Question, UiText::windowTitle(tr("Discard change")),
        question, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("discardMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *discard = box->addButton(tr("Discard"), QMessageBox::DestructiveRole);
    discard->setObjectName(QStringLiteral("confirmDiscardButton"));
    QPushButton *keep = box->addButton(tr("Keep"), QMessageBox::RejectRole);
    keep->setObjectName(QStringLiteral("keepButton"));
    box->setDefaultButton(keep);
    const QString id = m->id;
    connect(box, &QMessageBox::buttonClicked, this, [this, discard, id](QAbstractButton *button) {
        if (button != discard || !m_engine)
            return;
        if (!m_engine->discardChain(id))
            ui::setMessage(
                m_statusLabel, tr("The change could not be discarded."), ui::Severity::Error);
    });
    box->open();
}

void SyncProblemsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SyncProblemsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Sync problems"));
    ui::setMessage(m_subtitleLabel,
        tr("Changes made on this computer that the server refused or that met a newer change on "
           "the server. They stay here until you retry, edit or discard them; your other "
           "changes are sent meanwhile."),
        ui::Severity::Hint);
    m_emptyLabel->setText(tr("No sync problems to deal with"));
    m_retryButton->setText(tr("Retry"));
    m_editButton->setText(tr("Edit…"));
    m_discardButton->setText(tr("Discard…"));
    reload();
}

} // namespace xueshi
