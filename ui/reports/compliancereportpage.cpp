#include "reports/compliancereportpage.h"

#include "clock.h"
#include "common/uicommon.h"
#include "localstore.h"
#include "reports/compliancereportmodel.h"
#include "syncengine.h"

#include <QAbstractTextDocumentLayout>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QLegend>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTableView>
#include <QTextDocument>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>
#include <QtConcurrent/QtConcurrentRun>

#include <numeric>

namespace xueshi {

namespace {

const QStringList ReportTypes { QStringLiteral("binding"), QStringLiteral("hourRecord"),
    QStringLiteral("policy") };
constexpr int ReloadDelayMs = 300; // a sync brings its pages in bursts: read the report once

QString number(int n)
{
    return QLocale().toString(n);
}

} // namespace

ComplianceReportPage::ComplianceReportPage(QWidget *parent)
    : QWidget(parent)
    , m_today(SystemClock::instance()->todayInChina())
    , m_model(new ComplianceReportModel(this))
    , m_proxy(new ComplianceReportProxyModel(this))
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("complianceReportPage"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ComplianceReportModel::SortRole);
    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(ReloadDelayMs);
    connect(m_reloadTimer, &QTimer::timeout, this, &ComplianceReportPage::reload);

    auto *layout = new QVBoxLayout(this);
    m_titleLabel = new QLabel(this);
    m_titleLabel->setObjectName(QStringLiteral("reportTitleLabel"));
    ui::makeHeading(m_titleLabel, 6);
    layout->addWidget(m_titleLabel);

    auto *controls = new QHBoxLayout;
    m_yearCaption = new QLabel(this);
    m_yearCombo = new QComboBox(this);
    m_yearCombo->setObjectName(QStringLiteral("reportYearComboBox"));
    m_yearCaption->setBuddy(m_yearCombo);
    m_notPassedCheck = new QCheckBox(this);
    m_notPassedCheck->setObjectName(QStringLiteral("notPassedCheckBox"));
    m_nameFilter = new QLineEdit(this);
    m_nameFilter->setObjectName(QStringLiteral("nameFilterLineEdit"));
    m_nameFilter->setClearButtonEnabled(true);
    m_exportButton = new QPushButton(this);
    m_exportButton->setObjectName(QStringLiteral("exportCsvButton"));
    m_printButton = new QPushButton(this);
    m_printButton->setObjectName(QStringLiteral("printButton"));
    controls->addWidget(m_yearCaption);
    controls->addWidget(m_yearCombo);
    controls->addWidget(m_notPassedCheck);
    controls->addWidget(m_nameFilter, 1);
    controls->addWidget(m_exportButton);
    controls->addWidget(m_printButton);
    layout->addLayout(controls);

