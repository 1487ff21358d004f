#include "courses/lessonviewer.h"

#include "clientcore.h"
#include "common/uicommon.h"
#include "contentcache.h"
#include "coursedownload.h"
#include "publiccourses.h"
#include "studysession.h"

#include <QDir>
#include <QEvent>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QPdfDocument>
#include <QPdfView>
#include <QProgressBar>
#include <QStackedWidget>
#include <QVBoxLayout>
#include <QWindowStateChangeEvent>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

LessonBrowser::LessonBrowser(ContentCache *cache, QWidget *parent)
    : QTextBrowser(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("lessonBrowser"));
    // Links inside the lesson scroll to their anchor; nothing opens elsewhere.
    setOpenLinks(false);
    setOpenExternalLinks(false);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.isRelative() && url.path().isEmpty() && url.hasFragment())
            scrollToAnchor(url.fragment());
    });
}

void LessonBrowser::setLesson(const QString &lessonPath, const QJsonArray &resources)
{
    m_lessonDir = QFileInfo(lessonPath).path();
    if (m_lessonDir == QLatin1String("."))
        m_lessonDir.clear();
    m_resources.clear();
    m_missing.clear();
    for (const QJsonValue &value : resources) {
        const QJsonObject resource = value.toObject();
        m_resources.insert(QDir::cleanPath(text(resource, "path")), text(resource, "sha256"));
    }
}

QVariant LessonBrowser::loadResource(int type, const QUrl &name)
{
    if (!name.isRelative() && name.scheme() != QLatin1String("file"))
        return {}; // never from the network
    const QString path = name.path();
    // The package path as written in the manifest: relative to the lesson's folder, or (for a
    // lesson at the top of the package) as it stands.
    const QStringList candidates {
        QDir::cleanPath(m_lessonDir.isEmpty() ? path : m_lessonDir + QLatin1Char('/') + path),
        QDir::cleanPath(path)
    };
    for (const QString &candidate : candidates) {
        const QString sha256 = m_resources.value(candidate);
        if (sha256.isEmpty() || !m_cache)
            continue;
        QFile file(m_cache->path(sha256));
        if (!file.fileName().isEmpty() && file.open(QIODevice::ReadOnly))
            return file.readAll();
    }
    if (type == QTextDocument::ImageResource && !m_missing.contains(path))
        m_missing.append(path);
    return {};
}

