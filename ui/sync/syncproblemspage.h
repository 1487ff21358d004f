#pragma once

#include "localstore.h"
#include "syncengine.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace xueshi {

class ClientCore;

// The "同步问题" section (R9): the changes the server refused or that met a newer change on the
// server, each with what it was, when it was made and why it was set aside (the server's
// message; for a conflict the server's current values next to the local change). The user
// decides explicitly: retry (for a conflict: apply my change over theirs), edit, or discard.
// Nothing here is automatic, so a refused change is never lost or sent again unasked.
class SyncProblemsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncProblemsPage)

public:
    explicit SyncProblemsPage(ClientCore *core, QWidget *parent = nullptr);

    void setEngine(SyncEngine *engine);
    int problemCount() const { return int(m_problems.size()); }
    // The kind of change, for people: "修改个人资料".
    static QString mutationTypeName(const QString &type);
    // A field of a row ("learner.realName"), for people.
    static QString fieldName(const QString &path);
    // One line of a side-by-side comparison.
    struct Comparison
    {
        QString label;
        QString seen;
        QString now;
        bool differs = false;
    };
    // A declaration as the HR officer saw it beside the server's, field by field (培训内容,
    // dates, days, hours, type, series, attachments, state).
    static QList<Comparison> declarationComparison(
        const QJsonObject &seen, const QJsonObject &now, const LocalStore *store);

public slots:
    void retrySelected();
    void editSelected();
    void discardSelected();

signals:
    void problemCountChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void reload();
    void showSelected();
    const OutboxMutation *selected() const;
    void retranslateUi();

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;
    QList<OutboxMutation> m_problems; // the causes, in order
    QHash<QString, QList<OutboxMutation>> m_held; // by the id of their cause

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QLabel *m_emptyLabel;
    QWidget *m_listPanel;
    QListWidget *m_listWidget;
    QLabel *m_detailTitleLabel;
    QLabel *m_createdLabel;
    QLabel *m_stateLabel;
    QLabel *m_reasonLabel;
    QTableWidget *m_comparisonTable;
    QLabel *m_actionHintLabel;
    QPushButton *m_retryButton;
    QPushButton *m_editButton;
    QPushButton *m_discardButton;
    QLabel *m_statusLabel;
};

} // namespace xueshi
