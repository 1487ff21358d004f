#include "account/settingspage.h"

#include "clientcore.h"
#include "common/uicommon.h"
#include "contentcache.h"
#include "localstore.h"
#include "offlinecredentials.h"
#include "syncengine.h"
#include "tokenstore.h"

#include <QDir>
#include <QEvent>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace xueshi {

namespace {

QFormLayout *createForm(QGroupBox *group)
{
    auto *form = new QFormLayout;
    form->setHorizontalSpacing(24);
    form->setVerticalSpacing(8);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto *layout = new QVBoxLayout(group);
    layout->addLayout(form);
    return form;
}

QGroupBox *createGroup(const QString &objectName, QWidget *parent)
{
    auto *group = new QGroupBox(parent);
    group->setObjectName(objectName);
    return group;
}

QString nativePath(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

SettingsPage::SettingsPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
{
    setObjectName(QStringLiteral("settingsPage"));
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(28, 18, 28, 18);
    layout->setSpacing(10);
    m_titleLabel = new QLabel(content);
    m_titleLabel->setObjectName(QStringLiteral("titleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    m_subtitleLabel = ui::createMessageLabel(QStringLiteral("subtitleLabel"), content);
    layout->addWidget(m_titleLabel);
    layout->addWidget(m_subtitleLabel);

    auto *columns = new QHBoxLayout;
    columns->setSpacing(20);
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    left->setSpacing(10);
    right->setSpacing(10);
    columns->addLayout(left, 1);
    columns->addLayout(right, 1);
    layout->addLayout(columns);
    layout->addStretch(1);

    // Server.
    m_serverGroup = createGroup(QStringLiteral("serverGroupBox"), content);
    QFormLayout *serverForm = createForm(m_serverGroup);
    m_serverValueLabel = addValue(serverForm, QStringLiteral("server"), &m_serverCaption);
    m_fingerprintValueLabel
        = addValue(serverForm, QStringLiteral("fingerprint"), &m_fingerprintCaption);
    m_fingerprintValueLabel->setStyleSheet(
        QStringLiteral("font-family: monospace; font-weight: normal;"));
    // Two fixed lines of 16 bytes, under their caption, so they read like the trust dialog's.
    m_fingerprintValueLabel->setWordWrap(false);
    serverForm->setRowWrapPolicy(QFormLayout::WrapAllRows);
    left->addWidget(m_serverGroup);

    // Local data and sync.
    m_dataGroup = createGroup(QStringLiteral("dataGroupBox"), content);
    QFormLayout *dataForm = createForm(m_dataGroup);
    m_dataLocationValueLabel
        = addValue(dataForm, QStringLiteral("dataLocation"), &m_dataLocationCaption);
    m_storeValueLabel = addValue(dataForm, QStringLiteral("localStore"), &m_storeCaption);
    m_lastSyncValueLabel = addValue(dataForm, QStringLiteral("lastSync"), &m_lastSyncCaption);
    m_pendingValueLabel = addValue(dataForm, QStringLiteral("pending"), &m_pendingCaption);
    left->addWidget(m_dataGroup);

    // The session token.
    m_tokenGroup = createGroup(QStringLiteral("tokenGroupBox"), content);
    QFormLayout *tokenForm = createForm(m_tokenGroup);
    m_tokenValueLabel = addValue(tokenForm, QStringLiteral("tokenStorage"), &m_tokenCaption);
    m_tokenNoteLabel = ui::createMessageLabel(QStringLiteral("tokenNoteLabel"), m_tokenGroup);
    m_tokenGroup->layout()->addWidget(m_tokenNoteLabel);
    left->addWidget(m_tokenGroup);
    left->addStretch(1);

    // The content cache.
    m_cacheGroup = createGroup(QStringLiteral("cacheGroupBox"), content);
    QFormLayout *cacheForm = createForm(m_cacheGroup);
    m_cacheSizeValueLabel = addValue(cacheForm, QStringLiteral("cacheSize"), &m_cacheSizeCaption);
    m_cacheLocationValueLabel
        = addValue(cacheForm, QStringLiteral("cacheLocation"), &m_cacheLocationCaption);
    // The HR office's attachment cache (学时审核): how much space its downloads may take.
    m_attachmentCapCaption = new QLabel(m_cacheGroup);
    m_attachmentCapSpinBox = new QSpinBox(m_cacheGroup);
    m_attachmentCapSpinBox->setObjectName(QStringLiteral("attachmentCapSpinBox"));
    m_attachmentCapSpinBox->setRange(
        AppSettings::MinAttachmentCapMegabytes, AppSettings::MaxAttachmentCapMegabytes);
    m_attachmentCapSpinBox->setSingleStep(50);
    m_attachmentCapSpinBox->setValue(core->settings()->attachmentCapMegabytes());
    cacheForm->addRow(m_attachmentCapCaption, m_attachmentCapSpinBox);
    m_attachmentCapNoteLabel
        = ui::createMessageLabel(QStringLiteral("attachmentCapNoteLabel"), m_cacheGroup);
    m_cacheGroup->layout()->addWidget(m_attachmentCapNoteLabel);
    m_cacheNoteLabel = ui::createMessageLabel(QStringLiteral("cacheNoteLabel"), m_cacheGroup);
    m_clearCacheButton = new QPushButton(m_cacheGroup);
    m_clearCacheButton->setObjectName(QStringLiteral("clearCacheButton"));
    m_clearCacheButton->setAutoDefault(false);
    m_cacheGroup->layout()->addWidget(m_cacheNoteLabel);
    m_cacheGroup->layout()->addWidget(m_clearCacheButton);
    m_cacheGroup->layout()->setAlignment(m_clearCacheButton, Qt::AlignLeft);
    right->addWidget(m_cacheGroup);

    // Offline login.
    m_offlineGroup = createGroup(QStringLiteral("offlineGroupBox"), content);
    QFormLayout *offlineForm = createForm(m_offlineGroup);
    m_offlineValueLabel = addValue(offlineForm, QStringLiteral("offlineLogin"), &m_offlineCaption);
    m_forgetOfflineButton = new QPushButton(m_offlineGroup);
    m_forgetOfflineButton->setObjectName(QStringLiteral("forgetOfflineLoginButton"));
    m_forgetOfflineButton->setAutoDefault(false);
    m_offlineGroup->layout()->addWidget(m_forgetOfflineButton);
    m_offlineGroup->layout()->setAlignment(m_forgetOfflineButton, Qt::AlignLeft);
    right->addWidget(m_offlineGroup);
    m_statusLabel = ui::createMessageLabel(QStringLiteral("statusLabel"), content);
    right->addWidget(m_statusLabel);
    right->addStretch(1);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("settingsScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    connect(m_clearCacheButton, &QPushButton::clicked, this, &SettingsPage::clearCache);
    connect(m_attachmentCapSpinBox, &QSpinBox::valueChanged, this, [this](int megabytes) {
        m_core->settings()->setAttachmentCapMegabytes(megabytes);
        m_core->settings()->sync();
    });
    connect(m_forgetOfflineButton, &QPushButton::clicked, this, &SettingsPage::forgetOfflineLogin);
    if (ContentCache *cache = core->contentCache())
        connect(cache, &ContentCache::changed, this, &SettingsPage::refresh);
    if (TokenStore *tokens = core->tokenStore())
        connect(tokens, &TokenStore::backendChanged, this, &SettingsPage::refresh);
    if (OfflineCredentials *credentials = core->offlineCredentials())
        connect(credentials, &OfflineCredentials::changed, this, &SettingsPage::refresh);
    connect(core->trust(), &ServerTrust::pinsChanged, this, &SettingsPage::refresh);
    retranslateUi();
    setEngine(core->syncEngine());
}

QLabel *SettingsPage::addValue(QFormLayout *form, const QString &name, QLabel **caption)
{
    QWidget *parent = form->parentWidget();
    *caption = new QLabel(parent);
    (*caption)->setStyleSheet(QStringLiteral("color: #5f6b7a; font-weight: normal;"));
    auto *value = new QLabel(parent);
    value->setObjectName(name + QStringLiteral("ValueLabel"));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    value->setTextFormat(Qt::PlainText);
    value->setStyleSheet(QStringLiteral("font-weight: normal;"));
    value->setMinimumWidth(160);
    form->addRow(*caption, value);
    return value;
}

void SettingsPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        connect(engine, &SyncEngine::lastSyncChanged, this, &SettingsPage::refresh);
        connect(engine, &SyncEngine::pendingCountChanged, this, &SettingsPage::refresh);
    }
    refresh();
}

void SettingsPage::refresh()
{
    const Session *session = m_core->session();
    const QString server
        = session->isLoggedIn() ? session->serverKey() : m_core->api()->serverKey();
    m_serverValueLabel->setText(m_core->api()->serverUrl().toString());
    QString fingerprint = m_core->trust()->pinnedFingerprint(server);
    // 32 bytes in two lines of 16, as the trust dialog shows them, so they can be compared.
    if (fingerprint.size() > 48)
        fingerprint[47] = QLatin1Char('\n');
    m_fingerprintValueLabel->setText(fingerprint.isEmpty()
            ? tr("None pinned: the certificate is trusted by the system")
            : fingerprint);

    m_dataLocationValueLabel->setText(nativePath(m_core->dataDirectory()));
    const LocalStore *store = m_core->localStore();
    m_storeValueLabel->setText(
        store ? nativePath(store->path()) : tr("Not open: %1").arg(m_core->localStoreError()));
    const QDateTime last = m_engine ? m_engine->lastSync() : QDateTime();
    m_lastSyncValueLabel->setText(last.isValid()
            ? QLocale().toString(last.toLocalTime(), QLocale::ShortFormat)
            : tr("Not synced yet"));
    const int pending = m_engine ? m_engine->pendingCount() : 0;
    m_pendingValueLabel->setText(tr("%n change(s) waiting to be sent", nullptr, pending));

    if (const TokenStore *tokens = m_core->tokenStore()) {
        m_tokenValueLabel->setText(tokens->backend() == TokenStore::Backend::Keychain
                ? tr("The system keychain")
                : tr("A file only you can read: %1").arg(nativePath(tokens->directory())));
    }

    if (const ContentCache *cache = m_core->contentCache()) {
        m_cacheSizeValueLabel->setText(QLocale().formattedDataSize(cache->size()));
        m_cacheLocationValueLabel->setText(nativePath(cache->directory()));
    }

    const OfflineCredentials *credentials = m_core->offlineCredentials();
    const std::optional<OfflineAccount> account
        = credentials ? credentials->account(server, session->user().username) : std::nullopt;
    m_offlineValueLabel->setText(account
            ? tr("Possible on this computer (last online login: %1)")
                  .arg(QLocale().toString(
                      account->lastOnlineLogin.toLocalTime(), QLocale::ShortFormat))
            : tr("Not kept on this computer: the next login needs the network"));
    m_forgetOfflineButton->setEnabled(session->isLoggedIn());
}

void SettingsPage::clearCache()
{
    ContentCache *cache = m_core->contentCache();
    if (!cache)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, UiText::windowTitle(tr("Clear cache")),
        tr("Delete the downloaded lesson content and attachments (%1)? They are downloaded again "
           "when needed. Changes waiting to be sent are not touched.")
            .arg(QLocale().formattedDataSize(cache->size())),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("clearCacheMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *clear = box->addButton(tr("Clear cache"), QMessageBox::DestructiveRole);
    clear->setObjectName(QStringLiteral("confirmClearCacheButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, clear](QAbstractButton *button) {
        if (button != clear)
            return;
        ContentCache *content = m_core->contentCache();
        if (content && content->clear())
            ui::setMessage(
                m_statusLabel, tr("The content cache has been cleared."), ui::Severity::Success);
        else
            ui::setMessage(m_statusLabel, tr("The content cache could not be cleared completely."),
                ui::Severity::Error);
        refresh();
    });
    box->open();
}

void SettingsPage::forgetOfflineLogin()
{
    // What would be lost is counted now, from the store itself (the engine's count leaves out
    // what was set aside as a sync problem).
    const LocalStore *store = m_core->localStore();
    const int unsent = store ? store->unsentCount() : 0;
    QString text = tr("Forget %1 on this computer? The offline login, the kept session token and "
                      "the local data (cached records and attachments) are deleted, and you are "
                      "logged out. The next login needs the network and downloads your data "
                      "again.")
                       .arg(m_core->session()->user().username);
    if (unsent > 0) {
        text += QLatin1String("\n\n")
            + tr("%n change(s) not yet accepted by the server would be lost. Connect to the "
                 "network and sync first to keep them.",
                nullptr, unsent);
    }
    auto *box = new QMessageBox(unsent > 0 ? QMessageBox::Warning : QMessageBox::Question,
        UiText::windowTitle(tr("Forget this computer")), text, QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("forgetOfflineMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *forget = box->addButton(
        unsent > 0 ? tr("Forget and lose %n change(s)", nullptr, unsent) : tr("Forget"),
        QMessageBox::DestructiveRole);
    forget->setObjectName(QStringLiteral("confirmForgetButton"));
    QPushButton *cancel = box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(cancel);
    connect(box, &QMessageBox::buttonClicked, this, [this, forget](QAbstractButton *button) {
        if (button == forget)
            m_core->forgetThisComputer(); // logs out: the role window closes
    });
    box->open();
}

void SettingsPage::showEvent(QShowEvent *event)
{
    refresh(); // the cache may have grown meanwhile
    QWidget::showEvent(event);
}

void SettingsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void SettingsPage::retranslateUi()
{
    m_titleLabel->setText(tr("Settings"));
    ui::setMessage(m_subtitleLabel,
        tr("What this computer keeps for you and where. The language is chosen on the login "
           "window."),
        ui::Severity::Hint);
    m_serverGroup->setTitle(tr("Server"));
    m_serverCaption->setText(tr("Address"));
    m_fingerprintCaption->setText(tr("Pinned certificate (SHA-256)"));
    m_dataGroup->setTitle(tr("Local data"));
    m_dataLocationCaption->setText(tr("Data location"));
    m_storeCaption->setText(tr("Local database"));
    m_lastSyncCaption->setText(tr("Last sync"));
    m_pendingCaption->setText(tr("Outbox"));
    m_tokenGroup->setTitle(tr("Session token"));
    m_tokenCaption->setText(tr("Kept in"));
    ui::setMessage(m_tokenNoteLabel,
        tr("The token lets this computer sync your changes when the network returns, also "
           "after an offline login. It is deleted when you log out."),
        ui::Severity::Hint);
    m_cacheGroup->setTitle(tr("Content cache"));
    m_cacheSizeCaption->setText(tr("Size"));
    m_cacheLocationCaption->setText(tr("Location"));
    ui::setMessage(m_cacheNoteLabel,
        tr("Downloaded lesson content and attachments, readable offline. Clearing the cache "
           "never touches your changes waiting to be sent."),
        ui::Severity::Hint);
    m_clearCacheButton->setText(tr("Clear cache"));
    m_attachmentCapCaption->setText(tr("Space for attachments"));
    m_attachmentCapSpinBox->setSuffix(tr(" MB"));
    ui::setMessage(m_attachmentCapNoteLabel,
        tr("An employer's client downloads the attachments of the declarations to review with "
           "each sync, up to this much, so they can be reviewed offline."),
        ui::Severity::Hint);
    m_offlineGroup->setTitle(tr("Offline login"));
    m_offlineCaption->setText(tr("Offline login"));
    m_forgetOfflineButton->setText(tr("Forget this computer"));
    refresh();
}

} // namespace xueshi
