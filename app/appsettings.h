#pragma once

#include "translations.h"

#include <QString>

#include <memory>

class QSettings;

namespace xueshi {

// The client's persistent preferences in QSettings: the server address, the UI language and the
// last username. Data files (caches, the local store) live under dataDirectory().
class AppSettings final
{
public:
    // The application's default QSettings (organisation and application names must be set).
    AppSettings();
    // An INI file, for tests and portable installs.
    explicit AppSettings(const QString &iniFile);
    ~AppSettings();
    AppSettings(const AppSettings &) = delete;
    AppSettings &operator=(const AppSettings &) = delete;

    static QString defaultServerAddress(); // "https://localhost:8443"

    QString serverAddress() const;
    void setServerAddress(const QString &address);
    Language language() const; // Chinese unless English was chosen
    void setLanguage(Language language);
    QString lastUsername() const;
    void setLastUsername(const QString &username);

    // The most space the HR office's attachment cache may use, in MB (default 500; 50..100000).
    static constexpr int DefaultAttachmentCapMegabytes = 500;
    static constexpr int MinAttachmentCapMegabytes = 50;
    static constexpr int MaxAttachmentCapMegabytes = 100000;
    int attachmentCapMegabytes() const;
    void setAttachmentCapMegabytes(int megabytes);

    // QStandardPaths::AppDataLocation, created on first use.
    static QString dataDirectory();

    // The underlying store, shared with ServerTrust for the certificate pins.
    QSettings *settings() const { return m_settings.get(); }
    void sync();

private:
    std::unique_ptr<QSettings> m_settings;
};

} // namespace xueshi
