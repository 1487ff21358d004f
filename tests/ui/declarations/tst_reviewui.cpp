// The employer's 学时审核 (R7, R9) through the real widgets against the real server over HTTPS:
// the HR office syncs (the proof of pending declarations is downloaded, with progress), goes
// offline, opens the PDF and the image, confirms; back online the hours reach the learner's feed
// as an hour record. Also: a decision on a declaration the person changed meanwhile comes back as
// a conflict shown side by side and is not applied; five confirmed at once with per-item results;
// returning needs a reason; a withdrawn declaration cannot be decided; an organisation awaiting
// approval cannot decide; the space cap is said on the page; a former employer's cache drops the
// declaration and its files. The learner's side is played through the API.
#include "appsettings.h"
#include "attachmentcache.h"
#include "attachmentkind.h"
#include "clientcore.h"
#include "common/uicommon.h"
#include "declarations/reviewmodel.h"
#include "declarations/reviewpage.h"
#include "desktopclient.h"
#include "localstore.h"
#include "role.h"
#include "services/accountservice.h"
#include "storage/database.h"
#include "sync/syncproblemspage.h"
#include "syncengine.h"
#include "testserver.h"
#include "testsupport.h"
#include "windows/employerwindow.h"
#include "windows/rolewindow.h"

#include <QAbstractItemModelTester>
#include <QBuffer>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDialog>
#include <QDir>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkReply>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfView>
#include <QPdfWriter>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace xueshi;
using namespace xueshi::test;

namespace {

const QString Password = QStringLiteral("Secret123");

QString newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

// A real one-page PDF (QPdfWriter), so QPdfView has something to render.
QByteArray pdfFile(const QString &text)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(text);
        QPainter painter(&writer);
        painter.drawText(QPointF(200, 200), text);
    }
    return buffer.data();
}

QByteArray pngFile()
{
    QImage image(320, 200, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return buffer.data();
}

QJsonObject declarationPayload(int hoursTenths = 120)
{
    // The test clock's today is 2026-03-01 in China.
    return { { QStringLiteral("title"), QStringLiteral("环境影响评价技术培训") },
        { QStringLiteral("organiser"), QStringLiteral("广东省环境科学学会") },
        { QStringLiteral("startDate"), QStringLiteral("2026-02-10") },
        { QStringLiteral("endDate"), QStringLiteral("2026-02-11") },
        { QStringLiteral("trainingDays"), 2 }, { QStringLiteral("hoursTenths"), hoursTenths },
        { QStringLiteral("subjectType"), QStringLiteral("professional") },
        { QStringLiteral("professionalSeries"), QStringLiteral("engineering-environmental") } };
}

QString statusOf(const QJsonObject &result)
{
    return result.value(QStringLiteral("status")).toString();
}

// The row of the declaration in the view, or -1.
int rowOf(QTableView *view, const QString &id)
{
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        if (view->model()->index(row, 0).data(ReviewTableModel::IdRole).toString() == id)
            return row;
    }
    return -1;
}

} // namespace

class TestReviewUi final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void offlineReview_pdfOpened_confirmed_hoursReachLearner();
    void editedWhileOffline_conflictShownSideBySide_notApplied();
    void fiveConfirmedAtOnce_perItemResults();
    void reject_needsReason_withdrawnCannotBeDecided();
    void unapprovedEmployer_actionsDisabledWithReason();
    void spaceCap_reached_saidOnThePage();
    void formerEmployer_cacheDropsDeclarationAndFiles();
    void attachmentCache_wrongChecksumOrName_nothingKept();

