#include "certificates/certificatespage.h"

#include "certificates/certificatedocument.h"
#include "certificates/certificatepdfcache.h"
#include "certificates/hourschart.h"
#include "clientcore.h"
#include "clock.h"
#include "common/uicommon.h"
#include "localstore.h"
#include "publiccourses.h"
#include "syncengine.h"

#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QPrintDialog>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace xueshi {

namespace {

const QString CertificateType = QStringLiteral("certificate");
const QString HourRecordType = QStringLiteral("hourRecord");

enum YearColumn {
    YearCol,
    PublicCol,
    ProfessionalCol,
    ElectiveCol,
    TotalCol,
    PendingCol,
    ResultCol,
    CertificateCol,
    ActionCol,
    YearColumnCount
};

QTableWidgetItem *item(const QString &text, Qt::Alignment alignment = Qt::AlignLeft)
{
    auto *it = new QTableWidgetItem(text);
    it->setTextAlignment(alignment | Qt::AlignVCenter);
    return it;
}

// "32.5 / 30" : the confirmed hours against the minimum.
QString against(int confirmed, int minimum)
{
    return QStringLiteral("%1 / %2").arg(formatTenths(confirmed), formatTenths(minimum));
}

} // namespace

CertificatesPage::CertificatesPage(ClientCore *core, QWidget *parent)
    : QWidget(parent)
    , m_core(core)
    , m_waitTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("certificatesPage"));
    m_waitTimer->setSingleShot(true);
    m_waitTimer->setInterval(30'000);
    connect(m_waitTimer, &QTimer::timeout, this, [this] {
        finishWaiting(tr("The server has not issued the certificate yet. Try again when the "
                         "connection is better."));
    });

    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    outer->addWidget(scroll);
    auto *content = new QWidget(scroll);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(content);

    // The title, and the page's actions at the top right (【在线打印】 where the manual has it).
    auto *header = new QHBoxLayout;
    m_titleLabel = new QLabel(content);
    m_titleLabel->setObjectName(QStringLiteral("certificatesTitleLabel"));
    ui::makeHeading(m_titleLabel);
    header->addWidget(m_titleLabel);
    header->addStretch(1);
    const auto button = [&](const char *name) {
        auto *b = new QPushButton(content);
        b->setObjectName(QLatin1String(name));
        header->addWidget(b);
        return b;
    };
    m_verifyButton = button("verifyCertificateButton");
    m_downloadButton = button("downloadCertificateButton");
    m_printButton = button("onlinePrintButton");
    ui::makePrimary(m_printButton);
    layout->addLayout(header);

    m_years = new QTableWidget(content);
    m_years->setObjectName(QStringLiteral("certificationYearsTable"));
    m_years->setColumnCount(YearColumnCount);
    m_years->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_years->setSelectionMode(QAbstractItemView::SingleSelection);
    m_years->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_years->verticalHeader()->hide();
    m_years->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_years->horizontalHeader()->setSectionResizeMode(CertificateCol, QHeaderView::Stretch);
    m_years->setMinimumHeight(140);
    m_years->setMaximumHeight(220);
    layout->addWidget(m_years);

    m_yearCaption = new QLabel(content);
    m_yearCaption->setObjectName(QStringLiteral("certificationYearCaption"));
    ui::makeHeading(m_yearCaption, 2);
    layout->addWidget(m_yearCaption);
    auto *result = new QHBoxLayout;
    m_resultLabel = new QLabel(content);
    m_resultLabel->setObjectName(QStringLiteral("certificationResultLabel"));
    ui::makeHeading(m_resultLabel, 2);
    result->addWidget(m_resultLabel);
    m_missingLabel = new QLabel(content);
    m_missingLabel->setObjectName(QStringLiteral("certificationMissingLabel"));
    m_missingLabel->setWordWrap(true);
    result->addWidget(m_missingLabel, 1);
    layout->addLayout(result);
    m_certificateLabel = new QLabel(content);
    m_certificateLabel->setObjectName(QStringLiteral("certificateStateLabel"));
    m_certificateLabel->setWordWrap(true);
    layout->addWidget(m_certificateLabel);
    m_chart = new HoursChart(content);
    layout->addWidget(m_chart);

    const auto recordsTable = [&](const char *name) {
        auto *t = new QTableWidget(content);
        t->setObjectName(QLatin1String(name));
        t->setColumnCount(5);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionMode(QAbstractItemView::NoSelection);
        t->verticalHeader()->hide();
        t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        t->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
        t->setMinimumHeight(120);
        return t;
    };
    m_countedCaption = new QLabel(content);
    m_countedCaption->setObjectName(QStringLiteral("countedRecordsCaption"));
    layout->addWidget(m_countedCaption);
    m_counted = recordsTable("countedRecordsTable");
    layout->addWidget(m_counted, 1);
    m_pendingCaption = new QLabel(content);
    m_pendingCaption->setObjectName(QStringLiteral("pendingRecordsCaption"));
    layout->addWidget(m_pendingCaption);
    m_pending = recordsTable("pendingRecordsTable");
    layout->addWidget(m_pending);
    m_message = ui::createMessageLabel(QStringLiteral("certificatesMessageLabel"), content);
    layout->addWidget(m_message);

    connect(m_years, &QTableWidget::itemSelectionChanged, this, [this] {
        const QList<QTableWidgetItem *> selected = m_years->selectedItems();
        if (!selected.isEmpty()) {
            const int year
                = m_years->item(selected.first()->row(), YearCol)->data(Qt::UserRole).toInt();
            if (year != m_year) {
                m_year = year;
                fillYear();
            }
        }
    });
    connect(m_printButton, &QPushButton::clicked, this, &CertificatesPage::printDirectly);
    connect(m_downloadButton, &QPushButton::clicked, this, &CertificatesPage::downloadPdf);
    connect(m_verifyButton, &QPushButton::clicked, this, [this] { emit verifyRequested(); });

    retranslateUi();
    setEngine(core->syncEngine());
}

