#include "declarations/reviewpage.h"

#include "appsettings.h"
#include "attachmentcache.h"
#include "attachmentkind.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations.h"
#include "declarations/reviewmodel.h"
#include "localstore.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPdfDocument>
#include <QPdfView>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

const QDate NoDate(2000, 1, 1); // the date edits' "any" value
const QString Declaration = QStringLiteral("declaration");
constexpr int MaxReasonLength = 200;
constexpr int ShaRole = Qt::UserRole + 1;
constexpr int KindRole = Qt::UserRole + 2;

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QDateEdit *makeDateEdit(const char *name, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setMinimumDate(NoDate);
    edit->setDate(NoDate);
    return edit;
}

QString megabytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace

ReviewPage::ReviewPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_model(new ReviewTableModel(this))
    , m_proxy(new ReviewFilterProxyModel(this))
{
    setObjectName(QStringLiteral("reviewPage"));
    m_proxy->setSourceModel(m_model);

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("reviewTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    auto *filters = new QHBoxLayout;
    m_stateCaption = new QLabel(this);
    m_stateFilter = new QComboBox(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilterComboBox"));
    m_yearFilter = new QComboBox(this);
    m_yearFilter->setObjectName(QStringLiteral("yearFilterComboBox"));
    m_personFilter = new QLineEdit(this);
    m_personFilter->setObjectName(QStringLiteral("personFilterLineEdit"));
    m_personFilter->setClearButtonEnabled(true);
    m_subjectFilter = new QComboBox(this);
    m_subjectFilter->setObjectName(QStringLiteral("subjectFilterComboBox"));
    m_dateCaption = new QLabel(this);
    m_fromDate = makeDateEdit("fromDateEdit", this);
    m_toDate = makeDateEdit("toDateEdit", this);
    m_clearDatesButton = new QPushButton(this);
    m_clearDatesButton->setObjectName(QStringLiteral("clearDatesButton"));
    ui::makeLink(m_clearDatesButton);
    filters->addWidget(m_stateCaption);
    filters->addWidget(m_stateFilter);
    filters->addWidget(m_yearFilter);
    filters->addWidget(m_subjectFilter);
    filters->addWidget(m_personFilter, 1);
    filters->addWidget(m_dateCaption);
    filters->addWidget(m_fromDate);
    filters->addWidget(new QLabel(QStringLiteral("–"), this));
    filters->addWidget(m_toDate);
    filters->addWidget(m_clearDatesButton);
    layout->addLayout(filters);

    auto *cacheRow = new QHBoxLayout;
    m_cacheProgress = new QProgressBar(this);
    m_cacheProgress->setObjectName(QStringLiteral("attachmentProgressBar"));
    m_cacheProgress->setMaximumWidth(240);
    m_cacheProgress->setVisible(false);
    m_cacheStatusLabel = ui::createMessageLabel(QStringLiteral("attachmentStatusLabel"), this);
    cacheRow->addWidget(m_cacheProgress);
    cacheRow->addWidget(m_cacheStatusLabel, 1);
    layout->addLayout(cacheRow);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    auto *listPanel = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listPanel);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_view = new QTableView(listPanel);
    m_view->setObjectName(QStringLiteral("declarationTableView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: measuring 5,000 rows' contents would cost seconds.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    const QList<std::pair<int, int>> widths { { ReviewTableModel::NameColumn, 90 },
        { ReviewTableModel::TitleColumn, 200 }, { ReviewTableModel::SubjectColumn, 90 },
        { ReviewTableModel::YearColumn, 50 }, { ReviewTableModel::HoursColumn, 50 },
        { ReviewTableModel::DatesColumn, 170 }, { ReviewTableModel::SubmittedColumn, 120 },
        { ReviewTableModel::StatusColumn, 120 } };
    for (const auto &[column, width] : widths)
        m_view->setColumnWidth(column, width);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ReviewTableModel::SubmittedColumn, Qt::DescendingOrder);
    m_countLabel = new QLabel(listPanel);
    m_countLabel->setObjectName(QStringLiteral("declarationCountLabel"));
    listLayout->addWidget(m_view, 1);
    listLayout->addWidget(m_countLabel);

    m_detailGroup = new QGroupBox(splitter);
    m_detailGroup->setObjectName(QStringLiteral("declarationDetailGroupBox"));
    auto *detail = new QVBoxLayout(m_detailGroup);
    m_detailLabel = new QLabel(m_detailGroup);
    m_detailLabel->setObjectName(QStringLiteral("declarationDetailLabel"));
    m_detailLabel->setWordWrap(true);
    m_detailLabel->setTextFormat(Qt::RichText);
    m_detailLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_attachmentsCaption = new QLabel(m_detailGroup);
    m_attachmentList = new QListWidget(m_detailGroup);
    m_attachmentList->setObjectName(QStringLiteral("attachmentsListWidget"));
    m_attachmentList->setMaximumHeight(72);
    m_viewerStack = new QStackedWidget(m_detailGroup);
    m_viewerStack->setObjectName(QStringLiteral("attachmentViewerStack"));
    m_viewerMessageLabel = new QLabel(m_viewerStack);
    m_viewerMessageLabel->setObjectName(QStringLiteral("viewerMessageLabel"));
    m_viewerMessageLabel->setAlignment(Qt::AlignCenter);
    m_viewerMessageLabel->setWordWrap(true);
    m_pdf = new QPdfDocument(this);
    m_pdfView = new QPdfView(m_viewerStack);
    m_pdfView->setObjectName(QStringLiteral("attachmentPdfView"));
    m_pdfView->setDocument(m_pdf);
    m_pdfView->setPageMode(QPdfView::PageMode::MultiPage);
    m_pdfView->setZoomMode(QPdfView::ZoomMode::Custom);
    m_imageScroll = new QScrollArea(m_viewerStack);
    m_imageScroll->setObjectName(QStringLiteral("attachmentImageScrollArea"));
    m_imageScroll->setAlignment(Qt::AlignCenter);
    m_imageLabel = new QLabel;
    m_imageLabel->setObjectName(QStringLiteral("attachmentImageLabel"));
    m_imageScroll->setWidget(m_imageLabel);
    m_viewerStack->addWidget(m_viewerMessageLabel);
    m_viewerStack->addWidget(m_pdfView);
    m_viewerStack->addWidget(m_imageScroll);
    auto *zoom = new QHBoxLayout;
    m_zoomOutButton = new QPushButton(QStringLiteral("−"), m_detailGroup);
    m_zoomOutButton->setObjectName(QStringLiteral("zoomOutButton"));
    m_zoomInButton = new QPushButton(QStringLiteral("+"), m_detailGroup);
    m_zoomInButton->setObjectName(QStringLiteral("zoomInButton"));
    m_zoomLabel = new QLabel(m_detailGroup);
    m_zoomLabel->setObjectName(QStringLiteral("zoomLabel"));
    zoom->addWidget(m_zoomOutButton);
    zoom->addWidget(m_zoomLabel);
    zoom->addWidget(m_zoomInButton);
    zoom->addStretch(1);
    m_confirmButton = new QPushButton(m_detailGroup);
    m_confirmButton->setObjectName(QStringLiteral("confirmButton"));
    ui::makePrimary(m_confirmButton);
    m_rejectButton = new QPushButton(m_detailGroup);
    m_rejectButton->setObjectName(QStringLiteral("rejectButton"));
    m_actionMessageLabel
        = ui::createMessageLabel(QStringLiteral("actionMessageLabel"), m_detailGroup);
    m_batchResultLabel = ui::createMessageLabel(QStringLiteral("batchResultLabel"), m_detailGroup);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_confirmButton);
    buttons->addWidget(m_rejectButton);
    buttons->addStretch(1);
    // The details scroll in a band of their own, so the proof gets most of the height.
    auto *detailScroll = new QScrollArea(m_detailGroup);
    detailScroll->setObjectName(QStringLiteral("declarationDetailScrollArea"));
    detailScroll->setWidgetResizable(true);
    detailScroll->setFrameShape(QFrame::NoFrame);
    detailScroll->setWidget(m_detailLabel);
    detailScroll->setMaximumHeight(190);
    m_viewerStack->setMinimumHeight(200);
    detail->addWidget(detailScroll);
    detail->addWidget(m_attachmentsCaption);
    detail->addWidget(m_attachmentList);
    detail->addLayout(zoom);
    detail->addWidget(m_viewerStack, 1);
    detail->addLayout(buttons);
    detail->addWidget(m_actionMessageLabel);
    detail->addWidget(m_batchResultLabel);
    splitter->addWidget(listPanel);
    splitter->addWidget(m_detailGroup);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    layout->addWidget(splitter, 1);

    connect(m_stateFilter, &QComboBox::currentIndexChanged, this, &ReviewPage::updateFilter);
    connect(m_yearFilter, &QComboBox::currentIndexChanged, this, &ReviewPage::updateFilter);
    connect(m_subjectFilter, &QComboBox::currentIndexChanged, this, &ReviewPage::updateFilter);
    connect(m_personFilter, &QLineEdit::textChanged, this, &ReviewPage::updateFilter);
    connect(m_fromDate, &QDateEdit::dateChanged, this, &ReviewPage::updateFilter);
    connect(m_toDate, &QDateEdit::dateChanged, this, &ReviewPage::updateFilter);
    connect(m_clearDatesButton, &QPushButton::clicked, this, [this] {
        m_fromDate->setDate(NoDate);
        m_toDate->setDate(NoDate);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &ReviewPage::showDetails);
    connect(m_attachmentList, &QListWidget::currentRowChanged, this, &ReviewPage::openAttachment);
    connect(m_zoomInButton, &QPushButton::clicked, this, &ReviewPage::zoomIn);
    connect(m_zoomOutButton, &QPushButton::clicked, this, &ReviewPage::zoomOut);
    connect(m_confirmButton, &QPushButton::clicked, this, &ReviewPage::confirmSelected);
    connect(m_rejectButton, &QPushButton::clicked, this, &ReviewPage::rejectSelected);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, &ReviewPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::rowsRemoved, this, &ReviewPage::updateActions);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &ReviewPage::updateActions);

    retranslateUi();
    reload();
}

