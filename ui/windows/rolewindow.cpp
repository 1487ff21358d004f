#include "windows/rolewindow.h"

#include "account/accountpage.h"
#include "account/settingspage.h"
#include "certificates/verifydialog.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "sync/syncproblemspage.h"
#include "sync/syncstatuswidget.h"
#include "syncengine.h"
#include "windows/administratorwindow.h"
#include "windows/employerwindow.h"
#include "windows/institutionwindow.h"
#include "windows/learnerwindow.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QVBoxLayout>

namespace xueshi {

namespace {
constexpr int SectionIdRole = Qt::UserRole + 1;
} // namespace

RoleWindow *RoleWindow::create(ClientCore *core, const User &user, QWidget *parent)
{
    switch (user.role) {
    case Role::Learner:
        return new LearnerWindow(core, user, parent);
    case Role::Employer:
        return new EmployerWindow(core, user, parent);
    case Role::Institution:
        return new InstitutionWindow(core, user, parent);
    case Role::Administrator:
        return new AdministratorWindow(core, user, parent);
    }
    return nullptr;
}

RoleWindow::RoleWindow(ClientCore *core, const User &user, QWidget *parent)
    : QMainWindow(parent)
    , m_core(core)
    , m_user(user)
{
    setWindowIcon(ui::applicationIcon());
    resize(1120, 760);
    setMinimumSize(900, 600);

    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);

    // Header.
    auto *header = new QWidget(central);
    header->setObjectName(QStringLiteral("headerWidget"));
    header->setAttribute(Qt::WA_StyledBackground);
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(20, 12, 20, 12);
    headerLayout->setSpacing(12);
    auto *logo = new QLabel(header);
    logo->setPixmap(ui::applicationIcon(true).pixmap(40, 40));
    m_productLabel = new QLabel(header);
    m_productLabel->setObjectName(QStringLiteral("productLabel"));
    ui::makeHeading(m_productLabel, 6);
    auto *divider = new QFrame(header);
    divider->setFrameShape(QFrame::VLine);
    divider->setStyleSheet(QStringLiteral("color: rgba(255,255,255,0.5);"));
    auto *titles = new QVBoxLayout;
    titles->setSpacing(0);
    m_workspaceLabel = new QLabel(header);
    m_workspaceLabel->setObjectName(QStringLiteral("workspaceLabel"));
    ui::makeHeading(m_workspaceLabel, 2);
    m_nameLabel = new QLabel(header);
    m_nameLabel->setObjectName(QStringLiteral("nameLabel"));
    titles->addWidget(m_workspaceLabel);
    titles->addWidget(m_nameLabel);
    m_userLabel = new QLabel(header);
    m_userLabel->setObjectName(QStringLiteral("userLabel"));
    headerLayout->addWidget(logo);
    headerLayout->addWidget(m_productLabel);
    headerLayout->addWidget(divider);
    headerLayout->addLayout(titles, 1);
    headerLayout->addWidget(m_userLabel);
    centralLayout->addWidget(header);

