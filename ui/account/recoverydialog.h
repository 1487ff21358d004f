#pragma once

#include "apiclient.h"
#include "common/uicommon.h"
#include "session.h"

#include <QDialog>

class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace xueshi {

class ClientCore;
class CountdownButton;

// What the two recovery dialogs (R2) share: the delivery channel, "send code" with its
// countdown, where the code went, the code entry, and how the server's refusals are shown
// (wrong code with the tries left, expired code, too many requests with the seconds to wait).
class RecoveryDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryDialog)

public:
    // The seconds the server makes one wait between two codes.
    static constexpr int ResendSeconds = 60;

    QString requestId() const { return m_ticket.requestId; }
    CountdownButton *sendCodeButton() const { return m_sendCodeButton; }

protected:
    RecoveryDialog(ClientCore *core, QWidget *parent);

    // Builds the shared rows into `form` (channel, send code, destination, code).
    void addCodeRows(QFormLayout *form);
    // The bottom of the dialog: status line, busy indicator, close button.
    void addFooter(QVBoxLayout *layout);
    QString channel() const; // "mobile" or "email"
    // Handles the answer to a code request: shows where the code went and starts the countdown.
    void handleTicket(const ApiResult &result, const std::function<void()> &retry);
    // Shows a refusal; returns true if the code is no longer usable (expired, used up).
    bool showError(const ApiError &error, const std::function<void()> &retry);
    void setBusy(bool busy);
    bool isBusy() const { return m_busy; }
    void setStatus(const QString &text, ui::Severity severity);
    void retranslateCodeRows();
    virtual void updateButtons() = 0;

    ClientCore *m_core;
    RecoveryTicket m_ticket;
    QLabel *m_channelLabel;
    QRadioButton *m_mobileRadioButton;
    QRadioButton *m_emailRadioButton;
    CountdownButton *m_sendCodeButton;
    QLabel *m_destinationLabel;
    QLabel *m_codeLabel;
    QLineEdit *m_codeLineEdit;
    QLabel *m_statusLabel;
    QProgressBar *m_busyIndicator;
    QPushButton *m_closeButton;

private:
    bool m_busy = false;
};

} // namespace xueshi
