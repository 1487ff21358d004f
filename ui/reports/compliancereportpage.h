#pragma once

#include "reports/compliancereport.h"

#include <QDate>
#include <QFutureWatcher>
#include <QPointer>
#include <QWidget>

class QBarCategoryAxis;
class QBarSet;
class QChart;
class QChartView;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPrinter;
class QProgressBar;
class QPushButton;
class QTableView;
class QTextDocument;
class QTimer;

namespace xueshi {

class ComplianceReportModel;
class ComplianceReportProxyModel;
class LocalStore;
class SyncEngine;

// The employer's 统计报表 (R8, manual section 6): for a year, every staff member's confirmed hours
// by type, pending hours and the result under the policy of the employer's region, from the
// local cache (works offline). The report is read on a worker thread (the window never waits
// for 100,000 records) with a progress bar, then shown with the counts and a chart of how many
// staff meet each minimum; filterable to those not passing and by name, sortable by every
// column, exported as a formula-safe CSV file and printed through a print preview. It is read
// again when the sync brings bindings, hour records or policies, once the page is on screen.
class ComplianceReportPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ComplianceReportPage)

public:
    explicit ComplianceReportPage(QWidget *parent = nullptr);
    ~ComplianceReportPage() override;

    // The employer's store (null: nothing to show), its region (for policyFor) and its name
    // (for the printout).
    void setSource(LocalStore *store, const QString &regionCode, const QString &employerName);
    // Reads the report again when this engine changes bindings, hour records or policies.
    void setEngine(SyncEngine *engine);
    // "Today" in China time, for the year offered first (tests, the benchmark).
    void setToday(const QDate &today);

    int year() const;
    void setYear(int year);
    bool isLoading() const { return m_loading; }
    ComplianceReportModel *model() const { return m_model; }
    ComplianceReportProxyModel *proxy() const { return m_proxy; }

    // Writes the rows shown, in the order shown, as CSV (UTF-8 with BOM); false with the reason
    // on the page when the file cannot be written.
    bool exportCsvTo(const QString &path);
    // Where 导出 CSV opens (the documents folder at first, then where the last file went).
    void setExportDirectory(const QString &directory) { m_exportDirectory = directory; }
    // The heading of the printout: a title with the year, the employer, the counts, the policy
    // and the filters shown.
    void buildPrintHeading(QTextDocument *document) const;
    // Prints the heading, then the rows shown in the order shown as a table whose header is
    // repeated on each page, with page numbers.
    void print(QPrinter *printer);
    // Renders the printout to a PDF file (A4 landscape).
    bool printToPdf(const QString &path);
    // How many rows the last print() laid out.
    int printedRowCount() const { return m_printedRows; }

public slots:
    void reload();
    // Asks for the file, then exportCsvTo().
    void exportCsv();
    // Opens the print preview (QPrintPreviewDialog) of the rows shown.
    void printPreview();

signals:
    // A report was read and shown (ok false: it could not be read; the page says why).
    void reportLoaded(bool ok);

protected:
    void showEvent(QShowEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    static QFont printFont();
    void startLoad();
    void showReport(ComplianceReport report);
    void updateYears(const QList<int> &years);
    void updateCounts();
    void updateChart();
    void retranslateUi();

    QPointer<SyncEngine> m_engine;
    LocalStore *m_store = nullptr;
    QString m_regionCode;
    QString m_employerName;
    QDate m_today;
    bool m_dirty = true; // the store changed since the report was read
    bool m_loading = false;
    quint64 m_generation = 0; // the load whose result is awaited; older ones are dropped
    int m_printedRows = 0;
    QString m_message;
    QString m_exportDirectory;

    ComplianceReportModel *m_model;
    ComplianceReportProxyModel *m_proxy;
    QTimer *m_reloadTimer;
    QPointer<QFutureWatcher<ComplianceReport>> m_watcher;

    QLabel *m_titleLabel;
    QLabel *m_yearCaption;
    QComboBox *m_yearCombo;
    QCheckBox *m_notPassedCheck;
    QLineEdit *m_nameFilter;
    QPushButton *m_exportButton;
    QPushButton *m_printButton;
    QProgressBar *m_progress;
    QLabel *m_statusLabel;
    QLabel *m_countsLabel;
    QLabel *m_policyLabel;
    QChart *m_chart;
    QChartView *m_chartView;
    QBarSet *m_metSet;
    QBarSet *m_shortSet;
    QBarCategoryAxis *m_categories;
    QTableView *m_view;
    QLabel *m_shownLabel;
};

} // namespace xueshi
