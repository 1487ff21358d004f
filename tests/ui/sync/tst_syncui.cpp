// The sync and offline work as a user sees it, against the real server over HTTPS: the status
// bar (state, changes waiting, last sync, sync now), an offline contact change reaching the
// server when the network returns, conflicts in the 同步问题 section (discard, retry, edit), the
// settings page (token kept in a private file, clearing the content cache keeps the outbox,
// forgetting the offline login) and the offline login with its 离线模式 banner.
#include "account/accountpage.h"
#include "account/loginwindow.h"
#include "account/profileeditdialog.h"
#include "account/settingspage.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "contentcache.h"
#include "localstore.h"
#include "offlinecredentials.h"
#include "publiccourses.h"
#include "sync/syncproblemspage.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "tokenstore.h"
#include "validators.h"
#include "windows/clientcontroller.h"
#include "windows/rolewindow.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Password = QStringLiteral("Secret123");

template<typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QLatin1String(name));
    if (!object)
        qWarning("no child %s", name);
    return object;
}

QString text(QObject *parent, const char *name)
{
    return child<QLabel>(parent, name)->text();
}

void type(QObject *parent, const char *name, const QString &value)
{
    auto *edit = child<QLineEdit>(parent, name);
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Backspace);
    QTest::keyClicks(edit, value);
}

void click(QObject *parent, const char *name)
{
    QTest::mouseClick(child<QPushButton>(parent, name), Qt::LeftButton);
}

// A port nothing listens on: a proxy there refuses every connection, like a network that is down,
// while the server's address (and so this computer's offline login and cache) stays the same.
quint16 deadPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    return probe.serverPort();
}

QString mobileOf(const QJsonObject &user)
{
    return user.value(QStringLiteral("learner"))
        .toObject()
        .value(QStringLiteral("mobile"))
        .toString();
}

// The client as the program runs it (local data on, in a temporary directory, token in a private
// file as on a computer without a keychain), pointed at the test server with its certificate
// pinned. Engines sync at once, without timers or the system's network watch.
struct Client
{
    Client(TestServer &server, const QString &dataDirectory, const QString &settingsFile)
        : settings(std::make_unique<AppSettings>(settingsFile))
        , core(std::make_unique<ClientCore>(settings.get(), &network, &server.clock()))
    {
        core->enableLocalData(dataDirectory, nullptr);
        core->setEngineSetup([](SyncEngine *engine) {
            engine->setWatchNetwork(false);
            engine->setPeriodicInterval(0);
            engine->setBackoff(100, 400, [] { return 0.5; });
        });
        core->trust()->pin(ServerTrust::serverKey(server.baseUrl()), server.certificate());
        settings->setServerAddress(server.baseUrl().toString());
        controller = std::make_unique<ClientController>(core.get());
        controller->start();
    }

    LoginWindow *login() const { return controller->loginWindow(); }
    RoleWindow *window() const { return controller->roleWindow(); }

    void submitLogin(const QString &username, const QString &password)
    {
        type(login(), "usernameLineEdit", username);
        type(login(), "passwordLineEdit", password);
        QTest::keyClick(child<QLineEdit>(login(), "passwordLineEdit"), Qt::Key_Return);
    }

    void networkDown()
    {
        network.setProxy(
            QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), deadPort()));
        network.clearConnectionCache();
    }
    void networkUp()
    {
        network.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        network.clearConnectionCache();
    }

    QNetworkAccessManager network;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<ClientCore> core;
    std::unique_ptr<ClientController> controller;
};

// The server with one learner, and a second "device" of that learner (TestClient with a token).
struct Fixture
{
    Fixture()
        : client(server)
        , dataDirectory(temporaryDirectory())
        , settingsFile(temporaryDirectory() + QStringLiteral("/client.ini"))
    {
        const TestReply reg = client.post(QStringLiteral("/accounts/learners"),
            learnerRegistration(QStringLiteral("uilearner"), QStringLiteral("44010619900101123")));
        userId = reg.json.value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString();
        token = client
                    .post(QStringLiteral("/session"),
                        { { QStringLiteral("username"), QStringLiteral("uilearner") },
                            { QStringLiteral("password"), Password } })
                    .json.value(QStringLiteral("token"))
                    .toString();
    }

