#pragma once

#include <QPushButton>
#include <QTimer>

namespace xueshi {

// The "send code" button of the recovery dialogs: after a code is sent it stays disabled for a
// while and counts the seconds down ("Resend (59 s)"), as the server accepts one code a minute.
class CountdownButton final : public QPushButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CountdownButton)

public:
    explicit CountdownButton(QWidget *parent = nullptr);

    void startCountdown(int seconds);
    void stopCountdown();
    int secondsLeft() const { return m_secondsLeft; }
    bool isCountingDown() const { return m_secondsLeft > 0; }
    // Whether a code was sent before (the idle text becomes "Resend code").
    void setSentOnce(bool sent);
    // Other reasons to disable the button (e.g. invalid input), combined with the countdown.
    void setReady(bool ready);

protected:
    void changeEvent(QEvent *event) override;

private:
    void tick();
    void refresh();

    QTimer m_timer;
    int m_secondsLeft = 0;
    bool m_sentOnce = false;
    bool m_ready = true;
};

} // namespace xueshi
