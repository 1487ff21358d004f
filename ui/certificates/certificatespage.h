#pragma once

#include "certificates/learnercertificates.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QPrinter;
class QPushButton;
class QTableWidget;
class QTimer;

namespace xueshi {

class ClientCore;
class HoursChart;
class SyncEngine;

// 【继续教育证书打印】 (manual section 6, R8): each year's confirmed hours by subject type against
// the year's requirement with 【年度认证情况】 【通过】 or 【不通过】 and what is missing; for the
// selected year a chart, the hour records that count and, apart, those still pending. 【打印】 at
// the right of a passed year opens the certificate in a print preview, 【在线打印】 (top right)
// prints it, 下载 saves it as PDF. A certificate is issued by the server (signed, immutable); the
// page asks for it when the year has none or its hours changed, and offline prints the last one
// issued.
class CertificatesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CertificatesPage)

public:
    enum class Output { Preview, Printer, Pdf };

    explicit CertificatesPage(ClientCore *core, QWidget *parent = nullptr);
    ~CertificatesPage() override;

    void setEngine(SyncEngine *engine);
    int selectedYear() const { return m_year; }
    void selectYear(int year);
    const LearnerCertificates *certificates() const { return m_certificates.get(); }

    // Tests replace the dialogs: where 下载 saves (empty: cancelled), and what happens instead of
    // the print preview or print dialog (the printer is set up; return whether to print).
    void setSavePathChooser(std::function<QString(QWidget *, const QString &suggested)> chooser)
    {
        m_chooseSavePath = std::move(chooser);
    }
    void setPrintDialogRunner(std::function<bool(QPrinter *, Output)> runner)
    {
        m_runPrintDialog = std::move(runner);
    }

public slots:
    void reload();
    // 【打印】, 【在线打印】 and 下载 of the selected year.
    void printPreview() { produce(m_year, Output::Preview); }
    void printDirectly() { produce(m_year, Output::Printer); }
    void downloadPdf() { produce(m_year, Output::Pdf); }

signals:
    // A certificate went to the preview, the printer or a file (for tests and the status bar).
    void certificateProduced(const QString &certificateId, xueshi::CertificatesPage::Output output);
    // 证书验证 was clicked (the window opens the verification dialog).
    void verifyRequested();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void fillYears();
    void fillYear();
    void fillRecords(QTableWidget *table, const QList<QJsonObject> &records);
    void updateActions();
    void produce(int year, Output output);
    void finishWaiting(const QString &message);
    void deliver(const LearnerCertificates::Issued &issued, Output output);
    void paintCertificate(QPrinter *printer, const LearnerCertificates::Issued &issued);
    bool saveCertificatePdf(
        const LearnerCertificates::Issued &issued, const QString &path, QString *error);
    bool engineOnline() const;

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;
    std::unique_ptr<LearnerCertificates> m_certificates;
    int m_year = 0;
    // A certificate asked of the server, printed when it arrives.
    int m_waitingYear = 0;
    Output m_waitingOutput = Output::Preview;
    QTimer *m_waitTimer;

    QLabel *m_titleLabel;
    QPushButton *m_verifyButton;
    QPushButton *m_downloadButton;
    QPushButton *m_printButton;
    QTableWidget *m_years;
    QLabel *m_yearCaption;
    QLabel *m_resultLabel;
    QLabel *m_missingLabel;
    QLabel *m_certificateLabel;
    HoursChart *m_chart;
    QLabel *m_countedCaption;
    QTableWidget *m_counted;
    QLabel *m_pendingCaption;
    QTableWidget *m_pending;
    QLabel *m_message;

    std::function<QString(QWidget *, const QString &)> m_chooseSavePath;
    std::function<bool(QPrinter *, Output)> m_runPrintDialog;
};

} // namespace xueshi