private:
    TestAccount registerLearner(const QString &username, const QString &first17,
        const QString &realName = QStringLiteral("张三"));
    TestAccount registerEmployer(
        const QString &username, const QString &creditFirst17, bool approve = true);
    void bind(const TestAccount &learner, const TestAccount &employer);
    QJsonObject mutate(const TestAccount &who, const QString &type, const QString &target,
        qint64 base, const QJsonObject &payload = {});
    bool upload(const TestAccount &learner, const QString &declarationId, const QByteArray &bytes,
        const QString &name);
    // A declaration saved, with these files, and submitted; returns its id.
    QString submit(const TestAccount &learner, const QList<QPair<QString, QByteArray>> &files,
        int hoursTenths = 120);
    qint64 version(const QString &declarationId);
    QString serverStatus(const QString &declarationId);
    EmployerWindow *loginEmployer(DesktopClient &client, const QString &username);

    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<TestClient> m_api;
    TestAccount m_learner;
    TestAccount m_employer;
};

void TestReviewUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    ui::applyTheme(*qApp);
}

void TestReviewUi::init()
{
    m_server = std::make_unique<TestServer>();
    QVERIFY2(m_server->isRunning(), qPrintable(m_server->errorString()));
    m_api = std::make_unique<TestClient>(*m_server);
    m_learner = registerLearner(
        QStringLiteral("declarer"), QStringLiteral("44010619900101123"), QStringLiteral("王芳"));
    m_employer = registerEmployer(QStringLiteral("hr_office"), QStringLiteral("91440106MA59XK3T1"));
    bind(m_learner, m_employer);
}

void TestReviewUi::cleanup()
{
    m_api.reset();
    m_server.reset();
}

TestAccount TestReviewUi::registerLearner(
    const QString &username, const QString &first17, const QString &realName)
{
    QJsonObject registration
        = learnerRegistration(username, first17, QStringLiteral("138") + first17.right(8));
    registration.insert(QStringLiteral("realName"), realName);
    const TestAccount a
        = registerAndLogin(*m_api, QStringLiteral("/accounts/learners"), registration);
    QSqlQuery v = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM users WHERE id = ?"), { a.id });
    v.next();
    const qint64 base = v.value(0).toLongLong();
    v.finish();
    const QJsonObject r = mutate(a, QStringLiteral("profile.update"), a.id, base,
        { { QStringLiteral("gender"), QStringLiteral("female") },
            { QStringLiteral("education"), QStringLiteral("bachelor") } });
    if (statusOf(r) != QLatin1String("applied"))
        qWarning("profile of %s: %s", qPrintable(username),
            QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    return a;
}

TestAccount TestReviewUi::registerEmployer(
    const QString &username, const QString &creditFirst17, bool approve)
{
    const TestAccount a = registerAndLogin(*m_api, QStringLiteral("/accounts/employers"),
        organisationRegistration(username, creditFirst17));
    QString error;
    if (approve
        && !m_server->server().accounts().approveOrganisation(username, Role::Employer, &error))
        qWarning("approve %s: %s", qPrintable(username), qPrintable(error));
    return a;
}

void TestReviewUi::bind(const TestAccount &learner, const TestAccount &employer)
{
    const QString binding = newId();
    QCOMPARE(statusOf(mutate(learner, QStringLiteral("binding.request"), binding, 0,
                 { { QStringLiteral("employerId"), employer.id } })),
        QStringLiteral("applied"));
    QCOMPARE(statusOf(mutate(employer, QStringLiteral("binding.confirm"), binding, 1)),
        QStringLiteral("applied"));
}

QJsonObject TestReviewUi::mutate(const TestAccount &who, const QString &type, const QString &target,
    qint64 base, const QJsonObject &payload)
{
    const TestReply reply = m_api->post(QStringLiteral("/sync/mutations"),
        { { QStringLiteral("mutations"),
            QJsonArray { QJsonObject { { QStringLiteral("id"), newId() },
                { QStringLiteral("type"), type }, { QStringLiteral("target"), target },
                { QStringLiteral("baseVersion"), double(base) },
                { QStringLiteral("payload"), payload } } } } },
        who.token, "en");
    return reply.json.value(QStringLiteral("results")).toArray().at(0).toObject();
}

bool TestReviewUi::upload(const TestAccount &learner, const QString &declarationId,
    const QByteArray &bytes, const QString &name)
{
    const QString id = newId();
    const TestReply announced
        = m_api->post(QStringLiteral("/declarations/%1/attachments").arg(declarationId),
            { { QStringLiteral("id"), id }, { QStringLiteral("name"), name },
                { QStringLiteral("size"), double(bytes.size()) },
                { QStringLiteral("sha256"), sha256(bytes) } },
            learner.token, "en");
    if (announced.status != 201) {
        qWarning("announce: %d %s", announced.status, announced.body.constData());
        return false;
    }
    for (qint64 offset = 0; offset < bytes.size(); offset += kAttachmentPieceBytes) {
        QNetworkRequest request(
            m_server->url(QStringLiteral("/attachments/%1/content?offset=%2").arg(id).arg(offset)));
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates({ m_server->certificate() });
        request.setSslConfiguration(tls);
        request.setHeader(
            QNetworkRequest::ContentTypeHeader, QByteArray("application/octet-stream"));
        request.setRawHeader("Authorization", "Bearer " + learner.token.toUtf8());
        QNetworkReply *reply
            = m_api->network().post(request, bytes.mid(offset, kAttachmentPieceBytes));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(30000))
            return false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        reply->deleteLater();
        if (status != 200) {
            qWarning("piece: %d", status);
            return false;
        }
    }
    return true;
}