    QJsonObject me()
    {
        return client.get(QStringLiteral("/me"), token)
            .json.value(QStringLiteral("user"))
            .toObject();
    }

    // Another computer of the same learner changes the mobile, against `baseVersion` (the
    // version this computer's cache holds, which is the server's after a sync).
    bool changeElsewhere(const QString &mobile, qint64 baseVersion)
    {
        const TestReply reply = client.post(QStringLiteral("/sync/mutations"),
            { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject {
                    { QStringLiteral("id"), QUuid::createUuid().toString(QUuid::WithoutBraces) },
                    { QStringLiteral("type"), QStringLiteral("profile.update") },
                    { QStringLiteral("target"), userId },
                    { QStringLiteral("baseVersion"), baseVersion },
                    { QStringLiteral("payload"),
                        QJsonObject { { QStringLiteral("mobile"), mobile } } } } } } },
            token);
        return reply.json.value(QStringLiteral("results"))
                   .toArray()
                   .at(0)
                   .toObject()
                   .value(QStringLiteral("status"))
                   .toString()
            == QLatin1String("applied");
    }

    TestServer server;
    TestClient client;
    QString dataDirectory;
    QString settingsFile;
    QString userId;
    QString token;
};

// Logs in through the login window and waits for the first sync to finish.
RoleWindow *loginAndSync(Client &client)
{
    client.submitLogin(QStringLiteral("uilearner"), Password);
    if (!QTest::qWaitFor([&] { return client.window() != nullptr; }, 15000))
        return nullptr;
    RoleWindow *window = client.window();
    if (!QTest::qWaitFor(
            [&] {
                return client.core->syncEngine() && client.core->syncEngine()->lastSync().isValid()
                    && !client.core->syncEngine()->isSyncing();
            },
            30000))
        return nullptr;
    return window;
}

// Changes the mobile through the account page's "change contact details" form.
void changeMobile(RoleWindow *window, const QString &mobile)
{
    window->showSection(QStringLiteral("account"));
    auto *button = child<QPushButton>(window, "editContactButton");
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    ProfileEditDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<ProfileEditDialog *>()) != nullptr);
    type(dialog, "mobileLineEdit", mobile);
    auto *save = child<QPushButton>(dialog, "saveButton");
    QVERIFY(save->isEnabled());
    QTest::mouseClick(save, Qt::LeftButton);
    QTRY_VERIFY(window->findChild<ProfileEditDialog *>() == nullptr);
}

QString navigationText(RoleWindow *window, const QString &startsWith)
{
    auto *navigation = child<QListWidget>(window, "navigationListWidget");
    for (int i = 0; i < navigation->count(); ++i) {
        if (navigation->item(i)->text().startsWith(startsWith))
            return navigation->item(i)->text();
    }
    return {};
}

void confirm(QWidget *window, const char *boxName, const char *buttonName)
{
    QMessageBox *box = nullptr;
    QTRY_VERIFY((box = window->findChild<QMessageBox *>(QLatin1String(boxName))) != nullptr);
    QTest::mouseClick(child<QPushButton>(box, buttonName), Qt::LeftButton);
}

} // namespace

class TestSyncUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        ui::applyTheme(*qApp);
    }

    void statusBar_afterLogin_showsSyncDone()
    {
        Fixture f;
        QVERIFY2(f.server.isRunning(), qPrintable(f.server.errorString()));
        Client client(f.server, f.dataDirectory, f.settingsFile);
        client.submitLogin(QStringLiteral("uilearner"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(client.window() != nullptr, 15000);
        RoleWindow *window = client.window();
        SyncEngine *engine = client.core->syncEngine();
        QVERIFY(engine);
        // The initial sync (the region table: thousands of changes) shows the progress bar.
        auto *bar = child<QProgressBar>(window, "syncProgressBar");
        bool barShown = false;
        int lastDone = 0;
        connect(engine, &SyncEngine::progress, this, [&](int done, int total) {
            lastDone = std::max(lastDone, done);
            if (bar->isVisibleTo(window)) {
                barShown = true;
                QCOMPARE(bar->maximum(), total);
                QCOMPARE(bar->value(), done);
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(engine->lastSync().isValid() && !engine->isSyncing(), 30000);
        QVERIFY(barShown);
        QVERIFY(lastDone > 3000);
        QTRY_COMPARE(text(window, "syncStateLabel"), QStringLiteral("Synced"));
        QCOMPARE(text(window, "pendingLabel"), QStringLiteral("0 change(s) waiting to be sent"));
        QVERIFY2(text(window, "lastSyncLabel").startsWith(QLatin1String("Last sync: ")),
            qPrintable(text(window, "lastSyncLabel")));
        QVERIFY(!child<QProgressBar>(window, "syncProgressBar")->isVisible());
        QVERIFY(!child<QWidget>(window, "syncProblemsButton")->isVisible());
        QVERIFY(!child<QWidget>(window, "offlineBanner")->isVisible());
        // The sections: account, sync problems (a working, empty list), settings.
        QCOMPARE(navigationText(window, QStringLiteral("Sync problems")),
            QStringLiteral("Sync problems"));
        QVERIFY(window->showSection(QStringLiteral("syncProblems")));
        QVERIFY(child<QLabel>(window, "emptyStateLabel")->isVisible());
        QVERIFY(window->showSection(QStringLiteral("settings")));
        // The cached profile is what the account page shows.
        QVERIFY(client.core->localStore()->entity(QStringLiteral("profile"), f.userId));
        QCOMPARE(text(window, "mobileValueLabel"), maskMobile(QStringLiteral("13800138000")));

        // F5 syncs again.
        QSignalSpy finished(client.core->syncEngine(), &SyncEngine::syncFinished);
        QTest::keyClick(window, Qt::Key_F5);
        QVERIFY(finished.wait(15000));
        QVERIFY(finished.last().at(0).toBool());

        // In Chinese, with the manual's wording.
        client.core->setLanguage(Language::Chinese);
        QTRY_COMPARE(text(window, "pendingLabel"), QStringLiteral("待发送 0 项"));
        QCOMPARE(text(window, "syncStateLabel"), QStringLiteral("已同步"));
        QVERIFY(text(window, "lastSyncLabel").startsWith(QStringLiteral("上次同步：")));
        QCOMPARE(child<QPushButton>(window, "syncNowButton")->text(), QStringLiteral("立即同步"));
        QCOMPARE(navigationText(window, QStringLiteral("同步问题")), QStringLiteral("同步问题"));
        QCOMPARE(navigationText(window, QStringLiteral("设置")), QStringLiteral("设置"));
        QCOMPARE(text(window, "emptyStateLabel"), QStringLiteral("没有需要处理的同步问题"));
        client.core->setLanguage(Language::English);
    }

    void offlineChange_pendingThenSentWhenNetworkReturns()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);

        client.networkDown();
        changeMobile(window, QStringLiteral("13911112222"));
        // Shown at once from the cache, marked as waiting.
        QCOMPARE(text(window, "mobileValueLabel"), maskMobile(QStringLiteral("13911112222")));
        QVERIFY(!text(window, "profilePendingLabel").isEmpty());
        QTRY_COMPARE(
            text(window, "pendingLabel"), QStringLiteral("1 change(s) waiting to be sent"));
        QTRY_COMPARE_WITH_TIMEOUT(text(window, "syncStateLabel"), QStringLiteral("Offline"), 15000);
        QCOMPARE(mobileOf(f.me()), QStringLiteral("13800138000"));

        client.networkUp();
        auto *syncNow = child<QPushButton>(window, "syncNowButton");
        QTRY_VERIFY(syncNow->isEnabled());
        QTest::mouseClick(syncNow, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(
            text(window, "pendingLabel"), QStringLiteral("0 change(s) waiting to be sent"), 15000);
        QTRY_COMPARE(text(window, "syncStateLabel"), QStringLiteral("Synced"));
        QCOMPARE(mobileOf(f.me()), QStringLiteral("13911112222"));
        QVERIFY(text(window, "profilePendingLabel").isEmpty());
    }

    void conflict_inProblemsSection_discardRetryEdit()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);
        SyncEngine *engine = client.core->syncEngine();
        const auto version = [&] {
            return client.core->localStore()->entity(QStringLiteral("profile"), f.userId)->version;
        };

        // 1. Changed elsewhere first; the local change conflicts; discard keeps the server's.
        QVERIFY(f.changeElsewhere(QStringLiteral("13600000001"), version()));
        changeMobile(window, QStringLiteral("13600000002"));
        QTRY_COMPARE_WITH_TIMEOUT(engine->problems().size(), 1, 15000);
        QTRY_COMPARE(navigationText(window, QStringLiteral("Sync problems")),
            QStringLiteral("Sync problems (1)"));
        auto *problemsButton = child<QPushButton>(window, "syncProblemsButton");
        QTRY_VERIFY(problemsButton->isVisible());
        QTest::mouseClick(problemsButton, Qt::LeftButton);
        QCOMPARE(window->currentSection(), QStringLiteral("syncProblems"));
        auto *list = child<QListWidget>(window, "syncProblemsListWidget");
        QCOMPARE(list->count(), 1);
        QVERIFY(list->item(0)->text().contains(QLatin1String("Change personal details")));
        QVERIFY(list->item(0)->text().contains(QLatin1String("Conflict")));
        auto *table = child<QTableWidget>(window, "comparisonTableWidget");
        QCOMPARE(table->rowCount(), 1);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("13600000002"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("13600000001"));
        QVERIFY(!table->isColumnHidden(2));
        // The cache shows the server's value meanwhile.
        QCOMPARE(text(window, "mobileValueLabel"), maskMobile(QStringLiteral("13600000001")));

        click(window, "discardButton");
        confirm(window, "discardMessageBox", "confirmDiscardButton");
        QTRY_COMPARE(list->count(), 0);
        QVERIFY(child<QLabel>(window, "emptyStateLabel")->isVisible());
        QCOMPARE(navigationText(window, QStringLiteral("Sync problems")),
            QStringLiteral("Sync problems"));
        QCOMPARE(engine->pendingCount(), 0);
        QCOMPARE(mobileOf(f.me()), QStringLiteral("13600000001"));

        // 2. Again; this time the user keeps their change: retry applies it over the server's.
        QVERIFY(f.changeElsewhere(QStringLiteral("13600000003"), version()));
        changeMobile(window, QStringLiteral("13600000004"));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 15000);
        window->showSection(QStringLiteral("syncProblems"));
        click(window, "retryButton");
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13600000004"), 15000);
        QTRY_COMPARE(list->count(), 0);
        QTRY_COMPARE(engine->pendingCount(), 0);

        // 3. And edited: the dialog starts from the refused change; the edit is what is sent.
        QVERIFY(f.changeElsewhere(QStringLiteral("13600000005"), version()));
        changeMobile(window, QStringLiteral("13600000006"));
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 15000);
        window->showSection(QStringLiteral("syncProblems"));
        click(window, "editButton");
        ProfileEditDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<ProfileEditDialog *>()) != nullptr);
        QCOMPARE(child<QLineEdit>(dialog, "mobileLineEdit")->text(), QStringLiteral("13600000006"));
        type(dialog, "mobileLineEdit", QStringLiteral("123"));
        QVERIFY(!child<QPushButton>(dialog, "saveButton")->isEnabled()); // shared validators
        type(dialog, "mobileLineEdit", QStringLiteral("13600000007"));
        click(dialog, "saveButton");
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13600000007"), 15000);
        QTRY_COMPARE(list->count(), 0);
        QCOMPARE(text(window, "mobileValueLabel"), maskMobile(QStringLiteral("13600000007")));
    }

    void refused_showsServerMessage_editFixesIt()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);
        // A value the server refuses (the form would not let it through; another client version
        // or a changed rule could).
        SyncEngine *engine = client.core->syncEngine();
        QVERIFY(!engine->queueProfileUpdate({ { QStringLiteral("mobile"), QStringLiteral("123") } })
                     .isEmpty());
        auto *list = child<QListWidget>(window, "syncProblemsListWidget");
        QTRY_COMPARE_WITH_TIMEOUT(list->count(), 1, 15000);
        window->showSection(QStringLiteral("syncProblems"));
        QVERIFY(list->item(0)->text().contains(QLatin1String("Refused by the server")));
        const QString message
            = engine->problems().first().lastError.value(QStringLiteral("message")).toString();
        QVERIFY(!message.isEmpty());
        QVERIFY2(text(window, "problemReasonLabel").contains(message),
            qPrintable(text(window, "problemReasonLabel")));
        QVERIFY(text(window, "problemReasonLabel").contains(QLatin1String("Mobile phone")));
        QVERIFY(child<QTableWidget>(window, "comparisonTableWidget")->isColumnHidden(2));

        click(window, "editButton");
        ProfileEditDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window->findChild<ProfileEditDialog *>()) != nullptr);
        QCOMPARE(child<QLineEdit>(dialog, "mobileLineEdit")->text(), QStringLiteral("123"));
        QCOMPARE(text(dialog, "mobileMessageLabel"), message); // the server's word at its field
        type(dialog, "mobileLineEdit", QStringLiteral("13977778888"));
        click(dialog, "saveButton");
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13977778888"), 15000);
        QTRY_COMPARE(list->count(), 0);
        QCOMPARE(engine->pendingCount(), 0);
    }

    void refusedSelection_oneCauseForTheChain_oneClickDiscardsAll()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);
        SyncEngine *engine = client.core->syncEngine();
        LocalStore *store = client.core->localStore();
        // A course the server does not have (withdrawn meanwhile), and five lessons studied.
        const QString courseId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        QVERIFY(!engine
                     ->queueMutation(QStringLiteral("course.select"),
                         courseSelectionId(f.userId, courseId),
                         { { QStringLiteral("courseId"), courseId },
                             { QStringLiteral("declarationYear"), 2026 } })
                     .isEmpty());
        const QDateTime start = f.server.clock().nowUtc();
        for (int i = 0; i < 5; ++i) {
            const QString lesson = QStringLiteral("l%1").arg(i);
            QVERIFY(!engine
                         ->queueMutation(QStringLiteral("lesson.study"),
                             lessonProgressId(f.userId, courseId, lesson),
                             { { QStringLiteral("courseId"), courseId },
                                 { QStringLiteral("lessonId"), lesson },
                                 { QStringLiteral("seconds"), 60 },
                                 { QStringLiteral("startedAt"),
                                     start.addSecs(i * 100).toString(Qt::ISODateWithMs) },
                                 { QStringLiteral("endedAt"),
                                     start.addSecs(i * 100 + 60).toString(Qt::ISODateWithMs) } })
                         .isEmpty());
        }
        QVERIFY(PublicCourses(store, f.userId).selection(courseId).has_value());

        // One entry: the refused selection, the five studies with it.
        auto *list = child<QListWidget>(window, "syncProblemsListWidget");
        QTRY_COMPARE_WITH_TIMEOUT(store->problemCount(), 6, 15000);
        QTRY_COMPARE(list->count(), 1);
        window->showSection(QStringLiteral("syncProblems"));
        QVERIFY2(list->item(0)->text().contains(QLatin1String("Select a public course")),
            qPrintable(list->item(0)->text()));
        QVERIFY2(list->item(0)->text().contains(QLatin1String("and 5 change")),
            qPrintable(list->item(0)->text()));
        QVERIFY(text(window, "problemReasonLabel").contains(QLatin1String("5 later change")));
        // The refusal undid the selection's effect: the course is not among the learner's.
        QVERIFY(!PublicCourses(store, f.userId).selection(courseId).has_value());

        click(window, "discardButton");
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window->findChild<QMessageBox *>(QStringLiteral("discardMessageBox")))
            != nullptr);
        QVERIFY2(box->text().contains(QLatin1String("the 5 change")), qPrintable(box->text()));
        QTest::mouseClick(child<QPushButton>(box, "confirmDiscardButton"), Qt::LeftButton);
        QTRY_COMPARE(list->count(), 0);
        QCOMPARE(store->problemCount(), 0);
        QCOMPARE(store->pendingCount(), 0);
        QVERIFY(!PublicCourses(store, f.userId).selection(courseId).has_value());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(PublicCourses(store, f.userId)
                         .studiedSeconds(courseId, QStringLiteral("l%1").arg(i)),
                0);
    }

    void settings_fileToken_clearCacheKeepsOutbox_forgetOfflineLogin()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);
        QVERIFY(window->showSection(QStringLiteral("settings")));
        SettingsPage *page = window->settingsPage();
        QVERIFY(page && page->isVisible());
        QCOMPARE(client.core->tokenStore()->backend(), TokenStore::Backend::File);
        QCOMPARE(text(page, "tokenStorageValueLabel"),
            QStringLiteral("A file only you can read: %1")
                .arg(QDir::toNativeSeparators(
                    f.dataDirectory + QStringLiteral("/credentials/tokens"))));
        QCOMPARE(text(page, "fingerprintValueLabel").replace(QLatin1Char('\n'), QLatin1Char(':')),
            f.server.fingerprint());
        QCOMPARE(text(page, "serverValueLabel"), f.server.baseUrl().toString());
        QCOMPARE(text(page, "dataLocationValueLabel"), QDir::toNativeSeparators(f.dataDirectory));
        QVERIFY(text(page, "lastSyncValueLabel") != QLatin1String("Not synced yet"));

        // A cached file (laid out as the content cache keeps them) and a change waiting offline.
        const QByteArray bytes(3000, 'x');
        const QString sha = QString::fromLatin1(
            QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
        const QString contentDir = client.core->contentCache()->directory();
        QVERIFY(QDir().mkpath(contentDir + QLatin1Char('/') + sha.left(2)));
        QFile file(contentDir + QLatin1Char('/') + sha.left(2) + QLatin1Char('/') + sha);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
        file.close();
        QVERIFY(client.core->contentCache()->contains(sha));
        page->refresh();
        QCOMPARE(text(page, "cacheSizeValueLabel"), QLocale().formattedDataSize(3000));
        client.networkDown();
        changeMobile(window, QStringLiteral("13922223333"));
        QTRY_COMPARE(client.core->syncEngine()->pendingCount(), 1);
        const QString storePath = client.core->localStore()->path();

        window->showSection(QStringLiteral("settings"));
        click(page, "clearCacheButton");
        confirm(window, "clearCacheMessageBox", "confirmClearCacheButton");
        QTRY_VERIFY(!client.core->contentCache()->contains(sha));
        QDirIterator files(contentDir, QDir::Files, QDirIterator::Subdirectories);
        QVERIFY(!files.hasNext());
        QCOMPARE(text(page, "cacheSizeValueLabel"), QLocale().formattedDataSize(0));
        QVERIFY(QFile::exists(storePath));
        QCOMPARE(client.core->syncEngine()->pendingCount(), 1);
        QCOMPARE(client.core->localStore()->pendingMutations().first().payload.value(
                     QStringLiteral("mobile")),
            QStringLiteral("13922223333"));

        // Forgetting this computer, with attachments kept beside the store and a change not yet
        // sent: the dialog says what would be lost, Cancel keeps everything.
        const QStringList localPaths = ClientCore::localDataPaths(storePath);
        for (const QString &directory : { localPaths.at(4), localPaths.at(5) }) {
            QVERIFY(QDir().mkpath(directory));
            QFile kept(directory + QStringLiteral("/kept"));
            QVERIFY(kept.open(QIODevice::WriteOnly));
            kept.write("resident ids");
        }
        OfflineCredentials *credentials = client.core->offlineCredentials();
        const QString serverKey = ServerTrust::serverKey(f.server.baseUrl());
        QTRY_VERIFY(credentials->contains(serverKey, QStringLiteral("uilearner")));
        QTRY_VERIFY(!client.core->tokenStore()->isBusy());
        QVERIFY(child<QPushButton>(page, "forgetOfflineLoginButton")->isEnabled());
        click(page, "forgetOfflineLoginButton");
        QMessageBox *box = nullptr;
        QTRY_VERIFY(
            (box = window->findChild<QMessageBox *>(QStringLiteral("forgetOfflineMessageBox")))
            != nullptr);
        // (Source texts here: the English plural comes from the translation.)
        QVERIFY2(box->text().contains(QLatin1String("1 change")), qPrintable(box->text()));
        QVERIFY2(box->text().contains(QLatin1String("would be lost")), qPrintable(box->text()));
        QVERIFY(child<QPushButton>(box, "confirmForgetButton")
                    ->text()
                    .startsWith(QLatin1String("Forget and lose 1 change")));
        QTest::mouseClick(qobject_cast<QPushButton *>(box->defaultButton()), Qt::LeftButton);
        QTRY_VERIFY(!window->findChild<QMessageBox *>(QStringLiteral("forgetOfflineMessageBox")));
        QVERIFY(client.core->session()->isLoggedIn());
        QVERIFY(credentials->contains(serverKey, QStringLiteral("uilearner")));
        QVERIFY(QFile::exists(storePath));

        click(page, "forgetOfflineLoginButton");
        confirm(window, "forgetOfflineMessageBox", "confirmForgetButton");
        QVERIFY(!credentials->contains(serverKey, QStringLiteral("uilearner")));
        QVERIFY(!client.core->session()->isLoggedIn());
        QTRY_VERIFY(!client.core->tokenStore()->isBusy());
        QVERIFY(!QFile::exists(
            client.core->tokenStore()->filePath(serverKey, QStringLiteral("uilearner"))));
        // The store goes once the engine has let go of it; nothing of it stays on the disk.
        for (const QString &path : localPaths)
            QTRY_VERIFY2(!QFileInfo::exists(path), qPrintable(path));
        QVERIFY(QFileInfo(storePath).dir().exists()); // other users' caches stay
    }

    void offlineLogin_afterOnlineLogin_offlineModeUntilNetworkReturns()
    {
        Fixture f;
        const QString serverKey = ServerTrust::serverKey(f.server.baseUrl());
        {
            // The first, online login on this computer; the program then ends without logging
            // out (the token is kept).
            Client first(f.server, f.dataDirectory, f.settingsFile);
            QVERIFY(loginAndSync(first));
            QTRY_VERIFY(
                first.core->offlineCredentials()->contains(serverKey, QStringLiteral("uilearner")));
            QTRY_VERIFY(!first.core->tokenStore()->isBusy());
            QTRY_COMPARE(first.core->offlineCredentials()->pendingOperations(), 0);
        }

        Client client(f.server, f.dataDirectory, f.settingsFile);
        client.networkDown();
        // A wrong password is refused with a clear message, checked on this computer.
        client.submitLogin(QStringLiteral("uilearner"), QStringLiteral("Wrong1234"));
        QTRY_VERIFY_WITH_TIMEOUT(!client.login()->isBusy(), 15000);
        QVERIFY(client.window() == nullptr);
        QVERIFY2(text(client.login(), "statusLabel").contains(QLatin1String("Wrong password")),
            qPrintable(text(client.login(), "statusLabel")));

        client.submitLogin(QStringLiteral("uilearner"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(client.window() != nullptr, 15000);
        RoleWindow *window = client.window();
        QVERIFY(client.core->session()->isOffline());
        QVERIFY(child<QWidget>(window, "offlineBanner")->isVisible());
        QCOMPARE(text(window, "offlineTitleLabel"), QStringLiteral("Offline mode"));
        QVERIFY(text(window, "offlineLabel")
                    .contains(
                        QLocale().toString(client.core->session()->lastOnlineLogin().toLocalTime(),
                            QLocale::ShortFormat)));
        QTRY_COMPARE_WITH_TIMEOUT(text(window, "syncStateLabel"), QStringLiteral("Offline"), 15000);
        // Working from the cache: the profile is there, and a change waits in the outbox.
        QCOMPARE(text(window, "mobileValueLabel"), maskMobile(QStringLiteral("13800138000")));
        changeMobile(window, QStringLiteral("13933334444"));
        QTRY_COMPARE(
            text(window, "pendingLabel"), QStringLiteral("1 change(s) waiting to be sent"));

        // The network returns: the sync sends the change and offline mode ends.
        client.networkUp();
        QTest::keyClick(window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13933334444"), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!client.core->session()->isOffline(), 15000);
        QTRY_VERIFY(!child<QWidget>(window, "offlineBanner")->isVisible());
        QTRY_COMPARE(
            text(window, "pendingLabel"), QStringLiteral("0 change(s) waiting to be sent"));
        QTRY_COMPARE(text(window, "syncStateLabel"), QStringLiteral("Synced"));
    }

    void offlineLoginWithoutToken_askedToLogInAgain_changesKept()
    {
        Fixture f;
        {
            // Logged out last time: the verifier stays, the token is gone.
            Client first(f.server, f.dataDirectory, f.settingsFile);
            RoleWindow *window = loginAndSync(first);
            QVERIFY(window);
            const QString serverKey = ServerTrust::serverKey(f.server.baseUrl());
            QTRY_VERIFY(
                first.core->offlineCredentials()->contains(serverKey, QStringLiteral("uilearner")));
            QTRY_COMPARE(first.core->offlineCredentials()->pendingOperations(), 0);
            QTest::mouseClick(child<QPushButton>(window, "logoutButton"), Qt::LeftButton);
            QTRY_VERIFY(first.login()->isVisible());
            QTRY_VERIFY(!first.core->tokenStore()->isBusy());
        }
        Client client(f.server, f.dataDirectory, f.settingsFile);
        client.networkDown();
        client.submitLogin(QStringLiteral("uilearner"), Password);
        QTRY_VERIFY_WITH_TIMEOUT(client.window() != nullptr, 15000);
        RoleWindow *window = client.window();
        QVERIFY(client.core->session()->isOffline());
        changeMobile(window, QStringLiteral("13955556666"));

        // The network returns, but without a token the server refuses the sync: the banner asks
        // for a new login instead of retrying for ever.
        client.networkUp();
        QTest::keyClick(window, Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(text(window, "offlineTitleLabel"),
            QStringLiteral("Log in again to send your changes"), 15000);
        auto *relogin = child<QPushButton>(window, "reloginButton");
        QVERIFY(relogin->isVisible());
        QCOMPARE(client.core->syncEngine()->pendingCount(), 1);
        QTest::mouseClick(relogin, Qt::LeftButton);
        QTRY_VERIFY(client.login()->isVisible());

        // Logged in again online: the kept change is sent.
        QVERIFY(loginAndSync(client));
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13955556666"), 15000);
        QVERIFY(!child<QWidget>(client.window(), "offlineBanner")->isVisible());
    }

    void logout_stopsSyncAndKeepsOutbox_deletesToken()
    {
        Fixture f;
        Client client(f.server, f.dataDirectory, f.settingsFile);
        RoleWindow *window = loginAndSync(client);
        QVERIFY(window);
        const QString serverKey = ServerTrust::serverKey(f.server.baseUrl());
        const QString tokenFile
            = client.core->tokenStore()->filePath(serverKey, QStringLiteral("uilearner"));
        QTRY_VERIFY(QFile::exists(tokenFile));
        client.networkDown();
        changeMobile(window, QStringLiteral("13944445555"));
        const QString storePath = client.core->localStore()->path();

        QTest::mouseClick(child<QPushButton>(window, "logoutButton"), Qt::LeftButton);
        QTRY_VERIFY(client.login()->isVisible());
        QVERIFY(client.core->syncEngine() == nullptr);
        QTRY_VERIFY(!QFile::exists(tokenFile));
        LocalStore store;
        QVERIFY(store.open(storePath));
        QCOMPARE(store.pendingCount(), 1);
        store.close();

        // The next online login sends it.
        client.networkUp();
        QVERIFY(loginAndSync(client));
        QTRY_COMPARE_WITH_TIMEOUT(mobileOf(f.me()), QStringLiteral("13944445555"), 15000);
    }
};

QTEST_MAIN(TestSyncUi)
#include "tst_syncui.moc"