CertificatesPage::~CertificatesPage() = default;

void CertificatesPage::setEngine(SyncEngine *engine)
{
    if (m_engine)
        m_engine->disconnect(this);
    m_engine = engine;
    if (engine) {
        registerCertificateMutations(engine);
        connect(engine, &SyncEngine::entitiesChanged, this, [this](const QStringList &types) {
            if (types.contains(HourRecordType) || types.contains(CertificateType)
                || types.contains(QLatin1String("policy"))
                || types.contains(QLatin1String("binding")))
                reload();
        });
        connect(engine, &SyncEngine::cacheReset, this, &CertificatesPage::reload);
        connect(engine, &SyncEngine::syncFinished, this, [this](bool ok, const QString &message) {
            if (m_waitingYear == 0)
                return;
            if (!ok) {
                finishWaiting(tr("The certificate could not be issued now: %1").arg(message));
                return;
            }
            // The pull brought what the server issued; reload() printed it if it came.
            reload();
        });
        connect(engine, &SyncEngine::problemsChanged, this, [this] {
            if (m_waitingYear == 0 || !m_engine)
                return;
            for (const OutboxMutation &m : m_engine->problems()) {
                if (m.type == QLatin1String("certificate.request")
                    && m.payload.value(QLatin1String("year")).toInt() == m_waitingYear) {
                    finishWaiting(tr("The server did not issue the certificate: %1")
                                      .arg(m.lastError.value(QLatin1String("message")).toString()));
                    return;
                }
            }
        });
    }
    reload();
}

void CertificatesPage::reload()
{
    const QString userId = m_engine ? m_engine->userId() : QString();
    m_certificates
        = std::make_unique<LearnerCertificates>(m_engine ? m_core->localStore() : nullptr, userId);
    fillYears();
    fillYear();
    // A certificate we asked for may have arrived.
    if (m_waitingYear != 0) {
        const YearJudgement j = m_certificates->judge(m_waitingYear);
        const auto latest = m_certificates->latest(m_waitingYear);
        if (latest && latest->isCurrent() && LearnerCertificates::isUpToDate(*latest, j)) {
            const Output output = m_waitingOutput;
            finishWaiting({});
            deliver(*latest, output);
        }
    }
}

void CertificatesPage::selectYear(int year)
{
    for (int row = 0; row < m_years->rowCount(); ++row) {
        if (m_years->item(row, YearCol)->data(Qt::UserRole).toInt() == year) {
            m_years->selectRow(row);
            break;
        }
    }
    if (m_year != year) {
        m_year = year;
        fillYear();
    }
}

