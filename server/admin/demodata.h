#pragma once

#include <QList>
#include <QString>

namespace xueshi::server {

class Server;

struct DemoAccount
{
    QString role;
    QString username;
    QString password;
    QString name;
};

struct DemoOptions
{
    // The demo learner's profile filled in and confirmed by the demo employer (ready to study).
    bool bindLearner = true;
};

// The demo data: a learner, an employer and an approved institution in one region (广州市天河区).
// Loading is idempotent: accounts that exist are left alone.
QList<DemoAccount> demoAccounts();
bool loadDemoData(Server &server, QString *error, const DemoOptions &options = {});

} // namespace xueshi::server
