#include "sinkprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QRegularExpression>

namespace xueshi::test {

SinkProcess::SinkProcess(const QString &script, const QString &directory)
    : m_script(script)
    , m_directory(directory)
{ }

SinkProcess::~SinkProcess()
{
    stop();
}

bool SinkProcess::start(const QStringList &arguments)
{
    stop();
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(QStringLiteral("/usr/bin/python3"),
        QStringList { m_script, QStringLiteral("--dir"), m_directory } + arguments);
    if (!m_process.waitForStarted(10000))
        return false;
    QByteArray line;
    while (!line.contains('\n')) {
        if (!m_process.waitForReadyRead(15000))
            return false;
        line += m_process.readAllStandardOutput();
    }
    const QList<QByteArray> words = line.trimmed().split(' ');
    if (words.size() != 2 || words.first() != "ready")
        return false;
    m_port = quint16(words.at(1).toUInt());
    return true;
}

void SinkProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

QList<QJsonObject> SinkProcess::messages() const
{
    QList<QJsonObject> out;
    const QDir dir(m_directory);
    for (const QString &name :
        dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name)) {
        QFile f(dir.filePath(name));
        if (f.open(QIODevice::ReadOnly))
            out.append(QJsonDocument::fromJson(f.readAll()).object());
    }
    return out;
}

bool haveAiosmtpd()
{
    QProcess check;
    check.start(QStringLiteral("/usr/bin/python3"),
        { QStringLiteral("-c"), QStringLiteral("import aiosmtpd") });
    return check.waitForFinished(30000) && check.exitStatus() == QProcess::NormalExit
        && check.exitCode() == 0;
}

bool makeLoopbackCertificate(const QString &certificatePath, const QString &keyPath)
{
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    openssl.start(QStringLiteral("openssl"),
        { QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
            QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), keyPath, QStringLiteral("-out"), certificatePath,
            QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
            QStringLiteral("subjectAltName=IP:127.0.0.1,DNS:localhost"), QStringLiteral("-days"),
            QStringLiteral("2") });
    return openssl.waitForFinished(30000) && openssl.exitStatus() == QProcess::NormalExit
        && openssl.exitCode() == 0;
}

QString sixDigits(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("\\b(\\d{6})\\b"));
    return re.match(text).captured(1);
}

} // namespace xueshi::test