ReviewPage::~ReviewPage() = default;

void ReviewPage::setEngine(SyncEngine *engine)
{
    setSource(engine, engine ? m_core->localStore() : nullptr);
}

void ReviewPage::setSource(SyncEngine *engine, LocalStore *store)
{
    if (m_engine)
        m_engine->disconnect(this);
    delete m_cache;
    m_cache = nullptr;
    m_engine = engine;
    m_store = engine ? store : nullptr;
    m_batch.clear();
    m_batchApplied = 0;
    m_cacheMessage.clear();
    m_cacheFailed = false;
    if (engine) {
        registerDeclarationMutations(engine, store);
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (!m_queueing && types.contains(Declaration))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &ReviewPage::reload);
        connect(engine, &SyncEngine::pendingCountChanged, this, &ReviewPage::refreshOutbox);
        connect(engine, &SyncEngine::problemsChanged, this, [this] {
            refreshOutbox();
            updateBatchResult();
        });
        connect(engine, &SyncEngine::mutationApplied, this,
            [this](const OutboxMutation &mutation, const QJsonObject &) {
                if (m_batch.contains(mutation.id)) {
                    ++m_batchApplied;
                    updateBatchResult();
                }
            });
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok) {
            if (ok)
                startAttachmentCache();
        });
        if (store && store->isOpen() && !m_core->api()->serverUrl().isEmpty()) {
            m_cache = new AttachmentCache(m_core->api(), store, m_core->trust(),
                AttachmentCache::directoryFor(store->path()), this);
            connect(m_cache, &AttachmentCache::progress, this,
                [this](qint64 done, qint64 total, int filesDone, int filesTotal) {
                    m_cacheProgress->setVisible(filesTotal > 0 && filesDone < filesTotal);
                    m_cacheProgress->setRange(0, 1000);
                    m_cacheProgress->setValue(total > 0 ? int(done * 1000 / total) : 0);
                    m_cacheProgress->setFormat(
                        tr("Attachments %1 of %2").arg(filesDone).arg(filesTotal));
                });
            connect(
                m_cache, &AttachmentCache::finished, this, [this](bool ok, const QString &message) {
                    m_cacheProgress->setVisible(false);
                    m_cacheFailed = !ok;
                    m_cacheMessage = message;
                    updateCacheStatus();
                    // An attachment on screen may have arrived.
                    showDetails();
                });
            connect(m_cache, &AttachmentCache::changed, this, &ReviewPage::updateCacheStatus);
            // The login's first sync may be over before this page was given the engine.
            if (!engine->isSyncing() && engine->lastSync().isValid())
                QTimer::singleShot(0, m_cache, [this] { startAttachmentCache(); });
        }
    }
    reload();
    updateCacheStatus();
}

