#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <exception>

namespace xueshi::server {

// A refusal a service raises for the client to see: HTTP status, machine-readable code, and a
// message given as an English source text (context "Server" or "Validation") that the router
// translates into the request's language, with %1.. arguments filled in after translation.
class ApiError : public std::exception
{
public:
    ApiError(int status, const char *code, const char *context, const char *sourceMessage)
        : m_status(status)
        , m_code(QString::fromLatin1(code))
        , m_context(context)
        , m_message(sourceMessage)
    { }

    const char *what() const noexcept override { return m_message; }

    ApiError &field(const QString &name)
    {
        m_field = name;
        return *this;
    }
    ApiError &detail(const QString &detailCode)
    {
        m_detail = detailCode;
        return *this;
    }
    ApiError &arg(const QString &value)
    {
        m_args.append(value);
        return *this;
    }
    ApiError &extra(const QString &key, const QJsonValue &value)
    {
        m_extra.insert(key, value);
        return *this;
    }
    ApiError &header(const QByteArray &name, const QByteArray &value)
    {
        m_headerName = name;
        m_headerValue = value;
        return *this;
    }

    int status() const { return m_status; }
    QString code() const { return m_code; }
    const char *context() const { return m_context; }
    const char *sourceMessage() const { return m_message; }
    QString fieldName() const { return m_field; }
    QString detailCode() const { return m_detail; }
    QStringList args() const { return m_args; }
    QJsonObject extraFields() const { return m_extra; }
    QByteArray headerName() const { return m_headerName; }
    QByteArray headerValue() const { return m_headerValue; }

private:
    int m_status;
    QString m_code;
    const char *m_context;
    const char *m_message;
    QString m_field;
    QString m_detail;
    QStringList m_args;
    QJsonObject m_extra;
    QByteArray m_headerName;
    QByteArray m_headerValue;
};

} // namespace xueshi::server