    auto *statusRow = new QHBoxLayout;
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("reportProgressBar"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setMaximumWidth(240);
    m_progress->setVisible(false);
    m_statusLabel = ui::createMessageLabel(QStringLiteral("reportStatusLabel"), this);
    statusRow->addWidget(m_progress);
    statusRow->addWidget(m_statusLabel, 1);
    layout->addLayout(statusRow);

    // The counts beside a chart of how many staff meet each minimum: who is short, and of what.
    auto *summary = new QHBoxLayout;
    auto *countsColumn = new QVBoxLayout;
    m_countsLabel = new QLabel(this);
    m_countsLabel->setObjectName(QStringLiteral("reportCountsLabel"));
    m_countsLabel->setTextFormat(Qt::RichText);
    m_countsLabel->setWordWrap(true);
    m_policyLabel = new QLabel(this);
    m_policyLabel->setObjectName(QStringLiteral("reportPolicyLabel"));
    m_policyLabel->setWordWrap(true);
    countsColumn->addWidget(m_countsLabel);
    countsColumn->addWidget(m_policyLabel);
    countsColumn->addStretch(1);
    m_metSet = new QBarSet(QString(), this);
    m_metSet->setColor(QColor(0x2e, 0x9e, 0x5b));
    m_shortSet = new QBarSet(QString(), this);
    m_shortSet->setColor(QColor(0xe0, 0x7b, 0x39));
    for (int i = 0; i < 5; ++i) {
        m_metSet->append(0);
        m_shortSet->append(0);
    }
    auto *series = new QHorizontalStackedBarSeries;
    series->append(m_metSet);
    series->append(m_shortSet);
    series->setLabelsVisible(true);
    series->setLabelsPosition(QAbstractBarSeries::LabelsCenter);
    m_chart = new QChart;
    m_chart->addSeries(series);
    m_categories = new QBarCategoryAxis(m_chart);
    m_categories->setTruncateLabels(false);
    m_chart->addAxis(m_categories, Qt::AlignLeft);
    series->attachAxis(m_categories);
    auto *values = new QValueAxis(m_chart);
    values->setLabelFormat(QStringLiteral("%d"));
    values->setRange(0, 1);
    m_chart->addAxis(values, Qt::AlignBottom);
    series->attachAxis(values);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("reportChartView"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumHeight(300);
    m_chartView->setMaximumHeight(340);
    summary->addLayout(countsColumn, 2);
    summary->addWidget(m_chartView, 3);
    layout->addLayout(summary);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("reportTableView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: measuring 10,000 rows' contents would cost seconds.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ComplianceReportModel::NameColumn, Qt::AscendingOrder);
    layout->addWidget(m_view, 1);
    m_shownLabel = new QLabel(this);
    m_shownLabel->setObjectName(QStringLiteral("reportShownLabel"));
    layout->addWidget(m_shownLabel);

    connect(m_yearCombo, &QComboBox::currentIndexChanged, this, &ComplianceReportPage::reload);
    connect(m_notPassedCheck, &QCheckBox::toggled, this, [this](bool only) {
        m_proxy->setOnlyNotPassed(only);
        updateCounts();
    });
    connect(m_nameFilter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setNameFilter(text);
        updateCounts();
    });
    connect(m_exportButton, &QPushButton::clicked, this, &ComplianceReportPage::exportCsv);
    connect(m_printButton, &QPushButton::clicked, this, &ComplianceReportPage::printPreview);

    setYear(m_today.year());
    retranslateUi();
}

ComplianceReportPage::~ComplianceReportPage()
{
    // The worker stops at its next progress report; its result goes nowhere.
    if (m_watcher)
        m_watcher->cancel();
}

void ComplianceReportPage::setSource(
    LocalStore *store, const QString &regionCode, const QString &employerName)
{
    m_employerName = employerName;
    // The window passes the source again on every refresh of the user (GET /me): read again
    // only when the store or the region (so the policy) changed.
    if (store == m_store && regionCode == m_regionCode && m_generation > 0)
        return;
    m_store = store;
    m_regionCode = regionCode;
    reload();
}

void ComplianceReportPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (!engine)
        return;
    connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
        for (const QString &type : types) {
            if (ReportTypes.contains(type)) {
                m_reloadTimer->start();
                return;
            }
        }
    });
    connect(engine, &SyncEngine::cacheReset, m_reloadTimer, qOverload<>(&QTimer::start));
}

void ComplianceReportPage::setToday(const QDate &today)
{
    m_today = today;
    updateYears({});
}

int ComplianceReportPage::year() const
{
    return m_yearCombo->currentData().toInt();
}

void ComplianceReportPage::setYear(int year)
{
    if (m_yearCombo->findData(year) < 0) {
        QList<int> years;
        for (int i = 0; i < m_yearCombo->count(); ++i)
            years.append(m_yearCombo->itemData(i).toInt());
        years.append(year);
        updateYears(years);
    }
    m_yearCombo->setCurrentIndex(m_yearCombo->findData(year));
}