qint64 TestReviewUi::version(const QString &declarationId)
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT version FROM declarations WHERE id = ?"), { declarationId });
    return q.next() ? q.value(0).toLongLong() : -1;
}

QString TestReviewUi::serverStatus(const QString &declarationId)
{
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT status FROM declarations WHERE id = ?"), { declarationId });
    return q.next() ? q.value(0).toString() : QString();
}

QString TestReviewUi::submit(
    const TestAccount &learner, const QList<QPair<QString, QByteArray>> &files, int hoursTenths)
{
    const QString id = newId();
    const QJsonObject saved = mutate(
        learner, QStringLiteral("declaration.save"), id, 0, declarationPayload(hoursTenths));
    if (statusOf(saved) != QLatin1String("applied")) {
        qWarning("save: %s", QJsonDocument(saved).toJson(QJsonDocument::Compact).constData());
        return {};
    }
    for (const auto &[name, bytes] : files) {
        if (!upload(learner, id, bytes, name))
            return {};
    }
    const QJsonObject submitted
        = mutate(learner, QStringLiteral("declaration.submit"), id, version(id));
    if (statusOf(submitted) != QLatin1String("applied")) {
        qWarning("submit: %s", QJsonDocument(submitted).toJson(QJsonDocument::Compact).constData());
        return {};
    }
    return id;
}

EmployerWindow *TestReviewUi::loginEmployer(DesktopClient &client, const QString &username)
{
    if (!client.login(username, Password))
        return nullptr;
    auto *window = qobject_cast<EmployerWindow *>(client.window());
    if (window)
        window->showSection(QStringLiteral("review"));
    return window;
}

