#include "common/formvalidator.h"

#include "common/uicommon.h"

#include <QLabel>
#include <QLineEdit>

namespace xueshi {

FormValidator::FormValidator(QObject *parent)
    : QObject(parent)
{ }

void FormValidator::addField(
    const QString &apiName, QWidget *input, QLabel *messageLabel, Check check, Text hint)
{
    Field field;
    field.apiName = apiName;
    field.input = input;
    field.label = messageLabel;
    field.check = std::move(check);
    field.hint = std::move(hint);
    m_fields.append(std::move(field));
    update();
}

void FormValidator::addLineEdit(
    const QString &apiName, QLineEdit *edit, QLabel *messageLabel, Check check, Text hint)
{
    addField(apiName, edit, messageLabel, std::move(check), std::move(hint));
    connect(edit, &QLineEdit::textEdited, this, [this, edit] { markEdited(edit); });
    // Programmatic changes (setText) are checked too, without counting as an edit.
    connect(edit, &QLineEdit::textChanged, this, &FormValidator::update);
}

void FormValidator::markEdited(QWidget *input)
{
    for (Field &field : m_fields) {
        if (field.input == input) {
            field.edited = true;
            field.serverError.clear();
        }
    }
    update();
}

void FormValidator::update()
{
    bool valid = true;
    for (Field &field : m_fields) {
        const QString problem = field.check ? field.check() : QString();
        if (!problem.isEmpty() || !field.serverError.isEmpty())
            valid = false;
        if (!field.label)
            continue;
        if (!field.serverError.isEmpty())
            ui::setMessage(field.label, field.serverError, ui::Severity::Error);
        else if (field.edited && !problem.isEmpty())
            ui::setMessage(field.label, problem, ui::Severity::Error);
        else
            ui::setMessage(field.label, field.hint ? field.hint() : QString(), ui::Severity::Hint);
    }
    if (!m_initialised || valid != m_valid) {
        m_initialised = true;
        m_valid = valid;
        emit validityChanged(valid);
    }
}

void FormValidator::showAll()
{
    for (Field &field : m_fields)
        field.edited = true;
    update();
}

void FormValidator::reset()
{
    for (Field &field : m_fields) {
        field.edited = false;
        field.serverError.clear();
    }
    update();
}

bool FormValidator::setServerError(const QString &apiName, const QString &message)
{
    bool found = false;
    for (Field &field : m_fields) {
        if (field.apiName == apiName) {
            field.serverError = message;
            found = true;
        }
    }
    if (found)
        update();
    return found;
}

QWidget *FormValidator::firstInvalidInput() const
{
    for (const Field &field : m_fields) {
        if (!field.serverError.isEmpty() || (field.check && !field.check().isEmpty()))
            return field.input;
    }
    return nullptr;
}

} // namespace xueshi