void ComplianceReportPage::updateYears(const QList<int> &years)
{
    QList<int> all = years;
    for (int i = 0; i < m_yearCombo->count(); ++i) {
        if (!all.contains(m_yearCombo->itemData(i).toInt()))
            all.append(m_yearCombo->itemData(i).toInt());
    }
    if (m_today.isValid() && !all.contains(m_today.year()))
        all.append(m_today.year());
    std::sort(all.begin(), all.end(), std::greater<>());
    const int current = year() > 0 ? year() : m_today.year();
    const QSignalBlocker blocker(m_yearCombo);
    m_yearCombo->clear();
    for (int y : std::as_const(all))
        m_yearCombo->addItem(QString::number(y), y);
    m_yearCombo->setCurrentIndex(std::max(0, m_yearCombo->findData(current)));
}

void ComplianceReportPage::reload()
{
    m_dirty = true;
    if (isVisible())
        startLoad();
}

void ComplianceReportPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        startLoad();
}

void ComplianceReportPage::startLoad()
{
    m_dirty = false;
    m_reloadTimer->stop();
    const quint64 generation = ++m_generation;
    if (!m_store || !m_store->isOpen()) {
        if (m_watcher)
            m_watcher->cancel();
        m_loading = false;
        m_progress->setVisible(false);
        ComplianceReport empty;
        empty.year = year();
        empty.ok = true;
        m_model->setReport(std::move(empty));
        m_message = tr("The report appears once this computer has synchronised with the server.");
        ui::setMessage(m_statusLabel, m_message, ui::Severity::Hint);
        updateCounts();
        updateChart();
        emit reportLoaded(false);
        return;
    }
    m_loading = true;
    m_progress->setValue(0);
    m_progress->setVisible(true);
    m_message = tr("Reading the report of %1…").arg(year());
    ui::setMessage(m_statusLabel, m_message, ui::Severity::Info);
    m_exportButton->setEnabled(false);
    m_printButton->setEnabled(false);

    // The worker reads the file on a connection of its own; it holds no pointer to this page,
    // which may be gone when it ends.
    const QString path = m_store->path();
    const int y = year();
    const QString region = m_regionCode;
    auto *watcher = new QFutureWatcher<ComplianceReport>(this);
    connect(
        watcher, &QFutureWatcherBase::progressValueChanged, this, [this, generation](int value) {
            if (generation == m_generation)
                m_progress->setValue(value);
        });
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || watcher->future().resultCount() == 0)
            return;
        showReport(watcher->future().takeResult());
    });
    // A newer load makes the older one stop at its next progress report.
    if (m_watcher)
        m_watcher->cancel();
    m_watcher = watcher;
    watcher->setFuture(QtConcurrent::run([path, y, region](QPromise<ComplianceReport> &promise) {
        promise.setProgressRange(0, 1000);
        ComplianceReport report = loadComplianceReport(path, y, region, [&promise](int permille) {
            promise.setProgressValue(permille);
            return !promise.isCanceled();
        });
        promise.addResult(std::move(report));
    }));
}

void ComplianceReportPage::showReport(ComplianceReport report)
{
    m_loading = false;
    m_progress->setVisible(false);
    const bool ok = report.ok;
    if (ok) {
        m_message.clear();
        ui::setMessage(m_statusLabel, QString(), ui::Severity::Info);
        updateYears(report.recordYears);
        m_model->setReport(std::move(report));
    } else {
        m_message = tr("The report could not be read: %1").arg(report.error);
        ui::setMessage(m_statusLabel, m_message, ui::Severity::Error);
    }
    m_exportButton->setEnabled(true);
    m_printButton->setEnabled(true);
    updateCounts();
    updateChart();
    emit reportLoaded(ok);
}

