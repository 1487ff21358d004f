#pragma once

#include "publiccourses.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace xueshi {

class ContentCache;

// Fetches a set of course files into the ContentCache one after the other ("下载离线学习", and
// a lesson's file with its images before it opens), skipping those already cached, and reports
// the progress in bytes of the whole set. A failed or cancelled file stops the download; what
// arrived stays cached (a partial file resumes), so starting again continues.
class CourseDownload final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CourseDownload)

public:
    // `cache` must outlive this object.
    explicit CourseDownload(ContentCache *cache, QObject *parent = nullptr);
    ~CourseDownload() override;

    // Starts (or restarts) fetching `files`; finished() follows in every case.
    void start(const QList<CourseFile> &files);
    void cancel();
    bool isRunning() const { return m_running; }
    bool wasCancelled() const { return m_cancelled; }

    // The set's bytes: cached (before or now) and in total.
    qint64 bytesDone() const;
    qint64 bytesTotal() const { return m_total; }
    // Files downloaded by this run (cached ones are not fetched again).
    int filesFetched() const { return m_fetched; }
    // Whether every file of the set is in the cache.
    static bool allCached(const ContentCache *cache, const QList<CourseFile> &files);

signals:
    void progress(qint64 bytesDone, qint64 bytesTotal);
    // ok false: `message` says why (empty when cancelled).
    void finished(bool ok, const QString &message);

private:
    void next();
    void onProgress(const QString &sha256, qint64 received, qint64 total);
    void onFinished(const QString &sha256, bool ok, const QString &message);
    void finish(bool ok, const QString &message);

    QPointer<ContentCache> m_cache;
    QList<CourseFile> m_queue; // still to fetch
    QString m_current;
    qint64 m_currentSize = 0;
    qint64 m_currentReceived = 0;
    qint64 m_doneBytes = 0; // files complete
    qint64 m_total = 0;
    int m_fetched = 0;
    quint64 m_run = 0; // which start() the scheduled first step belongs to
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace xueshi
