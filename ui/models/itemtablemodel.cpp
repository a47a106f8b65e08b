// SPDX-License-Identifier: MIT
#include "models/itemtablemodel.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "model/json.h"
#include "table/database.h"

namespace shardscope::ui {
nlohmann::json plainJson(const model::AttributeValue& value) {
    using model::Type;
    switch (value.type()) {
        case Type::S:
            return value.asString();
        case Type::N:
            return nlohmann::json::parse(value.asNumber().toString(), nullptr, false);
        case Type::B:
            return model::base64Encode(value.asString());
        case Type::BOOL:
            return value.asBool();
        case Type::NULL_:
            return nullptr;
        case Type::M:
            return plainJson(value.asMap());
        case Type::L: {
            auto array = nlohmann::json::array();
            for (const auto& member : value.asList()) array.push_back(plainJson(member));
            return array;
        }
        case Type::NS: {
            auto array = nlohmann::json::array();
            for (const auto& number : value.asNumberSet())
                array.push_back(nlohmann::json::parse(number.toString(), nullptr, false));
            return array;
        }
        case Type::SS:
        case Type::BS:
            return model::toJson(value).begin().value();
    }
    return nullptr;
}

nlohmann::json plainJson(const model::Item& item) {
    auto object = nlohmann::json::object();
    for (const auto& [name, value] : item) object[name] = plainJson(value);
    return object;
}

ItemTableModel::ItemTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QString ItemTableModel::cellText(const model::AttributeValue& value) {
    switch (value.type()) {
        case model::Type::S:
            return QString::fromStdString(value.asString());
        case model::Type::N:
            return QString::fromStdString(value.asNumber().toString());
        default:
            return QString::fromStdString(plainJson(value).dump());
    }
}

void ItemTableModel::setSource(const ItemSource& source) {
    beginResetModel();
    m_source = source;
    m_items.clear();
    m_columns.clear();
    m_columns.push_back(source.keySchema.partition.name);
    if (source.keySchema.sort) m_columns.push_back(source.keySchema.sort->name);
    m_lastKey.reset();
    m_loading = false;
    m_started = false;
    m_generation.next();
    endResetModel();
    if (m_database && !source.tableName.isEmpty()) requestPage();
}

void ItemTableModel::requestPage() {
    m_loading = true;
    m_started = true;
    const quint64 ticket = m_generation.next();
    table::QueryRequest request;
    request.tableName = m_source.tableName.toStdString();
    request.limit = m_pageSize;
    request.exclusiveStartKey = m_lastKey;
    if (m_source.partitionValue) {
        request.keyConditionExpression = "#pk = :pk";
        request.expressionAttributes.names =
            std::map<std::string, std::string>{{"#pk", m_source.keySchema.partition.name}};
        request.expressionAttributes.values =
            std::map<std::string, model::AttributeValue>{{":pk", *m_source.partitionValue}};
    }
    const bool isQuery = m_source.partitionValue.has_value();
    runAsync(
        this,
        [database = m_database, request = std::move(request), ticket, isQuery] {
            Page page;
            page.ticket = ticket;
            auto result = isQuery ? database->query(request) : database->scan(request);
            if (!result) {
                page.error = QString::fromStdString(result.error().message);
                return page;
            }
            page.items = std::move(result->items);
            page.lastKey = std::move(result->lastEvaluatedKey);
            return page;
        },
        [this](Page page) { adopt(std::move(page)); });
}

void ItemTableModel::adopt(Page page) {
    if (!m_generation.current(page.ticket)) return;
    m_loading = false;
    if (!page.error.isEmpty()) {
        emit loadFailed(page.error);
        return;
    }
    m_lastKey = std::move(page.lastKey);
    discoverColumns(page.items);
    if (!page.items.empty()) {
        const int first = static_cast<int>(m_items.size());
        beginInsertRows({}, first, first + static_cast<int>(page.items.size()) - 1);
        std::move(page.items.begin(), page.items.end(), std::back_inserter(m_items));
        endInsertRows();
    }
    emit pageLoaded(rowCount());
}

void ItemTableModel::discoverColumns(const std::vector<model::Item>& items) {
    std::vector<std::string> added;
    for (const auto& item : items) {
        for (const auto& [name, value] : item) {
            if (std::find(m_columns.begin(), m_columns.end(), name) != m_columns.end()) continue;
            if (std::find(added.begin(), added.end(), name) != added.end()) continue;
            added.push_back(name);
        }
    }
    if (added.empty()) return;
    const int first = static_cast<int>(m_columns.size());
    beginInsertColumns({}, first, first + static_cast<int>(added.size()) - 1);
    m_columns.insert(m_columns.end(), added.begin(), added.end());
    endInsertColumns();
}

int ItemTableModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_items.size());
}

int ItemTableModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() || m_source.tableName.isEmpty() ? 0
                                                            : static_cast<int>(m_columns.size());
}

model::Item ItemTableModel::keyOf(int row) const {
    model::Item key;
    const model::Item& full = item(row);
    for (const auto* attribute :
         {&m_source.keySchema.partition.name,
          m_source.keySchema.sort ? &m_source.keySchema.sort->name : nullptr}) {
        if (!attribute) continue;
        if (auto it = full.find(*attribute); it != full.end()) key.emplace(it->first, it->second);
    }
    return key;
}

QVariant ItemTableModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const model::Item& row = item(index.row());
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        const auto it = row.find(m_columns[static_cast<size_t>(index.column())]);
        if (it == row.end()) return {};
        QString text = cellText(it->second);
        if (role == Qt::ToolTipRole) {
            return QStringLiteral("%1 (%2)").arg(
                text, QString::fromLatin1(model::typeName(it->second.type())));
        }
        if (text.size() > 200) text = text.left(200) + QChar(0x2026);
        return text;
    }
    if (role == ItemJsonRole) return QString::fromStdString(model::toJson(row).dump(2));
    if (role == KeyJsonRole)
        return QString::fromStdString(model::toJson(keyOf(index.row())).dump());
    return {};
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole) return {};
    if (orientation == Qt::Vertical) return section + 1;
    if (section < 0 || section >= static_cast<int>(m_columns.size())) return {};
    QString name = QString::fromStdString(m_columns[static_cast<size_t>(section)]);
    if (section == 0) return name + tr(" (partition key)");
    if (section == 1 && m_source.keySchema.sort) return name + tr(" (sort key)");
    return name;
}

bool ItemTableModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && m_lastKey.has_value() && !m_loading;
}

void ItemTableModel::fetchMore(const QModelIndex& parent) {
    if (canFetchMore(parent)) requestPage();
}

}  // namespace shardscope::ui
