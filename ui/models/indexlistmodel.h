// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <optional>
#include <vector>

#include "models/tablespec.h"

namespace shardscope::ui {

// The secondary indexes of the table dialog, one row each.
class IndexListModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Name, Kind, PartitionKey, SortKey, Projection, ColumnCount };

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const std::vector<SecondaryIndex>& indexes() const { return m_indexes; }
    void setIndexes(std::vector<SecondaryIndex> indexes);
    void append(const SecondaryIndex& index);
    void replace(int row, const SecondaryIndex& index);
    void remove(int row);
    // Local indexes share the table's partition key: they follow it as the user types.
    void setTablePartitionKey(const QString& name, const QString& type);
    // For a table that exists: the indexes it has. Rows not among them show as new.
    void setExisting(std::vector<SecondaryIndex> existing);
    bool isExisting(int row) const;

private:
    std::vector<SecondaryIndex> m_indexes;
    std::optional<std::vector<SecondaryIndex>> m_existing;
};

}  // namespace shardscope::ui
