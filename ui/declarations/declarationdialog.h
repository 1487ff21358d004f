#pragma once

#include "declarationrules.h"

#include <QCoreApplication>
#include <QDialog>
#include <QHash>
#include <QPointer>
#include <QSet>

#include <functional>

class QComboBox;
class QDateEdit;
class QDoubleSpinBox;
class QLabel;
class QListWidget;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

namespace xueshi {

class AttachmentUploads;
class ClientCore;
class SyncEngine;

// Words for a declaration's state: 草稿, 待单位审核, 已确认, 已退回.
class DeclarationText
{
    Q_DECLARE_TR_FUNCTIONS(DeclarationText)

public:
    static QString status(const QString &code);
};

// 【学时记录添加】 (manual section 5): a self-declaration's form, checked as the user types with
// the shared rules (checkDeclaration, the year's hours cap per training day), with 【保存】 at the
// top right (declaration.save through the outbox: a draft, offline too) and 【附件材料上传】 at the
// bottom right (files checked and queued by AttachmentUploads, with a progress bar while sent).
class DeclarationDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DeclarationDialog)

public:
    using FileChooser = std::function<QStringList(QWidget *parent)>;

    // `declarationId` empty: a new record (its id is made at the first save).
    DeclarationDialog(ClientCore *core, SyncEngine *engine, AttachmentUploads *uploads,
        const QString &declarationId, QWidget *parent = nullptr);

    QString declarationId() const { return m_id; }
    // How files are chosen (a QFileDialog by default; tests give the paths).
    void setFileChooser(FileChooser chooser) { m_chooser = std::move(chooser); }

    // The form as entered, and what the rules say of it now.
    DeclarationInput input() const;
    QList<DeclarationProblem> problems() const;

public slots:
    bool save();
    void attachFiles();
    void removeAttachment();

private:
    void fill();
    void check(bool all);
    void fillAttachments();
    void setMessage(const QString &text, bool error);
    int hoursPerDayTenths(int year) const;

    ClientCore *m_core;
    QPointer<SyncEngine> m_engine;
    QPointer<AttachmentUploads> m_uploads;
    QString m_id;
    bool m_filling = false;
    QSet<QString> m_touched;
    FileChooser m_chooser;

    QLabel *m_statusLabel;
    QPushButton *m_saveButton;
    QLineEdit *m_title;
    QLineEdit *m_organiser;
    QDateEdit *m_start;
    QDateEdit *m_end;
    QSpinBox *m_days;
    QDoubleSpinBox *m_hours;
    QComboBox *m_subjectType;
    QComboBox *m_series;
    QHash<QString, QLabel *> m_fieldMessages; // by field name
    QListWidget *m_attachments;
    QPushButton *m_removeButton;
    QProgressBar *m_progress;
    QLabel *m_message;
    QPushButton *m_uploadButton;
};

} // namespace xueshi
