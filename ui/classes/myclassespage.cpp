#include "classes/myclassespage.h"

#include "classes/classmodels.h"
#include "clientcore.h"
#include "common/uicommon.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace xueshi {

MyClassesPage::MyClassesPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new EnrolmentTableModel(this))
    , m_proxy(new EnrolmentFilterProxyModel(this))
{
    setObjectName(QStringLiteral("myClassesPage"));
    m_proxy->setSourceModel(m_model);
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("myClassesTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);
    m_view = classui::makeTable("myEnrolmentTableView", this);
    m_view->setModel(m_proxy);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    for (int column : { EnrolmentTableModel::NameColumn, EnrolmentTableModel::ResidentIdColumn,
             EnrolmentTableModel::EmployerColumn })
        m_view->setColumnHidden(column, true);
    layout->addWidget(m_view, 1);
    m_emptyLabel = ui::createMessageLabel(QStringLiteral("myClassesEmptyLabel"), this);
    layout->addWidget(m_emptyLabel);
    auto *buttons = new QHBoxLayout;
    m_cancelButton = new QPushButton(this);
    m_cancelButton->setObjectName(QStringLiteral("cancelEnrolmentButton"));
    m_removeButton = new QPushButton(this);
    m_removeButton->setObjectName(QStringLiteral("removeRefusedEnrolmentButton"));
    buttons->addWidget(m_cancelButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("myClassesMessageLabel"), this);
    layout->addWidget(m_messageLabel);

    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &MyClassesPage::updateButtons);
    connect(m_cancelButton, &QPushButton::clicked, this, &MyClassesPage::cancelSelected);
    connect(m_removeButton, &QPushButton::clicked, this, &MyClassesPage::removeRefused);
    retranslateUi();
    reload();
}

void MyClassesPage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void MyClassesPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerClassMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(QLatin1String("enrolment")))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &MyClassesPage::reload);
        // Sent: the "sent at the next sync" message is no longer true.
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok && m_announced && m_engine && m_engine->pendingCount() == 0) {
                m_announced = false;
                m_messageLabel->clear();
            }
        });
        connect(engine, &SyncEngine::pendingCountChanged, this, &MyClassesPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &MyClassesPage::reload);
    }
    reload();
}

void MyClassesPage::reload()
{
    QString selected;
    if (!m_view->selectionModel()->selectedRows().isEmpty())
        selected = m_view->selectionModel()
                       ->selectedRows()
                       .first()
                       .data(EnrolmentTableModel::IdRole)
                       .toString();
    m_model->reload(m_engine ? m_core->localStore() : nullptr);
    const int row = m_model->rowOf(selected);
    if (row >= 0)
        m_view->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
    m_emptyLabel->setVisible(m_proxy->rowCount() == 0);
    updateButtons();
}

void MyClassesPage::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const QModelIndex index = rows.isEmpty() ? QModelIndex() : rows.first();
    const bool refused
        = index.isValid() && !index.data(EnrolmentTableModel::ProblemRole).toString().isEmpty();
    m_cancelButton->setEnabled(m_engine && index.isValid() && !refused
        && index.data(EnrolmentTableModel::StatusRole).toString() == QLatin1String("pending"));
    m_removeButton->setVisible(refused);
}

bool MyClassesPage::cancelSelected()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_engine || rows.isEmpty()
        || rows.first().data(EnrolmentTableModel::StatusRole).toString()
            != QLatin1String("pending"))
        return false;
    if (m_engine
            ->queueMutation(QStringLiteral("enrolment.cancel"),
                rows.first().data(EnrolmentTableModel::IdRole).toString(), {})
            .isEmpty()) {
        ui::setMessage(m_messageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    ui::setMessage(
        m_messageLabel, tr("Enrolment cancelled; sent at the next sync."), ui::Severity::Success);
    m_announced = true;
    return true;
}

bool MyClassesPage::removeRefused()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (!m_engine || rows.isEmpty())
        return false;
    const QString id = rows.first().data(EnrolmentTableModel::IdRole).toString();
    for (const OutboxMutation &problem : m_engine->problems()) {
        if (problem.entityType == QLatin1String("enrolment") && problem.target == id)
            return m_engine->discardMutation(problem.id);
    }
    return false;
}

void MyClassesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void MyClassesPage::retranslateUi()
{
    m_titleLabel->setText(tr("My classes"));
    m_emptyLabel->setText(
        tr("You have not enrolled in a training class yet. Choose one in Class enrolment."));
    m_cancelButton->setText(tr("Cancel enrolment"));
    m_removeButton->setText(tr("Remove"));
    m_model->retranslate();
    updateButtons();
}

} // namespace xueshi
