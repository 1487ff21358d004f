#include "sync/syncstatuswidget.h"

#include "clientcore.h"
#include "common/uicommon.h"
#include "syncengine.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>

namespace xueshi {

namespace {

QPixmap dot(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawEllipse(QRectF(1, 1, 10, 10));
    return pixmap;
}

} // namespace

SyncStatusWidget::SyncStatusWidget(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_stateIconLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_pendingLabel(new QLabel(this))
    , m_lastSyncLabel(new QLabel(this))
    , m_progressBar(new QProgressBar(this))
    , m_problemsButton(new QPushButton(this))
    , m_syncNowButton(new QPushButton(this))
{
    setObjectName(QStringLiteral("syncStatusWidget"));
    m_stateIconLabel->setObjectName(QStringLiteral("syncStateIconLabel"));
    m_stateLabel->setObjectName(QStringLiteral("syncStateLabel"));
    m_pendingLabel->setObjectName(QStringLiteral("pendingLabel"));
    m_lastSyncLabel->setObjectName(QStringLiteral("lastSyncLabel"));
    m_progressBar->setObjectName(QStringLiteral("syncProgressBar"));
    m_progressBar->setFixedWidth(140);
    m_progressBar->setMaximumHeight(14);
    m_progressBar->setTextVisible(false);
    m_progressBar->hide();
    m_problemsButton->setObjectName(QStringLiteral("syncProblemsButton"));
    m_problemsButton->setFlat(true);
    m_problemsButton->setIcon(style()->standardIcon(QStyle::SP_MessageBoxWarning));
    m_problemsButton->setStyleSheet(QStringLiteral("color: #b3261e; padding: 0 6px;"));
    m_problemsButton->setCursor(Qt::PointingHandCursor);
    m_problemsButton->hide();
    m_syncNowButton->setObjectName(QStringLiteral("syncNowButton"));
    m_syncNowButton->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));
    m_syncNowButton->setAutoDefault(false);
    m_syncNowButton->setStyleSheet(QStringLiteral("padding: 1px 8px;"));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(8);
    layout->addWidget(m_progressBar);
    layout->addWidget(m_stateIconLabel);
    layout->addWidget(m_stateLabel);
    const auto separator = [this] {
        auto *line = new QLabel(QStringLiteral("|"), this);
        line->setStyleSheet(QStringLiteral("color: #9aa5b1;"));
        return line;
    };
    layout->addWidget(separator());
    layout->addWidget(m_pendingLabel);
    layout->addWidget(separator());
    layout->addWidget(m_lastSyncLabel);
    layout->addWidget(m_problemsButton);
    layout->addWidget(m_syncNowButton);

    connect(m_syncNowButton, &QPushButton::clicked, this, &SyncStatusWidget::syncNowRequested);
    connect(m_problemsButton, &QPushButton::clicked, this, &SyncStatusWidget::problemsRequested);
    connect(core->session(), &Session::offlineModeChanged, this, &SyncStatusWidget::refresh);
    setEngine(core->syncEngine());
}

void SyncStatusWidget::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    m_initialSync = false;
    m_progressBar->hide();
    if (engine) {
        connect(engine, &SyncEngine::stateChanged, this, [this](SyncEngine::State state) {
            if (state == SyncEngine::State::Syncing)
                m_initialSync = !m_engine->lastSync().isValid();
            else
                m_progressBar->hide();
            refresh();
        });
        connect(engine, &SyncEngine::progress, this, &SyncStatusWidget::onProgress);
        connect(engine, &SyncEngine::cacheReset, this, [this] { m_initialSync = true; });
        connect(engine, &SyncEngine::pendingCountChanged, this, &SyncStatusWidget::refresh);
        connect(engine, &SyncEngine::lastSyncChanged, this, &SyncStatusWidget::refresh);
        connect(engine, &SyncEngine::problemsChanged, this, &SyncStatusWidget::refresh);
        connect(engine, &SyncEngine::syncFinished, this, &SyncStatusWidget::refresh);
        if (engine->isSyncing())
            m_initialSync = !engine->lastSync().isValid();
    }
    setVisible(engine != nullptr);
    refresh();
}

void SyncStatusWidget::onProgress(int done, int total)
{
    if (!m_engine || !m_engine->isSyncing())
        return;
    if (!m_initialSync && total < LargeSync) {
        m_progressBar->hide();
        return;
    }
    m_progressBar->setRange(0, std::max(total, 1));
    m_progressBar->setValue(std::min(done, std::max(total, 1)));
    m_progressBar->setToolTip(tr("%1 of %2 changes received").arg(done).arg(total));
    m_progressBar->show();
}

void SyncStatusWidget::refresh()
{
    m_syncNowButton->setText(tr("Sync now"));
    m_syncNowButton->setToolTip(tr("Send your changes and get the server's (F5)"));
    if (!m_engine)
        return;
    const QDateTime last = m_engine->lastSync();
    const int pending = m_engine->pendingCount();
    const int problems = int(m_engine->problems().size());

    QString state;
    QColor color;
    QString tip = m_engine->lastMessage();
    switch (m_engine->state()) {
    case SyncEngine::State::Syncing:
        state = tr("Syncing…");
        color = QColor(0x1d, 0x5f, 0xb8);
        break;
    case SyncEngine::State::Offline:
        state = tr("Offline");
        color = QColor(0x8a, 0x94, 0xa3);
        tip = ui::joinSentences(tip,
            tr("It tries again by itself when the network returns; \"Sync now\" tries at once."));
        break;
    case SyncEngine::State::Error:
        state = tr("Sync failed");
        color = QColor(0xb3, 0x26, 0x1e);
        break;
    case SyncEngine::State::Idle:
        if (m_core->session()->isOffline()) {
            state = tr("Offline");
            color = QColor(0x8a, 0x94, 0xa3);
        } else if (last.isValid()) {
            state = tr("Synced");
            color = QColor(0x1b, 0x7f, 0x3b);
        } else {
            state = tr("Waiting to sync");
            color = QColor(0x8a, 0x94, 0xa3);
        }
        break;
    }
    m_stateIconLabel->setPixmap(dot(color));
    m_stateLabel->setText(state);
    m_stateLabel->setToolTip(tip);
    m_stateIconLabel->setToolTip(tip);
    m_pendingLabel->setText(tr("%n change(s) waiting to be sent", nullptr, pending));
    m_pendingLabel->setStyleSheet(
        pending > 0 ? QStringLiteral("color: #9a5b00;") : QStringLiteral("color: #5f6b7a;"));
    m_lastSyncLabel->setText(last.isValid()
            ? tr("Last sync: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
            : tr("Not synced yet"));
    m_problemsButton->setText(tr("%n sync problem(s)", nullptr, problems));
    m_problemsButton->setVisible(problems > 0);
    m_syncNowButton->setEnabled(m_engine->state() != SyncEngine::State::Syncing);
}

void SyncStatusWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

} // namespace xueshi