void TestReviewUi::offlineReview_pdfOpened_confirmed_hoursReachLearner()
{
    const QByteArray pdf = pdfFile(QStringLiteral("Certificate of attendance"));
    const QByteArray png = pngFile();
    const QString id = submit(
        m_learner, { { QStringLiteral("证明.pdf"), pdf }, { QStringLiteral("签到表.png"), png } });
    QVERIFY(!id.isEmpty());

    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    QVERIFY(page->attachmentCache());
    QAbstractItemModelTester tester(page->proxy());
    auto *view = child<QTableView>(page, "declarationTableView");
    auto *progressBar = child<QProgressBar>(page, "attachmentProgressBar");
    QSignalSpy progress(page->attachmentCache(), &AttachmentCache::progress);
    QSignalSpy finished(page->attachmentCache(), &AttachmentCache::finished);
    bool barShown = false;
    connect(page->attachmentCache(), &AttachmentCache::progress, page,
        [&barShown, progressBar, page](qint64, qint64, int done, int total) {
            if (done < total && progressBar->isVisibleTo(page))
                barShown = true;
        });

    // The sync brings the declaration; the proof follows, with progress, verified and named by
    // its SHA-256.
    QVERIFY(client.sync(true));
    QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !page->attachmentCache()->isRunning(), 30000);
    QVERIFY(finished.last().at(0).toBool());
    // Both files counted (a later sync's update() has nothing left to fetch: 0 of 0).
    bool bothDone = false;
    for (const QList<QVariant> &step : std::as_const(progress)) {
        if (step.at(2).toInt() == 2 && step.at(3).toInt() == 2
            && step.at(0).toLongLong() == pdf.size() + png.size())
            bothDone = true;
    }
    QVERIFY(bothDone);
    QVERIFY2(barShown, "the progress bar was shown while the files arrived");
    QVERIFY(!progressBar->isVisibleTo(page)); // hidden again when done
    const QDir cacheDir(page->attachmentCache()->directory());
    QVERIFY(cacheDir.exists(sha256(pdf)));
    QVERIFY(cacheDir.exists(sha256(png)));
    QCOMPARE(cacheDir.entryList(QDir::Files).size(), 2);
    QVERIFY(child<QLabel>(page, "attachmentStatusLabel")->text().contains(QLatin1String("MB")));

    // Offline: the officer reads the declaration and its proof from the cache.
    client.networkDown();
    const int row = rowOf(view, id);
    QVERIFY(row >= 0);
    QCOMPARE(view->model()->index(row, ReviewTableModel::HoursColumn).data().toString(),
        QStringLiteral("12"));
    view->selectRow(row);
    QVERIFY(child<QLabel>(page, "declarationDetailLabel")
                ->text()
                .contains(QStringLiteral("环境影响评价技术培训")));
    auto *attachments = child<QListWidget>(page, "attachmentsListWidget");
    QCOMPARE(attachments->count(), 2);
    auto *stack = child<QStackedWidget>(page, "attachmentViewerStack");
    auto *pdfView = child<QPdfView>(page, "attachmentPdfView");
    // The server lists them in its own order: found by name.
    const auto rowNamed = [attachments](const QString &name) {
        for (int i = 0; i < attachments->count(); ++i) {
            if (attachments->item(i)->text().startsWith(name))
                return i;
        }
        return -1;
    };
    const int pdfRow = rowNamed(QStringLiteral("证明.pdf"));
    const int pngRow = rowNamed(QStringLiteral("签到表.png"));
    QVERIFY(pdfRow >= 0 && pngRow >= 0);
    attachments->setCurrentRow(pdfRow);
    QCOMPARE(stack->currentWidget(), pdfView);
    QCOMPARE(pdfView->document()->status(), QPdfDocument::Status::Ready);
    QCOMPARE(pdfView->document()->pageCount(), 1);
    QTest::mouseClick(child<QPushButton>(page, "zoomInButton"), Qt::LeftButton);
    QCOMPARE(pdfView->zoomFactor(), 1.25);
    attachments->setCurrentRow(pngRow);
    QCOMPARE(stack->currentWidget()->objectName(), QStringLiteral("attachmentImageScrollArea"));
    const QSize before = child<QLabel>(page, "attachmentImageLabel")->pixmap().size();
    QTest::mouseClick(child<QPushButton>(page, "zoomInButton"), Qt::LeftButton);
    const QSize after = child<QLabel>(page, "attachmentImageLabel")->pixmap().size();
    QVERIFY2(after.width() > before.width(), "the image zooms in");

    // 确认 offline: shown at once, waiting in the outbox.
    auto *confirm = child<QPushButton>(page, "confirmButton");
    QVERIFY(confirm->isEnabled());
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(client.engine()->pendingCount(), 1);
    QCOMPARE(page->model()->rowAt(page->model()->rowOf(id)).status, QStringLiteral("confirmed"));
    QVERIFY(page->model()
                ->index(page->model()->rowOf(id), ReviewTableModel::StatusColumn)
                .data()
                .toString()
                .contains(QLatin1String("not sent yet")));
    QSignalSpy offlineSync(client.engine(), &SyncEngine::syncFinished);
    window->syncNow();
    QTRY_VERIFY(!offlineSync.isEmpty());
    QCOMPARE(client.engine()->state(), SyncEngine::State::Offline);
    QCOMPARE(serverStatus(id), QStringLiteral("pending"));

    // Back online: applied; the hours reach the learner's feed as an hour record.
    client.networkUp();
    QVERIFY(client.sync(true));
    QVERIFY(client.engine()->problems().isEmpty());
    QCOMPARE(serverStatus(id), QStringLiteral("confirmed"));
    bool found = false;
    for (const QJsonObject &change : pullAllChanges(*m_api, m_learner.token)) {
        if (change.value(QStringLiteral("type")).toString() != QLatin1String("hourRecord"))
            continue;
        const QJsonObject record = change.value(QStringLiteral("data")).toObject();
        if (record.value(QStringLiteral("source")).toString() == QLatin1String("selfDeclaration")) {
            QCOMPARE(record.value(QStringLiteral("hoursTenths")).toInt(), 120);
            QCOMPARE(
                record.value(QStringLiteral("status")).toString(), QStringLiteral("confirmed"));
            QCOMPARE(record.value(QStringLiteral("subjectType")).toString(),
                QStringLiteral("professional"));
            found = true;
        }
    }
    QVERIFY2(found, "the learner's feed has the hour record");
}