void CertificatesPage::fillYears()
{
    const QDate today = m_core->clock()->todayInChina();
    const QList<int> years = m_certificates->years(today);
    if (!years.contains(m_year))
        m_year = years.isEmpty() ? 0 : years.first();
    const QSignalBlocker blocker(m_years);
    m_years->clearContents();
    m_years->setRowCount(int(years.size()));
    for (int row = 0; row < years.size(); ++row) {
        const int year = years.at(row);
        const YearJudgement j = m_certificates->judge(year);
        const YearPolicy &p = j.policy;
        auto *yearItem = item(QString::number(year));
        yearItem->setData(Qt::UserRole, year);
        m_years->setItem(row, YearCol, yearItem);
        m_years->setItem(row, PublicCol,
            item(against(j.confirmed.publicTenths, p.publicTenths), Qt::AlignRight));
        m_years->setItem(row, ProfessionalCol,
            item(against(j.confirmed.professionalTenths, p.professionalTenths), Qt::AlignRight));
        m_years->setItem(row, ElectiveCol,
            item(against(j.confirmed.electiveTenths, p.electiveTenths), Qt::AlignRight));
        m_years->setItem(
            row, TotalCol, item(against(j.confirmed.totalTenths(), p.totalTenths), Qt::AlignRight));
        m_years->setItem(row, PendingCol,
            item(j.pending.totalTenths() > 0 ? formatTenths(j.pending.totalTenths()) : QString(),
                Qt::AlignRight));
        auto *resultItem = item(j.passed ? tr("Passed") : tr("Not passed"), Qt::AlignCenter);
        resultItem->setForeground(j.passed ? QColor(0x2e, 0x8b, 0x57) : QColor(0xc0, 0x39, 0x2b));
        QFont bold = resultItem->font();
        bold.setBold(true);
        resultItem->setFont(bold);
        resultItem->setToolTip(j.missingInWords().join(QLatin1Char('\n')));
        m_years->setItem(row, ResultCol, resultItem);

        QString certificate;
        if (const auto latest = m_certificates->latest(year)) {
            if (latest->isRevoked())
                certificate
                    = tr("No. %1 revoked: %2").arg(latest->fields.serial, latest->revokedReason);
            else if (j.passed && !LearnerCertificates::isUpToDate(*latest, j))
                certificate = tr("No. %1 (version %2) issued; the hours changed since: printing "
                                 "issues a new version")
                                  .arg(latest->fields.serial)
                                  .arg(latest->fields.version);
            else
                certificate = tr("No. %1, version %2, issued %3")
                                  .arg(latest->fields.serial)
                                  .arg(latest->fields.version)
                                  .arg(latest->fields.issuedOn.toString(Qt::ISODate));
        } else if (j.passed) {
            certificate = tr("Not issued yet: printing asks the server for it");
        }
        m_years->setItem(row, CertificateCol, item(certificate));

        if (j.passed) {
            auto *print = new QPushButton(tr("Print"), m_years);
            print->setObjectName(QStringLiteral("printYearButton_%1").arg(year));
            connect(print, &QPushButton::clicked, this, [this, year] {
                selectYear(year);
                produce(year, Output::Preview);
            });
            m_years->setCellWidget(row, ActionCol, print);
        }
        if (year == m_year)
            m_years->selectRow(row);
    }
    updateActions();
}

void CertificatesPage::fillYear()
{
    if (m_year == 0) {
        m_yearCaption->clear();
        m_resultLabel->clear();
        m_missingLabel->clear();
        m_certificateLabel->clear();
        m_counted->setRowCount(0);
        m_pending->setRowCount(0);
        updateActions();
        return;
    }
    const YearJudgement j = m_certificates->judge(m_year);
    m_yearCaption->setText(tr("%1: annual certification").arg(m_year));
    m_resultLabel->setText(
        tr("Annual certification: %1").arg(j.passed ? tr("Passed") : tr("Not passed")));
    m_resultLabel->setStyleSheet(
        j.passed ? QStringLiteral("color:#2e8b57") : QStringLiteral("color:#c0392b"));
    // What is missing, then the pending hours on a line of their own.
    QStringList lines;
    if (!j.passed)
        lines << j.missingInWords().join(tr("; "));
    if (j.pending.totalTenths() > 0) {
        lines << tr("%1 hours are awaiting confirmation and do not count yet.")
                     .arg(formatTenths(j.pending.totalTenths()));
    }
    m_missingLabel->setText(lines.join(QLatin1Char('\n')));
    m_chart->setJudgement(j);

    QList<QJsonObject> counted;
    QList<QJsonObject> pending;
    for (const QJsonObject &r : m_certificates->records(m_year)) {
        const QString status = r.value(QLatin1String("status")).toString();
        if (status == QLatin1String("confirmed"))
            counted << r;
        else if (status == QLatin1String("pending"))
            pending << r;
    }
    m_countedCaption->setText(tr("Hour records that count (%1)").arg(counted.size()));
    m_pendingCaption->setText(tr("Awaiting confirmation, not counted (%1)").arg(pending.size()));
    fillRecords(m_counted, counted);
    fillRecords(m_pending, pending);
    m_pending->setVisible(!pending.isEmpty());
    m_pendingCaption->setVisible(!pending.isEmpty());

    const auto latest = m_certificates->latest(m_year);
    if (latest && latest->isCurrent() && j.passed && LearnerCertificates::isUpToDate(*latest, j)) {
        m_certificateLabel->setText(tr("Certificate No. %1 (version %2) was issued on %3.")
                                        .arg(latest->fields.serial)
                                        .arg(latest->fields.version)
                                        .arg(latest->fields.issuedOn.toString(Qt::ISODate)));
    } else if (j.passed) {
        m_certificateLabel->setText(
            tr("The certificate is issued by the server when you print it (a connection is "
               "needed once)."));
    } else {
        m_certificateLabel->setText(
            tr("A certificate can be printed once the year's hours meet the requirement."));
    }
    updateActions();
}

