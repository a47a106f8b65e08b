// SPDX-License-Identifier: MIT
#include "models/indexlistmodel.h"

#include <algorithm>

namespace shardscope::ui {
namespace {

QString keyText(const QString& name, const QString& type) {
    return name.isEmpty() ? QString() : QStringLiteral("%1 (%2)").arg(name, type);
}

}  // namespace

int IndexListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_indexes.size());
}

int IndexListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant IndexListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SecondaryIndex& row = m_indexes[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Name:
                return row.name;
            case Kind:
                if (m_existing && !isExisting(index.row()))
                    return row.global ? tr("global, new") : tr("local, new");
                return row.global ? tr("global") : tr("local");
            case PartitionKey:
                return keyText(row.partitionName, row.partitionType);
            case SortKey:
                return keyText(row.sortName, row.sortType);
            case Projection:
                if (row.projection == QStringLiteral("INCLUDE"))
                    return tr("INCLUDE %1").arg(row.nonKeyAttributes.join(QStringLiteral(", ")));
                return row.projection;
        }
    } else if (role == Qt::ToolTipRole && index.column() == Projection) {
        return row.nonKeyAttributes.join(QLatin1Char('\n'));
    } else if (role == Qt::ToolTipRole && m_existing) {
        if (!isExisting(index.row())) return tr("Created when the change is applied");
        return row.global ? tr("Exists: it cannot change, but it can be removed")
                          : tr("Exists as long as the table: local indexes cannot change");
    }
    return {};
}

QVariant IndexListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Index");
        case Kind:
            return tr("Kind");
        case PartitionKey:
            return tr("Partition key");
        case SortKey:
            return tr("Sort key");
        case Projection:
            return tr("Projection");
    }
    return {};
}

void IndexListModel::setIndexes(std::vector<SecondaryIndex> indexes) {
    beginResetModel();
    m_indexes = std::move(indexes);
    endResetModel();
}

void IndexListModel::append(const SecondaryIndex& index) {
    const int row = rowCount();
    beginInsertRows({}, row, row);
    m_indexes.push_back(index);
    endInsertRows();
}

void IndexListModel::replace(int row, const SecondaryIndex& index) {
    if (row < 0 || row >= rowCount()) return;
    m_indexes[size_t(row)] = index;
    emit dataChanged(this->index(row, 0), this->index(row, ColumnCount - 1));
}

void IndexListModel::remove(int row) {
    if (row < 0 || row >= rowCount()) return;
    beginRemoveRows({}, row, row);
    m_indexes.erase(m_indexes.begin() + row);
    endRemoveRows();
}

void IndexListModel::setExisting(std::vector<SecondaryIndex> existing) {
    m_existing = std::move(existing);
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool IndexListModel::isExisting(int row) const {
    if (!m_existing || row < 0 || row >= rowCount()) return false;
    return std::find(m_existing->begin(), m_existing->end(), m_indexes[size_t(row)]) !=
           m_existing->end();
}

void IndexListModel::setTablePartitionKey(const QString& name, const QString& type) {
    for (int row = 0; row < rowCount(); ++row) {
        SecondaryIndex& index = m_indexes[size_t(row)];
        if (index.global || (index.partitionName == name && index.partitionType == type)) continue;
        index.partitionName = name;
        index.partitionType = type;
        emit dataChanged(this->index(row, PartitionKey), this->index(row, PartitionKey));
    }
}

}  // namespace shardscope::ui