void TestReviewUi::editedWhileOffline_conflictShownSideBySide_notApplied()
{
    const QByteArray pdf = pdfFile(QStringLiteral("v1"));
    const QString id = submit(m_learner, { { QStringLiteral("证明.pdf"), pdf } });
    QVERIFY(!id.isEmpty());
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    auto *view = child<QTableView>(page, "declarationTableView");
    QVERIFY(client.sync(true));

    // The officer confirms offline; meanwhile the learner edits the pending declaration (a new
    // version: 10 hours instead of 12) and adds a file.
    client.networkDown();
    view->selectRow(rowOf(view, id));
    QCOMPARE(page->confirmSelected(), 1);
    QJsonObject edited = declarationPayload(100);
    QCOMPARE(
        statusOf(mutate(m_learner, QStringLiteral("declaration.save"), id, version(id), edited)),
        QStringLiteral("applied"));
    QVERIFY(upload(m_learner, id, pngFile(), QStringLiteral("新增.png")));

    client.networkUp();
    QVERIFY(client.sync());
    // Not applied to a version the officer did not see.
    QCOMPARE(serverStatus(id), QStringLiteral("pending"));
    QCOMPARE(client.engine()->problems().size(), 1);

    window->showSection(QStringLiteral("syncProblems"));
    auto *problems = window->findChild<SyncProblemsPage *>();
    QVERIFY(problems);
    QCOMPARE(problems->problemCount(), 1);
    auto *table = child<QTableWidget>(problems, "comparisonTableWidget");
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QStringLiteral("What you saw"));
    QHash<QString, QPair<QString, QString>> rows;
    QStringList changed;
    for (int r = 0; r < table->rowCount(); ++r) {
        rows.insert(
            table->item(r, 0)->text(), { table->item(r, 1)->text(), table->item(r, 2)->text() });
        if (table->item(r, 0)->data(Qt::UserRole).toBool())
            changed << table->item(r, 0)->text();
    }
    QCOMPARE(
        rows.value(QStringLiteral("Hours")), qMakePair(QStringLiteral("12"), QStringLiteral("10")));
    QCOMPARE(rows.value(QStringLiteral("Training content")).first,
        rows.value(QStringLiteral("Training content")).second);
    QVERIFY(rows.value(QStringLiteral("Attachments")).second.contains(QStringLiteral("新增.png")));
    QVERIFY(!rows.value(QStringLiteral("Attachments")).first.contains(QStringLiteral("新增.png")));
    QCOMPARE(changed, (QStringList { QStringLiteral("Hours"), QStringLiteral("Attachments") }));
    QVERIFY(!child<QPushButton>(problems, "retryButton")->isEnabled());
    QVERIFY(child<QPushButton>(problems, "discardButton")->isEnabled());

    // The page shows the declaration as it is now, to review again.
    const int row = page->model()->rowOf(id);
    QCOMPARE(page->model()->rowAt(row).hoursTenths, 100);
    QVERIFY(page->model()
                ->index(row, ReviewTableModel::StatusColumn)
                .data()
                .toString()
                .contains(QLatin1String("sync problem")));
}

