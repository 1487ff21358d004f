#include "account/profileeditdialog.h"

#include "common/formvalidator.h"
#include "common/uicommon.h"
#include "validators.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace xueshi {

ProfileEditDialog::ProfileEditDialog(const QJsonObject &user, const QJsonObject &proposed,
    const QJsonObject &serverError, QWidget *parent)
    : QDialog(parent)
    , m_learner(user.value(QLatin1String("learner")).isObject())
    , m_original(user.value(m_learner ? QLatin1String("learner") : QLatin1String("organisation"))
                     .toObject())
    , m_proposed(proposed)
    , m_form(new FormValidator(this))
{
    setObjectName(QStringLiteral("profileEditDialog"));
    setWindowTitle(UiText::windowTitle(tr("Change contact details")));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    auto *title = new QLabel(tr("Change contact details"), this);
    ui::makeHeading(title, 3);
    layout->addWidget(title);
    m_noteLabel = ui::createMessageLabel(QStringLiteral("noteLabel"), this);
    ui::setMessage(m_noteLabel,
        tr("The change is saved on this computer at once and sent to the server with the next "
           "sync, also when you are offline now."),
        ui::Severity::Hint);
    layout->addWidget(m_noteLabel);

    auto *form = new QFormLayout;
    form->setHorizontalSpacing(16);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addLayout(form);
    const auto value = [&](const char *key) {
        const QString name = QString::fromLatin1(key);
        return proposed.contains(name) ? proposed.value(name).toString()
                                       : m_original.value(name).toString();
    };
    if (m_learner) {
        m_mobileLineEdit = addField(form, QStringLiteral("mobile"), value("mobile"), 11);
    } else {
        m_contactPersonLineEdit
            = addField(form, QStringLiteral("contactPerson"), value("contactPerson"), 50);
        m_phoneLineEdit = addField(form, QStringLiteral("phone"), value("phone"), 20);
    }
    m_emailLineEdit = addField(form, QStringLiteral("email"), value("email"), 100);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("saveButton"));
    save->setText(tr("Save"));
    ui::makePrimary(save);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setText(tr("Cancel"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_form->isValid()) {
            m_form->showAll();
            if (QWidget *input = m_form->firstInvalidInput())
                input->setFocus();
            return;
        }
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &FormValidator::validityChanged, this, &ProfileEditDialog::updateSaveButton);
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        connect(edit, &QLineEdit::textChanged, this, &ProfileEditDialog::updateSaveButton);

    const QString errorField = serverError.value(QLatin1String("field")).toString();
    if (!errorField.isEmpty())
        m_form->setServerError(errorField, serverError.value(QLatin1String("message")).toString());
    updateSaveButton();
    resize(460, sizeHint().height());
}

QString ProfileEditDialog::fieldName(const QString &field)
{
    if (field == QLatin1String("mobile"))
        return tr("Mobile phone");
    if (field == QLatin1String("email"))
        return tr("E-mail");
    if (field == QLatin1String("contactPerson"))
        return tr("Contact person");
    if (field == QLatin1String("phone"))
        return tr("Phone");
    return field;
}

QLineEdit *ProfileEditDialog::addField(
    QFormLayout *form, const QString &name, const QString &value, int maxLength)
{
    auto *edit = new QLineEdit(value, this);
    edit->setObjectName(name + QStringLiteral("LineEdit"));
    edit->setMaxLength(maxLength);
    auto *message = ui::createMessageLabel(name + QStringLiteral("MessageLabel"), this);
    auto *label = new QLabel(fieldName(name), this);
    label->setBuddy(edit);
    form->addRow(label, ui::fieldWithMessage(edit, message, this));
    FormValidator::Check check;
    FormValidator::Text hint;
    if (name == QLatin1String("mobile")) {
        check
            = [edit] { return UiText::validationMessage(validateMobile(edit->text().trimmed())); };
        hint = [] { return tr("11 digits, starting with 1"); };
    } else if (name == QLatin1String("phone")) {
        check = [edit] { return UiText::validationMessage(validatePhone(edit->text().trimmed())); };
        hint = [] { return tr("A mobile or landline number"); };
    } else if (name == QLatin1String("contactPerson")) {
        check = [edit] {
            return edit->text().trimmed().isEmpty() ? tr("Enter the contact person.") : QString();
        };
    } else if (name == QLatin1String("email")) {
        check = [edit] {
            const QString text = edit->text().trimmed();
            return text.isEmpty() ? QString() : UiText::validationMessage(validateEmail(text));
        };
        hint = [] { return tr("Optional; leave empty to remove it"); };
    }
    m_form->addLineEdit(name, edit, message, std::move(check), std::move(hint));
    return edit;
}

QJsonObject ProfileEditDialog::payload(bool all) const
{
    QJsonObject changes;
    for (QLineEdit *edit :
        { m_mobileLineEdit, m_contactPersonLineEdit, m_phoneLineEdit, m_emailLineEdit }) {
        if (!edit)
            continue;
        QString name = edit->objectName();
        name.chop(int(qstrlen("LineEdit")));
        const QString value = edit->text().trimmed();
        if (all || m_proposed.contains(name) || value != m_original.value(name).toString())
            changes.insert(name, value);
    }
    return changes;
}

void ProfileEditDialog::updateSaveButton()
{
    m_buttons->button(QDialogButtonBox::Save)
        ->setEnabled(m_form->isValid() && !payload().isEmpty());
}

} // namespace xueshi
