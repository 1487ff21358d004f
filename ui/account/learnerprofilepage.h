#pragma once

#include "syncengine.h"
#include "user.h"

#include <QPointer>
#include <QSet>
#include <QWidget>

class QComboBox;
class QFrame;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace xueshi {

class BindingFilterProxyModel;
class BindingTableModel;
class ClientCore;
class EmployerPicker;

// The learner's "人员基本信息维护" (R4): the profile form, validated as the user types, the choice
// of employer and the binding request to it, the request's state and the history of bindings.
// Everything goes through the sync engine's outbox, so it works offline; what is not sent yet is
// marked. Until an employer has confirmed the learner, study is locked, and the page says so.
class LearnerProfilePage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LearnerProfilePage)

public:
    explicit LearnerProfilePage(ClientCore *core, QWidget *parent = nullptr);

    void setUser(const User &user);
    void setEngine(SyncEngine *engine);
    // An employer has confirmed the learner (from the cached bindings).
    bool studyUnlocked() const { return m_unlocked; }

public slots:
    // Queues the changed profile fields; false when a field is invalid or nothing could be queued.
    bool saveProfile();
    // Saves, then queues a binding request to the chosen employer.
    bool submitBinding();
    void withdrawBinding();

signals:
    void studyUnlockedChanged(bool unlocked);

protected:
    void changeEvent(QEvent *event) override;

private:
    QLineEdit *addLineEdit(const char *name, QLabel **message);
    QJsonObject cachedLearner() const;
    QJsonObject formPayload(bool onlyChanged) const;
    bool validateAll(bool showEmptyRequired);
    void validateField(QLineEdit *edit);
    void reload();
    void fillForm();
    void showBindingState();
    void updateChosenEmployer();
    void retranslateUi();

    ClientCore *m_core;
    User m_user;
    QPointer<SyncEngine> m_engine;
    bool m_unlocked = false;
    bool m_fixed = false; // confirmed: name and id may not change
    bool m_filling = false;
    bool m_announcedSending = false; // a message says something is sent at the next sync
    bool m_hintFixed = false; // the employer hint was written for a confirmed learner
    QSet<QString> m_edited; // fields the user changed since the last save: a reload keeps them
    QString m_pendingBindingId; // the newest request while pending
    QString m_pendingEmployerId; // and the employer it asks
    QString m_confirmedEmployerId;

    BindingTableModel *m_historyModel;
    BindingFilterProxyModel *m_historyProxy;

    QLabel *m_titleLabel;
    QFrame *m_lockBanner;
    QLabel *m_lockLabel;
    QGroupBox *m_statusGroup;
    QLabel *m_bindingStatusLabel;
    QPushButton *m_withdrawButton;
    QGroupBox *m_profileGroup;
    QLabel *m_realNameCaption;
    QLabel *m_genderCaption;
    QLabel *m_residentIdCaption;
    QLabel *m_educationCaption;
    QLabel *m_titleCaption;
    QLabel *m_seriesCaption;
    QLabel *m_positionCaption;
    QLabel *m_mobileCaption;
    QLabel *m_emailCaption;
    QLineEdit *m_realName;
    QLabel *m_realNameMessage;
    QComboBox *m_gender;
    QLabel *m_genderMessage;
    QLineEdit *m_residentId;
    QLabel *m_residentIdMessage;
    QComboBox *m_education;
    QLabel *m_educationMessage;
    QLineEdit *m_professionalTitle;
    QLabel *m_professionalTitleMessage;
    QComboBox *m_series;
    QLineEdit *m_position;
    QLabel *m_positionMessage;
    QLineEdit *m_mobile;
    QLabel *m_mobileMessage;
    QLineEdit *m_email;
    QLabel *m_emailMessage;
    QLabel *m_fixedNoteLabel;
    QPushButton *m_saveButton;
    QLabel *m_profileStateLabel;
    QGroupBox *m_employerGroup;
    QLabel *m_employerHintLabel;
    EmployerPicker *m_picker;
    QLabel *m_chosenEmployerLabel;
    QPushButton *m_submitButton;
    QLabel *m_submitMessageLabel;
    QGroupBox *m_historyGroup;
    QTableView *m_historyView;
};

} // namespace xueshi
