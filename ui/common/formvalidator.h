#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>

class QLabel;
class QLineEdit;
class QWidget;

namespace xueshi {

// Validates a form as the user types: each field has a check returning the translated problem
// (empty when the value is fine) and a message label under it. A field's problem is shown once
// the user has edited it, or after showAll(); until then the label shows the field's hint. A
// server's refusal of a field is shown there until the user edits that field again.
class FormValidator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FormValidator)

public:
    using Check = std::function<QString()>;
    using Text
        = std::function<QString()>; // re-evaluated on each update, so it follows the language

    explicit FormValidator(QObject *parent = nullptr);

    // `apiName` is the request field the server names in its errors (e.g. "residentId").
    void addField(
        const QString &apiName, QWidget *input, QLabel *messageLabel, Check check, Text hint = {});
    // The same for a line edit, watching its edits.
    void addLineEdit(
        const QString &apiName, QLineEdit *edit, QLabel *messageLabel, Check check, Text hint = {});
    // Call when a non-line-edit input changed because of the user.
    void markEdited(QWidget *input);

    bool isValid() const { return m_valid; }
    // Re-runs every check and refreshes every label (after a language change, say).
    void update();
    // Shows the problems of untouched fields too (e.g. after a failed submit).
    void showAll();
    // Forgets edits and server errors; labels show hints again.
    void reset();
    // Shows the server's message at the field named `apiName`; false when no field has that name.
    bool setServerError(const QString &apiName, const QString &message);
    // The input of the first field with a problem, or null.
    QWidget *firstInvalidInput() const;

signals:
    void validityChanged(bool valid);

private:
    struct Field
    {
        QString apiName;
        QPointer<QWidget> input;
        QPointer<QLabel> label;
        Check check;
        Text hint;
        bool edited = false;
        QString serverError;
    };

    QList<Field> m_fields;
    bool m_valid = false;
    bool m_initialised = false;
};

} // namespace xueshi
