#include "screenshottool.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>
#include <QTest>
#include <QWidget>

#include <cstdio>
#include <cstdlib>

namespace xueshi::test::screenshots {

namespace {

struct Tool
{
    QByteArray name = "screenshots";
    QString directory;
    QString prefix;
    int settle = 200;
};

Tool &tool()
{
    static Tool t;
    return t;
}

} // namespace

void setUp(
    const char *toolName, const QString &outputDirectory, const QString &prefix, int settleMs)
{
    tool() = { QByteArray(toolName), outputDirectory, prefix, settleMs };
    need(QDir().mkpath(outputDirectory), "cannot make the output folder");
}

QString outputDirectory()
{
    return tool().directory;
}

void fail(const char *what)
{
    std::fprintf(stderr, "%s: %s\n", tool().name.constData(), what);
    std::exit(1);
}

void need(bool ok, const char *what)
{
    if (!ok)
        fail(what);
}

void shot(QWidget *widget, const QString &name)
{
    QApplication::processEvents();
    QTest::qWait(tool().settle);
    const QString path
        = tool().directory + QLatin1Char('/') + tool().prefix + name + QStringLiteral(".png");
    need(widget->grab().save(path), "cannot save a screenshot");
    std::printf("%s\n", qPrintable(path));
}

} // namespace xueshi::test::screenshots
