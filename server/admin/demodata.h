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
    // The demo learner's profile filled in and confirmed by the demo employer (ready to study),
    // with hours of 2025 (passed) and 2026 (short); four more staff of the demo employer
    // (demo_staff_*) with their hours, for 统计报表.
    bool bindLearner = true;
};

// The demo data: a learner, an employer and an approved institution in one region (广州市天河区).
// The demo staff share the demo password.
// Loading is idempotent: accounts that exist are left alone.
QList<DemoAccount> demoAccounts();
bool loadDemoData(Server &server, QString *error, const DemoOptions &options = {});

} // namespace xueshi::server
