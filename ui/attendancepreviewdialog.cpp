#include "attendancepreviewdialog.h"

#include "uicommon.h"

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

    m_table = new QTableWidget(int(preview.rows.size()), 5, this);
    m_table->setObjectName(QStringLiteral("attendancePreviewTable"));
    m_table->setHorizontalHeaderLabels(
        { tr("Row"), tr("Name"), tr("Resident ID"), tr("Hours"), tr("Matched person or problem") });
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int i = 0; i < preview.rows.size(); ++i) {
        const AttendanceRow &row = preview.rows.at(i);
        QString outcome;
        if (row.ok) {
            outcome = row.absent ? tr("%1 — absent").arg(m_names.value(row.enrolmentId))
                                 : m_names.value(row.enrolmentId);
            if (!row.reason.isEmpty())
                outcome += QStringLiteral(" (%1)").arg(row.reason);
        } else {
            outcome = row.error;
        }
        const QStringList cells { QString::number(row.row), row.name, row.residentIdMasked,
            row.hoursTenths >= 0 ? ClassText::hours(row.hoursTenths) : QString(), outcome };
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (!row.ok)
                item->setForeground(QBrush(QColor(QStringLiteral("#b00020"))));
            m_table->setItem(i, column, item);
        }
    }
    layout->addWidget(m_table, 1);

    auto *box = new QDialogButtonBox(this);
    m_applyButton = box->addButton(tr("Apply"), QDialogButtonBox::AcceptRole);
    m_applyButton->setObjectName(QStringLiteral("attendanceApplyButton"));
    ui::makePrimary(m_applyButton);
    QPushButton *cancel = box->addButton(tr("Cancel"), QDialogButtonBox::RejectRole);
    cancel->setObjectName(QStringLiteral("attendanceCancelButton"));
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const int good = preview.okCount();
    const int bad = preview.errorCount();
    m_applyButton->setEnabled(good > 0);
    if (!preview.fileError.isEmpty()) {
        ui::setMessage(m_summaryLabel, preview.fileError, ui::Severity::Error);
    } else if (good == 0) {
        ui::setMessage(m_summaryLabel,
            tr("None of the %n row(s) can be applied: correct the file and import it again.",
                nullptr, int(preview.rows.size())),
            ui::Severity::Error);
    } else {
        ui::setMessage(m_summaryLabel,
            bad == 0 ? tr("%n row(s) match confirmed enrolments. Apply confirms their hours in "
                          "one batch.",
                nullptr, good)
                     : tr("%1 row(s) can be applied, %2 row(s) have problems and are left out. "
                          "Apply confirms the good rows in one batch.")
                           .arg(good)
                           .arg(bad),
            bad == 0 ? ui::Severity::Success : ui::Severity::Warning);
    }
    resize(760, 460);
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