void ReviewPage::startAttachmentCache()
{
    if (!m_cache)
        return;
    m_cache->setCapBytes(qint64(m_core->settings()->attachmentCapMegabytes()) * 1024 * 1024);
    m_cache->update();
}

void ReviewPage::setApproved(bool approved)
{
    m_approved = approved;
    updateActions();
}

void ReviewPage::reload()
{
    // Keep the selection across the reset: the officer is looking at these rows.
    QStringList selected;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        selected << index.data(ReviewTableModel::IdRole).toString();
    m_model->reload(m_store);
    refreshOutbox();
    updateYears();
    QItemSelection selection;
    for (const QString &id : std::as_const(selected)) {
        const int row = m_model->rowOf(id);
        if (row < 0)
            continue;
        const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
        if (index.isValid())
            selection.select(index, index);
    }
    if (!selection.isEmpty())
        m_view->selectionModel()->select(
            selection, QItemSelectionModel::Select | QItemSelectionModel::Rows);
    showDetails();
}

void ReviewPage::refreshOutbox()
{
    QSet<QString> waiting;
    QSet<QString> problems;
    if (m_store && m_store->isOpen()) {
        for (const OutboxMutation &m : m_store->pendingMutations()) {
            if (m.entityType == Declaration)
                waiting.insert(m.target);
        }
        for (const OutboxMutation &m : m_store->problems()) {
            if (m.entityType == Declaration)
                problems.insert(m.target);
        }
    }
    m_model->setOutbox(waiting, problems);
}

