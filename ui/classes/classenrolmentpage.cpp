#include "classes/classenrolmentpage.h"

#include "classes/classmodels.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "regions.h"
#include "trainingclasses.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFrame>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableView>
#include <QUuid>
#include <QVBoxLayout>

namespace xueshi {

namespace {

const QString TrainingClass = QStringLiteral("trainingClass");
const QString Enrolment = QStringLiteral("enrolment");

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

// --- ClassDetailsDialog --------------------------------------------------------------------------

ClassDetailsDialog::ClassDetailsDialog(ClassEnrolmentPage *page, const QString &classId)
    : QDialog(page)
    , m_page(page)
    , m_classId(classId)
{
    setObjectName(QStringLiteral("classDetailsDialog"));
    auto *layout = new QVBoxLayout(this);
    m_detailsLabel = new QLabel(this);
    m_detailsLabel->setObjectName(QStringLiteral("classDetailsLabel"));
    m_detailsLabel->setWordWrap(true);
    m_detailsLabel->setTextFormat(Qt::RichText);
    m_detailsLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_detailsLabel);
    m_blockedLabel = ui::createMessageLabel(QStringLiteral("enrolBlockedLabel"), this);
    layout->addWidget(m_blockedLabel);
    auto *box = new QDialogButtonBox(this);
    m_enrolButton = box->addButton(tr("Enrol"), QDialogButtonBox::ActionRole);
    m_enrolButton->setObjectName(QStringLiteral("enrolButton"));
    ui::makePrimary(m_enrolButton);
    QPushButton *close = box->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    close->setObjectName(QStringLiteral("classDetailsCloseButton"));
    layout->addWidget(box);
    m_messageLabel = ui::createMessageLabel(QStringLiteral("enrolMessageLabel"), this);
    layout->addWidget(m_messageLabel);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_enrolButton, &QPushButton::clicked, this, [this] {
        if (m_page->enrol(m_classId))
            ui::setMessage(m_messageLabel,
                tr("Enrolled. The enrolment is sent to the institution at the next sync; it "
                   "shows in My classes as awaiting confirmation."),
                ui::Severity::Success);
        refresh();
    });
    refresh();
    resize(520, sizeHint().height());
}

void ClassDetailsDialog::refresh()
{
    const std::optional<CachedEntity> cached = m_page->cachedClass(m_classId);
    setWindowTitle(UiText::windowTitle(cached ? text(cached->data, "name") : tr("Training class")));
    if (!cached) {
        m_detailsLabel->setText(tr("This class is no longer offered."));
        m_enrolButton->setEnabled(false);
        m_blockedLabel->clear();
        return;
    }
    m_detailsLabel->setText(classui::detailsHtml(cached->data, m_page->seriesNames()));
    const QString refusal = m_page->refusal(m_classId);
    const QString blocker = m_page->enrolmentBlocker(m_classId);
    m_enrolButton->setEnabled(blocker.isEmpty());
    if (!refusal.isEmpty())
        ui::setMessage(m_blockedLabel,
            tr("Your enrolment was refused by the server: %1").arg(refusal), ui::Severity::Error);
    else if (!blocker.isEmpty())
        ui::setMessage(m_blockedLabel, blocker, ui::Severity::Warning);
    else
        m_blockedLabel->clear();
}

// --- ClassEnrolmentPage --------------------------------------------------------------------------

ClassEnrolmentPage::ClassEnrolmentPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new TrainingClassTableModel(this))
{
    setObjectName(QStringLiteral("classEnrolmentPage"));
    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("classEnrolmentTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);
    m_regionLabel = ui::createMessageLabel(QStringLiteral("learnerRegionLabel"), this);
    layout->addWidget(m_regionLabel);
    m_problemFrame = classui::makeBanner("enrolmentProblemFrame", &m_problemLabel, this);
    layout->addWidget(m_problemFrame);
    m_view = classui::makeTable("availableClassTableView", this);
    m_view->setModel(m_model);
    classui::stretchNameColumn(m_view);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // The places and the region are in the details (查看/报名): the row stays readable.
    m_view->setColumnHidden(TrainingClassTableModel::CapacityColumn, true);
    m_view->setColumnHidden(TrainingClassTableModel::EnrolledColumn, true);
    m_view->setColumnHidden(TrainingClassTableModel::RegionColumn, true);
    layout->addWidget(m_view, 1);
    m_emptyLabel = ui::createMessageLabel(QStringLiteral("classEmptyLabel"), this);
    layout->addWidget(m_emptyLabel);
    connect(m_view, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        openDetails(index.data(TrainingClassTableModel::IdRole).toString());
    });
    retranslateUi();
    reload();
}

void ClassEnrolmentPage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void ClassEnrolmentPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerClassMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            for (const char *type : { "trainingClass", "enrolment", "binding", "employer" }) {
                if (types.contains(QLatin1String(type))) {
                    reload();
                    return;
                }
            }
        });
        connect(engine, &SyncEngine::cacheReset, this, &ClassEnrolmentPage::reload);
        connect(engine, &SyncEngine::pendingCountChanged, this, &ClassEnrolmentPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &ClassEnrolmentPage::reload);
    }
    reload();
}

std::optional<CachedEntity> ClassEnrolmentPage::cachedClass(const QString &classId) const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    return store ? store->entity(TrainingClass, classId) : std::nullopt;
}

