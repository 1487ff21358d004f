#pragma once

#include <QJsonObject>
#include <QList>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace xueshi::test {

// One of the Python sinks of tests/mail (smtpsink.py, webhooksink.py), run with
// /usr/bin/python3 (Debian's, which has aiosmtpd): each writes what it received to `directory`
// as NNNN.json and prints "ready PORT" once it listens.
class SinkProcess final
{
public:
    SinkProcess(const QString &script, const QString &directory);
    ~SinkProcess();
    SinkProcess(const SinkProcess &) = delete;
    SinkProcess &operator=(const SinkProcess &) = delete;

    // Starts it with `arguments` after --dir; true once it said it is ready.
    bool start(const QStringList &arguments);
    void stop();
    quint16 port() const { return m_port; }
    // What it received, in order.
    QList<QJsonObject> messages() const;

private:
    QString m_script;
    QString m_directory;
    QProcess m_process;
    quint16 m_port = 0;
};

// Whether /usr/bin/python3 can import aiosmtpd (the SMTP sink needs it).
bool haveAiosmtpd();
// A self-signed EC certificate for 127.0.0.1 and localhost, valid two days, made with openssl:
// the sinks serve it and the server trusts it as a private CA.
bool makeLoopbackCertificate(const QString &certificatePath, const QString &keyPath);
// The first run of six digits in `text` (a code in a message), or empty.
QString sixDigits(const QString &text);

} // namespace xueshi::test