void ComplianceReportPage::updateCounts()
{
    const ComplianceReport &r = m_model->report();
    m_countsLabel->setText(
        tr("<b>%1</b>: <b>%2</b> staff, <span style=\"color:#1b7f3b\"><b>%3</b> passed</span>, "
           "<span style=\"color:#b42b1f\"><b>%4</b> not passed</span>")
            .arg(r.year)
            .arg(number(r.staffCount()), number(r.passedCount), number(r.notPassedCount)));
    const YearPolicy &p = r.policy;
    QString policy = p.year == 0
        ? QString()
        : tr("Required: %1 hours in total, at least %2 public, %3 professional and %4 elective "
             "hours (%5).")
              .arg(formatTenths(p.totalTenths), formatTenths(p.publicTenths),
                  formatTenths(p.professionalTenths), formatTenths(p.electiveTenths),
                  p.regionCode.isEmpty() ? tr("national policy")
                                         : tr("policy of region %1").arg(p.regionCode));
    if (p.year != 0 && p.substitution)
        policy = ui::joinSentences(
            policy, tr("Hours above one type's minimum make up another type's shortfall."));
    m_policyLabel->setText(policy);
    m_shownLabel->setText(tr("%n staff member(s) shown", nullptr, m_proxy->rowCount()));
}

void ComplianceReportPage::updateChart()
{
    const ComplianceReport &r = m_model->report();
    const int staff = r.staffCount();
    // Bottom to top: the result, then the total and each type.
    const int met[] = { r.passedCount, r.totalMetCount, r.electiveMetCount, r.professionalMetCount,
        r.publicMetCount };
    for (int i = 0; i < 5; ++i) {
        m_metSet->replace(i, met[i]);
        m_shortSet->replace(i, staff - met[i]);
    }
    const auto axes = m_chart->axes(Qt::Horizontal);
    if (!axes.isEmpty())
        axes.first()->setRange(0, std::max(1, staff));
}

bool ComplianceReportPage::exportCsvTo(const QString &path)
{
    QList<QStringList> lines { ComplianceText::csvHeader() };
    const QList<int> rows = m_proxy->shownSourceRows();
    lines.reserve(rows.size() + 1);
    for (int row : rows)
        lines.append(ComplianceText::csvRow(m_model->rowAt(row)));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csvDocument(lines)) < 0 || !file.commit()) {
        ui::setMessage(m_statusLabel,
            tr("The file could not be written: %1").arg(file.errorString()), ui::Severity::Error);
        return false;
    }
    ui::setMessage(m_statusLabel,
        tr("%n row(s) exported to %1.", nullptr, int(rows.size()))
            .arg(QDir::toNativeSeparators(path)),
        ui::Severity::Success);
    return true;
}

