#pragma once

#include "outboxsender.h"
#include "smtptransport.h"
#include "webhooktransport.h"

#include <QHash>
#include <QString>

#include <memory>
#include <optional>

namespace xueshi::server {

class ServerConfig;

// The [notifier] group of the --config file (docs/operations.md "SMTP and SMS configuration"):
// which transport each channel goes through and how to reach it. The secrets (smtp-password,
// webhook-token) are read separately, by the serving process only, so administrator commands
// run without them.
struct NotifierSettings
{
    QString emailTransport = QStringLiteral("development"); // "smtp" or "development"
    QString mobileTransport = QStringLiteral("development"); // "webhook" or "development"
    SmtpTransport::Settings smtp;
    WebhookTransport::Settings webhook;
    OutboxSender::Settings sender;

    // The settings of `config` (may be null: every channel "development"); nullopt with *error
    // on an unknown key, an unknown transport, or a missing or malformed value.
    static std::optional<NotifierSettings> read(const ServerConfig *config, QString *error);
    // Whether any channel goes through a real transport.
    bool delivers() const;
    // Reads the secrets the chosen transports need; false with *error when one is missing.
    bool loadSecrets(const ServerConfig *config, QString *error);
    // The transports the chosen routes need, by name.
    QHash<QString, std::shared_ptr<Transport>> transports() const;
};

} // namespace xueshi::server
