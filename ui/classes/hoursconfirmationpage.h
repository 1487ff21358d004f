#pragma once

#include "syncengine.h"
#include "trainingclasses.h"
#include "user.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace xueshi {

class ClientCore;
class HoursTableModel;

// The institution's "学时确认" (R6): the confirmed enrolments of one class with the hours to credit
// (the class's hours unless changed), 缺勤 and the reason; 确认所选 / 确认全部 queue ONE
// class.confirmHours for everyone chosen, refused here when someone gets fewer hours or is absent
// without a reason. 导入签到表 previews an attendance CSV (AttendancePreviewDialog), asks the
// server whose resident ids its rows name (this computer has masked ids only), and applies the
// good rows as one batch. The decisions show at once, marked as not sent; after the sync the
// server's answer for each person (applied, skipped as already decided, refused with the reason)
// is listed under the table.
class HoursConfirmationPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HoursConfirmationPage)

    // The CSV 导入签到表 reads without asking (tests); empty: a file dialog asks.
    Q_PROPERTY(QString importPath MEMBER m_importPath)

public:
    explicit HoursConfirmationPage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    QString classId() const;
    bool setClassId(const QString &classId);
    HoursTableModel *model() const { return m_model; }

public slots:
    // Queues one class.confirmHours for the selected / all awaiting rows; false with the message.
    bool confirmSelected();
    bool confirmAll();
    // 导入签到表: reads importPath or the file the user chooses and opens the preview.
    void importAttendance();
    // Reads `path` and opens the preview dialog (non-modal); false when the file cannot be read.
    bool previewFile(const QString &path);
    // Queues these lines as one class.confirmHours of the shown class; false with the message.
    bool queueEntries(const QList<HoursEntry> &entries);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void reload();
    void showClass();
    void showOutcomes();
    void onApplied(const OutboxMutation &mutation, const QJsonObject &result);
    bool classEnded(QString *message) const;
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_announced = false; // a message says something is sent at the next sync
    QString m_importPath;
    HoursTableModel *m_model;
    int m_classHours = 0;
    bool m_showDeferred = false; // a rebuild waits for the open cell editor to close

    QLabel *m_titleLabel;
    QLabel *m_classCaption;
    QComboBox *m_classPicker;
    QLabel *m_classInfoLabel;
    QTableView *m_view;
    QPushButton *m_confirmSelectedButton;
    QPushButton *m_confirmAllButton;
    QPushButton *m_importButton;
    QLabel *m_messageLabel;
    QGroupBox *m_outcomeGroup;
    QLabel *m_outcomeSummaryLabel;
    QTableWidget *m_outcomeTable;
};

} // namespace xueshi