void CertificatesPage::fillRecords(QTableWidget *table, const QList<QJsonObject> &records)
{
    table->clearContents();
    table->setRowCount(int(records.size()));
    for (int row = 0; row < records.size(); ++row) {
        const QJsonObject &r = records.at(row);
        table->setItem(
            row, 0, item(CourseText::source(r.value(QLatin1String("source")).toString())));
        table->setItem(row, 1, item(r.value(QLatin1String("title")).toString()));
        table->setItem(row, 2,
            item(CourseText::subjectType(r.value(QLatin1String("subjectType")).toString())));
        table->setItem(row, 3,
            item(CourseText::hours(r.value(QLatin1String("hoursTenths")).toInt()), Qt::AlignRight));
        const QString start = r.value(QLatin1String("startDate")).toString();
        const QString end = r.value(QLatin1String("endDate")).toString();
        table->setItem(row, 4,
            item(start == end || end.isEmpty() ? start : start + QStringLiteral(" – ") + end));
    }
}

void CertificatesPage::updateActions()
{
    const bool passed = m_year != 0 && m_certificates && m_certificates->judge(m_year).passed;
    const bool waiting = m_waitingYear != 0;
    m_printButton->setEnabled(passed && !waiting);
    m_downloadButton->setEnabled(passed && !waiting);
    const QString why = passed ? QString() : tr("The selected year has not passed yet.");
    m_printButton->setToolTip(why);
    m_downloadButton->setToolTip(why);
}

bool CertificatesPage::engineOnline() const
{
    return m_engine && m_engine->state() != SyncEngine::State::Offline;
}

void CertificatesPage::produce(int year, Output output)
{
    if (year == 0 || !m_certificates)
        return;
    const YearJudgement j = m_certificates->judge(year);
    if (!j.passed) {
        ui::setMessage(m_message,
            tr("%1 has not passed: %2").arg(year).arg(j.missingInWords().join(tr("; "))),
            ui::Severity::Warning);
        return;
    }
    const auto latest = m_certificates->latest(year);
    const bool current = latest && latest->isCurrent();
    if (current && LearnerCertificates::isUpToDate(*latest, j)) {
        deliver(*latest, output);
        return;
    }
    if (!engineOnline() || !m_engine) {
        if (current) {
            ui::setMessage(m_message,
                tr("Offline: this is the certificate issued last (version %1). A version with "
                   "the new hours is issued once you are online.")
                    .arg(latest->fields.version),
                ui::Severity::Warning);
            deliver(*latest, output);
        } else {
            ui::setMessage(m_message,
                tr("The server issues and signs the certificate: connect to the network once, "
                   "then print again."),
                ui::Severity::Warning);
        }
        return;
    }
    if (requestCertificate(m_engine, year).isEmpty()) {
        ui::setMessage(m_message, m_engine->lastMessage(), ui::Severity::Error);
        return;
    }
    m_waitingYear = year;
    m_waitingOutput = output;
    m_waitTimer->start();
    ui::setMessage(
        m_message, tr("Asking the server to issue the certificate…"), ui::Severity::Info);
    updateActions();
    m_engine->syncNow();
}

