#pragma once

#include "attendance.h"
#include "trainingclasses.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace xueshi {

// The preview of an imported attendance CSV (导入签到表) before anything is applied: each row with
// its number, name, masked resident id, hours and the matched person or the error, and the
// counts. 应用 is enabled only with at least one good row and takes only the good rows; 取消
// changes nothing.
class AttendancePreviewDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AttendancePreviewDialog)

public:
    // `names`: the learners' names by enrolment id, to show whom a row matched.
    AttendancePreviewDialog(const QString &fileName, const AttendancePreview &preview,
        const QHash<QString, QString> &names, QWidget *parent = nullptr);

    // The good rows as hours lines, in file order.
    QList<HoursEntry> goodEntries() const;
    const AttendancePreview &preview() const { return m_preview; }

private:
    AttendancePreview m_preview;
    QHash<QString, QString> m_names;
    QLabel *m_summaryLabel;
    QTableWidget *m_table;
    QPushButton *m_applyButton;
};

} // namespace xueshi
