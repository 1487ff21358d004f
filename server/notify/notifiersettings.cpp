#include "notifiersettings.h"

#include "core/serverconfig.h"

#include <QFileInfo>
#include <QUrl>

namespace xueshi::server {

namespace {

const QString Group = QStringLiteral("notifier");
const QString Development = QStringLiteral("development");

bool readSeconds(
    const ServerConfig &config, const QString &key, int min, int max, int *out, QString *error)
{
    if (!config.contains(Group, key))
        return true;
    bool ok = false;
    const int value = config.value(Group, key).trimmed().toInt(&ok);
    if (!ok || value < min || value > max) {
        *error = QStringLiteral("[notifier] %1: a number from %2 to %3").arg(key).arg(min).arg(max);
        return false;
    }
    *out = value;
    return true;
}

bool readCaFile(const ServerConfig &config, const QString &key, QString *out, QString *error)
{
    *out = config.value(Group, key).trimmed();
    if (!out->isEmpty() && !QFileInfo(*out).isReadable()) {
        *error = QStringLiteral("[notifier] %1: cannot read %2").arg(key, *out);
        return false;
    }
    return true;
}

bool plainAddress(const QString &address)
{
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (at <= 0 || at != address.lastIndexOf(QLatin1Char('@')) || at == address.size() - 1)
        return false;
    for (const QChar c : address) {
        if (c.unicode() <= 0x20 || QStringLiteral("<>,;\"\x7f").contains(c))
            return false;
    }
    return true;
}

} // namespace

std::optional<NotifierSettings> NotifierSettings::read(const ServerConfig *config, QString *error)
{
    NotifierSettings s;
    if (!config)
        return s;
    static const QStringList known { QStringLiteral("email"), QStringLiteral("mobile"),
        QStringLiteral("smtp-url"), QStringLiteral("smtp-from"), QStringLiteral("smtp-from-name"),
        QStringLiteral("smtp-username"), QStringLiteral("smtp-ca-file"),
        QStringLiteral("smtp-timeout"), QStringLiteral("webhook-url"),
        QStringLiteral("webhook-ca-file"), QStringLiteral("webhook-timeout"),
        QStringLiteral("max-attempts"), QStringLiteral("poll-interval") };
    for (const QString &key : config->keys(Group)) {
        if (!known.contains(key)) {
            *error = QStringLiteral("[notifier]: unknown key %1").arg(key);
            return std::nullopt;
        }
    }
    s.emailTransport = config->value(Group, QStringLiteral("email"), Development).trimmed();
    s.mobileTransport = config->value(Group, QStringLiteral("mobile"), Development).trimmed();
    if (s.emailTransport != Development && s.emailTransport != QLatin1String("smtp")) {
        *error = QStringLiteral("[notifier] email: \"smtp\" or \"development\"");
        return std::nullopt;
    }
    if (s.mobileTransport != Development && s.mobileTransport != QLatin1String("webhook")) {
        *error = QStringLiteral("[notifier] mobile: \"webhook\" or \"development\"");
        return std::nullopt;
    }
    if (!readSeconds(*config, QStringLiteral("max-attempts"), 1, 50, &s.sender.maxAttempts, error)
        || !readSeconds(
            *config, QStringLiteral("poll-interval"), 1, 3600, &s.sender.pollSeconds, error)) {
        return std::nullopt;
    }

    if (s.emailTransport == QLatin1String("smtp")) {
        s.smtp.url = config->value(Group, QStringLiteral("smtp-url")).trimmed();
        const QUrl url(s.smtp.url, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty()
            || (url.scheme() != QLatin1String("smtp") && url.scheme() != QLatin1String("smtps"))
            || !url.userInfo().isEmpty()) {
            *error = QStringLiteral("[notifier] smtp-url: smtp://host:port (STARTTLS) or "
                                    "smtps://host:port, without a user or password");
            return std::nullopt;
        }
        s.smtp.from = config->value(Group, QStringLiteral("smtp-from")).trimmed();
        if (!plainAddress(s.smtp.from)) {
            *error = QStringLiteral("[notifier] smtp-from: an e-mail address such as "
                                    "noreply@example.cn");
            return std::nullopt;
        }
        s.smtp.fromName = config->value(Group, QStringLiteral("smtp-from-name")).trimmed();
        if (s.smtp.fromName.contains(QLatin1Char('\n'))
            || s.smtp.fromName.contains(QLatin1Char('\r'))) {
            *error = QStringLiteral("[notifier] smtp-from-name: one line");
            return std::nullopt;
        }
        s.smtp.username = config->value(Group, QStringLiteral("smtp-username")).trimmed();
        if (!readCaFile(*config, QStringLiteral("smtp-ca-file"), &s.smtp.caFile, error)
            || !readSeconds(
                *config, QStringLiteral("smtp-timeout"), 1, 300, &s.smtp.timeoutSeconds, error)) {
            return std::nullopt;
        }
    }
    if (s.mobileTransport == QLatin1String("webhook")) {
        s.webhook.url = config->value(Group, QStringLiteral("webhook-url")).trimmed();
        const QUrl url(s.webhook.url, QUrl::StrictMode);
        if (!url.isValid() || url.host().isEmpty() || url.scheme() != QLatin1String("https")
            || !url.userInfo().isEmpty()) {
            *error = QStringLiteral("[notifier] webhook-url: an https:// URL without a user or "
                                    "password (the token is the webhook-token secret)");
            return std::nullopt;
        }
        if (!readCaFile(*config, QStringLiteral("webhook-ca-file"), &s.webhook.caFile, error)
            || !readSeconds(*config, QStringLiteral("webhook-timeout"), 1, 300,
                &s.webhook.timeoutSeconds, error)) {
            return std::nullopt;
        }
    }
    return s;
}

bool NotifierSettings::delivers() const
{
    return emailTransport != Development || mobileTransport != Development;
}

bool NotifierSettings::loadSecrets(const ServerConfig *config, QString *error)
{
    if (emailTransport == QLatin1String("smtp") && !smtp.username.isEmpty()) {
        const std::optional<QByteArray> password
            = readSecret(config, QStringLiteral("smtp-password"), error);
        if (!password) {
            if (error->isEmpty())
                *error = QStringLiteral("[notifier] smtp-username is set but the smtp-password "
                                        "secret is not configured");
            return false;
        }
        smtp.password = *password;
    }
    if (mobileTransport == QLatin1String("webhook")) {
        const std::optional<QByteArray> token
            = readSecret(config, QStringLiteral("webhook-token"), error);
        if (!token) {
            if (error->isEmpty())
                *error = QStringLiteral("the webhook transport needs the webhook-token secret");
            return false;
        }
        for (const char c : *token) {
            if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) {
                *error = QStringLiteral("the webhook-token secret must be one word of printable "
                                        "characters");
                return false;
            }
        }
        webhook.token = *token;
    }
    return true;
}

QHash<QString, std::shared_ptr<Transport>> NotifierSettings::transports() const
{
    QHash<QString, std::shared_ptr<Transport>> out;
    if (emailTransport == QLatin1String("smtp"))
        out.insert(QStringLiteral("smtp"), std::make_shared<SmtpTransport>(smtp));
    if (mobileTransport == QLatin1String("webhook"))
        out.insert(QStringLiteral("webhook"), std::make_shared<WebhookTransport>(webhook));
    return out;
}

} // namespace xueshi::server