void ReviewPage::updateYears()
{
    QList<int> years;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const int year = m_model->rowAt(row).year;
        if (year > 0 && !years.contains(year))
            years.append(year);
    }
    std::sort(years.begin(), years.end(), std::greater<>());
    const int current = m_yearFilter->currentData().toInt();
    const QSignalBlocker blocker(m_yearFilter);
    m_yearFilter->clear();
    m_yearFilter->addItem(tr("All years"), 0);
    for (int year : std::as_const(years))
        m_yearFilter->addItem(QString::number(year), year);
    m_yearFilter->setCurrentIndex(std::max(0, m_yearFilter->findData(current)));
}

void ReviewPage::updateFilter()
{
    m_proxy->setStatus(m_stateFilter->currentData().toString());
    m_proxy->setYear(m_yearFilter->currentData().toInt());
    m_proxy->setSubjectType(m_subjectFilter->currentData().toString());
    m_proxy->setPersonFilter(m_personFilter->text());
    m_proxy->setDateRange(m_fromDate->date() == NoDate ? QDate() : m_fromDate->date(),
        m_toDate->date() == NoDate ? QDate() : m_toDate->date());
    updateActions();
}

QStringList ReviewPage::selectedReviewableIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (index.data(ReviewTableModel::ReviewableRole).toBool())
            ids << index.data(ReviewTableModel::IdRole).toString();
    }
    return ids;
}

