// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <vector>

#include "model/keys.h"

namespace shardscope::ui {

// A table as the tables pane shows it.
struct TableSummary {
    QString name;
    qint64 itemCount = 0;
    QString keys;  // "ListId (S), TaskId (S)"
    model::KeySchema keySchema;
    QString streamView;  // empty when the stream is off
    QString streamArn;
    QString ttlAttribute;  // empty when TTL is off
    bool operator==(const TableSummary&) const = default;
};

// The workspace's tables. Filled by whoever reads the engine (off the UI thread); replacing
// the list keeps unchanged rows in place so a selection survives a refresh.
class TableListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Items, Stream, Ttl, ColumnCount };
    enum Role { StreamArnRole = Qt::UserRole + 1, KeysRole };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTables(std::vector<TableSummary> tables);
    const std::vector<TableSummary>& tables() const { return m_tables; }
    int rowOf(const QString& name) const;

private:
    std::vector<TableSummary> m_tables;
};

}  // namespace shardscope::ui
