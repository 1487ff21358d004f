#pragma once

#include "appsettings.h"
#include "clientcore.h"
#include "testserver.h"
#include "windows/clientcontroller.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QString>

#include <memory>

namespace xueshi {
class Clock;
class LocalStore;
class RoleWindow;
class SyncEngine;
} // namespace xueshi

namespace xueshi::test {

// The named child, or null with a warning naming what is missing.
template<typename T> T *child(QObject *parent, const char *name)
{
    T *object = parent->findChild<T *>(QLatin1String(name));
    if (!object)
        qWarning("no child %s", name);
    return object;
}

template<typename T> T *child(QObject *parent, const QString &name)
{
    return child<T>(parent, name.toUtf8().constData());
}

// Replaces the text of the named QLineEdit key by key, as typed (keyClicks takes Latin-1 only).
void type(QObject *parent, const char *name, const QString &value);
// A left click on the named QPushButton.
void click(QObject *parent, const char *name);
// Selects the item of the named QComboBox whose data is `code`.
void choose(QObject *parent, const char *name, const QString &code);
// A local port nothing listens on.
quint16 deadPort();

// One computer of one user, as the program runs it: the real client core and controller, local
// data in a temporary directory, the test server's certificate pinned, syncs only when asked.
struct DesktopClient
{
    // `clock` (null: the server's test clock) must outlive the client.
    explicit DesktopClient(TestServer &server, const Clock *clock = nullptr);
    ~DesktopClient();

    RoleWindow *window() const;
    SyncEngine *engine() const;
    LocalStore *store() const;

    // Logs in through the login window and waits for the first sync.
    bool login(const QString &username, const QString &password);
    // Syncs until nothing is waiting to be sent (a set-aside problem is not waiting);
    // `mustSucceed`: the last sync must also have ended well.
    bool sync(bool mustSucceed = false);

    // The server becomes unreachable (a proxy on a dead port) / reachable again.
    void networkDown();
    void networkUp();

    QNetworkAccessManager network;
    std::unique_ptr<AppSettings> settings;
    std::unique_ptr<ClientCore> core;
    std::unique_ptr<ClientController> controller;
};

} // namespace xueshi::test
