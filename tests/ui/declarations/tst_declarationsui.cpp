// Self-declarations (学时申报, manual section 5) through the learner's real widgets against the
// real server over HTTPS: on 继续教育记录 the demo learner clicks 【学时记录添加】, fills in 2 days
// / 12 hours of professional training (13 hours refused as typed, with the reason in words), saves
// offline with 【保存】, attaches a PDF with 【附件材料上传】 (a renamed executable refused),
// submits, comes online: the proof is uploaded first, then the submission goes. A record the
// employer returned shows the reason, is corrected and submitted again; once confirmed its hours
// count in the page's records and totals.
#include "admin/demodata.h"
#include "attachmentuploads.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations/declarationdialog.h"
#include "declarations/hourrecordspage.h"
#include "desktopclient.h"
#include "localstore.h"
#include "publiccourses.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/learnerwindow.h"

#include <QApplication>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateEdit>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFile>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProgressBar>
#include <QPushButton>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTest>
#include <QTimer>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString DemoPassword = QStringLiteral("Xueshi2026");
const QString Series = QStringLiteral("engineering-environmental");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QByteArray fileBytes(const QByteArray &head, qint64 size)
{
    QByteArray bytes = head;
    while (bytes.size() < size)
        bytes.append(char(QRandomGenerator::global()->bounded(256)));
    bytes.truncate(size);
    return bytes;
}

QString writeFile(const QString &name, const QByteArray &bytes)
{
    const QString path = temporaryDirectory() + QStringLiteral("/chosen/") + name;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
        return {};
    return path;
}

// The API directly, as another computer.
struct Api
{
    explicit Api(TestServer &server)
        : client(server)
    { }

    QString token(const QString &username)
    {
        return client
            .post(QStringLiteral("/session"),
                { { QStringLiteral("username"), username },
                    { QStringLiteral("password"), DemoPassword } })
            .json.value(QStringLiteral("token"))
            .toString();
    }
    QJsonObject mutate(const QString &token, const QString &type, const QString &target,
        qint64 base, const QJsonObject &payload = {})
    {
        const TestReply reply = client.post(QStringLiteral("/sync/mutations"),
            { { QStringLiteral("mutations"),
                QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                    { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                    { QStringLiteral("baseVersion"), base },
                    { QStringLiteral("payload"), payload } } } } },
            token);
        return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
    }
    // The newest version of a declaration in the token's feed.
    QJsonObject declaration(const QString &token, const QString &id, qint64 *version = nullptr)
    {
        QJsonObject newest;
        for (const QJsonObject &change : pullAllChanges(client, token)) {
            if (change.value(QStringLiteral("type")).toString() == QLatin1String("declaration")
                && change.value(QStringLiteral("id")).toString() == id) {
                newest = change.value(QStringLiteral("data")).toObject();
                if (version)
                    *version = qint64(change.value(QStringLiteral("version")).toDouble());
            }
        }
        return newest;
    }

    TestClient client;
};

int rowOf(QTableWidget *table, const QString &id)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0) && table->item(row, 0)->data(Qt::UserRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

class TestDeclarationsUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void declareOffline_uploadThenSubmit();
    void returned_reasonShown_correctedAndSubmittedAgain_confirmedHoursCount();

private:
    HourRecordsPage *loginLearner(DesktopClient &client);
    std::unique_ptr<TestServer> m_server;
};

void TestDeclarationsUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestDeclarationsUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    QString error;
    QVERIFY2(server::loadDemoData(m_server->server(), &error), qPrintable(error));
}

void TestDeclarationsUi::cleanup()
{
    m_server.reset();
}

HourRecordsPage *TestDeclarationsUi::loginLearner(DesktopClient &client)
{
    if (!client.login(QStringLiteral("demo_learner"), DemoPassword))
        return nullptr;
    auto *window = qobject_cast<LearnerWindow *>(client.window());
    if (!window || !window->showSection(QStringLiteral("hourRecords")))
        return nullptr;
    return window->hourRecordsPage();
}

