#pragma once

#include <QByteArray>
#include <QCommandLineOption>
#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

class QCommandLineParser;

namespace xueshi::server {

// The server's configuration file (`--config FILE`, INI). Group [server] holds the long option
// names as keys; a key given on the command line wins over the file. Other groups belong to the
// parts that read them ([notifier], [metrics], ...). Secrets never go in this file: see
// readSecret(). Read at start, on the main thread; afterwards only read.
class ServerConfig
{
public:
    // Opens and checks `path`: it must exist and parse, and every key of [server] must be one
    // of `options` (a misspelt key is an error, not a silent default).
    static std::shared_ptr<const ServerConfig> open(
        const QString &path, const QList<QCommandLineOption> &options, QString *error);

    QString path() const { return m_path; }
    // The value of `key` in `group`, or `fallback`. A value with commas, which QSettings reads as
    // a list, is joined back into the text that was written.
    QString value(const QString &group, const QString &key, const QString &fallback = {}) const;
    bool contains(const QString &group, const QString &key) const;
    QStringList keys(const QString &group) const;

    // The option's command-line value when set, else [server]/<option name> from `config`
    // (which may be null), else the option's default.
    static QString option(const QCommandLineParser &parser, const QCommandLineOption &option,
        const ServerConfig *config);
    static bool isSet(const QCommandLineParser &parser, const QCommandLineOption &option,
        const ServerConfig *config);

private:
    explicit ServerConfig(const QString &path);
    QString m_path;
    std::unique_ptr<QSettings> m_settings;
};

// Reads the secret `name` (db-password, smtp-password, webhook-token): from
// $CREDENTIALS_DIRECTORY/<name> when the server runs under systemd with LoadCredential=, else
// from the file that [secrets]/<name>-file of the configuration names. One trailing newline is
// dropped. Returns nullopt with `error` empty when the secret is not configured at all, and
// nullopt with `error` set when it is configured but unreadable, empty, or readable by others
// than its owner and group (mode o+r), which would leak it.
std::optional<QByteArray> readSecret(
    const ServerConfig *config, const QString &name, QString *error);

} // namespace xueshi::server
