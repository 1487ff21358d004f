#include "appsettings.h"

#include <QDir>
#include <QSettings>
#include <QStandardPaths>

#include <algorithm>

namespace xueshi {

namespace {
const QString ServerAddressKey = QStringLiteral("connection/serverAddress");
const QString LanguageKey = QStringLiteral("ui/language");
const QString LastUsernameKey = QStringLiteral("login/lastUsername");
const QString AttachmentCapKey = QStringLiteral("cache/attachmentCapMegabytes");
} // namespace

AppSettings::AppSettings()
    : m_settings(std::make_unique<QSettings>())
{ }

AppSettings::AppSettings(const QString &iniFile)
    : m_settings(std::make_unique<QSettings>(iniFile, QSettings::IniFormat))
{ }

AppSettings::~AppSettings() = default;

QString AppSettings::defaultServerAddress()
{
    return QStringLiteral("https://localhost:8443");
}

QString AppSettings::serverAddress() const
{
    const QString address = m_settings->value(ServerAddressKey).toString().trimmed();
    return address.isEmpty() ? defaultServerAddress() : address;
}

void AppSettings::setServerAddress(const QString &address)
{
    m_settings->setValue(ServerAddressKey, address.trimmed());
}

Language AppSettings::language() const
{
    return m_settings->value(LanguageKey).toString() == languageCode(Language::English)
        ? Language::English
        : Language::Chinese;
}

void AppSettings::setLanguage(Language language)
{
    m_settings->setValue(LanguageKey, languageCode(language));
}

QString AppSettings::lastUsername() const
{
    return m_settings->value(LastUsernameKey).toString();
}

void AppSettings::setLastUsername(const QString &username)
{
    m_settings->setValue(LastUsernameKey, username);
}

int AppSettings::attachmentCapMegabytes() const
{
    bool ok = false;
    const int value = m_settings->value(AttachmentCapKey).toInt(&ok);
    return ok ? std::clamp(value, MinAttachmentCapMegabytes, MaxAttachmentCapMegabytes)
              : DefaultAttachmentCapMegabytes;
}

void AppSettings::setAttachmentCapMegabytes(int megabytes)
{
    m_settings->setValue(AttachmentCapKey,
        std::clamp(megabytes, MinAttachmentCapMegabytes, MaxAttachmentCapMegabytes));
}

QString AppSettings::dataDirectory()
{
    const QString path = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(path);
    return path;
}

void AppSettings::sync()
{
    m_settings->sync();
}

} // namespace xueshi
