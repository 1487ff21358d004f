#pragma once

#include "syncengine.h"
#include "user.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

class QFrame;
class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace xueshi {

class AccountPage;
class ClientCore;
class SettingsPage;
class SyncProblemsPage;
class SyncStatusWidget;

// The main window after login, one subclass per role. A header names the product, the role and
// the person or organisation; a navigation list on the left switches the sections in the stacked
// area. Only built sections are added (later issues add theirs in the subclasses); every role has
// the account section and, when the client keeps local data, the sync problems and settings
// sections. The status bar shows the sync (R9); a banner says when the session is offline.
class RoleWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RoleWindow)

public:
    // The window for the user's role.
    static RoleWindow *create(ClientCore *core, const User &user, QWidget *parent = nullptr);

    const User &user() const { return m_user; }
    void setUser(const User &user);
    AccountPage *accountPage() const { return m_accountPage; }
    SyncProblemsPage *syncProblemsPage() const { return m_syncProblemsPage; }
    SettingsPage *settingsPage() const { return m_settingsPage; }
    // Shows the section with this id ("account", ...); false if there is none.
    bool showSection(const QString &id);
    QString currentSection() const;

public slots:
    // Starts a sync now (the status bar button, the menu, F5).
    void syncNow();

signals:
    void logoutRequested();

protected:
    RoleWindow(ClientCore *core, const User &user, QWidget *parent);

    using TitleFunction = std::function<QString()>;
    // Adds a navigation entry and its page (at `position`, or last); the title is re-read on
    // language changes.
    void addSection(const QString &id, const QIcon &icon, TitleFunction title, QWidget *page,
        int position = -1);
    // The header's name of the workspace: the role.
    QString workspaceTitle() const;

    void changeEvent(QEvent *event) override;
    ClientCore *core() const { return m_core; }

private:
    void retranslateUi();
    QString approvalText() const;
    void updateUserTexts();
    void setEngine(SyncEngine *engine);
    void updateOfflineBanner();

    struct Section
    {
        QString id;
        TitleFunction title;
        QWidget *page;
    };

    ClientCore *m_core;
    User m_user;
    QList<Section> m_sections;
    QLabel *m_productLabel;
    QLabel *m_workspaceLabel;
    QLabel *m_nameLabel;
    QLabel *m_userLabel;
    QFrame *m_approvalBanner;
    QLabel *m_approvalLabel;
    QListWidget *m_navigation;
    QStackedWidget *m_pages;
    AccountPage *m_accountPage;
    SyncProblemsPage *m_syncProblemsPage = nullptr;
    SettingsPage *m_settingsPage = nullptr;
    QPointer<SyncEngine> m_engine;
    bool m_loginNeeded = false; // the server wants a new login before it takes the changes
    QFrame *m_offlineBanner;
    QLabel *m_offlineTitleLabel;
    QLabel *m_offlineLabel;
    QPushButton *m_reloginButton;
    SyncStatusWidget *m_syncStatus;
    QMenu *m_syncMenu;
    QAction *m_syncNowAction;
    QAction *m_syncProblemsAction;
    QLabel *m_serverStatusLabel;
    QLabel *m_userStatusLabel;
    QMenu *m_accountMenu;
    QMenu *m_helpMenu;
    QAction *m_logoutAction;
    QAction *m_quitAction;
    QAction *m_verifyCertificateAction;
    QAction *m_aboutAction;
};

} // namespace xueshi