void TestDeclarationsUi::declareOffline_uploadThenSubmit()
{
    const QDate today = m_server->clock().todayInChina();
    DesktopClient learner(*m_server);
    HourRecordsPage *page = loginLearner(learner);
    QVERIFY(page);
    auto *table = child<QTableWidget>(page, "declarationsTableWidget");
    QCOMPARE(table->rowCount(), 0);
    QVERIFY(!child<QPushButton>(page, "submitDeclarationButton")->isEnabled());

    const QString pdf
        = writeFile(QStringLiteral("培训证明.pdf"), fileBytes("%PDF-1.7\n", 2 * 512 * 1024 + 100));
    const QString exe = writeFile(QStringLiteral("证明.pdf.exe.pdf"),
        fileBytes(QByteArray("MZ\x90\x00\x03\x00\x00\x00", 8), 5000));
    QStringList chosen;
    page->setFileChooser([&chosen](QWidget *) { return chosen; });

    // Offline from here.
    learner.networkDown();
    click(page, "addDeclarationButton");
    DeclarationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<DeclarationDialog *>()));
    QVERIFY(dialog->isVisible());
    // Professional hours in the learner's own series, preselected.
    QCOMPARE(child<QComboBox>(dialog, "declarationSubjectTypeComboBox")->currentData().toString(),
        QStringLiteral("professional"));
    QCOMPARE(
        child<QComboBox>(dialog, "declarationSeriesComboBox")->currentData().toString(), Series);
    type(dialog, "declarationTitleEdit", QStringLiteral("环境监测新技术内部培训"));
    type(dialog, "declarationOrganiserEdit", QStringLiteral("示范单位人事处"));
    child<QDateEdit>(dialog, "declarationStartDateEdit")->setDate(today.addDays(-3));
    child<QDateEdit>(dialog, "declarationEndDateEdit")->setDate(today.addDays(-2));
    child<QSpinBox>(dialog, "trainingDaysSpinBox")->setValue(2);
    auto *hours = child<QDoubleSpinBox>(dialog, "declarationHoursSpinBox");
    auto *hoursMessage = child<QLabel>(dialog, "hoursTenthsMessageLabel");

    // 13 hours for 2 days: refused as typed, with the reason in words; Save keeps nothing.
    hours->setValue(13);
    QVERIFY2(hoursMessage->text().contains(QLatin1String("13 hours for 2 training days")),
        qPrintable(hoursMessage->text()));
    QVERIFY2(hoursMessage->text().contains(QLatin1String("12")), qPrintable(hoursMessage->text()));
    const int before = learner.engine()->pendingCount();
    click(dialog, "declarationSaveButton");
    QCOMPARE(learner.engine()->pendingCount(), before);
    QVERIFY(dialog->declarationId().isEmpty());
    QVERIFY(!child<QLabel>(dialog, "declarationMessageLabel")->text().isEmpty());
    // 3 days would allow it, but the dates span 2.
    child<QSpinBox>(dialog, "trainingDaysSpinBox")->setValue(3);
    QVERIFY(!child<QLabel>(dialog, "trainingDaysMessageLabel")->text().isEmpty());
    child<QSpinBox>(dialog, "trainingDaysSpinBox")->setValue(2);
    QVERIFY(child<QLabel>(dialog, "trainingDaysMessageLabel")->text().isEmpty());

    // 12 hours: fine; 【保存】 keeps a draft offline.
    hours->setValue(12);
    QVERIFY(!hoursMessage->text().contains(QLatin1String("more than")));
    QVERIFY(dialog->problems().isEmpty());
    click(dialog, "declarationSaveButton");
    const QString id = dialog->declarationId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(learner.engine()->pendingCount(), before + 1);
    const auto draft = learner.store()->entity(QStringLiteral("declaration"), id);
    QVERIFY(draft);
    QCOMPARE(draft->data.value(QStringLiteral("status")).toString(), QStringLiteral("draft"));
    QCOMPARE(draft->data.value(QStringLiteral("hoursTenths")).toInt(), 120);
    QCOMPARE(draft->data.value(QStringLiteral("year")).toInt(), today.addDays(-3).year());

    // 【附件材料上传】: the renamed executable is refused by its content, the PDF queued.
    chosen = { exe };
    click(dialog, "attachmentUploadButton");
    const QString refusal = child<QLabel>(dialog, "declarationMessageLabel")->text();
    QVERIFY2(refusal.contains(QLatin1String("not a PDF, JPEG or PNG")), qPrintable(refusal));
    QCOMPARE(child<QListWidget>(dialog, "declarationAttachmentsList")->count(), 0);
    chosen = { pdf };
    click(dialog, "attachmentUploadButton");
    QCOMPARE(child<QListWidget>(dialog, "declarationAttachmentsList")->count(), 1);
    QVERIFY(child<QListWidget>(dialog, "declarationAttachmentsList")
                ->item(0)
                ->text()
                .contains(QLatin1String("waiting to be sent")));
    QCOMPARE(page->uploads()->items(id).size(), 1);
    // A second file chosen by mistake is removed before it is sent.
    chosen = { writeFile(
        QStringLiteral("photo.png"), fileBytes(QByteArray("\x89PNG\r\n\x1a\n", 8), 4000)) };
    click(dialog, "attachmentUploadButton");
    auto *list = child<QListWidget>(dialog, "declarationAttachmentsList");
    QCOMPARE(list->count(), 2);
    QVERIFY(!child<QPushButton>(dialog, "declarationRemoveAttachmentButton")->isEnabled());
    list->setCurrentRow(1);
    QVERIFY(list->currentItem()->text().contains(QLatin1String("photo.png")));
    QVERIFY(child<QPushButton>(dialog, "declarationRemoveAttachmentButton")->isEnabled());
    click(dialog, "declarationRemoveAttachmentButton");
    QCOMPARE(list->count(), 1);
    QVERIFY(list->item(0)->text().contains(QStringLiteral("培训证明.pdf")));
    QCOMPARE(page->uploads()->items(id).size(), 1);
    click(dialog, "declarationCloseButton");
    QTRY_VERIFY(!page->findChild<DeclarationDialog *>());

    // In the list as a draft; 提交 queues the submission offline.
    const int row = rowOf(table, id);
    QVERIFY(row >= 0);
    QVERIFY2(table->item(row, 4)->text().contains(QLatin1String("Draft")),
        qPrintable(table->item(row, 4)->text()));
    QVERIFY(table->item(row, 5)->text().contains(QLatin1String("waiting")));
    table->selectRow(row);
    QVERIFY(child<QPushButton>(page, "submitDeclarationButton")->isEnabled());
    QVERIFY(child<QPushButton>(page, "deleteDeclarationButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "withdrawDeclarationButton")->isEnabled());
    click(page, "submitDeclarationButton");
    QCOMPARE(learner.store()
                 ->entity(QStringLiteral("declaration"), id)
                 ->data.value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("pending"));

    // Online: the save, then the upload (with progress), then the submission; nothing refused.
    QSignalSpy progress(page->uploads(), &AttachmentUploads::progress);
    auto *bar = child<QProgressBar>(page, "declarationsUploadProgressBar");
    QVERIFY(!bar->isVisibleTo(page));
    bool barShown = false;
    connect(page->uploads(), &AttachmentUploads::progress, bar,
        [&barShown, bar, page] { barShown = barShown || bar->isVisibleTo(page); });
    learner.networkUp();
    learner.sync(true);
    QTRY_VERIFY_WITH_TIMEOUT(
        learner.engine()->pendingCount() == 0 && !learner.engine()->isSyncing(), 60000);
    QVERIFY(learner.engine()->problems().isEmpty());
    QVERIFY(progress.size() >= 2);
    QCOMPARE(progress.last().at(2).toLongLong(), QFileInfo(pdf).size());
    QVERIFY(page->uploads()->items().isEmpty());
    QVERIFY(barShown);
    QVERIFY(!bar->isVisibleTo(page));

    Api api(*m_server);
    const QString learnerToken = api.token(QStringLiteral("demo_learner"));
    const QJsonObject onServer = api.declaration(learnerToken, id);
    QCOMPARE(onServer.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(onServer.value(QStringLiteral("hoursTenths")).toInt(), 120);
    QCOMPARE(onServer.value(QStringLiteral("professionalSeries")).toString(), Series);
    const QJsonArray attachments = onServer.value(QStringLiteral("attachments")).toArray();
    QCOMPARE(attachments.size(), 1);
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("name")).toString(),
        QStringLiteral("培训证明.pdf"));
    QFile original(pdf);
    QVERIFY(original.open(QIODevice::ReadOnly));
    QCOMPARE(attachments.at(0).toObject().value(QStringLiteral("sha256")).toString(),
        QString::fromLatin1(
            QCryptographicHash::hash(original.readAll(), QCryptographicHash::Sha256).toHex()));

    // Pending: it may be withdrawn, not deleted.
    QTRY_VERIFY(rowOf(table, id) >= 0);
    table->selectRow(rowOf(table, id));
    QVERIFY(table->item(rowOf(table, id), 4)->text().contains(QLatin1String("Awaiting")));
    QVERIFY(child<QPushButton>(page, "withdrawDeclarationButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "deleteDeclarationButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "submitDeclarationButton")->isEnabled());

    // 撤回: a draft again, here and on the server.
    click(page, "withdrawDeclarationButton");
    QCOMPARE(learner.store()
                 ->entity(QStringLiteral("declaration"), id)
                 ->data.value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("draft"));
    QVERIFY(learner.sync(true));
    QCOMPARE(api.declaration(learnerToken, id).value(QStringLiteral("status")).toString(),
        QStringLiteral("draft"));

    // 删除 (a draft), after the question is answered Yes: gone from the list and the server.
    QTRY_VERIFY(rowOf(table, id) >= 0);
    table->selectRow(rowOf(table, id));
    QVERIFY(child<QPushButton>(page, "deleteDeclarationButton")->isEnabled());
    QTimer answer;
    connect(&answer, &QTimer::timeout, &answer, [&answer] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            answer.stop();
            box->button(QMessageBox::Yes)->click();
        }
    });
    answer.start(20);
    click(page, "deleteDeclarationButton");
    QTRY_VERIFY(rowOf(table, id) < 0);
    QVERIFY(learner.sync(true));
    QVERIFY(learner.engine()->problems().isEmpty());
    QVERIFY(api.declaration(learnerToken, id).isEmpty());
    QVERIFY(!learner.store()->entity(QStringLiteral("declaration"), id));
}

