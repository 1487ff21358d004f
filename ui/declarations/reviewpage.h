#pragma once

#include "syncengine.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPdfDocument;
class QPdfView;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QStackedWidget;
class QTableView;

namespace xueshi {

class AttachmentCache;
class ClientCore;
class LocalStore;
class ReviewFilterProxyModel;
class ReviewTableModel;

// The employer's "学时审核" (R7, R9): its staff's self-declarations from the local cache,
// filtered by state, year, person (as one types), subject type and training dates, sortable by
// every column, with the proof beside them (images zoomable, PDFs in QPdfView) read from the
// attachment cache, so the review works offline. 确认 queues one declaration.confirm per selected
// declaration as one action (one transaction, one refresh of the rows); 退回 needs a reason of
// 1–200 characters. Each decision goes with the version the officer saw: a declaration the
// learner withdrew or edited meanwhile comes back as a conflict (同步问题) and nothing is
// applied. A withdrawn declaration (back to `draft` in this cache) is shown as withdrawn and
// cannot be decided; an organisation not approved yet cannot decide at all.
class ReviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReviewPage)

public:
    explicit ReviewPage(ClientCore *core, QWidget *parent = nullptr);
    ~ReviewPage() override;

    // The logged-in employer's engine, with the core's local store.
    void setEngine(SyncEngine *engine);
    // An engine and store of the caller's choosing (the benchmark's store without a login).
    void setSource(SyncEngine *engine, LocalStore *store);
    // Only an organisation the administrator approved decides declarations (R1).
    void setApproved(bool approved);

    AttachmentCache *attachmentCache() const { return m_cache; }
    ReviewTableModel *model() const { return m_model; }
    ReviewFilterProxyModel *proxy() const { return m_proxy; }

public slots:
    // Queues declaration.confirm for each selected declaration still to review, as one action;
    // returns how many.
    int confirmSelected();
    // Opens the dialog asking for the reason (required), then returns the selected declaration.
    void rejectSelected();
    // Queues declaration.reject of the one selected declaration; false without a valid reason.
    bool rejectSelectedWithReason(const QString &reason);
    // Shows the attachment at this row of the attachment list.
    void openAttachment(int row);
    void zoomIn();
    void zoomOut();

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void refreshOutbox();
    void updateFilter();
    void updateYears();
    void showDetails();
    void updateActions();
    void updateCacheStatus();
    void updateBatchResult();
    void applyZoom();
    void startAttachmentCache();
    QStringList selectedReviewableIds() const;
    QString detailsHtml(const QJsonObject &declaration) const;
    void retranslateUi();

    ClientCore *m_core;
    bool m_approved = true;
    QPointer<SyncEngine> m_engine;
    LocalStore *m_store = nullptr;
    AttachmentCache *m_cache = nullptr;
    bool m_queueing = false; // our own batch is being queued: its rows are refreshed in place
    ReviewTableModel *m_model;
    ReviewFilterProxyModel *m_proxy;
    // The decisions of the last batch: mutation id → declaration id, and their outcomes.
    QHash<QString, QString> m_batch;
    int m_batchApplied = 0;
    QString m_cacheMessage;
    bool m_cacheFailed = false;
    double m_zoom = 1.0;
    QString m_shownPath;
    bool m_shownIsPdf = false;

    QLabel *m_titleLabel;
    QLabel *m_stateCaption;
    QComboBox *m_stateFilter;
    QComboBox *m_yearFilter;
    QLineEdit *m_personFilter;
    QComboBox *m_subjectFilter;
    QLabel *m_dateCaption;
    QDateEdit *m_fromDate;
    QDateEdit *m_toDate;
    QPushButton *m_clearDatesButton;
    QProgressBar *m_cacheProgress;
    QLabel *m_cacheStatusLabel;
    QTableView *m_view;
    QLabel *m_countLabel;
    QGroupBox *m_detailGroup;
    QLabel *m_detailLabel;
    QLabel *m_attachmentsCaption;
    QListWidget *m_attachmentList;
    QStackedWidget *m_viewerStack;
    QLabel *m_viewerMessageLabel;
    QPdfDocument *m_pdf;
    QPdfView *m_pdfView;
    QScrollArea *m_imageScroll;
    QLabel *m_imageLabel;
    QPushButton *m_zoomOutButton;
    QPushButton *m_zoomInButton;
    QLabel *m_zoomLabel;
    QPushButton *m_confirmButton;
    QPushButton *m_rejectButton;
    QLabel *m_actionMessageLabel;
    QLabel *m_batchResultLabel;
};

} // namespace xueshi
