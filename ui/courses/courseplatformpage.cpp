#include "courses/courseplatformpage.h"

#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "contentcache.h"
#include "coursedownload.h"
#include "coursepolicy.h"
#include "courses/examdialog.h"
#include "courses/lessonviewer.h"
#include "policies.h"
#include "publiccourses.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QMap>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableWidget>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QList<int> yearsOf(const QJsonObject &course)
{
    QList<int> years;
    for (const QJsonValue &year : course.value(QLatin1String("years")).toArray())
        years.append(year.toInt());
    return years;
}

QPushButton *cellButton(QTableWidget *table, int row, int column, const QString &objectName)
{
    auto *button = new QPushButton(table);
    button->setObjectName(objectName);
    table->setCellWidget(row, column, button);
    return button;
}

void setCell(QTableWidget *table, int row, int column, const QString &value,
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(value);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled);
    table->setItem(row, column, item);
}

QTableWidget *createTable(const char *objectName, int columns, QWidget *parent)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(QLatin1String(objectName));
    table->setColumnCount(columns);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    return table;
}

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1);
}

} // namespace

DeclarationYearDialog::DeclarationYearDialog(
    const QString &courseTitle, const QList<int> &years, int current, QWidget *parent)
    : QDialog(parent)
    , m_courseTitle(courseTitle)
{
    setObjectName(QStringLiteral("declarationYearDialog"));
    setWindowTitle(UiText::windowTitle(tr("Change the declaration year")));
    auto *layout = new QVBoxLayout(this);
    auto *hint = new QLabel(tr("Choose the year whose hours this course counts toward, for example "
                               "the year of your title application."),
        this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    auto *form = new QFormLayout;
    m_years = new QComboBox(this);
    m_years->setObjectName(QStringLiteral("declarationYearComboBox"));
    for (int year : years)
        m_years->addItem(QString::number(year), year);
    m_years->setCurrentIndex(std::max(0, m_years->findData(current)));
    form->addRow(tr("Declaration year:"), m_years);
    layout->addLayout(form);
    auto *buttons = new QDialogButtonBox(this);
    QPushButton *confirm = buttons->addButton(tr("Confirm"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("confirmYearButton"));
    ui::makePrimary(confirm);
    QPushButton *cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelYearButton"));
    layout->addWidget(buttons);
    connect(confirm, &QPushButton::clicked, this, &DeclarationYearDialog::askConfirmation);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

int DeclarationYearDialog::year() const
{
    return m_years->currentData().toInt();
}

void DeclarationYearDialog::askConfirmation()
{
    auto *box = new QMessageBox(QMessageBox::Question,
        UiText::windowTitle(tr("Change the declaration year")),
        tr("Count the hours of \"%1\" toward %2?").arg(m_courseTitle).arg(year()),
        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmYearMessageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->button(QMessageBox::Yes)->setText(tr("Confirm"));
    box->button(QMessageBox::Yes)->setObjectName(QStringLiteral("confirmYearYesButton"));
    box->button(QMessageBox::No)->setText(tr("Back"));
    connect(box, &QMessageBox::finished, this, [this, box] {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            accept();
    });
    box->open();
}

CoursePlatformPage::CoursePlatformPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
{
    setObjectName(QStringLiteral("coursePlatformPage"));
    if (core->contentCache()) {
        m_download = new CourseDownload(core->contentCache(), this);
        connect(m_download, &CourseDownload::progress, this, [this](qint64 done, qint64 total) {
            m_downloadProgress->setMaximum(100);
            m_downloadProgress->setValue(total > 0 ? int(done * 100 / total) : 100);
        });
        connect(
            m_download, &CourseDownload::finished, this, [this](bool ok, const QString &message) {
                if (ok)
                    m_downloadMessage.clear();
                else if (m_download->wasCancelled())
                    m_downloadMessage = tr("Download cancelled; what arrived is kept and the "
                                           "next download continues from there.");
                else
                    m_downloadMessage = tr("The download stopped: %1").arg(message);
                updateDownloadState();
                fillCatalogue();
            });
    }

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("coursePlatformTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    m_lockBanner = new QFrame(this);
    m_lockBanner->setObjectName(QStringLiteral("courseLockFrame"));
    m_lockBanner->setStyleSheet(QStringLiteral("#courseLockFrame { background: #fff4e5; border: "
                                               "1px solid #f0b35b; border-radius: 4px; }"));
    auto *bannerLayout = new QHBoxLayout(m_lockBanner);
    m_lockLabel = new QLabel(m_lockBanner);
    m_lockLabel->setObjectName(QStringLiteral("courseLockLabel"));
    m_lockLabel->setWordWrap(true);
    bannerLayout->addWidget(m_lockLabel);
    layout->addWidget(m_lockBanner);

    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack, 1);

    // The offer, per year.
    m_offersPage = new QWidget(m_stack);
    auto *offersLayout = new QVBoxLayout(m_offersPage);
    m_offersHintLabel = ui::createMessageLabel(QStringLiteral("offersHintLabel"), m_offersPage);
    m_offers = createTable("courseOfferTableWidget", 3, m_offersPage);
    m_offers->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_offersEmptyLabel = ui::createMessageLabel(QStringLiteral("offersEmptyLabel"), m_offersPage);
    offersLayout->addWidget(m_offersHintLabel);
    offersLayout->addWidget(m_offers, 1);
    offersLayout->addWidget(m_offersEmptyLabel);
    m_stack->addWidget(m_offersPage);

    // The courses of one year.
    m_coursesPage = new QWidget(m_stack);
    auto *coursesLayout = new QVBoxLayout(m_coursesPage);
    auto *coursesTop = new QHBoxLayout;
    m_backToOffers = new QPushButton(m_coursesPage);
    m_backToOffers->setObjectName(QStringLiteral("backToOffersButton"));
    ui::makeLink(m_backToOffers);
    m_coursesTitleLabel = new QLabel(m_coursesPage);
    m_coursesTitleLabel->setObjectName(QStringLiteral("coursesTitleLabel"));
    ui::makeHeading(m_coursesTitleLabel, 2);
    coursesTop->addWidget(m_backToOffers);
    coursesTop->addWidget(m_coursesTitleLabel, 1);
    m_courses = createTable("courseListTableWidget", 6, m_coursesPage);
    m_courses->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    coursesLayout->addLayout(coursesTop);
    coursesLayout->addWidget(m_courses, 1);
    m_stack->addWidget(m_coursesPage);

    // The introduction page.
    m_introPage = new QWidget(m_stack);
    auto *introLayout = new QVBoxLayout(m_introPage);
    m_backToCourses = new QPushButton(m_introPage);
    m_backToCourses->setObjectName(QStringLiteral("backToCoursesButton"));
    ui::makeLink(m_backToCourses);
    m_courseTitleLabel = new QLabel(m_introPage);
    m_courseTitleLabel->setObjectName(QStringLiteral("courseTitleLabel"));
    m_courseTitleLabel->setWordWrap(true);
    ui::makeHeading(m_courseTitleLabel, 4);
    m_courseFactsLabel = new QLabel(m_introPage);
    m_courseFactsLabel->setObjectName(QStringLiteral("courseFactsLabel"));
    m_courseFactsLabel->setWordWrap(true);
    m_examRulesLabel = new QLabel(m_introPage);
    m_examRulesLabel->setObjectName(QStringLiteral("examRulesLabel"));
    m_examRulesLabel->setWordWrap(true);
    m_introduction = new QTextBrowser(m_introPage);
    m_introduction->setObjectName(QStringLiteral("courseIntroductionBrowser"));
    m_introduction->setOpenLinks(false);
    m_yearLabel = new QLabel(m_introPage);
    m_yearLabel->setObjectName(QStringLiteral("declarationYearLabel"));
    m_yearLabel->setWordWrap(true);
    m_introMessageLabel = ui::createMessageLabel(QStringLiteral("introMessageLabel"), m_introPage);
    auto *introButtons = new QHBoxLayout;
    m_changeYearButton = new QPushButton(m_introPage);
    m_changeYearButton->setObjectName(QStringLiteral("changeYearButton"));
    m_startButton = new QPushButton(m_introPage);
    m_startButton->setObjectName(QStringLiteral("startStudyButton"));
    ui::makePrimary(m_startButton);
    introButtons->addWidget(m_yearLabel, 1);
    introButtons->addWidget(m_changeYearButton);
    introButtons->addWidget(m_startButton);
    introLayout->addWidget(m_backToCourses, 0, Qt::AlignLeft);
    introLayout->addWidget(m_courseTitleLabel);
    introLayout->addWidget(m_courseFactsLabel);
    introLayout->addWidget(m_examRulesLabel);
    introLayout->addWidget(m_introduction, 1);
    introLayout->addWidget(m_introMessageLabel);
    introLayout->addLayout(introButtons);
    m_stack->addWidget(m_introPage);

    // The catalogue.
    m_cataloguePage = new QWidget(m_stack);
    auto *catalogueLayout = new QVBoxLayout(m_cataloguePage);
    m_backToIntro = new QPushButton(m_cataloguePage);
    m_backToIntro->setObjectName(QStringLiteral("backToIntroductionButton"));
    ui::makeLink(m_backToIntro);
    m_catalogueTitleLabel = new QLabel(m_cataloguePage);
    m_catalogueTitleLabel->setObjectName(QStringLiteral("catalogueTitleLabel"));
    m_catalogueTitleLabel->setWordWrap(true);
    ui::makeHeading(m_catalogueTitleLabel, 4);
    m_catalogueSummaryLabel = new QLabel(m_cataloguePage);
    m_catalogueSummaryLabel->setObjectName(QStringLiteral("catalogueSummaryLabel"));
    m_catalogueSummaryLabel->setWordWrap(true);
    m_lessons = createTable("lessonTableWidget", 6, m_cataloguePage);
    m_lessons->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    auto *downloadRow = new QHBoxLayout;
    m_downloadButton = new QPushButton(m_cataloguePage);
    m_downloadButton->setObjectName(QStringLiteral("downloadOfflineButton"));
    m_downloadProgress = new QProgressBar(m_cataloguePage);
    m_downloadProgress->setObjectName(QStringLiteral("downloadProgressBar"));
    m_downloadProgress->setRange(0, 100);
    m_cancelDownloadButton = new QPushButton(m_cataloguePage);
    m_cancelDownloadButton->setObjectName(QStringLiteral("cancelDownloadButton"));
    m_downloadLabel
        = ui::createMessageLabel(QStringLiteral("downloadStatusLabel"), m_cataloguePage);
    downloadRow->addWidget(m_downloadButton);
    downloadRow->addWidget(m_downloadProgress, 1);
    downloadRow->addWidget(m_cancelDownloadButton);
    auto *examRow = new QHBoxLayout;
    m_examLabel = ui::createMessageLabel(QStringLiteral("examStatusLabel"), m_cataloguePage);
    m_examLabel->setTextFormat(Qt::RichText);
    m_examButton = new QPushButton(m_cataloguePage);
    m_examButton->setObjectName(QStringLiteral("examButton"));
    ui::makePrimary(m_examButton);
    examRow->addWidget(m_examLabel, 1);
    examRow->addWidget(m_examButton, 0, Qt::AlignTop);
    catalogueLayout->addWidget(m_backToIntro, 0, Qt::AlignLeft);
    catalogueLayout->addWidget(m_catalogueTitleLabel);
    catalogueLayout->addWidget(m_catalogueSummaryLabel);
    catalogueLayout->addWidget(m_lessons, 1);
    catalogueLayout->addLayout(downloadRow);
    catalogueLayout->addWidget(m_downloadLabel);
    catalogueLayout->addLayout(examRow);
    m_stack->addWidget(m_cataloguePage);

    connect(m_backToOffers, &QPushButton::clicked, this, &CoursePlatformPage::showOffers);
    connect(m_backToCourses, &QPushButton::clicked, this, [this] {
        if (m_year == 0) {
            const auto course = PublicCourses(store()).course(m_courseId);
            const QList<int> years = course ? yearsOf(course->data) : QList<int>();
            m_year = years.isEmpty() ? 0 : *std::max_element(years.cbegin(), years.cend());
        }
        showCourses(m_year);
    });
    connect(m_backToIntro, &QPushButton::clicked, this, [this] { showIntroduction(m_courseId); });
    connect(m_changeYearButton, &QPushButton::clicked, this,
        &CoursePlatformPage::changeDeclarationYear);
    connect(m_startButton, &QPushButton::clicked, this, &CoursePlatformPage::startStudy);
    connect(m_downloadButton, &QPushButton::clicked, this, &CoursePlatformPage::downloadOffline);
    connect(
        m_cancelDownloadButton, &QPushButton::clicked, this, &CoursePlatformPage::cancelDownload);
    connect(m_examButton, &QPushButton::clicked, this, &CoursePlatformPage::openExam);

    retranslateUi();
    setEngine(core->syncEngine());
    showOffers();
}

CoursePlatformPage::~CoursePlatformPage()
{
    // Lesson windows are top-level children: closing them queues the time they counted.
    if (m_viewer)
        m_viewer->close();
}

void CoursePlatformPage::setUser(const User &user)
{
    m_user = user;
    reload();
}

void CoursePlatformPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerCourseMutations(engine, m_core->localStore());
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            static const QStringList relevant { QStringLiteral("course"),
                QStringLiteral("courseSelection"), QStringLiteral("lessonProgress"),
                QStringLiteral("examAttempt"), QStringLiteral("hourRecord") };
            if (std::any_of(types.cbegin(), types.cend(),
                    [](const QString &type) { return relevant.contains(type); }))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &CoursePlatformPage::reload);
        connect(engine, &SyncEngine::pendingCountChanged, this, &CoursePlatformPage::reload);
        connect(engine, &SyncEngine::problemsChanged, this, &CoursePlatformPage::reload);
    } else {
        // The session ended: the lesson's counted time is queued while the old engine still
        // exists, and an exam cannot be handed in any more.
        if (m_viewer)
            m_viewer->close();
        if (m_exam)
            m_exam->close();
    }
    reload();
}

void CoursePlatformPage::setStudyUnlocked(bool unlocked)
{
    m_unlocked = unlocked;
    m_lockBanner->setVisible(!unlocked);
    reload();
}

LessonViewer *CoursePlatformPage::lessonViewer() const
{
    return m_viewer;
}

ExamDialog *CoursePlatformPage::examDialog() const
{
    return m_exam;
}

CoursePlatformPage::View CoursePlatformPage::currentView() const
{
    return View(m_stack->currentIndex());
}

QString CoursePlatformPage::learnerId() const
{
    if (!m_user.id.isEmpty())
        return m_user.id;
    return m_engine ? m_engine->userId() : QString();
}

LocalStore *CoursePlatformPage::store() const
{
    return m_engine ? m_core->localStore() : nullptr;
}

QList<int> CoursePlatformPage::declarableYears(const QJsonObject &course) const
{
    const Clock *clock = m_core->clock() ? m_core->clock() : SystemClock::instance();
    // The window of each year is the national policy's, as the server checks it.
    return xueshi::declarableYears(yearsOf(course), clock->todayInChina(), cachedPolicies(store()));
}

int CoursePlatformPage::defaultYear(const QJsonObject &course) const
{
    const QList<int> years = declarableYears(course);
    return years.isEmpty() ? 0 : years.first();
}

void CoursePlatformPage::reload()
{
    switch (currentView()) {
    case View::Offers:
        fillOffers();
        break;
    case View::Courses:
        fillCourses();
        break;
    case View::Introduction:
        fillIntroduction();
        break;
    case View::Catalogue:
        fillCatalogue();
        break;
    }
}

void CoursePlatformPage::showOffers()
{
    m_stack->setCurrentWidget(m_offersPage);
    fillOffers();
}

void CoursePlatformPage::fillOffers()
{
    QMap<int, int> counts; // year -> courses offered
    for (const CachedEntity &course : PublicCourses(store()).courses()) {
        for (int year : yearsOf(course.data))
            ++counts[year];
    }
    m_offers->setRowCount(int(counts.size()));
    int row = 0;
    for (auto it = counts.constEnd(); it != counts.constBegin();) {
        --it;
        setCell(m_offers, row, 0, CourseText::yearOffer(it.key()));
        setCell(m_offers, row, 1, tr("%n course(s)", nullptr, it.value()));
        QPushButton *view
            = cellButton(m_offers, row, 2, QStringLiteral("viewOfferButton_%1").arg(it.key()));
        view->setText(tr("View"));
        const int year = it.key();
        connect(view, &QPushButton::clicked, this, [this, year] { showCourses(year); });
        ++row;
    }
    if (counts.isEmpty())
        ui::setMessage(m_offersEmptyLabel,
            m_engine ? tr("No public courses are on offer yet. They appear here after a sync "
                          "once the administrator has published them.")
                     : tr("Public courses need the data kept on this computer."),
            ui::Severity::Hint);
    else
        m_offersEmptyLabel->clear();
}

void CoursePlatformPage::showCourses(int year)
{
    m_year = year;
    m_stack->setCurrentWidget(m_coursesPage);
    fillCourses();
}

void CoursePlatformPage::fillCourses()
{
    m_coursesTitleLabel->setText(CourseText::yearOffer(m_year));
    const PublicCourses courses(store(), learnerId());
    QList<CachedEntity> list;
    for (const CachedEntity &course : courses.courses()) {
        if (yearsOf(course.data).contains(m_year))
            list.append(course);
    }
    m_courses->setRowCount(int(list.size()));
    for (int row = 0; row < list.size(); ++row) {
        const QJsonObject &course = list.at(row).data;
        const QString courseId = list.at(row).id;
        QStringList years;
        for (int year : yearsOf(course))
            years << QString::number(year);
        const qsizetype lessons = course.value(QLatin1String("lessons")).toArray().size();
        QString state = tr("Not selected");
        if (const auto selection = courses.selection(courseId)) {
            const QString status = text(selection->data, "status");
            state = status == QLatin1String("passed") ? tr("Passed")
                : status == QLatin1String("failed")   ? tr("Not passed")
                                                      : tr("Studying (%1 of %2 lessons complete)")
                                                          .arg(courses.completedLessons(course))
                                                          .arg(lessons);
        }
        setCell(m_courses, row, 0, text(course, "title"));
        setCell(m_courses, row, 1,
            tr("%1 hours")
                .arg(CourseText::hours(course.value(QLatin1String("hoursTenths")).toInt())),
            Qt::AlignRight | Qt::AlignVCenter);
        setCell(m_courses, row, 2, years.join(QStringLiteral(", ")));
        setCell(m_courses, row, 3, tr("%n lesson(s)", nullptr, int(lessons)));
        setCell(m_courses, row, 4, state);
        QPushButton *select
            = cellButton(m_courses, row, 5, QStringLiteral("selectCourseButton_") + courseId);
        select->setText(tr("Select course"));
        connect(
            select, &QPushButton::clicked, this, [this, courseId] { showIntroduction(courseId); });
    }
}

void CoursePlatformPage::showIntroduction(const QString &courseId)
{
    m_courseId = courseId;
    m_introMessageLabel->clear();
    m_stack->setCurrentWidget(m_introPage);
    fillIntroduction();
}

void CoursePlatformPage::fillIntroduction()
{
    const PublicCourses courses(store(), learnerId());
    const auto cached = courses.course(m_courseId);
    if (!cached) {
        m_courseTitleLabel->setText(tr("This course is no longer offered."));
        m_courseFactsLabel->clear();
        m_examRulesLabel->clear();
        m_introduction->clear();
        m_yearLabel->clear();
        m_changeYearButton->setEnabled(false);
        m_startButton->setEnabled(false);
        return;
    }
    const QJsonObject &course = cached->data;
    const QJsonObject exam = course.value(QLatin1String("exam")).toObject();
    const QJsonArray lessons = course.value(QLatin1String("lessons")).toArray();
    int minutes = 0;
    for (const QJsonValue &lesson : lessons)
        minutes += lesson.toObject().value(QLatin1String("minSeconds")).toInt() / 60;
    m_courseTitleLabel->setText(text(course, "title"));
    m_courseFactsLabel->setText(
        tr("%1 hours (public subject) · %n lesson(s), at least %2 minutes of study in all", nullptr,
            int(lessons.size()))
            .arg(CourseText::hours(course.value(QLatin1String("hoursTenths")).toInt()))
            .arg(minutes));
    m_examRulesLabel->setText(
        tr("Course exam: %1 questions drawn from the question bank, pass mark %2 points of 100, "
           "%3 attempt(s), %4 minutes per attempt. It opens when every lesson is complete.")
            .arg(exam.value(QLatin1String("questionCount")).toInt())
            .arg(exam.value(QLatin1String("passMark")).toInt())
            .arg(exam.value(QLatin1String("attemptsAllowed")).toInt())
            .arg(exam.value(QLatin1String("timeLimitMinutes")).toInt()));
    // Plain text with blank lines between paragraphs.
    QString html;
    for (const QString &paragraph :
        text(course, "introduction").split(QStringLiteral("\n\n"), Qt::SkipEmptyParts))
        html += QStringLiteral("<p>%1</p>")
                    .arg(paragraph.trimmed().toHtmlEscaped().replace(
                        QLatin1Char('\n'), QStringLiteral("<br>")));
    html += QStringLiteral("<h4>%1</h4><ol>").arg(tr("Catalogue").toHtmlEscaped());
    for (const QJsonValue &value : lessons) {
        const QJsonObject lesson = value.toObject();
        html += QStringLiteral("<li>%1 (%2)</li>")
                    .arg(text(lesson, "title").toHtmlEscaped(),
                        tr("at least %n minute(s)", nullptr,
                            lesson.value(QLatin1String("minSeconds")).toInt() / 60));
    }
    html += QStringLiteral("</ol>");
    m_introduction->setHtml(html);

    const auto selection = courses.selection(m_courseId);
    const QList<int> years = declarableYears(course);
    const bool passed = selection && text(selection->data, "status") == QLatin1String("passed");
    if (selection) {
        m_yearLabel->setText(
            tr("Declaration year: <b>%1</b>")
                .arg(selection->data.value(QLatin1String("declarationYear")).toInt()));
    } else if (!years.isEmpty()) {
        m_yearLabel->setText(
            tr("Declaration year: <b>%1</b> (not chosen yet: starting the study selects the "
               "course for this year)")
                .arg(years.first()));
    } else {
        m_yearLabel->setText(tr("This course cannot count toward any year now."));
    }
    const bool canAct = m_unlocked && m_engine;
    m_changeYearButton->setEnabled(canAct && !passed && !years.isEmpty());
    m_changeYearButton->setToolTip(passed
            ? tr("The hours of this course have been credited: the year can no longer change.")
            : QString());
    m_startButton->setEnabled(canAct && (selection || !years.isEmpty()));
    m_startButton->setToolTip(
        m_unlocked ? QString() : tr("Your employer must confirm you before you study."));
}

void CoursePlatformPage::changeDeclarationYear()
{
    const PublicCourses courses(store(), learnerId());
    const auto course = courses.course(m_courseId);
    if (!course || !m_engine || !m_unlocked)
        return;
    const QList<int> years = declarableYears(course->data);
    const auto selection = courses.selection(m_courseId);
    const int current = selection ? selection->data.value(QLatin1String("declarationYear")).toInt()
                                  : defaultYear(course->data);
    auto *dialog = new DeclarationYearDialog(text(course->data, "title"), years, current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, selection] {
        const int year = dialog->year();
        const QString id = selection
            ? m_engine->queueMutation(QStringLiteral("course.setYear"), selection->id,
                QJsonObject { { QStringLiteral("declarationYear"), year } })
            : m_engine->queueMutation(QStringLiteral("course.select"),
                courseSelectionId(learnerId(), m_courseId),
                QJsonObject { { QStringLiteral("courseId"), m_courseId },
                    { QStringLiteral("declarationYear"), year } });
        if (id.isEmpty())
            ui::setMessage(m_introMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
        else
            ui::setMessage(m_introMessageLabel,
                tr("The hours of this course count toward %1. Click \"Start studying\" to open "
                   "the catalogue.")
                    .arg(year),
                ui::Severity::Success);
        fillIntroduction();
    });
    dialog->open();
}

void CoursePlatformPage::startStudy()
{
    if (!m_engine || !m_unlocked)
        return;
    const PublicCourses courses(store(), learnerId());
    const auto course = courses.course(m_courseId);
    if (!course)
        return;
    if (!courses.selection(m_courseId)) {
        const int year = defaultYear(course->data);
        if (year == 0)
            return;
        const QString id = m_engine->queueMutation(QStringLiteral("course.select"),
            courseSelectionId(learnerId(), m_courseId),
            QJsonObject { { QStringLiteral("courseId"), m_courseId },
                { QStringLiteral("declarationYear"), year } });
        if (id.isEmpty()) {
            ui::setMessage(m_introMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
            return;
        }
    }
    showCatalogue(m_courseId);
}

void CoursePlatformPage::showCatalogue(const QString &courseId)
{
    m_courseId = courseId;
    m_stack->setCurrentWidget(m_cataloguePage);
    fillCatalogue();
}

void CoursePlatformPage::fillCatalogue()
{
    if (currentView() != View::Catalogue)
        return;
    const PublicCourses courses(store(), learnerId());
    const auto cached = courses.course(m_courseId);
    const QJsonObject course = cached ? cached->data : QJsonObject();
    const QJsonArray lessons = course.value(QLatin1String("lessons")).toArray();
    const auto selection = courses.selection(m_courseId);
    m_catalogueTitleLabel->setText(text(course, "title"));
    m_catalogueSummaryLabel->setText(
        tr("%1 of %2 lessons complete · declaration year %3")
            .arg(courses.completedLessons(course))
            .arg(lessons.size())
            .arg(selection ? selection->data.value(QLatin1String("declarationYear")).toInt() : 0));
    const bool canAct = m_unlocked && m_engine;
    m_lessons->setRowCount(int(lessons.size()));
    for (int row = 0; row < lessons.size(); ++row) {
        const QJsonObject lesson = lessons.at(row).toObject();
        const QString lessonId = text(lesson, "id");
        const int studied = courses.studiedSeconds(m_courseId, lessonId);
        const int required = lesson.value(QLatin1String("minSeconds")).toInt();
        const bool complete = courses.lessonComplete(m_courseId, lesson);
        setCell(m_lessons, row, 0, QString::number(row + 1), Qt::AlignRight | Qt::AlignVCenter);
        setCell(m_lessons, row, 1,
            text(lesson, "title")
                + (text(lesson, "kind") == QLatin1String("pdf") ? QStringLiteral(" (PDF)")
                                                                : QString()));
        setCell(m_lessons, row, 2, tr("%1 / %2 min").arg(studied / 60).arg((required + 59) / 60),
            Qt::AlignRight | Qt::AlignVCenter);
        auto *bar = qobject_cast<QProgressBar *>(m_lessons->cellWidget(row, 3));
        if (!bar) {
            bar = new QProgressBar(m_lessons);
            m_lessons->setCellWidget(row, 3, bar);
        }
        bar->setObjectName(QStringLiteral("lessonProgressBar_") + lessonId);
        bar->setRange(0, std::max(1, required));
        bar->setValue(std::min(studied, std::max(1, required)));
        setCell(m_lessons, row, 4,
            complete ? tr("Completed") : (studied > 0 ? tr("In progress") : tr("Not started")));
        auto *study = qobject_cast<QPushButton *>(m_lessons->cellWidget(row, 5));
        if (!study || study->objectName() != QStringLiteral("studyLessonButton_") + lessonId) {
            study = cellButton(m_lessons, row, 5, QStringLiteral("studyLessonButton_") + lessonId);
            connect(study, &QPushButton::clicked, this, [this, lessonId] { openLesson(lessonId); });
        }
        study->setText(tr("Study"));
        study->setEnabled(canAct && selection.has_value());
    }
    fillExamState(course);
    updateDownloadState();
}

void CoursePlatformPage::fillExamState(const QJsonObject &course)
{
    const PublicCourses courses(store(), learnerId());
    const auto selection = courses.selection(m_courseId);
    const QList<CachedEntity> attempts = courses.attempts(m_courseId);
    const bool complete = courses.allLessonsComplete(course);
    const QString status = selection ? text(selection->data, "status") : QString();
    const int used = selection ? selection->data.value(QLatin1String("attemptsUsed")).toInt() : 0;
    const int allowed = selection ? selection->data.value(QLatin1String("attemptsAllowed")).toInt()
                                  : course.value(QLatin1String("exam"))
                                        .toObject()
                                        .value(QLatin1String("attemptsAllowed"))
                                        .toInt();

    std::optional<CachedEntity> ready;
    std::optional<CachedEntity> lastDone; // the newest submitted or graded attempt
    for (const CachedEntity &attempt : attempts) {
        const QString s = text(attempt.data, "status");
        if (s == QLatin1String("ready"))
            ready = attempt;
        else
            lastDone = attempt;
    }
    // A hand-in the server refused: its local effect is undone (the attempt shows as the server
    // has it), and the learner must know why until it is sent again or discarded.
    std::optional<OutboxMutation> refused;
    if (m_engine) {
        for (const OutboxMutation &problem : m_engine->problems()) {
            if (problem.type != QLatin1String("exam.submit"))
                continue;
            for (const CachedEntity &attempt : attempts) {
                if (problem.target == attempt.id)
                    refused = problem;
            }
        }
    }
    QStringList lines;
    if (refused) {
        const QString message = text(refused->lastError, "message");
        lines << tr("<b>Your answers were refused by the server</b>: %1 Send them again or discard "
                    "them under Sync problems.")
                     .arg((message.isEmpty() ? text(refused->lastError, "code") : message)
                              .toHtmlEscaped());
    } else if (lastDone && text(lastDone->data, "status") == QLatin1String("submitted")) {
        lines << tr("<b>Awaiting grading</b>: your answers are graded by the server at the next "
                    "sync.");
    } else if (lastDone) {
        const int score = lastDone->data.value(QLatin1String("score")).toInt();
        const bool passed = lastDone->data.value(QLatin1String("passed")).toBool();
        QString line = passed ? tr("Exam <b>passed</b> with %1 points.").arg(score)
                              : tr("Exam <b>not passed</b>: %1 points (pass mark %2).")
                                    .arg(score)
                                    .arg(lastDone->data.value(QLatin1String("passMark")).toInt());
        if (text(lastDone->data, "reason") == QLatin1String("timeLimit"))
            line += QLatin1Char(' ') + tr("It was handed in after the time limit.");
        lines << line;
    }
    if (status == QLatin1String("passed") && selection) {
        int tenths = course.value(QLatin1String("hoursTenths")).toInt();
        int year = selection->data.value(QLatin1String("declarationYear")).toInt();
        const QString recordId = text(selection->data, "hourRecordId");
        if (const auto record = !recordId.isEmpty() && store()
                ? store()->entity(QStringLiteral("hourRecord"), recordId)
                : std::nullopt) {
            tenths = record->data.value(QLatin1String("hoursTenths")).toInt();
            year = record->data.value(QLatin1String("year")).toInt();
        }
        lines << tr("%1 hours credited to %2; they are listed in the hour records.")
                     .arg(CourseText::hours(tenths))
                     .arg(year);
    } else if (status == QLatin1String("failed")) {
        lines << tr("No attempts left.");
    } else if (lastDone && text(lastDone->data, "status") == QLatin1String("graded")) {
        lines << tr("Attempts left: %1 of %2.").arg(std::max(0, allowed - used)).arg(allowed);
    }

    QString why;
    if (!m_unlocked)
        why = tr("Your employer must confirm you before you study.");
    else if (!selection)
        why = tr("Select the course first.");
    else if (status == QLatin1String("passed"))
        why = tr("You have passed this course.");
    else if (!complete)
        why = tr("The exam opens when every lesson is complete (%1 of %2 so far).")
                  .arg(courses.completedLessons(course))
                  .arg(course.value(QLatin1String("lessons")).toArray().size());
    else if (!ready && !(lastDone && text(lastDone->data, "status") == QLatin1String("submitted"))
        && status != QLatin1String("failed"))
        why = tr("The exam questions arrive with the next sync.");
    else if (!ready)
        why = tr("No exam attempt is open.");
    m_examButton->setText(lastDone && ready ? tr("Retake the exam") : tr("Course exam"));
    m_examButton->setEnabled(why.isEmpty() && m_engine);
    m_examButton->setToolTip(why);
    if (!why.isEmpty() && lines.isEmpty())
        lines << why.toHtmlEscaped();
    m_examLabel->setText(lines.join(QStringLiteral("<br>")));
}

void CoursePlatformPage::updateDownloadState()
{
    const PublicCourses courses(store());
    const auto course = courses.course(m_courseId);
    const QList<CourseFile> files = course ? courseFiles(course->data) : QList<CourseFile>();
    const bool running = m_download && m_download->isRunning();
    const bool mine = running && m_downloadCourseId == m_courseId;
    const bool cached = CourseDownload::allCached(m_core->contentCache(), files);
    m_downloadButton->setEnabled(m_unlocked && m_download && !running && !cached);
    m_cancelDownloadButton->setVisible(mine);
    m_downloadProgress->setVisible(mine || cached);
    if (cached && !mine)
        m_downloadProgress->setValue(100);
    qint64 total = 0;
    for (const CourseFile &file : files)
        total += file.size;
    if (mine)
        ui::setMessage(m_downloadLabel, tr("Downloading the course's files…"), ui::Severity::Info);
    else if (cached)
        ui::setMessage(m_downloadLabel,
            tr("This course is available offline: all %n file(s) (%1) are on this computer.",
                nullptr, int(files.size()))
                .arg(megabytes(total)),
            ui::Severity::Success);
    else if (!m_downloadMessage.isEmpty() && m_downloadCourseId == m_courseId)
        ui::setMessage(m_downloadLabel, m_downloadMessage, ui::Severity::Warning);
    else
        ui::setMessage(m_downloadLabel,
            tr("Download every lesson (%1) to study without a network connection.")
                .arg(megabytes(total)),
            ui::Severity::Hint);
}

void CoursePlatformPage::downloadOffline()
{
    const auto course = PublicCourses(store()).course(m_courseId);
    if (!course || !m_download || m_download->isRunning() || !m_unlocked)
        return;
    m_downloadCourseId = m_courseId;
    m_downloadMessage.clear();
    m_downloadProgress->setValue(0);
    m_download->start(courseFiles(course->data));
    updateDownloadState();
}

void CoursePlatformPage::cancelDownload()
{
    if (m_download)
        m_download->cancel();
}

void CoursePlatformPage::openLesson(const QString &lessonId)
{
    const auto course = PublicCourses(store()).course(m_courseId);
    if (!course || !m_engine || !m_unlocked)
        return;
    if (m_viewer) {
        if (m_viewer->lessonId() == lessonId) {
            m_viewer->raise();
            m_viewer->activateWindow();
            return;
        }
        // One lesson at a time: time is counted for what is on screen.
        m_viewer->close();
    }
    m_viewer = new LessonViewer(m_core, m_engine, learnerId(), course->data, lessonId, this);
    connect(m_viewer, &LessonViewer::studied, this, &CoursePlatformPage::fillCatalogue);
    m_viewer->show();
}

void CoursePlatformPage::openExam()
{
    const PublicCourses courses(store(), learnerId());
    const auto course = courses.course(m_courseId);
    if (!course || !m_engine || !m_unlocked || !courses.allLessonsComplete(course->data))
        return;
    if (m_exam) {
        m_exam->raise();
        return;
    }
    std::optional<CachedEntity> ready;
    for (const CachedEntity &attempt : courses.attempts(m_courseId)) {
        if (text(attempt.data, "status") == QLatin1String("ready"))
            ready = attempt;
    }
    if (!ready)
        return;
    m_exam = new ExamDialog(
        m_engine, m_core->localStore(), m_core->clock(), *ready, text(course->data, "title"), this);
    connect(m_exam, &ExamDialog::submitted, this, &CoursePlatformPage::fillCatalogue);
    m_exam->open();
}

void CoursePlatformPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CoursePlatformPage::retranslateUi()
{
    m_titleLabel->setText(tr("Public course platform"));
    m_lockLabel->setText(tr("Your employer must confirm your identity before you can study public "
                            "courses: fill in your personal information and submit it to your "
                            "employer. You can look at the courses meanwhile."));
    m_offersHintLabel->setText(tr("The public courses on offer, by year. Click \"View\" to see "
                                  "the courses you can select."));
    m_offers->setHorizontalHeaderLabels({ tr("Public courses"), tr("Courses"), QString() });
    m_backToOffers->setText(tr("← All public courses"));
    m_courses->setHorizontalHeaderLabels(
        { tr("Course"), tr("Hours"), tr("Years"), tr("Lessons"), tr("State"), QString() });
    m_backToCourses->setText(tr("← Course list"));
    m_changeYearButton->setText(tr("Change declaration year"));
    m_startButton->setText(tr("Start studying"));
    m_backToIntro->setText(tr("← Course introduction"));
    m_lessons->setHorizontalHeaderLabels({ tr("No."), tr("Lesson"), tr("Studied / required"),
        tr("Progress"), tr("State"), QString() });
    m_downloadButton->setText(tr("Download for offline study"));
    m_cancelDownloadButton->setText(tr("Cancel"));
    reload();
}

} // namespace xueshi
