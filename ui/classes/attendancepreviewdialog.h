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
// counts. What this computer can check is checked at once (format, hours, names, the same person
// twice, ids no enrolled person's mask fits); a row with a resident id then shows 待服务器核对
// until the server says whose id it is (the institution holds masked ids only). 应用 is enabled
// with at least one good row and takes only the good rows, never one still awaiting the server;
// 重新核对 asks the server again; 取消 changes nothing.
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

    // The server is being asked about the rows awaiting it.
    void setChecking();
    // The preview with the server's answers; `checksLeftToday` as the server said (-1: unknown).
    void setMatched(const AttendancePreview &preview, int checksLeftToday);
    // The server could not be reached, or (`refused`) answered with a refusal such as the day's
    // limit of checks: the rows keep awaiting it.
    void setServerProblem(const QString &message, bool refused);

signals:
    // 重新核对: ask the server again about the rows still awaiting it.
    void recheckRequested();

private:
    enum class ServerState { Idle, Checking, Answered, Problem };
    void fill();

    AttendancePreview m_preview;
    QHash<QString, QString> m_names;
    ServerState m_state = ServerState::Idle;
    QString m_serverMessage;
    bool m_refused = false;
    int m_checksLeft = -1;
    QLabel *m_summaryLabel;
    QTableWidget *m_table;
    QPushButton *m_applyButton;
    QPushButton *m_recheckButton;
};

} // namespace xueshi