    // The approval banner of an institution that is not approved yet.
    m_approvalBanner = new QFrame(central);
    m_approvalBanner->setObjectName(QStringLiteral("approvalBanner"));
    auto *bannerLayout = new QHBoxLayout(m_approvalBanner);
    bannerLayout->setContentsMargins(14, 10, 14, 10);
    auto *bannerIcon = new QLabel(m_approvalBanner);
    bannerIcon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(24, 24));
    m_approvalLabel = new QLabel(m_approvalBanner);
    m_approvalLabel->setObjectName(QStringLiteral("approvalLabel"));
    m_approvalLabel->setWordWrap(true);
    m_approvalLabel->setStyleSheet(QStringLiteral("color: #6b4500;"));
    bannerLayout->addWidget(bannerIcon, 0, Qt::AlignTop);
    bannerLayout->addWidget(m_approvalLabel, 1);
    auto *bannerHolder = new QWidget(central);
    auto *bannerHolderLayout = new QVBoxLayout(bannerHolder);
    bannerHolderLayout->setContentsMargins(16, 12, 16, 0);
    bannerHolderLayout->addWidget(m_approvalBanner);
    centralLayout->addWidget(bannerHolder);

    // The offline banner: working from this computer's cache.
    m_offlineBanner = new QFrame(central);
    m_offlineBanner->setObjectName(QStringLiteral("offlineBanner"));
    auto *offlineLayout = new QHBoxLayout(m_offlineBanner);
    offlineLayout->setContentsMargins(14, 10, 14, 10);
    offlineLayout->setSpacing(12);
    auto *offlineIcon = new QLabel(m_offlineBanner);
    offlineIcon->setPixmap(style()->standardIcon(QStyle::SP_DriveNetIcon).pixmap(24, 24));
    auto *offlineTexts = new QVBoxLayout;
    offlineTexts->setSpacing(2);
    m_offlineTitleLabel = new QLabel(m_offlineBanner);
    m_offlineTitleLabel->setObjectName(QStringLiteral("offlineTitleLabel"));
    ui::makeHeading(m_offlineTitleLabel, 1);
    m_offlineLabel = new QLabel(m_offlineBanner);
    m_offlineLabel->setObjectName(QStringLiteral("offlineLabel"));
    m_offlineLabel->setWordWrap(true);
    offlineTexts->addWidget(m_offlineTitleLabel);
    offlineTexts->addWidget(m_offlineLabel);
    m_reloginButton = new QPushButton(m_offlineBanner);
    m_reloginButton->setObjectName(QStringLiteral("reloginButton"));
    m_reloginButton->setAutoDefault(false);
    offlineLayout->addWidget(offlineIcon, 0, Qt::AlignTop);
    offlineLayout->addLayout(offlineTexts, 1);
    offlineLayout->addWidget(m_reloginButton, 0, Qt::AlignVCenter);
    auto *offlineHolder = new QWidget(central);
    auto *offlineHolderLayout = new QVBoxLayout(offlineHolder);
    offlineHolderLayout->setContentsMargins(16, 12, 16, 0);
    offlineHolderLayout->addWidget(m_offlineBanner);
    centralLayout->addWidget(offlineHolder);
    connect(m_reloginButton, &QPushButton::clicked, this, &RoleWindow::logoutRequested);

    // Navigation and pages.
    auto *body = new QHBoxLayout;
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    m_navigation = new QListWidget(central);
    m_navigation->setObjectName(QStringLiteral("navigationListWidget"));
    m_navigation->setFixedWidth(200);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_pages = new QStackedWidget(central);
    m_pages->setObjectName(QStringLiteral("pageStackedWidget"));
    body->addWidget(m_navigation);
    body->addWidget(m_pages, 1);
    centralLayout->addLayout(body, 1);
    setCentralWidget(central);
    connect(
        m_navigation, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);

    // Status bar.
    m_serverStatusLabel = new QLabel(this);
    m_serverStatusLabel->setObjectName(QStringLiteral("serverStatusLabel"));
    m_userStatusLabel = new QLabel(this);
    m_userStatusLabel->setObjectName(QStringLiteral("userStatusLabel"));
    statusBar()->addWidget(m_serverStatusLabel);
    statusBar()->addPermanentWidget(m_userStatusLabel);
    m_syncStatus = new SyncStatusWidget(core, this);
    statusBar()->addPermanentWidget(m_syncStatus);
    connect(m_syncStatus, &SyncStatusWidget::syncNowRequested, this, &RoleWindow::syncNow);
    connect(m_syncStatus, &SyncStatusWidget::problemsRequested, this,
        [this] { showSection(QStringLiteral("syncProblems")); });

    // Menus.
    m_accountMenu = menuBar()->addMenu(QString());
    m_logoutAction = m_accountMenu->addAction(QString(), this, &RoleWindow::logoutRequested);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_accountMenu->addSeparator();
    m_quitAction = m_accountMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_syncMenu = menuBar()->addMenu(QString());
    m_syncNowAction = m_syncMenu->addAction(
        style()->standardIcon(QStyle::SP_BrowserReload), QString(), this, &RoleWindow::syncNow);
    m_syncNowAction->setObjectName(QStringLiteral("syncNowAction"));
    m_syncNowAction->setShortcut(QKeySequence(Qt::Key_F5));
    m_syncNowAction->setShortcutContext(Qt::WindowShortcut);
    m_syncProblemsAction = m_syncMenu->addAction(
        QString(), this, [this] { showSection(QStringLiteral("syncProblems")); });
    m_syncProblemsAction->setObjectName(QStringLiteral("syncProblemsAction"));
    m_helpMenu = menuBar()->addMenu(QString());
    m_verifyCertificateAction = m_helpMenu->addAction(
        QString(), this, [this] { VerifyDialog::openDialog(m_core, this); });
    m_verifyCertificateAction->setObjectName(QStringLiteral("verifyCertificateAction"));
    m_aboutAction = m_helpMenu->addAction(QString(), this, [this] {
        QMessageBox::about(this, UiText::windowTitle(tr("About")),
            tr("<h3>%1 %2</h3><p>Continuing education for professional technical personnel: "
               "public courses, training classes, credit hours and certificates.</p>")
                .arg(UiText::productName(), QStringLiteral(XUESHI_VERSION)));
    });

    m_accountPage = new AccountPage(core, this);
    connect(m_accountPage, &AccountPage::logoutRequested, this, &RoleWindow::logoutRequested);
    addSection(
        QStringLiteral("account"), ui::accountIcon(), [] { return tr("Account"); }, m_accountPage);

    if (core->hasLocalData()) {
        // Always a working list (its empty state says there is nothing to do); the entry shows
        // the count when there are problems.
        m_syncProblemsPage = new SyncProblemsPage(core, this);
        addSection(
            QStringLiteral("syncProblems"),
            style()->standardIcon(m_syncProblemsPage->problemCount() > 0
                    ? QStyle::SP_MessageBoxWarning
                    : QStyle::SP_BrowserReload),
            [this] {
                const int count = m_syncProblemsPage->problemCount();
                return count > 0 ? tr("Sync problems (%1)").arg(count) : tr("Sync problems");
            },
            m_syncProblemsPage);
        connect(
            m_syncProblemsPage, &SyncProblemsPage::problemCountChanged, this, [this](int count) {
                // The warning sign only when there is something to do.
                for (int i = 0; i < m_sections.size(); ++i) {
                    if (m_sections.at(i).id == QLatin1String("syncProblems"))
                        m_navigation->item(i)->setIcon(style()->standardIcon(
                            count > 0 ? QStyle::SP_MessageBoxWarning : QStyle::SP_BrowserReload));
                }
                retranslateUi();
            });
        m_settingsPage = new SettingsPage(core, this);
        addSection(
            QStringLiteral("settings"), style()->standardIcon(QStyle::SP_FileDialogDetailedView),
            [] { return tr("Settings"); }, m_settingsPage);
    }
    m_syncMenu->menuAction()->setVisible(core->hasLocalData());
    connect(core, &ClientCore::syncEngineChanged, this, &RoleWindow::setEngine);
    connect(core->session(), &Session::offlineModeChanged, this, &RoleWindow::updateOfflineBanner);
    setEngine(core->syncEngine());

    setUser(user);
}