void TestReviewUi::fiveConfirmedAtOnce_perItemResults()
{
    QStringList ids;
    for (int i = 0; i < 5; ++i) {
        ids << submit(
            m_learner, { { QStringLiteral("证明%1.pdf").arg(i), pdfFile(QString::number(i)) } });
        QVERIFY(!ids.last().isEmpty());
    }
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    auto *view = child<QTableView>(page, "declarationTableView");
    QVERIFY(client.sync(true));
    QCOMPARE(view->model()->rowCount(), 5);

    // Offline, all five selected and confirmed as one action; the learner withdraws one meanwhile.
    client.networkDown();
    QSignalSpy changes(client.engine(), &SyncEngine::entitiesChanged);
    view->selectAll();
    auto *confirm = child<QPushButton>(page, "confirmButton");
    QCOMPARE(confirm->text(), QStringLiteral("Confirm 5"));
    QTest::mouseClick(confirm, Qt::LeftButton);
    QCOMPARE(changes.size(), 1); // one action, one refresh
    QCOMPARE(client.engine()->pendingCount(), 5);
    QCOMPARE(client.store()->pendingMutations().size(), 5);
    QCOMPARE(statusOf(mutate(
                 m_learner, QStringLiteral("declaration.withdraw"), ids.at(2), version(ids.at(2)))),
        QStringLiteral("applied"));

    client.networkUp();
    QVERIFY(client.sync());
    auto *result = child<QLabel>(page, "batchResultLabel");
    QTRY_VERIFY2(result->text().contains(QLatin1String("4 accepted by the server, 1 not applied")),
        qPrintable(result->text()));
    for (int i = 0; i < 5; ++i)
        QCOMPARE(serverStatus(ids.at(i)),
            i == 2 ? QStringLiteral("draft") : QStringLiteral("confirmed"));

    // The withdrawn one is shown as withdrawn and cannot be decided.
    child<QComboBox>(page, "stateFilterComboBox")->setCurrentIndex(0); // all states
    view->clearSelection();
    view->selectRow(rowOf(view, ids.at(2)));
    QCOMPARE(view->model()
                 ->index(rowOf(view, ids.at(2)), 0)
                 .data(ReviewTableModel::StatusRole)
                 .toString(),
        QStringLiteral("draft"));
    QVERIFY(!confirm->isEnabled());
    QVERIFY(!child<QPushButton>(page, "rejectButton")->isEnabled());
    QVERIFY(
        child<QLabel>(page, "declarationDetailLabel")->text().contains(QLatin1String("withdrew")));
}

