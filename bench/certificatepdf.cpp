// Benchmark: one continuing-education certificate as a PDF (CertificateDocument::writePdf: A4
// landscape, Chinese text with embedded fonts, the QR code of a signed payload as vector squares)
// written to a file, as the learner's 下载 and the PDF cache do. The first one loads the fonts
// and is reported apart (first_ms); then `--runs` more are timed. Metric ms_median (goal: at most
// 50 ms after the first). Prints one JSON line.
#include "certificatedocument.h"
#include "certificatepayload.h"

#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QGuiApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <sodium.h>

using namespace xueshi;

int main(int argc, char **argv)
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({ QStringLiteral("runs"), QStringLiteral("PDFs timed after the first."),
        QStringLiteral("N"), QStringLiteral("30") });
    parser.process(app);
    const int runs = std::max(1, parser.value(QStringLiteral("runs")).toInt());
    if (sodium_init() < 0)
        return 1;

    QByteArray publicKey(crypto_sign_PUBLICKEYBYTES, '\0');
    QByteArray secretKey(crypto_sign_SECRETKEYBYTES, '\0');
    crypto_sign_keypair(reinterpret_cast<unsigned char *>(publicKey.data()),
        reinterpret_cast<unsigned char *>(secretKey.data()));
    CertificateFields fields;
    fields.serial = QStringLiteral("XS2026K7M3Q9X2PA");
    fields.version = 1;
    fields.year = 2026;
    fields.name = QStringLiteral("欧阳明华");
    fields.residentIdMasked = QStringLiteral("440106********1234");
    fields.employer = QStringLiteral("广州市天河区环境监测与生态保护技术服务中心");
    fields.publicTenths = 315;
    fields.professionalTenths = 425;
    fields.electiveTenths = 185;
    fields.totalTenths = 925;
    fields.requiredTenths = 900;
    fields.result = QStringLiteral("passed");
    fields.issuedOn = QDate(2026, 12, 6);
    const QString payload = signCertificate(fields, secretKey);

    QTemporaryDir directory;
    QString error;
    QElapsedTimer timer;
    timer.start();
    if (!writeCertificatePdf(
            fields, payload, directory.filePath(QStringLiteral("first.pdf")), &error)) {
        std::fprintf(stderr, "certificate-pdf: %s\n", qPrintable(error));
        return 1;
    }
    const double firstMs = timer.nsecsElapsed() / 1e6;

    QList<double> times;
    qint64 bytes = 0;
    for (int i = 0; i < runs; ++i) {
        const QString path = directory.filePath(QStringLiteral("run-%1.pdf").arg(i));
        timer.restart();
        if (!writeCertificatePdf(fields, payload, path, &error)) {
            std::fprintf(stderr, "certificate-pdf: %s\n", qPrintable(error));
            return 1;
        }
        times.append(timer.nsecsElapsed() / 1e6);
        bytes = QFileInfo(path).size();
    }
    std::sort(times.begin(), times.end());
    const double median = times.size() % 2
        ? times.at(times.size() / 2)
        : (times.at(times.size() / 2 - 1) + times.at(times.size() / 2)) / 2;
    const QJsonObject line { { QStringLiteral("benchmark"), QStringLiteral("certificate-pdf") },
        { QStringLiteral("metric"), QStringLiteral("ms_median") },
        { QStringLiteral("value"), median }, { QStringLiteral("unit"), QStringLiteral("ms") },
        { QStringLiteral("goal"), 50 }, { QStringLiteral("runs"), runs },
        { QStringLiteral("first_ms"), firstMs }, { QStringLiteral("min_ms"), times.first() },
        { QStringLiteral("max_ms"), times.last() }, { QStringLiteral("pdf_bytes"), bytes } };
    std::printf("%s\n", QJsonDocument(line).toJson(QJsonDocument::Compact).constData());
    return 0;
}