void RoleWindow::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    m_loginNeeded = false;
    m_syncStatus->setEngine(engine);
    m_accountPage->setEngine(engine);
    if (m_syncProblemsPage)
        m_syncProblemsPage->setEngine(engine);
    if (m_settingsPage)
        m_settingsPage->setEngine(engine);
    m_syncNowAction->setEnabled(engine != nullptr);
    if (engine) {
        connect(engine, &SyncEngine::authenticationRequired, this, [this] {
            m_loginNeeded = true;
            updateOfflineBanner();
        });
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok && m_loginNeeded) {
                m_loginNeeded = false;
                updateOfflineBanner();
            }
        });
    }
    updateOfflineBanner();
}

void RoleWindow::syncNow()
{
    if (!m_engine)
        return;
    if (m_engine->isStarted())
        m_engine->syncNow();
    else
        m_engine->start();
}

void RoleWindow::updateOfflineBanner()
{
    const Session *session = m_core->session();
    const bool offline = session->isOffline();
    m_offlineBanner->parentWidget()->setVisible(offline || m_loginNeeded);
    m_reloginButton->setVisible(m_loginNeeded);
    m_reloginButton->setText(tr("Log in again"));
    if (m_loginNeeded) {
        m_offlineTitleLabel->setText(tr("Log in again to send your changes"));
        m_offlineLabel->setText(
            tr("The server needs a new login before it accepts the changes made on this "
               "computer. They are kept here and are sent after you log in again."));
        return;
    }
    m_offlineTitleLabel->setText(tr("Offline mode"));
    const QDateTime last = session->lastOnlineLogin();
    m_offlineLabel->setText(ui::joinSentences(
        tr("The server cannot be reached; you are working with the data saved on this computer "
           "(last online login: %1).")
            .arg(last.isValid() ? QLocale().toString(last.toLocalTime(), QLocale::ShortFormat)
                                : UiText::notProvided()),
        tr("Your changes are kept here and sent when the network returns.")));
}