void TestReviewUi::reject_needsReason_withdrawnCannotBeDecided()
{
    const QString id
        = submit(m_learner, { { QStringLiteral("证明.pdf"), pdfFile(QStringLiteral("r")) } });
    QVERIFY(!id.isEmpty());
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    auto *view = child<QTableView>(page, "declarationTableView");
    QVERIFY(client.sync(true));
    view->selectRow(rowOf(view, id));

    // Without a reason, nothing; the dialog's OK waits for one of at most 200 characters.
    QVERIFY(!page->rejectSelectedWithReason(QStringLiteral("   ")));
    QVERIFY(!page->rejectSelectedWithReason(QString(201, QLatin1Char('x'))));
    QCOMPARE(client.engine()->pendingCount(), 0);
    QTest::mouseClick(child<QPushButton>(page, "rejectButton"), Qt::LeftButton);
    auto *dialog = page->findChild<QDialog *>(QStringLiteral("rejectReasonDialog"));
    QVERIFY(dialog);
    auto *ok = child<QPushButton>(dialog, "rejectReasonOkButton");
    QVERIFY(!ok->isEnabled());
    type(dialog, "rejectReasonLineEdit", QString(201, QLatin1Char('y')));
    QVERIFY(!ok->isEnabled());
    QVERIFY(
        child<QLabel>(dialog, "rejectReasonMessageLabel")->text().contains(QLatin1String("201")));
    type(dialog, "rejectReasonLineEdit", QStringLiteral("签到表缺少主办单位盖章"));
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(client.engine()->pendingCount(), 1);
    QVERIFY(client.sync(true));
    QCOMPARE(serverStatus(id), QStringLiteral("rejected"));
    QSqlQuery q = m_server->server().database().exec(
        QStringLiteral("SELECT reason FROM declarations WHERE id = ?"), { id });
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("签到表缺少主办单位盖章"));
}

void TestReviewUi::unapprovedEmployer_actionsDisabledWithReason()
{
    const TestAccount waiting = registerEmployer(
        QStringLiteral("hr_waiting"), QStringLiteral("91440106MA59XK3T2"), false);
    Q_UNUSED(waiting);
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_waiting"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    auto *confirm = child<QPushButton>(page, "confirmButton");
    QVERIFY(!confirm->isEnabled());
    QVERIFY(confirm->toolTip().contains(QLatin1String("approved")));
    QVERIFY(child<QLabel>(page, "actionMessageLabel")->text().contains(QLatin1String("approved")));
    QCOMPARE(page->confirmSelected(), 0);
}

void TestReviewUi::spaceCap_reached_saidOnThePage()
{
    const QByteArray first = pdfFile(QStringLiteral("first"));
    const QByteArray second = pdfFile(QStringLiteral("second, a little longer"));
    QVERIFY(!submit(m_learner, { { QStringLiteral("a.pdf"), first } }).isEmpty());
    QVERIFY(!submit(m_learner, { { QStringLiteral("b.pdf"), second } }).isEmpty());
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    QVERIFY(client.sync(true));
    AttachmentCache *cache = page->attachmentCache();
    QTRY_VERIFY_WITH_TIMEOUT(!cache->isRunning() && cache->contains(sha256(first)), 30000);

    // The setting: a spin box in MB, 500 by default, kept in the settings.
    auto *spin = window->findChild<QSpinBox *>(QStringLiteral("attachmentCapSpinBox"));
    QVERIFY(spin);
    QCOMPARE(spin->value(), AppSettings::DefaultAttachmentCapMegabytes);
    spin->setValue(800);
    QCOMPARE(client.core->settings()->attachmentCapMegabytes(), 800);

    // A cap with room for one file only: the page says the space is full.
    QVERIFY(QFile::remove(cache->path(sha256(second))));
    cache->setCapBytes(first.size() + 10);
    QSignalSpy finished(cache, &AttachmentCache::finished);
    cache->update();
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(cache->capReached());
    QVERIFY(!cache->contains(sha256(second)));
    QVERIFY(cache->usedBytes() <= first.size() + 10);
    auto *status = child<QLabel>(page, "attachmentStatusLabel");
    QVERIFY2(status->text().contains(QLatin1String("space for attachments is full")),
        qPrintable(status->text()));
}

