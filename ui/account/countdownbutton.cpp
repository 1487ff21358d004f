#include "account/countdownbutton.h"

#include <QEvent>

namespace xueshi {

CountdownButton::CountdownButton(QWidget *parent)
    : QPushButton(parent)
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CountdownButton::tick);
    refresh();
}

void CountdownButton::startCountdown(int seconds)
{
    m_secondsLeft = std::max(0, seconds);
    if (m_secondsLeft > 0)
        m_timer.start();
    refresh();
}

void CountdownButton::stopCountdown()
{
    m_secondsLeft = 0;
    m_timer.stop();
    refresh();
}

void CountdownButton::setSentOnce(bool sent)
{
    m_sentOnce = sent;
    refresh();
}

void CountdownButton::setReady(bool ready)
{
    m_ready = ready;
    refresh();
}

void CountdownButton::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QPushButton::changeEvent(event);
}

void CountdownButton::tick()
{
    if (--m_secondsLeft <= 0) {
        m_secondsLeft = 0;
        m_timer.stop();
    }
    refresh();
}

void CountdownButton::refresh()
{
    if (m_secondsLeft > 0)
        setText(tr("Resend (%1 s)").arg(m_secondsLeft));
    else
        setText(m_sentOnce ? tr("Resend code") : tr("Send code"));
    setEnabled(m_ready && m_secondsLeft == 0);
}

} // namespace xueshi
