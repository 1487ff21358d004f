#include "rolewindow.h"

#include "accountpage.h"
#include "clientcore.h"
#include "employerwindow.h"
#include "institutionwindow.h"
#include "learnerwindow.h"
#include "uicommon.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
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
        break;
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

    // Menus.
    m_accountMenu = menuBar()->addMenu(QString());
    m_logoutAction = m_accountMenu->addAction(QString(), this, &RoleWindow::logoutRequested);
    m_logoutAction->setObjectName(QStringLiteral("logoutAction"));
    m_accountMenu->addSeparator();
    m_quitAction = m_accountMenu->addAction(QString(), qApp, &QApplication::closeAllWindows);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_helpMenu = menuBar()->addMenu(QString());
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

    setUser(user);
}

void RoleWindow::addSection(
    const QString &id, const QIcon &icon, TitleFunction title, QWidget *page)
{
    auto *item = new QListWidgetItem(icon, title(), m_navigation);
    item->setData(SectionIdRole, id);
    m_pages->addWidget(page);
    m_sections.append(Section { id, std::move(title), page });
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
    m_approvalBanner->parentWidget()->setVisible(user.isAwaitingApproval());
    retranslateUi();
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
    m_approvalLabel->setText(
        tr("Your training institution is awaiting approval by an administrator. You can log in "
           "and see your account, but you can run training classes only after the approval."));
    for (int i = 0; i < m_sections.size(); ++i)
        m_navigation->item(i)->setText(m_sections.at(i).title());
    m_accountMenu->setTitle(tr("&Account"));
    m_logoutAction->setText(tr("&Log out"));
    m_quitAction->setText(tr("&Quit"));
    m_helpMenu->setTitle(tr("&Help"));
    m_aboutAction->setText(tr("&About Xueshi"));
    updateUserTexts();
}

} // namespace xueshi
