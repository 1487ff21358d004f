#include "serverconfig.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace xueshi::server {

ServerConfig::ServerConfig(const QString &path)
    : m_path(path)
    , m_settings(std::make_unique<QSettings>(path, QSettings::IniFormat))
{ }

std::shared_ptr<const ServerConfig> ServerConfig::open(
    const QString &path, const QList<QCommandLineOption> &options, QString *error)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable()) {
        *error = QStringLiteral("%1: no such readable file").arg(path);
        return nullptr;
    }
    std::shared_ptr<ServerConfig> config(new ServerConfig(info.absoluteFilePath()));
    if (config->m_settings->status() != QSettings::NoError) {
        *error = QStringLiteral("%1: not a valid INI file").arg(path);
        return nullptr;
    }
    QStringList known;
    for (const QCommandLineOption &option : options)
        known.append(option.names());
    for (const QString &key : config->keys(QStringLiteral("server"))) {
        if (!known.contains(key)) {
            *error = QStringLiteral("%1: [server] %2 is not an option of xueshi-server")
                         .arg(path, key);
            return nullptr;
        }
    }
    return config;
}

QString ServerConfig::value(const QString &group, const QString &key, const QString &fallback) const
{
    const QVariant v = m_settings->value(group + QLatin1Char('/') + key);
    if (!v.isValid())
        return fallback;
    if (v.typeId() == QMetaType::QStringList)
        return v.toStringList().join(QLatin1Char(','));
    return v.toString();
}

bool ServerConfig::contains(const QString &group, const QString &key) const
{
    return m_settings->contains(group + QLatin1Char('/') + key);
}

QStringList ServerConfig::keys(const QString &group) const
{
    m_settings->beginGroup(group);
    const QStringList result = m_settings->childKeys();
    m_settings->endGroup();
    return result;
}

QString ServerConfig::option(
    const QCommandLineParser &parser, const QCommandLineOption &option, const ServerConfig *config)
{
    if (parser.isSet(option))
        return parser.value(option);
    const QString name = option.names().constLast();
    if (config && config->contains(QStringLiteral("server"), name))
        return config->value(QStringLiteral("server"), name);
    return option.defaultValues().value(0);
}

bool ServerConfig::isSet(
    const QCommandLineParser &parser, const QCommandLineOption &option, const ServerConfig *config)
{
    return parser.isSet(option)
        || (config && config->contains(QStringLiteral("server"), option.names().constLast()));
}

std::optional<QByteArray> readSecret(
    const ServerConfig *config, const QString &name, QString *error)
{
    error->clear();
    QString path;
    const QString credentials = qEnvironmentVariable("CREDENTIALS_DIRECTORY");
    if (!credentials.isEmpty() && QFileInfo::exists(QDir(credentials).filePath(name)))
        path = QDir(credentials).filePath(name);
    else if (config && config->contains(QStringLiteral("secrets"), name + QLatin1String("-file")))
        path = config->value(QStringLiteral("secrets"), name + QLatin1String("-file"));
    if (path.isEmpty())
        return std::nullopt;
    QFile file(path);
    if (file.permissions() & QFileDevice::ReadOther) {
        *error = QStringLiteral("secret %1: %2 is readable by every user (chmod 0640 or 0600)")
                     .arg(name, path);
        return std::nullopt;
    }
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("secret %1: cannot read %2").arg(name, path);
        return std::nullopt;
    }
    QByteArray secret = file.read(64 * 1024);
    if (secret.endsWith('\n'))
        secret.chop(1);
    if (secret.endsWith('\r'))
        secret.chop(1);
    if (secret.isEmpty()) {
        *error = QStringLiteral("secret %1: %2 is empty").arg(name, path);
        return std::nullopt;
    }
    return secret;
}

} // namespace xueshi::server
