// SPDX-License-Identifier: MIT
#include "widgets/recorddetails.h"

#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "model/json.h"
#include "models/recordstore.h"
#include "models/streamrecordmodel.h"
#include "table/database.h"
#include "widgets/palette.h"

namespace shardscope::ui {
namespace {

QString jsonText(const model::AttributeValue& value) {
    return QString::fromStdString(model::toJson(value).dump());
}

QString imageText(const std::optional<model::Item>& image, const QString& absent) {
    if (!image) return absent;
    return QString::fromStdString(model::toJson(*image).dump(2));
}

QPlainTextEdit* jsonView(QWidget* parent) {
    auto* view = new QPlainTextEdit(parent);
    view->setReadOnly(true);
    view->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

}  // namespace

std::vector<AttributeChange> diffImages(const std::optional<model::Item>& oldImage,
                                        const std::optional<model::Item>& newImage) {
    static const model::Item none;
    const model::Item& before = oldImage ? *oldImage : none;
    const model::Item& after = newImage ? *newImage : none;
    std::vector<AttributeChange> changes;
    auto b = before.begin();
    auto a = after.begin();
    while (b != before.end() || a != after.end()) {
        AttributeChange change;
        if (a == after.end() || (b != before.end() && b->first < a->first)) {
            change = {QString::fromStdString(b->first),
                      AttributeChange::Kind::Removed,
                      jsonText(b->second),
                      {}};
            ++b;
        } else if (b == before.end() || a->first < b->first) {
            change = {QString::fromStdString(a->first),
                      AttributeChange::Kind::Added,
                      {},
                      jsonText(a->second)};
            ++a;
        } else {
            const bool same = b->second == a->second;
            change = {QString::fromStdString(a->first),
                      same ? AttributeChange::Kind::Unchanged : AttributeChange::Kind::Changed,
                      jsonText(b->second), jsonText(a->second)};
            ++a;
            ++b;
        }
        changes.push_back(std::move(change));
    }
    return changes;
}

QString missingFromView(stream::ViewType viewType, stream::EventName eventName) {
    using stream::EventName;
    using stream::ViewType;
    switch (viewType) {
        case ViewType::KeysOnly:
            return QObject::tr(
                "This stream's view type is KEYS_ONLY: it records only the key "
                "attributes, never the item before or after the change.");
        case ViewType::NewImage:
            if (eventName == EventName::Insert) return {};
            return QObject::tr(
                "This stream's view type is NEW_IMAGE: the item as it was before "
                "the change is not recorded, so what changed cannot be shown.");
        case ViewType::OldImage:
            if (eventName == EventName::Remove) return {};
            return QObject::tr(
                "This stream's view type is OLD_IMAGE: the item as it is after "
                "the change is not recorded.");
        case ViewType::NewAndOldImages:
            return {};
    }
    return {};
}

RecordDetails::RecordDetails(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    m_title = new QLabel(this);
    m_title->setObjectName(QStringLiteral("recordTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("recordNote"));
    m_note->setWordWrap(true);
    m_note->setVisible(false);
    layout->addWidget(m_note);

    m_tabs = new QTabWidget(this);
    m_diff = new QTreeWidget(m_tabs);
    m_diff->setRootIsDecorated(false);
    m_diff->setHeaderLabels({tr("Attribute"), tr("Old"), tr("New"), tr("Change")});
    m_diff->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_diff->setColumnWidth(0, 120);
    m_diff->setColumnWidth(1, 170);
    m_diff->setColumnWidth(2, 170);
    m_tabs->addTab(m_diff, tr("Changes"));
    m_keys = jsonView(m_tabs);
    m_newImage = jsonView(m_tabs);
    m_oldImage = jsonView(m_tabs);
    m_tabs->addTab(m_newImage, tr("NewImage"));
    m_tabs->addTab(m_oldImage, tr("OldImage"));
    m_tabs->addTab(m_keys, tr("Keys"));
    layout->addWidget(m_tabs, 1);
    clear();
}

void RecordDetails::clear() {
    m_generation.next();
    m_record.reset();
    m_title->setText(tr("Select a record to see its keys, images and what changed."));
    m_note->setVisible(false);
    m_diff->clear();
    m_keys->clear();
    m_newImage->clear();
    m_oldImage->clear();
}

void RecordDetails::showRecord(const QString& streamArn, const QString& shardId,
                               const QString& sequence) {
    if (!m_database) return;
    uint64_t number = 0;
    if (!RecordStore::parseSequence(sequence.toStdString(), number) || number == 0) return;
    stream::ReadRecordsRequest request;
    request.streamArn = streamArn.toStdString();
    request.shardId = shardId.toStdString();
    request.afterSequenceNumber = RecordStore::sequenceText(number - 1);
    request.limit = 1;
    const quint64 ticket = m_generation.next();
    m_title->setText(tr("Reading %1\u2026").arg(sequence));
    runAsync(
        this,
        [database = m_database, request = std::move(request)] {
            return database->readRecords(request);
        },
        [this, ticket, sequence](Result<stream::ReadRecordsResult> result) {
            if (!m_generation.current(ticket)) return;
            if (!result) {
                m_title->setText(QString::fromStdString(result.error().message));
                return;
            }
            if (result->records.empty() ||
                QString::fromStdString(result->records.front().sequenceNumber) != sequence) {
                m_title->setText(tr("Record %1 is no longer in the stream: records are trimmed "
                                    "24 hours after they are written.")
                                     .arg(sequence));
                return;
            }
            showRecord(result->records.front());
        });
}

void RecordDetails::showRecord(const stream::Record& record) {
    m_record = record;
    const QString event = StreamRecordModel::eventText(int(record.eventName));
    m_title->setText(
        tr("<b>%1</b> &nbsp; %2 &nbsp;\u00b7&nbsp; sequence %3 &nbsp;\u00b7&nbsp; shard %4 "
           "&nbsp;\u00b7&nbsp; %5 bytes &nbsp;\u00b7&nbsp; %6")
            .arg(event, QString::fromStdString(RecordStore::keysText(record.keys)).toHtmlEscaped(),
                 QString::fromStdString(record.sequenceNumber),
                 QString::fromStdString(record.shardId))
            .arg(record.sizeBytes)
            .arg(QString::fromLatin1(stream::viewTypeName(record.streamViewType))));
    QString note = missingFromView(record.streamViewType, record.eventName);
    if (record.byTimeToLive) {
        note = tr("Deleted by Time to Live: userIdentity is {Type: Service, PrincipalId: "
                  "dynamodb.amazonaws.com}. ") +
               note;
    }
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());

    m_diff->clear();
    const bool bothImages = record.streamViewType == stream::ViewType::NewAndOldImages;
    for (const auto& change : diffImages(record.oldImage, record.newImage)) {
        auto* item = new QTreeWidgetItem(m_diff);
        item->setText(0, change.name);
        item->setText(1, change.oldValue);
        item->setText(2, change.newValue);
        switch (change.kind) {
            case AttributeChange::Kind::Added:
                item->setText(3, bothImages || record.eventName == stream::EventName::Insert
                                     ? tr("added")
                                     : tr("in new image"));
                item->setForeground(3, eventColor(int(stream::EventName::Insert)));
                break;
            case AttributeChange::Kind::Removed:
                item->setText(3, bothImages || record.eventName == stream::EventName::Remove
                                     ? tr("removed")
                                     : tr("in old image"));
                item->setForeground(3, eventColor(int(stream::EventName::Remove)));
                break;
            case AttributeChange::Kind::Changed:
                item->setText(3, tr("changed"));
                item->setForeground(3, eventColor(int(stream::EventName::Modify)));
                for (int column = 0; column < 3; ++column) {
                    QFont bold = item->font(column);
                    bold.setBold(true);
                    item->setFont(column, bold);
                }
                break;
            case AttributeChange::Kind::Unchanged:
                item->setText(3, QString());
                for (int column = 0; column < 3; ++column)
                    item->setForeground(column, palette().color(QPalette::PlaceholderText));
                break;
        }
    }
    m_keys->setPlainText(QString::fromStdString(model::toJson(record.keys).dump(2)));
    const QString notCaptured = tr("(not captured by this view type)");
    m_newImage->setPlainText(
        imageText(record.newImage, record.eventName == stream::EventName::Remove
                                       ? tr("(none: the item was deleted)")
                                       : notCaptured));
    m_oldImage->setPlainText(
        imageText(record.oldImage, record.eventName == stream::EventName::Insert
                                       ? tr("(none: the item did not exist before)")
                                       : notCaptured));
    emit loaded();
}

}  // namespace shardscope::ui
