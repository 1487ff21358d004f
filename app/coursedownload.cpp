#include "coursedownload.h"

#include "contentcache.h"

#include <QSet>
#include <QTimer>

namespace xueshi {

CourseDownload::CourseDownload(ContentCache *cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    connect(cache, &ContentCache::progress, this, &CourseDownload::onProgress);
    connect(cache, &ContentCache::finished, this, &CourseDownload::onFinished);
}

CourseDownload::~CourseDownload()
{
    // A download nobody waits for any more stops; what arrived resumes next time.
    if (m_running && m_cache && !m_current.isEmpty())
        m_cache->cancel(m_current);
}

bool CourseDownload::allCached(const ContentCache *cache, const QList<CourseFile> &files)
{
    return cache && std::all_of(files.cbegin(), files.cend(), [cache](const CourseFile &file) {
        return cache->contains(file.sha256);
    });
}

void CourseDownload::start(const QList<CourseFile> &files)
{
    if (m_running)
        return;
    m_queue.clear();
    m_current.clear();
    m_currentReceived = 0;
    m_doneBytes = 0;
    m_total = 0;
    m_fetched = 0;
    m_cancelled = false;
    m_running = true;
    QSet<QString> seen;
    for (const CourseFile &file : files) {
        if (seen.contains(file.sha256))
            continue;
        seen.insert(file.sha256);
        m_total += file.size;
        if (m_cache && m_cache->contains(file.sha256))
            m_doneBytes += file.size;
        else
            m_queue.append(file);
    }
    emit progress(m_doneBytes, m_total);
    // finished() always on the event loop, so the caller has connected by then; a run cancelled
    // and started again before that must not be continued twice.
    const quint64 run = ++m_run;
    QTimer::singleShot(0, this, [this, run] {
        if (run == m_run)
            next();
    });
}

void CourseDownload::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_cache && !m_current.isEmpty())
        m_cache->cancel(m_current);
    else
        finish(false, {});
}

qint64 CourseDownload::bytesDone() const
{
    return m_doneBytes + m_currentReceived;
}

void CourseDownload::next()
{
    if (!m_running)
        return;
    if (m_cancelled) {
        finish(false, {});
        return;
    }
    if (!m_cache) {
        finish(false, tr("The content cache is not available."));
        return;
    }
    if (m_queue.isEmpty()) {
        finish(true, {});
        return;
    }
    const CourseFile file = m_queue.takeFirst();
    m_current = file.sha256;
    m_currentSize = file.size;
    m_currentReceived = 0;
    m_cache->fetch(file.sha256);
}

void CourseDownload::onProgress(const QString &sha256, qint64 received, qint64)
{
    if (!m_running || sha256 != m_current)
        return;
    m_currentReceived = std::min(received, m_currentSize);
    emit progress(bytesDone(), m_total);
}

void CourseDownload::onFinished(const QString &sha256, bool ok, const QString &message)
{
    if (!m_running || sha256 != m_current)
        return;
    m_current.clear();
    m_currentReceived = 0;
    if (m_cancelled) {
        finish(false, {});
        return;
    }
    if (!ok) {
        finish(false, message);
        return;
    }
    // The size the course announced (a resumed download counts only the bytes it received).
    ++m_fetched;
    m_doneBytes += m_currentSize;
    emit progress(bytesDone(), m_total);
    next();
}

void CourseDownload::finish(bool ok, const QString &message)
{
    m_running = false;
    m_queue.clear();
    emit finished(ok, message);
}

} // namespace xueshi
