// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <vector>

#include "models/recordstore.h"

namespace shardscope::ui {

// Every stream record the window has seen, oldest first, one row each. Appends arrive in
// batches (one beginInsertRows per batch); beyond `capacity` the oldest rows are dropped.
class StreamRecordModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Sequence, Time, Table, Event, Keys, Size, Shard, Ttl, ColumnCount };
    enum Role {
        SequenceRole = Qt::UserRole + 1,  // QString, the full 21-digit sequence number
        TimeRole,                         // qint64 ms since the epoch
        EventRole,                        // int, stream::EventName
        StreamArnRole,
        ShardIdRole,
        TtlRole,   // bool: deleted by TTL
        KeysRole,  // QString
        TableRole,
    };

    explicit StreamRecordModel(QObject* parent = nullptr, size_t capacity = 5'000'000);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void append(const std::vector<stream::RecordAppended>& records);
    void clear();
    // Asks proxies to test these rows again: their data is the same, but what a filter knows
    // about them changed (an image search found them).
    void retest(const std::vector<int>& rows);

    const RecordStore& store() const { return m_store; }
    // Rows dropped from the front since the model was created or cleared (so a view can keep
    // its place when the cap removes rows).
    quint64 droppedRows() const { return m_droppedRows; }

    static QString eventText(int eventName);
    static QString timeText(qint64 ms);

private:
    RecordStore m_store;
    size_t m_capacity;
    quint64 m_droppedRows = 0;
};

}  // namespace shardscope::ui
