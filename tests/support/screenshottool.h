#pragma once

#include <QString>

class QWidget;

// What the on-demand screenshot tools (tests/ui/*/*screenshots.cpp) share: where the pictures go,
// how one is taken, and how a step that fails stops the tool with its name and the step.
namespace xueshi::test::screenshots {

// Called once, first: the tool's name (in its messages), the folder (made if missing), a prefix
// of every file name ("learner-") and how long to let events settle before a picture.
void setUp(const char *toolName, const QString &outputDirectory, const QString &prefix = {},
    int settleMilliseconds = 200);
QString outputDirectory();

// Prints "<tool>: <what>" and exits with 1.
[[noreturn]] void fail(const char *what);
void need(bool ok, const char *what);
// Saves `widget` as <folder>/<prefix><name>.png and prints the path.
void shot(QWidget *widget, const QString &name);

} // namespace xueshi::test::screenshots