LessonViewer::LessonViewer(ClientCore *core, SyncEngine *engine, const QString &learnerId,
    const QJsonObject &course, const QString &lessonId, QWidget *parent)
    : QDialog(parent)
    , m_core(core)
    , m_course(course)
    , m_lesson(lessonOf(course, lessonId))
    , m_lessonId(lessonId)
    , m_session(new StudySession(
          engine, core->localStore(), core->clock(), learnerId, text(course, "id"), lessonId, this))
    , m_download(new CourseDownload(core->contentCache(), this))
    , m_pdf(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("lessonViewer"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowFlags(Qt::Window | Qt::WindowMinMaxButtonsHint | Qt::WindowCloseButtonHint);
    setWindowTitle(UiText::windowTitle(text(m_lesson, "title")));
    resize(960, 640); // fits a 1120x700 screen with its frame

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(text(m_lesson, "title"), this);
    m_titleLabel->setObjectName(QStringLiteral("lessonTitleLabel"));
    m_titleLabel->setWordWrap(true);
    ui::makeHeading(m_titleLabel, 4);
    layout->addWidget(m_titleLabel);

    auto *studyRow = new QHBoxLayout;
    m_studyLabel = new QLabel(this);
    m_studyLabel->setObjectName(QStringLiteral("studyTimeLabel"));
    m_studyProgress = new QProgressBar(this);
    m_studyProgress->setObjectName(QStringLiteral("studyProgressBar"));
    m_studyProgress->setMaximumWidth(240);
    m_completeLabel = ui::createMessageLabel(QStringLiteral("lessonCompleteLabel"), this);
    studyRow->addWidget(m_studyLabel);
    studyRow->addWidget(m_studyProgress);
    studyRow->addWidget(m_completeLabel, 1);
    layout->addLayout(studyRow);
    m_creditLabel = ui::createMessageLabel(QStringLiteral("studyCreditLabel"), this);
    layout->addWidget(m_creditLabel);

    m_stack = new QStackedWidget(this);
    m_loadingPage = new QWidget(m_stack);
    auto *loadingLayout = new QVBoxLayout(m_loadingPage);
    m_loadingLabel = new QLabel(m_loadingPage);
    m_loadingLabel->setObjectName(QStringLiteral("lessonLoadingLabel"));
    m_fetchProgress = new QProgressBar(m_loadingPage);
    m_fetchProgress->setObjectName(QStringLiteral("lessonFetchProgressBar"));
    loadingLayout->addStretch(1);
    loadingLayout->addWidget(m_loadingLabel, 0, Qt::AlignHCenter);
    loadingLayout->addWidget(m_fetchProgress);
    loadingLayout->addStretch(1);
    m_problemLabel = ui::createMessageLabel(QStringLiteral("lessonProblemLabel"), m_stack);
    m_problemLabel->setAlignment(Qt::AlignCenter);
    m_browser = new LessonBrowser(core->contentCache(), m_stack);
    m_pdfView = new QPdfView(m_stack);
    m_pdfView->setObjectName(QStringLiteral("lessonPdfView"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::FitToWidth);
    m_stack->addWidget(m_loadingPage);
    m_stack->addWidget(m_problemLabel);
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_pdfView);
    layout->addWidget(m_stack, 1);

    connect(m_session, &StudySession::changed, this, &LessonViewer::updateStudyTime);
    connect(m_session, &StudySession::completed, this, &LessonViewer::updateStudyTime);
    connect(m_session, &StudySession::flushFailed, this, [this](const QString &message) {
        ui::setMessage(m_completeLabel, message, ui::Severity::Error);
    });
    // The server credits only time it can prove passed: when it credited less, the learner sees
    // how much and why.
    connect(m_session, &StudySession::notCredited, this,
        [this](int claimed, int credited, const QString &message) {
            ui::setMessage(m_creditLabel,
                message.isEmpty() ? tr("The server credited %1 of %2 seconds of study.")
                                        .arg(credited)
                                        .arg(claimed)
                                  : message,
                ui::Severity::Warning);
        });
    connect(m_download, &CourseDownload::progress, this, [this](qint64 done, qint64 total) {
        m_fetchProgress->setMaximum(total > 0 ? 1000 : 0);
        m_fetchProgress->setValue(total > 0 ? int(done * 1000 / total) : 0);
    });
    connect(m_download, &CourseDownload::finished, this, [this](bool ok, const QString &message) {
        if (ok)
            showContent();
        else
            showProblem(
                ui::joinSentences(tr("This lesson is not on this computer yet and could not be "
                                     "downloaded (%1).")
                                      .arg(message),
                    tr("Connect to the network and open it again, or use \"Download for offline "
                       "study\" while you are online.")));
    });
    if (engine)
        connect(engine, &SyncEngine::entitiesChanged, this, &LessonViewer::updateStudyTime);

    updateStudyTime();
    load();
}

LessonViewer::~LessonViewer()
{
    // The StudySession child flushes what it counted when it is destroyed.
    m_session->setActive(false);
}

void LessonViewer::load()
{
    const QList<CourseFile> files = lessonFiles(m_lesson);
    if (m_lesson.isEmpty() || !m_core->contentCache()) {
        showProblem(tr("This lesson is no longer part of the course."));
        return;
    }
    if (CourseDownload::allCached(m_core->contentCache(), files)) {
        showContent();
        return;
    }
    m_loadingLabel->setText(tr("Downloading the lesson…"));
    m_stack->setCurrentWidget(m_loadingPage);
    m_download->start(files);
}

void LessonViewer::showContent()
{
    ContentCache *cache = m_core->contentCache();
    const QString path = cache->path(text(m_lesson, "sha256"));
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        showProblem(tr("The lesson's file could not be read from this computer."));
        return;
    }
    if (text(m_lesson, "kind") == QLatin1String("pdf")) {
        file.close();
        if (m_pdf->load(path) != QPdfDocument::Error::None) {
            showProblem(tr("The lesson's PDF file could not be opened."));
            return;
        }
        m_stack->setCurrentWidget(m_pdfView);
    } else {
        m_browser->setLesson(
            text(m_lesson, "path"), m_lesson.value(QLatin1String("resources")).toArray());
        m_browser->setHtml(QString::fromUtf8(file.readAll()));
        m_stack->setCurrentWidget(m_browser);
    }
    m_shown = true;
    updateActive();
}

void LessonViewer::showProblem(const QString &message)
{
    m_shown = false;
    ui::setMessage(m_problemLabel, message, ui::Severity::Warning);
    m_stack->setCurrentWidget(m_problemLabel);
    updateActive();
}

void LessonViewer::updateActive()
{
    // Study time counts only while the lesson is on screen.
    m_session->setActive(
        m_shown && !m_closing && isVisible() && !(windowState() & Qt::WindowMinimized));
    updateStudyTime();
}

void LessonViewer::updateStudyTime()
{
    const int studied = m_session->studiedSeconds();
    const int required = m_session->minSeconds();
    m_studyLabel->setText(
        tr("Studied %1 min / required %2 min").arg(studied / 60).arg((required + 59) / 60));
    m_studyProgress->setMaximum(std::max(1, required));
    m_studyProgress->setValue(std::min(studied, std::max(1, required)));
    if (m_session->isComplete())
        ui::setMessage(m_completeLabel,
            tr("Lesson complete: you have studied it for the required time."),
            ui::Severity::Success);
    else if (!m_shown)
        m_completeLabel->clear();
    else
        ui::setMessage(m_completeLabel,
            tr("Your study time is recorded while this lesson is open."), ui::Severity::Hint);
}

void LessonViewer::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    updateActive();
}

void LessonViewer::hideEvent(QHideEvent *event)
{
    QDialog::hideEvent(event);
    updateActive();
}

void LessonViewer::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::WindowStateChange)
        updateActive();
}

void LessonViewer::done(int result)
{
    m_closing = true;
    updateActive(); // queues the time counted so far
    emit studied();
    QDialog::done(result);
}

} // namespace xueshi