void TestReviewUi::formerEmployer_cacheDropsDeclarationAndFiles()
{
    const QByteArray pdf = pdfFile(QStringLiteral("proof"));
    const QString id = submit(m_learner, { { QStringLiteral("证明.pdf"), pdf } });
    QVERIFY(!id.isEmpty());
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    QVERIFY(client.sync(true));
    AttachmentCache *cache = page->attachmentCache();
    QTRY_VERIFY_WITH_TIMEOUT(cache->contains(sha256(pdf)), 30000);
    QVERIFY(page->model()->rowOf(id) >= 0);

    // The person moves to another employer, which confirms them.
    const TestAccount other
        = registerEmployer(QStringLiteral("hr_other"), QStringLiteral("91440106MA59XK3T3"));
    bind(m_learner, other);
    QVERIFY(client.sync(true));
    QCOMPARE(page->model()->rowOf(id), -1);
    QVERIFY(!client.store()->entity(QStringLiteral("declaration"), id));
    QTRY_VERIFY(!cache->contains(sha256(pdf)));
    QVERIFY(QDir(cache->directory()).entryList(QDir::Files).isEmpty());
}

void TestReviewUi::attachmentCache_wrongChecksumOrName_nothingKept()
{
    const QByteArray pdf = pdfFile(QStringLiteral("genuine"));
    const QString id = submit(m_learner, { { QStringLiteral("证明.pdf"), pdf } });
    QVERIFY(!id.isEmpty());
    DesktopClient client(*m_server);
    EmployerWindow *window = loginEmployer(client, QStringLiteral("hr_office"));
    QVERIFY(window);
    ReviewPage *page = window->reviewPage();
    QVERIFY(client.sync(true));
    AttachmentCache *cache = page->attachmentCache();
    QTRY_VERIFY_WITH_TIMEOUT(!cache->isRunning() && cache->contains(sha256(pdf)), 30000);

    // The cached declaration lists another checksum than the bytes the server has: the download
    // is hashed, refused and deleted.
    QVERIFY(QFile::remove(cache->path(sha256(pdf))));
    CachedEntity entity = *client.store()->entity(QStringLiteral("declaration"), id);
    QJsonArray attachments = entity.data.value(QStringLiteral("attachments")).toArray();
    QJsonObject attachment = attachments.at(0).toObject();
    const QString wrong = sha256("something else");
    attachment.insert(QStringLiteral("sha256"), wrong);
    attachments.replace(0, attachment);
    entity.data.insert(QStringLiteral("attachments"), attachments);
    QVERIFY(client.store()->putEntity(entity));
    QSignalSpy finished(cache, &AttachmentCache::finished);
    cache->update();
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(!finished.last().at(0).toBool());
    QVERIFY(finished.last().at(1).toString().contains(QLatin1String("checksum")));
    QVERIFY(!cache->contains(wrong));
    QVERIFY(QDir(cache->directory()).entryList(QDir::Files).isEmpty());

    // A checksum that is a path is never used as one: nothing is fetched or written.
    attachment.insert(QStringLiteral("sha256"), QStringLiteral("../../escaped"));
    attachments.replace(0, attachment);
    entity.data.insert(QStringLiteral("attachments"), attachments);
    QVERIFY(client.store()->putEntity(entity));
    finished.clear();
    cache->update();
    QTRY_VERIFY(!finished.isEmpty());
    QVERIFY(finished.last().at(0).toBool());
    QVERIFY(QDir(cache->directory()).entryList(QDir::Files).isEmpty());
    QVERIFY(!QFileInfo::exists(cache->directory() + QStringLiteral("/../../escaped")));
    QVERIFY(cache->path(QStringLiteral("../../escaped")).isEmpty());
}

QTEST_MAIN(TestReviewUi)
#include "tst_reviewui.moc"