QString ReviewPage::detailsHtml(const QJsonObject &d) const
{
    QString series = text(d, "professionalSeries");
    if (m_store && !series.isEmpty()) {
        if (const auto found = m_store->entity(QStringLiteral("professionalSeries"), series))
            series = text(found->data, "name");
    }
    const QString status = text(d, "status");
    QList<QPair<QString, QString>> rows {
        { tr("Name"), text(d, "learnerName") },
        { tr("Training content"), text(d, "title") },
        { tr("Organiser"), text(d, "organiser") },
        { tr("Training dates"),
            QStringLiteral("%1 – %2").arg(text(d, "startDate"), text(d, "endDate")) },
        { tr("Training days"), QString::number(d.value(QLatin1String("trainingDays")).toInt()) },
        { tr("Hours"), ReviewText::hours(d.value(QLatin1String("hoursTenths")).toInt()) },
        { tr("Subject type"), ReviewText::subjectType(text(d, "subjectType")) },
    };
    if (!series.isEmpty())
        rows.append({ tr("Professional series"), series });
    rows.append({ tr("Year"), QString::number(d.value(QLatin1String("year")).toInt()) });
    rows.append({ tr("Status"), ReviewText::status(status) });
    if (!text(d, "reason").isEmpty())
        rows.append({ tr("Reason"), text(d, "reason") });
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    for (const auto &[name, value] : std::as_const(rows)) {
        html += QStringLiteral("<tr><td style=\"color:#666\" nowrap>%1</td><td>%2</td></tr>")
                    .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    }
    html += QStringLiteral("</table>");
    if (status == QLatin1String("draft")) {
        html += QStringLiteral("<p style=\"color:#9a5b00\">%1</p>")
                    .arg(tr("The person withdrew this declaration: it cannot be decided until "
                            "they submit it again.")
                             .toHtmlEscaped());
    }
    return html;
}

void ReviewPage::showDetails()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int previousAttachment = m_attachmentList->currentRow();
    const QString previousSha = m_attachmentList->currentItem()
        ? m_attachmentList->currentItem()->data(ShaRole).toString()
        : QString();
    {
        const QSignalBlocker blocker(m_attachmentList);
        m_attachmentList->clear();
    }
    if (rows.size() != 1) {
        m_detailLabel->setText(rows.isEmpty()
                ? tr("Select a declaration to see it with its attachments.")
                : tr("%n declaration(s) selected, %1 of them to review.", nullptr, int(rows.size()))
                      .arg(selectedReviewableIds().size()));
        m_attachmentsCaption->setVisible(false);
        m_attachmentList->setVisible(false);
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->clear();
        m_shownPath.clear();
        updateActions();
        return;
    }
    const QJsonObject d = rows.first().data(ReviewTableModel::DataRole).toJsonObject();
    m_detailLabel->setText(detailsHtml(d));
    const QJsonArray attachments = d.value(QLatin1String("attachments")).toArray();
    m_attachmentsCaption->setVisible(true);
    m_attachmentList->setVisible(true);
    int restore = -1;
    {
        const QSignalBlocker blocker(m_attachmentList);
        for (const QJsonValue &value : attachments) {
            const QJsonObject a = value.toObject();
            const QString sha = text(a, "sha256");
            const bool here = m_cache && m_cache->contains(sha);
            auto *item
                = new QListWidgetItem(tr("%1 (%2)%3")
                                          .arg(safeAttachmentName(text(a, "name")),
                                              megabytes(a.value(QLatin1String("size")).toInteger()),
                                              here ? QString() : tr(" – not on this computer yet")),
                    m_attachmentList);
            item->setData(ShaRole, sha);
            item->setData(KindRole, text(a, "kind"));
            if (sha == previousSha)
                restore = m_attachmentList->count() - 1;
        }
    }
    if (attachments.isEmpty()) {
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->setText(tr("No attachments."));
        m_shownPath.clear();
    } else {
        // The same attachment stays on screen across a refresh; otherwise the first one.
        m_attachmentList->setCurrentRow(restore >= 0 ? restore : 0);
        if (restore >= 0 && restore == previousAttachment)
            openAttachment(restore);
    }
    updateActions();
}

