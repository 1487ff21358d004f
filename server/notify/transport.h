#pragma once

#include "services/notifier.h"

#include <QString>

#include <atomic>

namespace xueshi::server {

// What one delivery attempt came to.
struct DeliveryResult
{
    enum class Outcome {
        Sent,
        Retry, // a failure that may pass (connection refused, timeout, 4xx of SMTP, 5xx of HTTP)
        Permanent, // a failure trying again would repeat (recipient refused, 4xx of HTTP)
    };
    Outcome outcome = Outcome::Sent;
    // For the log and the outbox: never the message's text or its destination (see redacted()).
    QString error;
};

// Delivers one message to the service that takes it on (a mail server, an SMS gateway). Runs on
// the sender's thread, blocking for at most its timeout; `abort` set from another thread ends
// the attempt early (at shutdown).
class Transport
{
public:
    virtual ~Transport() = default;
    virtual QString name() const = 0;
    // Seconds one attempt may take at most, connecting included.
    virtual int timeoutSeconds() const = 0;
    virtual DeliveryResult deliver(const Notification &message, const std::atomic<bool> &abort) = 0;
};

// `text` fit for a log line or the outbox's last_error: the destination is cut out, and so is
// every run of 6 or more digits (a code, a phone number) that a server's reply might echo;
// at most 300 characters.
QString redacted(QString text, const Notification &message);

} // namespace xueshi::server