QHash<QString, QString> ClassEnrolmentPage::seriesNames() const
{
    return classui::seriesNames(m_engine ? m_core->localStore() : nullptr);
}

QList<CachedEntity> ClassEnrolmentPage::myEnrolments() const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (!store)
        return {};
    // An enrolment the server refused exists only here: it does not count.
    const QHash<QString, OutboxMutation> problems = problemsByTarget(store, Enrolment);
    QList<CachedEntity> mine;
    for (const CachedEntity &enrolment : store->entities(Enrolment)) {
        if (text(enrolment.data, "learnerId") == m_user.id && !problems.contains(enrolment.id))
            mine.append(enrolment);
    }
    return mine;
}

QString ClassEnrolmentPage::enrolmentBlocker(const QString &classId) const
{
    const std::optional<CachedEntity> cached = cachedClass(classId);
    if (!cached)
        return {};
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (!confirmedEmployer(store))
        return tr("Training class enrolment is available once your employer has confirmed you "
                  "(Personal information).");
    const QDate today
        = (m_core->clock() ? m_core->clock() : SystemClock::instance())->todayInChina();
    return xueshi::enrolmentBlocker(*cached, myEnrolments(), today);
}

QString ClassEnrolmentPage::refusal(const QString &classId) const
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    if (!store)
        return {};
    for (const OutboxMutation &problem : store->problems()) {
        if (problem.type == QLatin1String("enrolment.request")
            && text(problem.payload, "classId") == classId)
            return problemMessage(problem);
    }
    return {};
}

void ClassEnrolmentPage::reload()
{
    const LocalStore *store = m_engine ? m_core->localStore() : nullptr;
    const std::optional<LearnerEmployer> employer = confirmedEmployer(store);
    QList<CachedEntity> classes;
    if (store && employer) {
        const RegionTable &regions = RegionTable::instance();
        for (const CachedEntity &entity : store->entities(TrainingClass)) {
            const QString status = text(entity.data, "status");
            if ((status == QLatin1String("accepting") || status == QLatin1String("closed"))
                && regions.covers(text(entity.data, "regionCode"), employer->regionCode))
                classes.append(entity);
        }
    }
    m_model->setClasses(classes, {}, classui::seriesNames(store));
    // 查看/报名 on each row.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QString id = m_model->classAt(row).id;
        auto *button = new QPushButton(tr("View / enrol"), m_view);
        button->setObjectName(QStringLiteral("viewClassButton"));
        button->setProperty("classId", id);
        ui::makeLink(button);
        connect(button, &QPushButton::clicked, this, [this, id] { openDetails(id); });
        m_view->setIndexWidget(m_model->index(row, TrainingClassTableModel::ActionColumn), button);
    }

    if (!store) {
        m_regionLabel->clear();
        ui::setMessage(
            m_emptyLabel, tr("This computer keeps no data for this server."), ui::Severity::Info);
    } else if (!employer) {
        m_regionLabel->clear();
        ui::setMessage(m_emptyLabel,
            tr("No classes are listed: training class enrolment is available once your employer "
               "has confirmed you (Personal information)."),
            ui::Severity::Warning);
    } else {
        const QString region = RegionTable::instance().fullName(employer->regionCode);
        ui::setMessage(m_regionLabel,
            tr("Classes open to staff of %1, in %2.").arg(employer->employerName, region),
            ui::Severity::Info);
        if (classes.isEmpty())
            ui::setMessage(m_emptyLabel,
                tr("There are no training classes run by training institutions in the region of "
                   "your employer (%1).")
                    .arg(region),
                ui::Severity::Info);
        else
            m_emptyLabel->clear();
    }
    m_view->setVisible(!classes.isEmpty());
    m_emptyLabel->setVisible(classes.isEmpty());

    // Enrolments the server refused: said here, with the server's reason.
    QStringList refusals;
    if (store) {
        for (const OutboxMutation &problem : store->problems()) {
            if (problem.type != QLatin1String("enrolment.request"))
                continue;
            const auto cached = store->entity(TrainingClass, text(problem.payload, "classId"));
            refusals << tr("Your enrolment in %1 was refused: %2")
                            .arg(cached ? text(cached->data, "name") : tr("a class"),
                                problemMessage(problem));
        }
    }
    m_problemLabel->setText(refusals.join(QLatin1Char('\n')));
    m_problemFrame->setVisible(!refusals.isEmpty());
    if (m_dialog)
        m_dialog->refresh();
}

ClassDetailsDialog *ClassEnrolmentPage::openDetails(const QString &classId)
{
    if (!cachedClass(classId))
        return nullptr;
    if (m_dialog)
        m_dialog->close();
    m_dialog = new ClassDetailsDialog(this, classId);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->open();
    return m_dialog;
}

bool ClassEnrolmentPage::enrol(const QString &classId)
{
    if (!m_engine || !cachedClass(classId))
        return false;
    const QString blocker = enrolmentBlocker(classId);
    if (!blocker.isEmpty())
        return false;
    return !m_engine
                ->queueMutation(QStringLiteral("enrolment.request"),
                    QUuid::createUuid().toString(QUuid::WithoutBraces),
                    QJsonObject { { QStringLiteral("classId"), classId } })
                .isEmpty();
}

void ClassEnrolmentPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ClassEnrolmentPage::retranslateUi()
{
    m_titleLabel->setText(tr("Class enrolment"));
    m_model->retranslate();
    reload();
}

} // namespace xueshi
