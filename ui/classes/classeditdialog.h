#pragma once

#include "localstore.h"

#include <QDate>
#include <QDialog>
#include <QJsonObject>

class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace xueshi {

class FormValidator;
class RegionSelector;

// 新建 / 编辑 of a training class: every field of class.save (contracts/classes.md), validated as
// the user types with the message under the field, by the same rules the server applies. The
// professional series come from the cached `professionalSeries` entities.
class ClassEditDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClassEditDialog)

public:
    // Fits a 700-pixel-high screen with the window's frame.
    static constexpr int MaxHeight = 640;

    // `existing`: the class to edit, or null for a new one. `today` starts the dates of a new one.
    ClassEditDialog(const LocalStore *store, const CachedEntity *existing, const QDate &today,
        QWidget *parent = nullptr);

    bool isNew() const { return m_existing.id.isEmpty(); }
    QString classId() const { return m_existing.id; }
    bool isValid() const;
    // The class.save payload (all fields).
    QJsonObject payload() const;
    // Shows a refusal of the server at its field; false when no field has that name.
    bool setServerError(const QString &field, const QString &message);

private:
    QString check(const QString &field) const;
    void updateSeries();

    CachedEntity m_existing;
    FormValidator *m_validator;
    QLineEdit *m_name;
    QComboBox *m_subjectType;
    QComboBox *m_series;
    QComboBox *m_mode;
    RegionSelector *m_region;
    QString m_ownRegion; // the institution's administrative region
    QLineEdit *m_venue;
    QDateEdit *m_startDate;
    QDateEdit *m_endDate;
    QDateEdit *m_deadline;
    QLineEdit *m_hours;
    QSpinBox *m_capacity;
    QPlainTextEdit *m_description;
    QDialogButtonBox *m_buttons;
};

} // namespace xueshi