void ReviewPage::openAttachment(int row)
{
    QListWidgetItem *item = m_attachmentList->item(row);
    if (!item) {
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->clear();
        m_shownPath.clear();
        return;
    }
    const QString sha = item->data(ShaRole).toString();
    const QString path = m_cache ? m_cache->path(sha) : QString();
    if (path.isEmpty()) {
        m_shownPath.clear();
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->setText(m_cache && m_cache->capReached()
                ? tr("This attachment is not on this computer: the space for attachments is "
                     "full (see Settings).")
                : tr("This attachment is not on this computer yet: it is downloaded with the "
                     "next sync."));
        return;
    }
    if (path == m_shownPath)
        return;
    // The kind by content, as the server checked it: never shown as something it is not.
    QFile file(path);
    const QByteArray head = file.open(QIODevice::ReadOnly) ? file.read(16) : QByteArray();
    const AttachmentKind kind = sniffAttachment(head);
    if (kind == AttachmentKind::Unknown
        || attachmentKindName(kind) != item->data(KindRole).toString()) {
        m_shownPath.clear();
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->setText(tr("This attachment cannot be shown: its content is not "
                                         "the kind of file it claims to be."));
        return;
    }
    m_shownPath = path;
    m_zoom = 1.0;
    if (kind == AttachmentKind::Pdf) {
        m_shownIsPdf = true;
        if (m_pdf->load(path) != QPdfDocument::Error::None) {
            m_shownPath.clear();
            m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
            m_viewerMessageLabel->setText(tr("This PDF cannot be opened."));
            return;
        }
        m_viewerStack->setCurrentWidget(m_pdfView);
    } else {
        m_shownIsPdf = false;
        m_pdf->close();
        m_viewerStack->setCurrentWidget(m_imageScroll);
    }
    applyZoom();
}

void ReviewPage::applyZoom()
{
    m_zoomLabel->setText(QStringLiteral("%1%").arg(qRound(m_zoom * 100)));
    if (m_shownPath.isEmpty())
        return;
    if (m_shownIsPdf) {
        m_pdfView->setZoomFactor(m_zoom);
        return;
    }
    QPixmap pixmap(m_shownPath);
    if (pixmap.isNull()) {
        m_viewerStack->setCurrentWidget(m_viewerMessageLabel);
        m_viewerMessageLabel->setText(tr("This image cannot be opened."));
        return;
    }
    // 100 % fits the image into the viewer's width; zooming scales from there.
    const int width = std::max(64, m_imageScroll->viewport()->width() - 4);
    const double fit = std::min(1.0, double(width) / std::max(1, pixmap.width()));
    const QSize size = (QSizeF(pixmap.size()) * fit * m_zoom).toSize().expandedTo(QSize(1, 1));
    m_imageLabel->setPixmap(pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation));
    m_imageLabel->resize(size);
}

void ReviewPage::zoomIn()
{
    m_zoom = std::min(8.0, m_zoom * 1.25);
    applyZoom();
}

void ReviewPage::zoomOut()
{
    m_zoom = std::max(0.25, m_zoom / 1.25);
    applyZoom();
}

void ReviewPage::updateActions()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    const int reviewable = int(selectedReviewableIds().size());
    m_confirmButton->setEnabled(m_engine && m_approved && reviewable > 0);
    m_confirmButton->setText(reviewable > 1 ? tr("Confirm %1").arg(reviewable) : tr("Confirm"));
    m_rejectButton->setEnabled(m_engine && m_approved && reviewable == 1 && rows.size() == 1);
    QString why;
    if (!m_approved) {
        why = tr("Your organisation must be approved by the administrator before it can decide "
                 "declarations.");
    } else if (rows.size() == 1
        && rows.first().data(ReviewTableModel::StatusRole).toString() == QLatin1String("draft")) {
        why = tr("Withdrawn by the person: it cannot be decided.");
    }
    m_confirmButton->setToolTip(why);
    m_rejectButton->setToolTip(why);
    if (!m_approved)
        ui::setMessage(m_actionMessageLabel, why, ui::Severity::Warning);
    m_zoomInButton->setEnabled(!m_shownPath.isEmpty());
    m_zoomOutButton->setEnabled(!m_shownPath.isEmpty());
    m_countLabel->setText(
        tr("%1 of %n declaration(s) shown", nullptr, m_model->rowCount()).arg(m_proxy->rowCount()));
}