void ComplianceReportPage::exportCsv()
{
    QFileDialog dialog(this, tr("Export CSV"));
    dialog.setObjectName(QStringLiteral("exportCsvFileDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setNameFilter(tr("CSV files (*.csv)"));
    dialog.setDefaultSuffix(QStringLiteral("csv"));
    dialog.setDirectory(m_exportDirectory.isEmpty()
            ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
            : m_exportDirectory);
    dialog.selectFile(tr("compliance-report-%1.csv").arg(year()));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    if (exportCsvTo(path))
        m_exportDirectory = QFileInfo(path).absolutePath();
}

QFont ComplianceReportPage::printFont()
{
    QFont font;
    // Digits in a Latin font first: drawn in the CJK font they drop out of the PDF's text.
    font.setFamilies({ QStringLiteral("DejaVu Sans"), QStringLiteral("Noto Sans CJK SC") });
    font.setPointSizeF(8);
    return font;
}

void ComplianceReportPage::buildPrintHeading(QTextDocument *document) const
{
    const ComplianceReport &r = m_model->report();
    document->setDefaultFont(printFont());
    document->setDocumentMargin(0);
    QString html = QStringLiteral("<h2 align=\"center\">%1</h2>")
                       .arg(tr("Continuing education report %1").arg(r.year).toHtmlEscaped());
    QStringList lines;
    if (!m_employerName.isEmpty())
        lines << m_employerName.toHtmlEscaped();
    lines << tr("%1 staff, %2 passed, %3 not passed")
                 .arg(number(r.staffCount()), number(r.passedCount), number(r.notPassedCount))
                 .toHtmlEscaped();
    if (!m_policyLabel->text().isEmpty())
        lines << m_policyLabel->text().toHtmlEscaped();
    QStringList filters;
    if (m_proxy->onlyNotPassed())
        filters << tr("only those not passing");
    if (!m_proxy->nameFilter().isEmpty())
        filters << tr("names containing “%1”").arg(m_proxy->nameFilter());
    if (!filters.isEmpty())
        lines << tr("Shown: %1").arg(filters.join(tr(", "))).toHtmlEscaped();
    lines << tr("Printed on %1")
                 .arg(QLocale().toString(m_today, QLocale::ShortFormat))
                 .toHtmlEscaped();
    html += QStringLiteral("<p>%1</p>").arg(lines.join(QStringLiteral("<br>")));
    document->setHtml(html);
}

void ComplianceReportPage::print(QPrinter *printer)
{
    QPainter painter;
    if (!painter.begin(printer))
        return;
    const qreal width = printer->width();
    const qreal height = printer->height();
    const qreal dpi = printer->resolution();

    // The heading (title, employer, counts, policy, filters) as rich text, laid out at the
    // printer's resolution, or the text comes out a twelfth of its size.
    QTextDocument heading;
    heading.documentLayout()->setPaintDevice(printer);
    buildPrintHeading(&heading);
    heading.setTextWidth(width);
    heading.drawContents(&painter);

    // The table is painted row by row: a QTextDocument table of 5,000 rows took 40 to 120 s to
    // lay out (bench/run.sh compliance-report --print), this takes a fraction of a second.
    const QFont font = printFont();
    QFont bold = font;
    bold.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font, printer);
    const QFontMetricsF boldMetrics(bold, printer);
    const qreal pad = dpi * 0.03; // about 0.8 mm
    const QStringList header = ComplianceText::csvHeader();
    // Shares of the width: the names and numbers narrow, what is missing wide.
    const QList<qreal> shares { 7, 11, 8, 9, 6.5, 7, 6.5, 6, 6.5, 7, 25.5 };
    const qreal total = std::accumulate(shares.begin(), shares.end(), qreal(0));
    QList<qreal> left { 0 };
    for (const qreal share : shares)
        left.append(left.last() + width * share / total);
    const auto isNumber = [](int column) {
        return column >= ComplianceReportModel::PublicColumn
            && column <= ComplianceReportModel::PendingColumn;
    };
    const auto rowHeight = [&](const QStringList &cells, const QFontMetricsF &m) {
        qreal tallest = m.height();
        for (int c = 0; c < cells.size(); ++c) {
            if (isNumber(c) || cells.at(c).isEmpty())
                continue;
            const QRectF box(0, 0, left.at(c + 1) - left.at(c) - 2 * pad, height);
            tallest = std::max(tallest,
                m.boundingRect(box, Qt::TextWordWrap | Qt::AlignLeft, cells.at(c)).height());
        }
        return tallest + 2 * pad;
    };
    const QPen grid(QColor(0x99, 0x99, 0x99), dpi / 150.0);
    const auto paintRow = [&](const QStringList &cells, qreal y, qreal h, bool isHeader) {
        if (isHeader)
            painter.fillRect(QRectF(0, y, width, h), QColor(0xee, 0xee, 0xee));
        painter.setPen(grid);
        painter.drawRect(QRectF(0, y, width, h));
        for (int c = 1; c < cells.size(); ++c)
            painter.drawLine(QPointF(left.at(c), y), QPointF(left.at(c), y + h));
        painter.setPen(Qt::black);
        for (int c = 0; c < cells.size(); ++c) {
            const QRectF box(
                left.at(c) + pad, y + pad, left.at(c + 1) - left.at(c) - 2 * pad, h - 2 * pad);
            const int align = isHeader ? Qt::AlignHCenter | Qt::AlignTop
                : isNumber(c)          ? Qt::AlignRight | Qt::AlignTop
                                       : Qt::AlignLeft | Qt::AlignTop;
            painter.drawText(box, align | Qt::TextWordWrap, cells.at(c));
        }
    };
    const qreal footer = metrics.height() * 2;
    int pageNumber = 1;
    const auto paintFooter = [&] {
        painter.setPen(Qt::black);
        painter.drawText(QRectF(0, height - metrics.height(), width, metrics.height()),
            Qt::AlignRight, QString::number(pageNumber));
    };
    const qreal headerHeight = rowHeight(header, boldMetrics);
    qreal y = heading.size().height() + pad * 2;
    const auto paintHeader = [&] {
        painter.setFont(bold);
        paintRow(header, y, headerHeight, true);
        painter.setFont(font);
        y += headerHeight;
    };
    paintHeader();
    const QList<int> rows = m_proxy->shownSourceRows();
    for (int row : rows) {
        const QStringList cells = ComplianceText::csvRow(m_model->rowAt(row));
        const qreal h = rowHeight(cells, metrics);
        if (y + h > height - footer) {
            paintFooter();
            printer->newPage();
            ++pageNumber;
            y = 0;
            paintHeader();
        }
        paintRow(cells, y, h, false);
        y += h;
    }
    paintFooter();
    painter.end();
    m_printedRows = int(rows.size());
}

bool ComplianceReportPage::printToPdf(const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(tr("Continuing education report %1").arg(year()));
    print(&printer);
    return QFileInfo::exists(path);
}

void ComplianceReportPage::printPreview()
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(tr("Continuing education report %1").arg(year()));
    QPrintPreviewDialog dialog(&printer, this);
    dialog.setObjectName(QStringLiteral("reportPrintPreviewDialog"));
    dialog.setWindowTitle(tr("Print preview"));
    connect(&dialog, &QPrintPreviewDialog::paintRequested, this, &ComplianceReportPage::print);
    dialog.exec();
}

void ComplianceReportPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ComplianceReportPage::retranslateUi()
{
    m_titleLabel->setText(tr("Compliance report"));
    m_yearCaption->setText(tr("&Year"));
    m_notPassedCheck->setText(tr("Only those not passing"));
    m_nameFilter->setPlaceholderText(tr("Filter by name"));
    m_exportButton->setText(tr("Export CSV"));
    m_printButton->setText(tr("Print"));
    m_chart->setTitle(tr("Staff meeting each minimum"));
    m_metSet->setLabel(tr("Met"));
    m_shortSet->setLabel(tr("Short"));
    m_categories->clear();
    m_categories->append({ tr("Result"), tr("Total hours"), tr("Elective subjects"),
        tr("Professional subjects"), tr("Public subjects") });
    m_model->retranslate();
    // Wide enough for the column's title in the current language, and for its values.
    const QList<std::pair<int, int>> widths { { ComplianceReportModel::NameColumn, 80 },
        { ComplianceReportModel::ResidentIdColumn, 150 },
        { ComplianceReportModel::TitleColumn, 100 }, { ComplianceReportModel::PositionColumn, 100 },
        { ComplianceReportModel::PublicColumn, 50 },
        { ComplianceReportModel::ProfessionalColumn, 50 },
        { ComplianceReportModel::ElectiveColumn, 50 }, { ComplianceReportModel::TotalColumn, 50 },
        { ComplianceReportModel::PendingColumn, 50 }, { ComplianceReportModel::ResultColumn, 80 } };
    const QFontMetrics metrics(m_view->horizontalHeader()->font());
    for (const auto &[column, width] : widths) {
        const QString title
            = m_model->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        m_view->setColumnWidth(column, std::max(width, metrics.horizontalAdvance(title) + 28));
    }
    updateCounts();
}

} // namespace xueshi
