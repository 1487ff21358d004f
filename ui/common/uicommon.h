#pragma once

#include "role.h"
#include "validators.h"

#include <QCoreApplication>
#include <QString>

class QApplication;
class QIcon;
class QLabel;
class QPushButton;
class QWidget;

namespace xueshi {

// Texts used by several windows, translated in one context.
class UiText
{
    Q_DECLARE_TR_FUNCTIONS(xueshi::UiText)

public:
    static QString productName(); // "Xueshi" / "学时"
    static QString windowTitle(const QString &page); // "Xueshi — page"
    static QString roleName(Role role); // 专业技术人员, 法人单位, 培训机构, 管理员
    // A validator's message in the UI language (context "Validation").
    static QString validationMessage(const ValidationResult &result);
    static QString notProvided(); // for empty optional data
};

namespace ui {

enum class Severity { Hint, Info, Success, Warning, Error };

// A word-wrapped label for status and validation messages; empty text hides nothing, so the
// layout does not jump while typing.
QLabel *createMessageLabel(const QString &objectName, QWidget *parent);
void setMessage(QLabel *label, const QString &text, Severity severity);

// Two sentences as one text: separated by a space after Latin punctuation, directly after
// Chinese punctuation ("…发送。有效期至…").
QString joinSentences(const QString &first, const QString &second);

// An input with its message label underneath, as one widget for a form row.
QWidget *fieldWithMessage(QWidget *input, QLabel *message, QWidget *parent);

// Sizes a window to its contents at its preferred width before it is first shown. Qt sizes a
// new top-level window whose layout has height-for-width (word-wrapped labels) as if it were
// narrow, which makes it far too tall.
void fitToContents(QWidget *window);

// Visual roles the application style sheet knows.
void makePrimary(QPushButton *button);
void makeLink(QPushButton *button);
// A section title (larger, bold).
void makeHeading(QLabel *label, int pointSizeDelta = 4);

// The application icon, drawn so it needs no image files: "学" on the brand colour (inverted:
// in the brand colour on white, for use on the brand colour).
QIcon applicationIcon(bool inverted = false);
// A green circle with a white check mark, for completed steps.
QPixmap successPixmap(int size);
// The navigation icon of the account section: a person.
QIcon accountIcon();
// Fusion style, palette and the style sheet of the whole client.
void applyTheme(QApplication &application);

inline constexpr char BrandColor[] = "#1d5fb8";

} // namespace ui
} // namespace xueshi
