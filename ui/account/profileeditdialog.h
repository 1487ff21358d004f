#pragma once

#include <QDialog>
#include <QJsonObject>

class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace xueshi {

class FormValidator;

// The small form of a profile.update (R9): a learner's mobile and e-mail, an organisation's
// contact person, phone and e-mail, checked with the shared validators as the user types. Used
// by the account page ("修改联系方式") and to edit a refused change in the 同步问题 panel. It only
// builds the payload (the fields that differ from the values it was opened with); the caller
// queues it, so the change works offline.
class ProfileEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProfileEditDialog)

public:
    // `user` is the API's User object shown now (the cached profile); `proposed` pre-fills the
    // fields it names (an edit of a refused change). `serverError` ({"field","message"}) is shown
    // at its field.
    ProfileEditDialog(const QJsonObject &user, const QJsonObject &proposed = {},
        const QJsonObject &serverError = {}, QWidget *parent = nullptr);

    bool isLearner() const { return m_learner; }
    // The changed fields (and those of `proposed`), trimmed; "email" may be "" (clear it). With
    // `all`, every field.
    QJsonObject payload(bool all = false) const;

    // The field names of profile.update payloads, for people.
    static QString fieldName(const QString &field);

private:
    QLineEdit *addField(
        QFormLayout *form, const QString &name, const QString &value, int maxLength);
    void updateSaveButton();

    bool m_learner;
    QJsonObject m_original; // the learner's or organisation's part of the user
    QJsonObject m_proposed; // an edited change's payload: its fields stay in the new one
    FormValidator *m_form;
    QLineEdit *m_mobileLineEdit = nullptr;
    QLineEdit *m_contactPersonLineEdit = nullptr;
    QLineEdit *m_phoneLineEdit = nullptr;
    QLineEdit *m_emailLineEdit = nullptr;
    QLabel *m_noteLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace xueshi
