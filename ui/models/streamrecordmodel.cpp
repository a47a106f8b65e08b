// SPDX-License-Identifier: MIT
#include "models/streamrecordmodel.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>
#include <QTimeZone>
#include <algorithm>

#include "widgets/palette.h"

namespace shardscope::ui {

StreamRecordModel::StreamRecordModel(QObject* parent, size_t capacity)
    : QAbstractTableModel(parent), m_capacity(std::max<size_t>(capacity, 1)) {}

int StreamRecordModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_store.size());
}

int StreamRecordModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString StreamRecordModel::eventText(int eventName) {
    switch (static_cast<stream::EventName>(eventName)) {
        case stream::EventName::Insert:
            return QStringLiteral("INSERT");
        case stream::EventName::Modify:
            return QStringLiteral("MODIFY");
        case stream::EventName::Remove:
            return QStringLiteral("REMOVE");
    }
    return {};
}

QString StreamRecordModel::timeText(qint64 ms) {
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
        .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

QVariant StreamRecordModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto& row = m_store.row(static_cast<size_t>(index.row()));
    switch (role) {
        case Qt::DisplayRole:
            switch (index.column()) {
                case Sequence:
                    return QString::fromStdString(RecordStore::sequenceText(row.sequence));
                case Time:
                    return QDateTime::fromMSecsSinceEpoch(row.atMs, Qt::UTC)
                        .toString(QStringLiteral("HH:mm:ss.zzz"));
                case Table:
                    return QString::fromStdString(m_store.stream(row).tableName);
                case Event:
                    return eventText(row.event);
                case Keys:
                    return QString::fromUtf8(m_store.keys(row));
                case Size:
                    return row.sizeBytes;
                case Shard: {
                    // The id's tail tells shards apart; the full id is in the tooltip.
                    const std::string& id = m_store.shardId(row);
                    return QString::fromStdString(id.substr(id.size() > 8 ? id.size() - 8 : 0));
                }
                case Ttl:
                    return row.byTimeToLive ? tr("TTL") : QString();
            }
            return {};
        case Qt::ToolTipRole:
            if (index.column() == Shard) return QString::fromStdString(m_store.shardId(row));
            if (index.column() == Time) return timeText(row.atMs) + QStringLiteral(" UTC");
            if (index.column() == Ttl && row.byTimeToLive)
                return tr("Deleted by Time to Live (userIdentity: dynamodb.amazonaws.com)");
            return {};
        case Qt::ForegroundRole:
            if (index.column() == Event) return QBrush(eventColor(row.event));
            if (index.column() == Ttl) return QBrush(ttlColor());
            return {};
        case Qt::TextAlignmentRole:
            if (index.column() == Size || index.column() == Sequence)
                return int(Qt::AlignRight | Qt::AlignVCenter);
            return {};
        case SequenceRole:
            return QString::fromStdString(RecordStore::sequenceText(row.sequence));
        case TimeRole:
            return qint64(row.atMs);
        case EventRole:
            return int(row.event);
        case StreamArnRole:
            return QString::fromStdString(m_store.stream(row).arn);
        case ShardIdRole:
            return QString::fromStdString(m_store.shardId(row));
        case TtlRole:
            return row.byTimeToLive;
        case KeysRole:
            return QString::fromUtf8(m_store.keys(row));
        case TableRole:
            return QString::fromStdString(m_store.stream(row).tableName);
    }
    return {};
}

QVariant StreamRecordModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Sequence:
            return tr("Sequence number");
        case Time:
            return tr("Time (UTC)");
        case Table:
            return tr("Table");
        case Event:
            return tr("Event");
        case Keys:
            return tr("Keys");
        case Size:
            return tr("Size");
        case Shard:
            return tr("Shard");
        case Ttl:
            return tr("TTL");
    }
    return {};
}

void StreamRecordModel::append(const std::vector<stream::RecordAppended>& records) {
    if (records.empty()) return;
    // A batch bigger than the cap keeps only its newest records.
    const size_t skip = records.size() > m_capacity ? records.size() - m_capacity : 0;
    const size_t incoming = records.size() - skip;
    const size_t overflow =
        m_store.size() + incoming > m_capacity ? m_store.size() + incoming - m_capacity : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        m_store.dropOldest(overflow);
        m_droppedRows += overflow;
        endRemoveRows();
    }
    const int first = static_cast<int>(m_store.size());
    beginInsertRows({}, first, first + static_cast<int>(incoming) - 1);
    for (size_t i = skip; i < records.size(); ++i) m_store.append(records[i]);
    endInsertRows();
}

void StreamRecordModel::retest(const std::vector<int>& rows) {
    // One signal per run of neighbouring rows.
    std::vector<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size();) {
        size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] <= sorted[j] + 1) ++j;
        emit dataChanged(index(sorted[i], 0), index(sorted[j], ColumnCount - 1));
        i = j + 1;
    }
}

void StreamRecordModel::clear() {
    beginResetModel();
    m_store.clear();
    m_droppedRows = 0;
    endResetModel();
}

}  // namespace shardscope::ui