void ReviewPage::updateCacheStatus()
{
    if (!m_cache) {
        m_cacheStatusLabel->clear();
        return;
    }
    const qint64 used = m_cache->usedBytes();
    QString message = tr("Attachments on this computer: %1 of %2.")
                          .arg(megabytes(used), megabytes(m_cache->capBytes()));
    ui::Severity severity = ui::Severity::Hint;
    if (m_cache->capReached()) {
        message = ui::joinSentences(message,
            tr("The space for attachments is full: %n attachment(s) were not downloaded. "
               "Raise the limit in Settings, or decide declarations to free space.",
                nullptr, m_cache->skippedFiles()));
        severity = ui::Severity::Warning;
    }
    if (m_cacheFailed && !m_cacheMessage.isEmpty()) {
        message = ui::joinSentences(message, m_cacheMessage);
        severity = ui::Severity::Warning;
    }
    ui::setMessage(m_cacheStatusLabel, message, severity);
}

int ReviewPage::confirmSelected()
{
    if (!m_engine || !m_approved)
        return 0;
    const QStringList ids = selectedReviewableIds();
    if (ids.isEmpty())
        return 0;
    QList<SyncEngine::MutationRequest> requests;
    requests.reserve(ids.size());
    for (const QString &id : ids)
        requests.append({ QStringLiteral("declaration.confirm"), id, {} });
    // The cached versions are the ones the officer saw: the engine sends them as baseVersion.
    m_queueing = true;
    const QStringList mutationIds = m_engine->queueMutations(requests);
    m_queueing = false;
    if (mutationIds.isEmpty()) {
        ui::setMessage(m_actionMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return 0;
    }
    m_batch.clear();
    m_batchApplied = 0;
    for (int i = 0; i < mutationIds.size(); ++i)
        m_batch.insert(mutationIds.at(i), ids.at(i));
    m_model->refresh(m_store, ids);
    refreshOutbox();
    ui::setMessage(m_actionMessageLabel,
        tr("%n confirmation(s) saved; sent at the next sync.", nullptr, int(ids.size())),
        ui::Severity::Success);
    updateBatchResult();
    showDetails();
    return int(ids.size());
}

void ReviewPage::updateBatchResult()
{
    if (m_batch.isEmpty() || !m_store) {
        m_batchResultLabel->clear();
        return;
    }
    int problems = 0;
    for (const OutboxMutation &m : m_store->problems()) {
        if (m_batch.contains(m.id))
            ++problems;
    }
    const int total = int(m_batch.size());
    const int waiting = std::max(0, total - m_batchApplied - problems);
    ui::setMessage(m_batchResultLabel,
        tr("Last confirmation of %n declaration(s): %1 accepted by the server, %2 not applied "
           "(see Sync problems), %3 waiting to be sent.",
            nullptr, total)
            .arg(m_batchApplied)
            .arg(problems)
            .arg(waiting),
        problems > 0 ? ui::Severity::Warning : ui::Severity::Info);
}

void ReviewPage::rejectSelected()
{
    if (selectedReviewableIds().size() != 1)
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("rejectReasonDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(UiText::windowTitle(tr("Return the declaration")));
    auto *layout = new QVBoxLayout(dialog);
    auto *label = new QLabel(tr("Why is the declaration returned? The person sees this reason "
                                "and can correct the declaration."),
        dialog);
    label->setWordWrap(true);
    auto *reason = new QLineEdit(dialog);
    reason->setObjectName(QStringLiteral("rejectReasonLineEdit"));
    auto *message = ui::createMessageLabel(QStringLiteral("rejectReasonMessageLabel"), dialog);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton *ok = box->button(QDialogButtonBox::Ok);
    ok->setObjectName(QStringLiteral("rejectReasonOkButton"));
    ok->setText(tr("Return"));
    ok->setEnabled(false);
    box->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(label);
    layout->addWidget(reason);
    layout->addWidget(message);
    layout->addWidget(box);
    connect(reason, &QLineEdit::textChanged, ok, [ok, message](const QString &text) {
        const qsizetype length = text.trimmed().size();
        ok->setEnabled(length >= 1 && length <= MaxReasonLength);
        if (length > MaxReasonLength)
            ui::setMessage(message,
                tr("The reason is %1 characters long; at most %2 are allowed.")
                    .arg(length)
                    .arg(MaxReasonLength),
                ui::Severity::Error);
        else if (length == 0)
            ui::setMessage(message, tr("A reason is required."), ui::Severity::Hint);
        else
            message->clear();
    });
    ui::setMessage(message, tr("A reason is required."), ui::Severity::Hint);
    connect(box, &QDialogButtonBox::accepted, dialog, [this, dialog, reason] {
        if (rejectSelectedWithReason(reason->text()))
            dialog->accept();
    });
    connect(box, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    dialog->resize(440, dialog->sizeHint().height());
    dialog->open();
}

bool ReviewPage::rejectSelectedWithReason(const QString &reason)
{
    const QStringList ids = selectedReviewableIds();
    const QString trimmed = reason.trimmed();
    if (!m_engine || !m_approved || ids.size() != 1 || trimmed.isEmpty()
        || trimmed.size() > MaxReasonLength)
        return false;
    m_queueing = true;
    const QString id = m_engine->queueMutation(QStringLiteral("declaration.reject"), ids.first(),
        QJsonObject { { QStringLiteral("reason"), trimmed } });
    m_queueing = false;
    if (id.isEmpty()) {
        ui::setMessage(m_actionMessageLabel, m_engine->lastMessage(), ui::Severity::Error);
        return false;
    }
    m_model->refresh(m_store, ids);
    refreshOutbox();
    ui::setMessage(
        m_actionMessageLabel, tr("Returned; sent at the next sync."), ui::Severity::Success);
    showDetails();
    return true;
}

void ReviewPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ReviewPage::retranslateUi()
{
    m_titleLabel->setText(tr("Hours review"));
    m_stateCaption->setText(tr("State:"));
    {
        // First use: what is left to review.
        const QString state = m_stateFilter->count() == 0 ? QStringLiteral("pending")
                                                          : m_stateFilter->currentData().toString();
        const QSignalBlocker blocker(m_stateFilter);
        m_stateFilter->clear();
        m_stateFilter->addItem(tr("All states"), QString());
        for (const char *status : { "pending", "confirmed", "rejected", "draft" }) {
            const QString code = QLatin1String(status);
            m_stateFilter->addItem(ReviewText::status(code), code);
        }
        m_stateFilter->setCurrentIndex(std::max(0, m_stateFilter->findData(state)));
    }
    {
        const QString subject = m_subjectFilter->currentData().toString();
        const QSignalBlocker blocker(m_subjectFilter);
        m_subjectFilter->clear();
        m_subjectFilter->addItem(tr("All subjects"), QString());
        for (const char *code : { "professional", "elective" })
            m_subjectFilter->addItem(
                ReviewText::subjectType(QLatin1String(code)), QLatin1String(code));
        m_subjectFilter->setCurrentIndex(std::max(0, m_subjectFilter->findData(subject)));
    }
    if (m_yearFilter->count() > 0)
        m_yearFilter->setItemText(0, tr("All years"));
    m_personFilter->setPlaceholderText(tr("Name contains…"));
    m_dateCaption->setText(tr("Training:"));
    m_fromDate->setSpecialValueText(tr("any"));
    m_toDate->setSpecialValueText(tr("any"));
    m_clearDatesButton->setText(tr("Any date"));
    m_detailGroup->setTitle(tr("Declaration"));
    m_attachmentsCaption->setText(tr("Attachments"));
    m_zoomInButton->setToolTip(tr("Zoom in"));
    m_zoomOutButton->setToolTip(tr("Zoom out"));
    m_rejectButton->setText(tr("Return…"));
    m_model->retranslate();
    updateFilter();
    updateCacheStatus();
    updateBatchResult();
    showDetails();
}

} // namespace xueshi
