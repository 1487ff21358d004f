#include "classes/attendancepreviewdialog.h"

#include "common/uicommon.h"

#include <QBrush>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace xueshi {

AttendancePreviewDialog::AttendancePreviewDialog(const QString &fileName,
    const AttendancePreview &preview, const QHash<QString, QString> &names, QWidget *parent)
    : QDialog(parent)
    , m_preview(preview)
    , m_names(names)
{
    setObjectName(QStringLiteral("attendancePreviewDialog"));
    setWindowTitle(UiText::windowTitle(tr("Import attendance: %1").arg(fileName)));
    auto *layout = new QVBoxLayout(this);
    m_summaryLabel = ui::createMessageLabel(QStringLiteral("attendanceSummaryLabel"), this);
    layout->addWidget(m_summaryLabel);

    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(QStringLiteral("attendancePreviewTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Row"), tr("Name"), tr("Resident ID"), tr("Hours"), tr("Matched person or problem") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    auto *box = new QDialogButtonBox(this);
    m_recheckButton = box->addButton(tr("Check again"), QDialogButtonBox::ActionRole);
    m_recheckButton->setObjectName(QStringLiteral("attendanceRecheckButton"));
    m_applyButton = box->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("attendanceApplyButton"));
    ui::makePrimary(m_applyButton);
    QPushButton *cancel = box->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("attendanceCancelButton"));
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        m_recheckButton, &QPushButton::clicked, this, &AttendancePreviewDialog::recheckRequested);

    fill();
    resize(760, 460);
}

void AttendancePreviewDialog::setChecking()
{
    m_state = ServerState::Checking;
    m_serverMessage.clear();
    fill();
}

void AttendancePreviewDialog::setMatched(const AttendancePreview &preview, int checksLeftToday)
{
    m_preview = preview;
    m_state = ServerState::Answered;
    m_checksLeft = checksLeftToday;
    m_serverMessage.clear();
    fill();
}

void AttendancePreviewDialog::setServerProblem(const QString &message, bool refused)
{
    m_state = ServerState::Problem;
    m_serverMessage = message;
    m_refused = refused;
    fill();
}

void AttendancePreviewDialog::fill()
{
    const AttendancePreview &preview = m_preview;
    m_table->setRowCount(int(preview.rows.size()));
    for (int i = 0; i < preview.rows.size(); ++i) {
        const AttendanceRow &row = preview.rows.at(i);
        QString outcome;
        QColor colour;
        if (row.ok) {
            outcome = row.absent ? tr("%1 — absent").arg(m_names.value(row.enrolmentId))
                                 : m_names.value(row.enrolmentId);
            if (!row.reason.isEmpty())
                outcome += QStringLiteral(" (%1)").arg(row.reason);
        } else if (row.awaitingServer) {
            outcome = tr("Awaiting the server's check");
            colour = QColor(QStringLiteral("#8a5a00"));
        } else {
            outcome = row.error;
            colour = QColor(QStringLiteral("#b00020"));
        }
        const QStringList cells { QString::number(row.row), row.name, row.residentIdMasked,
            row.hoursTenths >= 0 ? ClassText::hours(row.hoursTenths) : QString(), outcome };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (colour.isValid())
                item->setForeground(QBrush(colour));
            item->setData(Qt::UserRole,
                row.ok                   ? QStringLiteral("ok")
                    : row.awaitingServer ? QStringLiteral("awaitingServer")
                                         : QStringLiteral("error"));
            m_table->setItem(i, column, item);
        }
    }

    const int good = preview.okCount();
    const int bad = preview.errorCount();
    const int awaiting = preview.awaitingCount();
    // While the server is asked, 应用 waits: it would leave out the rows about to be matched.
    m_applyButton->setEnabled(good > 0 && m_state != ServerState::Checking);
    m_recheckButton->setVisible(awaiting > 0 && m_state == ServerState::Problem);
    if (!preview.fileError.isEmpty()) {
        ui::setMessage(m_summaryLabel, preview.fileError, ui::Severity::Error);
        return;
    }
    QString summary;
    ui::Severity severity = ui::Severity::Success;
    if (good == 0 && awaiting == 0) {
        summary = tr("None of the %n row(s) can be applied: correct the file and import it again.",
            nullptr, int(preview.rows.size()));
        severity = ui::Severity::Error;
    } else if (bad == 0 && awaiting == 0) {
        summary = tr("%n row(s) match confirmed enrolments. Apply confirms their hours in one "
                     "batch.",
            nullptr, good);
    } else {
        summary = tr("%1 row(s) can be applied, %2 row(s) have problems and are left out. Apply "
                     "confirms the good rows in one batch.")
                      .arg(good)
                      .arg(bad);
        severity = ui::Severity::Warning;
    }
    if (awaiting > 0) {
        // This computer has masked ids only: whose id a row names only the server can say.
        summary = ui::joinSentences(summary,
            tr("%n row(s) with a resident ID number await the server's check: this computer "
               "holds masked ID numbers only, so the server says whose number it is, and only "
               "rows it matched are applied.",
                nullptr, awaiting));
        if (m_state == ServerState::Checking) {
            summary = ui::joinSentences(summary, tr("Asking the server…"));
        } else if (m_state == ServerState::Problem) {
            summary = ui::joinSentences(summary,
                m_refused ? tr("The server refused to check them: %1 Apply leaves these rows "
                               "out.")
                                .arg(m_serverMessage)
                          : tr("The server could not be reached: %1 Until it answers, Apply "
                               "leaves these rows out; use Check again once connected.")
                                .arg(m_serverMessage));
        }
        severity = ui::Severity::Warning;
    } else if (m_state == ServerState::Answered && m_checksLeft >= 0 && m_checksLeft < 5) {
        summary = ui::joinSentences(summary,
            tr("Your institution may check %n more resident ID number(s) today that resemble an "
               "enrolled person's without being theirs.",
                nullptr, m_checksLeft));
    }
    ui::setMessage(m_summaryLabel, summary, severity);
}

QList<HoursEntry> AttendancePreviewDialog::goodEntries() const
{
    QList<HoursEntry> entries;
    for (const AttendanceRow &row : m_preview.rows) {
        if (!row.ok)
            continue;
        entries.append({ row.enrolmentId, m_names.value(row.enrolmentId),
            row.absent ? 0 : row.hoursTenths, row.absent, row.reason });
    }
    return entries;
}

} // namespace xueshi