void TestDeclarationsUi::returned_reasonShown_correctedAndSubmittedAgain_confirmedHoursCount()
{
    const QDate today = m_server->clock().todayInChina();
    const QDate start = today.addDays(-10);
    Api api(*m_server);
    const QString learnerToken = api.token(QStringLiteral("demo_learner"));
    const QString employerToken = api.token(QStringLiteral("demo_employer"));
    QVERIFY(!learnerToken.isEmpty() && !employerToken.isEmpty());

    // Declared and submitted on another computer, returned by the HR office.
    const QString id = newId();
    QCOMPARE(
        api.mutate(learnerToken, QStringLiteral("declaration.save"), id, 0,
               { { QStringLiteral("title"), QStringLiteral("内部安全生产培训") },
                   { QStringLiteral("organiser"), QStringLiteral("示范单位") },
                   { QStringLiteral("startDate"), start.toString(Qt::ISODate) },
                   { QStringLiteral("endDate"), start.toString(Qt::ISODate) },
                   { QStringLiteral("trainingDays"), 1 }, { QStringLiteral("hoursTenths"), 60 },
                   { QStringLiteral("subjectType"), QStringLiteral("elective") },
                   { QStringLiteral("professionalSeries"), QString() } })
            .value(QStringLiteral("status"))
            .toString(),
        QStringLiteral("applied"));
    const QByteArray png = fileBytes(QByteArray("\x89PNG\r\n\x1a\n", 8), 3000);
    const QString attachment = newId();
    const TestReply announced = api.client.post(
        QStringLiteral("/declarations/%1/attachments").arg(id),
        { { QStringLiteral("id"), attachment }, { QStringLiteral("name"), QStringLiteral("a.png") },
            { QStringLiteral("size"), png.size() },
            { QStringLiteral("sha256"),
                QString::fromLatin1(
                    QCryptographicHash::hash(png, QCryptographicHash::Sha256).toHex()) } },
        learnerToken);
    QCOMPARE(announced.status, 201);
    {
        // One piece, raw.
        QNetworkRequest request(
            m_server->url(QStringLiteral("/attachments/%1/content?offset=0").arg(attachment)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ m_server->certificate() });
        request.setSslConfiguration(tls);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/octet-stream"));
        request.setRawHeader("Authorization", "Bearer " + learnerToken.toUtf8());
        QNetworkReply *reply = api.client.network().post(request, png);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        QVERIFY(reply->isFinished() || finished.wait(30000));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
    }
    QCOMPARE(api.mutate(learnerToken, QStringLiteral("declaration.submit"), id, 0)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    qint64 version = 0;
    api.declaration(employerToken, id, &version);
    QVERIFY(version > 0);
    const QString reason = QStringLiteral("证明材料不清晰，请重新提交");
    QCOMPARE(api.mutate(employerToken, QStringLiteral("declaration.reject"), id, version,
                    { { QStringLiteral("reason"), reason } })
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));

    // The learner sees it returned, with the reason, in the list and in the record.
    DesktopClient learner(*m_server);
    HourRecordsPage *page = loginLearner(learner);
    QVERIFY(page);
    auto *table = child<QTableWidget>(page, "declarationsTableWidget");
    QTRY_VERIFY(rowOf(table, id) >= 0);
    QVERIFY2(table->item(rowOf(table, id), 4)->text().contains(reason),
        qPrintable(table->item(rowOf(table, id), 4)->text()));
    QVERIFY(table->item(rowOf(table, id), 4)->text().contains(QLatin1String("Returned")));
    table->selectRow(rowOf(table, id));
    QVERIFY(child<QPushButton>(page, "submitDeclarationButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "deleteDeclarationButton")->isEnabled());
    click(page, "editDeclarationButton");
    DeclarationDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = page->findChild<DeclarationDialog *>()));
    QVERIFY(child<QLabel>(dialog, "declarationStatusLabel")->text().contains(reason));
    QCOMPARE(child<QListWidget>(dialog, "declarationAttachmentsList")->count(), 1);
    QCOMPARE(child<QLineEdit>(dialog, "declarationTitleEdit")->text(),
        QStringLiteral("内部安全生产培训"));
    // Corrected: 5 hours, saved; it becomes a draft again.
    child<QDoubleSpinBox>(dialog, "declarationHoursSpinBox")->setValue(5);
    click(dialog, "declarationSaveButton");
    QCOMPARE(dialog->declarationId(), id);
    click(dialog, "declarationCloseButton");
    QTRY_VERIFY(!page->findChild<DeclarationDialog *>());
    QTRY_VERIFY(table->item(rowOf(table, id), 4)->text().contains(QLatin1String("Draft")));
    table->selectRow(rowOf(table, id));
    click(page, "submitDeclarationButton");
    QVERIFY(learner.sync(true));
    QVERIFY(learner.engine()->problems().isEmpty());
    const QJsonObject resubmitted = api.declaration(employerToken, id, &version);
    QCOMPARE(resubmitted.value(QStringLiteral("status")).toString(), QStringLiteral("pending"));
    QCOMPARE(resubmitted.value(QStringLiteral("hoursTenths")).toInt(), 50);

    // Confirmed by the HR office: the hours reach 继续教育记录 and the year's totals.
    QCOMPARE(api.mutate(employerToken, QStringLiteral("declaration.confirm"), id, version)
                 .value(QStringLiteral("status"))
                 .toString(),
        QStringLiteral("applied"));
    QVERIFY(learner.sync(true));
    QTRY_VERIFY(table->item(rowOf(table, id), 4)->text().contains(QLatin1String("Confirmed")));
    table->selectRow(rowOf(table, id));
    QVERIFY(!child<QPushButton>(page, "editDeclarationButton")->isEnabled());
    QVERIFY(!child<QPushButton>(page, "submitDeclarationButton")->isEnabled());
    HourRecordTableModel *records = page->model();
    int found = -1;
    for (int row = 0; row < records->rowCount(); ++row) {
        if (records->index(row, HourRecordTableModel::TitleColumn).data().toString()
            == QStringLiteral("内部安全生产培训"))
            found = row;
    }
    QVERIFY(found >= 0);
    QCOMPARE(records->index(found, 0).data(HourRecordTableModel::HoursTenthsRole).toInt(), 50);
    QCOMPARE(records->index(found, 0).data(HourRecordTableModel::StatusRole).toString(),
        QStringLiteral("confirmed"));
    QCOMPARE(records->index(found, 0).data(HourRecordTableModel::SubjectTypeRole).toString(),
        QStringLiteral("elective"));
    // The year's elective total includes them.
    int elective = 0;
    for (const CachedEntity &e : learner.store()->entities(QStringLiteral("hourRecord"))) {
        if (e.data.value(QStringLiteral("year")).toInt() == start.year()
            && e.data.value(QStringLiteral("status")).toString() == QLatin1String("confirmed")
            && e.data.value(QStringLiteral("subjectType")).toString() == QLatin1String("elective"))
            elective += e.data.value(QStringLiteral("hoursTenths")).toInt();
    }
    QVERIFY(elective >= 50);
    auto *totals = child<QTableWidget>(page, "hourTotalsTableWidget");
    QString shown;
    for (int row = 0; row < totals->rowCount(); ++row) {
        if (totals->item(row, 0)->text() == QString::number(start.year()))
            shown = totals->item(row, 4)->text();
    }
    QCOMPARE(shown, CourseText::hours(elective));
}

QTEST_MAIN(TestDeclarationsUi)
#include "tst_declarationsui.moc"
