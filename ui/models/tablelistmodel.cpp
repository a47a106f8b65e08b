// SPDX-License-Identifier: MIT
#include "models/tablelistmodel.h"

#include <QLocale>

namespace shardscope::ui {
namespace {

QString shortViewType(const QString& viewType) {
    if (viewType.isEmpty()) return TableListModel::tr("off");
    if (viewType == QStringLiteral("NEW_AND_OLD_IMAGES")) return TableListModel::tr("new + old");
    if (viewType == QStringLiteral("NEW_IMAGE")) return TableListModel::tr("new");
    if (viewType == QStringLiteral("OLD_IMAGE")) return TableListModel::tr("old");
    if (viewType == QStringLiteral("KEYS_ONLY")) return TableListModel::tr("keys");
    return viewType;
}

}  // namespace

int TableListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_tables.size());
}

int TableListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TableListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TableSummary& table = m_tables[static_cast<size_t>(index.row())];
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
            case Name:
                return table.name;
            case Items:
                return QLocale().toString(table.itemCount);
            case Stream:
                return shortViewType(table.streamView);
            case Ttl:
                return table.ttlAttribute.isEmpty() ? tr("off") : table.ttlAttribute;
        }
    } else if (role == Qt::ToolTipRole) {
        return tr("%1\nKey: %2\nStream: %3\nTTL attribute: %4")
            .arg(table.name, table.keys, table.streamView.isEmpty() ? tr("off") : table.streamView,
                 table.ttlAttribute.isEmpty() ? tr("off") : table.ttlAttribute);
    } else if (role == Qt::TextAlignmentRole && index.column() == Items) {
        return int(Qt::AlignRight | Qt::AlignVCenter);
    } else if (role == StreamArnRole) {
        return table.streamArn;
    } else if (role == KeysRole) {
        return table.keys;
    }
    return {};
}

QVariant TableListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case Name:
            return tr("Table");
        case Items:
            return tr("Items");
        case Stream:
            return tr("Stream");
        case Ttl:
            return tr("TTL");
    }
    return {};
}

int TableListModel::rowOf(const QString& name) const {
    for (size_t i = 0; i < m_tables.size(); ++i)
        if (m_tables[i].name == name) return static_cast<int>(i);
    return -1;
}

void TableListModel::setTables(std::vector<TableSummary> tables) {
    // Same names in the same order: update in place, so views keep selection and scroll.
    const bool sameNames =
        tables.size() == m_tables.size() &&
        std::equal(tables.begin(), tables.end(), m_tables.begin(),
                   [](const TableSummary& a, const TableSummary& b) { return a.name == b.name; });
    if (sameNames) {
        for (size_t i = 0; i < tables.size(); ++i) {
            if (tables[i] == m_tables[i]) continue;
            m_tables[i] = std::move(tables[i]);
            emit dataChanged(index(int(i), 0), index(int(i), ColumnCount - 1));
        }
        return;
    }
    beginResetModel();
    m_tables = std::move(tables);
    endResetModel();
}

}  // namespace shardscope::ui
