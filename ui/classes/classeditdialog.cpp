#include "classes/classeditdialog.h"

#include "common/formvalidator.h"
#include "common/regionselector.h"
#include "common/uicommon.h"
#include "regions.h"
#include "trainingclasses.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace xueshi {

namespace {

QString text(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

QDateEdit *makeDateEdit(const char *name, const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(QLatin1String(name));
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    edit->setDate(date);
    return edit;
}

} // namespace

ClassEditDialog::ClassEditDialog(
    const LocalStore *store, const CachedEntity *existing, const QDate &today, QWidget *parent)
    : QDialog(parent)
    , m_existing(existing ? *existing : CachedEntity {})
    , m_validator(new FormValidator(this))
{
    setObjectName(QStringLiteral("classEditDialog"));
    setWindowTitle(
        UiText::windowTitle(isNew() ? tr("New training class") : tr("Edit training class")));
    const QJsonObject &d = m_existing.data;

    auto *layout = new QVBoxLayout(this);
    // The fields scroll when the screen is too low for all of them (with their messages); Save
    // and Cancel stay in sight.
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("classEditScrollArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *fields = new QWidget(scroll);
    auto *form = new QFormLayout(fields);
    form->setContentsMargins(0, 0, 0, 0);
    scroll->setWidget(fields);
    layout->addWidget(scroll, 1);
    const auto message
        = [this](const char *name) { return ui::createMessageLabel(QLatin1String(name), this); };

    m_name = new QLineEdit(text(d, "name"), this);
    m_name->setObjectName(QStringLiteral("classNameLineEdit"));
    m_name->setMaxLength(100);
    QLabel *nameMessage = message("classNameMessageLabel");
    form->addRow(tr("Class name"), ui::fieldWithMessage(m_name, nameMessage, this));

    m_subjectType = new QComboBox(this);
    m_subjectType->setObjectName(QStringLiteral("subjectTypeComboBox"));
    for (const char *code : { "elective", "professional" })
        m_subjectType->addItem(ClassText::subjectType(QLatin1String(code)), QLatin1String(code));
    m_subjectType->setCurrentIndex(std::max(0, m_subjectType->findData(text(d, "subjectType"))));
    form->addRow(tr("Subject type"), m_subjectType);

    m_series = new QComboBox(this);
    m_series->setObjectName(QStringLiteral("classSeriesComboBox"));
    m_series->addItem(tr("Please choose"), QString());
    QList<CachedEntity> series
        = store ? store->entities(QStringLiteral("professionalSeries")) : QList<CachedEntity>();
    std::sort(series.begin(), series.end(), [](const CachedEntity &a, const CachedEntity &b) {
        return a.data.value(QLatin1String("order")).toInt()
            < b.data.value(QLatin1String("order")).toInt();
    });
    for (const CachedEntity &entity : std::as_const(series))
        m_series->addItem(text(entity.data, "name"), entity.id);
    m_series->setCurrentIndex(std::max(0, m_series->findData(text(d, "professionalSeries"))));
    QLabel *seriesMessage = message("classSeriesMessageLabel");
    form->addRow(tr("Professional series"), ui::fieldWithMessage(m_series, seriesMessage, this));

    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeComboBox"));
    for (const char *code : { "offline", "online" })
        m_mode->addItem(ClassText::mode(QLatin1String(code)), QLatin1String(code));
    m_mode->setCurrentIndex(std::max(0, m_mode->findData(text(d, "mode"))));
    form->addRow(tr("Mode"), m_mode);

    // A class is held within the institution's own administrative region; a new one starts there.
    if (store) {
        if (const auto profile
            = store->entity(QStringLiteral("profile"), store->meta(QStringLiteral("userId"))))
            m_ownRegion
                = text(profile->data.value(QLatin1String("organisation")).toObject(), "regionCode");
    }
    m_region = new RegionSelector(RegionTable::instance(), this);
    m_region->setRegionCode(isNew() ? m_ownRegion : text(d, "regionCode"));
    QLabel *regionMessage = message("classRegionMessageLabel");
    form->addRow(tr("Administrative region"), ui::fieldWithMessage(m_region, regionMessage, this));

    m_venue = new QLineEdit(text(d, "venue"), this);
    m_venue->setObjectName(QStringLiteral("venueLineEdit"));
    m_venue->setMaxLength(200);
    QLabel *venueMessage = message("venueMessageLabel");
    form->addRow(tr("Venue"), ui::fieldWithMessage(m_venue, venueMessage, this));

    const auto date = [&d, &today](const char *key, int days) {
        const QDate value = QDate::fromString(text(d, key), Qt::ISODate);
        return value.isValid() ? value : today.addDays(days);
    };
    m_startDate = makeDateEdit("startDateEdit", date("startDate", 14), this);
    m_endDate = makeDateEdit("endDateEdit", date("endDate", 16), this);
    QLabel *datesMessage = message("datesMessageLabel");
    auto *dates = new QWidget(this);
    auto *datesLayout = new QHBoxLayout(dates);
    datesLayout->setContentsMargins(0, 0, 0, 0);
    datesLayout->addWidget(m_startDate);
    datesLayout->addWidget(new QLabel(QStringLiteral("–"), dates));
    datesLayout->addWidget(m_endDate);
    datesLayout->addStretch(1);
    form->addRow(tr("Dates"), ui::fieldWithMessage(dates, datesMessage, this));

    m_hours = new QLineEdit(d.contains(QLatin1String("hoursTenths"))
            ? ClassText::hours(d.value(QLatin1String("hoursTenths")).toInt())
            : QString(),
        this);
    m_hours->setObjectName(QStringLiteral("hoursLineEdit"));
    m_hours->setMaxLength(6);
    QLabel *hoursMessage = message("hoursMessageLabel");
    form->addRow(tr("Hours"), ui::fieldWithMessage(m_hours, hoursMessage, this));

    m_capacity = new QSpinBox(this);
    m_capacity->setObjectName(QStringLiteral("capacitySpinBox"));
    m_capacity->setRange(0, 100000);
    m_capacity->setValue(
        d.contains(QLatin1String("capacity")) ? d.value(QLatin1String("capacity")).toInt() : 50);
    QLabel *capacityMessage = message("capacityMessageLabel");
    form->addRow(tr("Capacity"), ui::fieldWithMessage(m_capacity, capacityMessage, this));

    m_deadline = makeDateEdit("deadlineDateEdit", date("enrolmentDeadline", 10), this);
    QLabel *deadlineMessage = message("deadlineMessageLabel");
    form->addRow(tr("Enrolment deadline"), ui::fieldWithMessage(m_deadline, deadlineMessage, this));

    m_description = new QPlainTextEdit(text(d, "description"), this);
    m_description->setObjectName(QStringLiteral("descriptionTextEdit"));
    m_description->setMinimumHeight(80);
    QLabel *descriptionMessage = message("descriptionMessageLabel");
    form->addRow(tr("Description"), ui::fieldWithMessage(m_description, descriptionMessage, this));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    QPushButton *save = m_buttons->button(QDialogButtonBox::Save);
    save->setObjectName(QStringLiteral("classSaveButton"));
    save->setText(tr("Save"));
    ui::makePrimary(save);
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    layout->addWidget(m_buttons);

    m_validator->addLineEdit(QStringLiteral("name"), m_name, nameMessage,
        [this] { return check(QStringLiteral("name")); });
    m_validator->addField(QStringLiteral("professionalSeries"), m_series, seriesMessage,
        [this] { return check(QStringLiteral("professionalSeries")); });
    m_validator->addField(QStringLiteral("regionCode"), m_region, regionMessage,
        [this] { return check(QStringLiteral("regionCode")); });
    m_validator->addLineEdit(
        QStringLiteral("venue"), m_venue, venueMessage,
        [this] { return check(QStringLiteral("venue")); },
        [this] {
            return m_mode->currentData().toString() == QLatin1String("offline")
                ? tr("Required for an in-person class.")
                : QString();
        });
    m_validator->addField(QStringLiteral("endDate"), dates, datesMessage,
        [this] { return check(QStringLiteral("endDate")); });
    m_validator->addLineEdit(
        QStringLiteral("hoursTenths"), m_hours, hoursMessage,
        [this] { return check(QStringLiteral("hoursTenths")); },
        [] { return tr("For example 24 or 7.5."); });
    m_validator->addField(QStringLiteral("capacity"), m_capacity, capacityMessage,
        [this] { return check(QStringLiteral("capacity")); });
    m_validator->addField(QStringLiteral("enrolmentDeadline"), m_deadline, deadlineMessage,
        [this] { return check(QStringLiteral("enrolmentDeadline")); });
    m_validator->addField(QStringLiteral("description"), m_description, descriptionMessage,
        [this] { return check(QStringLiteral("description")); });
    // A field counts as edited when the user changed it: its problem shows at once.
    connect(m_subjectType, &QComboBox::currentIndexChanged, this, [this] {
        updateSeries();
        m_validator->markEdited(m_series);
    });
    connect(m_series, &QComboBox::currentIndexChanged, this,
        [this] { m_validator->markEdited(m_series); });
    connect(m_mode, &QComboBox::currentIndexChanged, this,
        [this] { m_validator->markEdited(m_venue); });
    connect(m_region, &RegionSelector::regionEdited, this,
        [this] { m_validator->markEdited(m_region); });
    for (QDateEdit *edit : { m_startDate, m_endDate }) {
        connect(edit, &QDateEdit::dateChanged, this, [this, dates] {
            m_validator->markEdited(dates);
            m_validator->update();
        });
    }
    connect(
        m_deadline, &QDateEdit::dateChanged, this, [this] { m_validator->markEdited(m_deadline); });
    connect(
        m_capacity, &QSpinBox::valueChanged, this, [this] { m_validator->markEdited(m_capacity); });
    connect(m_description, &QPlainTextEdit::textChanged, this,
        [this] { m_validator->markEdited(m_description); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        m_validator->showAll();
        if (!m_validator->isValid()) {
            if (QWidget *input = m_validator->firstInvalidInput())
                input->setFocus();
            return;
        }
        accept();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    updateSeries();
    m_validator->update();
    // An existing class shows what is wrong with it at once.
    if (!isNew())
        m_validator->showAll();
    // At most MaxHeight high, so it fits a small screen; the fields scroll within.
    const int height = fields->sizeHint().height() + m_buttons->sizeHint().height()
        + layout->spacing() + layout->contentsMargins().top() + layout->contentsMargins().bottom();
    resize(560 + scroll->verticalScrollBar()->sizeHint().width(), std::min(height, MaxHeight));
}

void ClassEditDialog::updateSeries()
{
    m_series->setEnabled(m_subjectType->currentData().toString() == QLatin1String("professional"));
}

QString ClassEditDialog::check(const QString &field) const
{
    if (field == QLatin1String("name")) {
        const int length = int(m_name->text().trimmed().size());
        if (length < 2 || length > 100)
            return tr("Enter the class name (2 to 100 characters).");
    } else if (field == QLatin1String("professionalSeries")) {
        if (m_subjectType->currentData().toString() == QLatin1String("professional")
            && m_series->currentData().toString().isEmpty())
            return tr("A professional class needs its professional series.");
    } else if (field == QLatin1String("regionCode")) {
        if (m_region->regionCode().isEmpty())
            return tr("Choose the region whose learners may enrol (a province or city covers "
                      "the districts inside it).");
        if (!m_ownRegion.isEmpty()
            && !RegionTable::instance().covers(m_ownRegion, m_region->regionCode()))
            return tr("A class can be held only within your institution's administrative region "
                      "(%1).")
                .arg(RegionTable::instance().fullName(m_ownRegion));
    } else if (field == QLatin1String("venue")) {
        if (m_mode->currentData().toString() == QLatin1String("offline")
            && m_venue->text().trimmed().isEmpty())
            return tr("Enter the venue of an in-person class.");
    } else if (field == QLatin1String("endDate")) {
        if (m_startDate->date() > m_endDate->date())
            return tr("The class cannot end before it starts.");
    } else if (field == QLatin1String("hoursTenths")) {
        const std::optional<int> tenths = ClassText::parseHours(m_hours->text());
        if (!tenths || *tenths < 1 || *tenths > 2000)
            return tr("Enter the hours, from 0.1 to 200, with at most one decimal place.");
    } else if (field == QLatin1String("capacity")) {
        const int enrolled = m_existing.data.value(QLatin1String("enrolledCount")).toInt();
        if (m_capacity->value() < 1)
            return tr("At least one place.");
        if (m_capacity->value() < enrolled)
            return tr("At least %1: that many people are enrolled already.").arg(enrolled);
    } else if (field == QLatin1String("enrolmentDeadline")) {
        if (m_deadline->date() > m_endDate->date())
            return tr("The enrolment deadline cannot be after the class ends.");
    } else if (field == QLatin1String("description")) {
        if (m_description->toPlainText().size() > 2000)
            return tr("At most 2000 characters (now %1).").arg(m_description->toPlainText().size());
    }
    return {};
}

bool ClassEditDialog::isValid() const
{
    m_validator->update();
    return m_validator->isValid();
}

QJsonObject ClassEditDialog::payload() const
{
    const bool professional
        = m_subjectType->currentData().toString() == QLatin1String("professional");
    const bool offline = m_mode->currentData().toString() == QLatin1String("offline");
    return {
        { QStringLiteral("name"), m_name->text().trimmed() },
        { QStringLiteral("subjectType"), m_subjectType->currentData().toString() },
        { QStringLiteral("professionalSeries"),
            professional ? QJsonValue(m_series->currentData().toString()) : QJsonValue() },
        { QStringLiteral("mode"), m_mode->currentData().toString() },
        { QStringLiteral("regionCode"), m_region->regionCode() },
        { QStringLiteral("venue"), offline ? m_venue->text().trimmed() : QString() },
        { QStringLiteral("startDate"), m_startDate->date().toString(Qt::ISODate) },
        { QStringLiteral("endDate"), m_endDate->date().toString(Qt::ISODate) },
        { QStringLiteral("hoursTenths"), ClassText::parseHours(m_hours->text()).value_or(0) },
        { QStringLiteral("capacity"), m_capacity->value() },
        { QStringLiteral("enrolmentDeadline"), m_deadline->date().toString(Qt::ISODate) },
        { QStringLiteral("description"), m_description->toPlainText().trimmed() },
    };
}

bool ClassEditDialog::setServerError(const QString &field, const QString &message)
{
    return m_validator->setServerError(field, message);
}

} // namespace xueshi