void CertificatesPage::finishWaiting(const QString &message)
{
    m_waitingYear = 0;
    m_waitTimer->stop();
    if (!message.isEmpty())
        ui::setMessage(m_message, message, ui::Severity::Error);
    else
        ui::setMessage(m_message, {}, ui::Severity::Hint);
    updateActions();
}

void CertificatesPage::deliver(const IssuedCertificate &issued, Output output)
{
    if (issued.isRevoked()) {
        ui::setMessage(m_message,
            tr("Certificate No. %1 was revoked: %2")
                .arg(issued.fields.serial, issued.revokedReason),
            ui::Severity::Error);
        return;
    }
    if (output == Output::Pdf) {
        const QString suggested
            = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                  .filePath(tr("Certificate %1 %2.pdf")
                                .arg(issued.fields.year)
                                .arg(issued.fields.serial));
        const QString path = m_chooseSavePath
            ? m_chooseSavePath(this, suggested)
            : QFileDialog::getSaveFileName(
                this, tr("Save the certificate as PDF"), suggested, tr("PDF (*.pdf)"));
        if (path.isEmpty())
            return;
        QString error;
        if (!saveCertificatePdf(issued, path, &error)) {
            ui::setMessage(m_message, tr("The certificate could not be saved: %1").arg(error),
                ui::Severity::Error);
            return;
        }
        ui::setMessage(m_message, tr("Saved to %1.").arg(QDir::toNativeSeparators(path)),
            ui::Severity::Success);
        emit certificateProduced(issued.id, output);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    printer.setDocName(tr("Certificate %1 %2").arg(issued.fields.year).arg(issued.fields.serial));
    bool accepted = false;
    if (m_runPrintDialog) {
        accepted = m_runPrintDialog(&printer, output);
        if (accepted)
            paintCertificate(&printer, issued);
    } else if (output == Output::Preview) {
        QPrintPreviewDialog preview(&printer, this);
        preview.setObjectName(QStringLiteral("certificatePrintPreview"));
        preview.setWindowTitle(tr("Certificate print preview"));
        connect(&preview, &QPrintPreviewDialog::paintRequested, this,
            [this, &issued](QPrinter *p) { paintCertificate(p, issued); });
        preview.resize(1100, 800);
        accepted = preview.exec() == QDialog::Accepted;
    } else {
        QPrintDialog dialog(&printer, this);
        dialog.setWindowTitle(tr("Print the certificate"));
        accepted = dialog.exec() == QDialog::Accepted;
        if (accepted)
            paintCertificate(&printer, issued);
    }
    if (accepted || output == Output::Preview)
        emit certificateProduced(issued.id, output);
}

void CertificatesPage::paintCertificate(QPrinter *printer, const IssuedCertificate &issued)
{
    QString error;
    if (!CertificateDocument(issued.fields, issued.payload).print(printer, &error)) {
        ui::setMessage(m_message, tr("The certificate could not be printed: %1").arg(error),
            ui::Severity::Error);
    }
}

bool CertificatesPage::saveCertificatePdf(
    const IssuedCertificate &issued, const QString &path, QString *error)
{
    // The PDF as issued: rendered once per serial and version, then always the same file.
    const QString cached
        = CertificatePdfCache(m_core->dataDirectory()).ensure(issued.fields, issued.payload, error);
    if (cached.isEmpty())
        return false;
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(cached).absoluteFilePath())
        return true;
    QSaveFile out(path);
    QFile in(cached);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly)
        || out.write(in.readAll()) != in.size() || !out.commit()) {
        *error = out.errorString().isEmpty() ? in.errorString() : out.errorString();
        return false;
    }
    return true;
}

void CertificatesPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CertificatesPage::retranslateUi()
{
    m_titleLabel->setText(tr("Certificate printing"));
    m_verifyButton->setText(tr("Verify a certificate…"));
    m_downloadButton->setText(tr("Download PDF"));
    m_printButton->setText(tr("Online printing"));
    m_years->setHorizontalHeaderLabels({ tr("Year"), tr("Public subjects"),
        tr("Professional subjects"), tr("Elective subjects"), tr("Total"),
        tr("Awaiting confirmation"), tr("Annual certification"), tr("Certificate"), QString() });
    const QStringList recordHeaders { tr("Source"), tr("Course or training"), tr("Subject type"),
        tr("Hours"), tr("Dates") };
    m_counted->setHorizontalHeaderLabels(recordHeaders);
    m_pending->setHorizontalHeaderLabels(recordHeaders);
    if (m_certificates) {
        fillYears();
        fillYear();
    }
}

} // namespace xueshi