void RoleWindow::addSection(
    const QString &id, const QIcon &icon, TitleFunction title, QWidget *page, int position)
{
    if (position < 0 || position > m_sections.size())
        position = int(m_sections.size());
    auto *item = new QListWidgetItem(icon, title());
    item->setData(SectionIdRole, id);
    m_pages->insertWidget(position, page);
    m_sections.insert(position, Section { id, std::move(title), page });
    m_navigation->insertItem(position, item);
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
}

bool RoleWindow::showSection(const QString &id)
{
    for (int i = 0; i < m_sections.size(); ++i) {
        if (m_sections.at(i).id == id) {
            m_navigation->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

QString RoleWindow::currentSection() const
{
    const int row = m_navigation->currentRow();
    return row >= 0 && row < m_sections.size() ? m_sections.at(row).id : QString();
}

void RoleWindow::setUser(const User &user)
{
    m_user = user;
    m_accountPage->setUser(user);
    m_approvalBanner->parentWidget()->setVisible(user.isAwaitingApproval() || user.isRejected());
    retranslateUi();
}

QString RoleWindow::approvalText() const
{
    if (m_user.isRejected()) {
        const QString reason
            = m_user.organisation ? m_user.organisation->rejectionReason : QString();
        return tr("The administrator did not approve the registration of your organisation. "
                  "Reason: %1. Please contact the administrator of the continuing education "
                  "system.")
            .arg(reason.isEmpty() ? tr("none given") : reason);
    }
    if (m_user.role == Role::Employer) {
        return tr("Your employer account is awaiting approval by an administrator. You can log in "
                  "and see your account; learners find your organisation and you can confirm "
                  "staff only after the approval.");
    }
    return tr("Your training institution is awaiting approval by an administrator. You can log "
              "in and see your account, but you can run training classes only after the "
              "approval.");
}

QString RoleWindow::workspaceTitle() const
{
    return UiText::roleName(m_user.role);
}

void RoleWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void RoleWindow::updateUserTexts()
{
    const User &user = m_user;
    QString name = user.displayName;
    if (user.organisation)
        name = user.organisation->name;
    else if (user.learner && !user.learner->realName.isEmpty())
        name = user.learner->realName;
    m_nameLabel->setText(name);
    m_userLabel->setText(tr("Logged in as %1").arg(user.username));
    m_serverStatusLabel->setText(tr("Server: %1").arg(m_core->api()->serverUrl().authority()));
    m_userStatusLabel->setText(tr("User: %1 (%2)").arg(user.username, UiText::roleName(user.role)));
    setWindowTitle(UiText::windowTitle(
        name.isEmpty() ? workspaceTitle() : tr("%1 · %2").arg(workspaceTitle(), name)));
}

void RoleWindow::retranslateUi()
{
    m_productLabel->setText(UiText::productName());
    m_workspaceLabel->setText(workspaceTitle());
    m_approvalLabel->setText(approvalText());
    for (int i = 0; i < m_sections.size(); ++i)
        m_navigation->item(i)->setText(m_sections.at(i).title());
    m_accountMenu->setTitle(tr("&Account"));
    m_logoutAction->setText(tr("&Log out"));
    m_quitAction->setText(tr("&Quit"));
    m_syncMenu->setTitle(tr("&Sync"));
    m_syncNowAction->setText(tr("Sync &now"));
    m_syncProblemsAction->setText(tr("Sync &problems"));
    updateOfflineBanner();
    m_helpMenu->setTitle(tr("&Help"));
    m_verifyCertificateAction->setText(tr("&Verify certificate…"));
    m_aboutAction->setText(tr("&About Xueshi"));
    updateUserTexts();
}

} // namespace xueshi
