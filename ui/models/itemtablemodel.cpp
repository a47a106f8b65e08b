// SPDX-License-Identifier: MIT
#include "models/itemtablemodel.h"

#include <QGuiApplication>
#include <QPalette>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "model/json.h"
#include "table/database.h"

namespace shardscope::ui {
namespace {

const model::AttributeValue* attributeOf(const model::Item& item, const std::string& name) {
    const auto it = item.find(name);
    return it == item.end() ? nullptr : &it->second;
}

std::vector<const model::KeyAttribute*> keyAttributesOf(const model::KeySchema& schema) {
    std::vector<const model::KeyAttribute*> keys{&schema.partition};
    if (schema.sort) keys.push_back(&*schema.sort);
    return keys;
}

// The key attributes of an item alone: what GetItem and partitionHash take.
model::Item keysOf(const model::KeySchema& schema, const model::Item& item) {
    model::Item keys;
    for (const auto* key : keyAttributesOf(schema))
        if (const auto* value = attributeOf(item, key->name)) keys.emplace(key->name, *value);
    return keys;
}

// The order Scan returns a table in, (partition hash, partition key, sort key), and that Query
// returns one partition in (the hashes are equal there). <0, 0 (the same item) or >0.
int compareKeys(const model::KeySchema& schema, const model::Item& a, uint32_t aHash,
                const model::Item& b, uint32_t bHash) {
    if (aHash != bHash) return aHash < bHash ? -1 : 1;
    for (const auto* key : keyAttributesOf(schema)) {
        const auto* x = attributeOf(a, key->name);
        const auto* y = attributeOf(b, key->name);
        if (!x || !y) {
            if (x != y) return x ? 1 : -1;
            continue;
        }
        if (const int order = model::compareKeyValues(*x, *y)) return order;
    }
    return 0;
}

// One string per item key, for sets and look-ups: each encoded key value after its length.
std::string identityOf(const model::KeySchema& schema, const model::Item& item) {
    std::string id;
    for (const auto* key : keyAttributesOf(schema)) {
        const auto* value = attributeOf(item, key->name);
        const std::string encoded = value ? model::encodeKeyValue(*value) : std::string();
        id += std::to_string(encoded.size());
        id += ':';
        id += encoded;
    }
    return id;
}

// Partition hashes of a Scan, asked of the engine once per partition value.
class HashCache {
public:
    HashCache(table::Database& database, std::string table, const model::KeySchema& schema)
        : m_database(database), m_table(std::move(table)), m_schema(schema) {}

    Result<uint32_t> operator()(const model::Item& item) {
        const auto* partition = attributeOf(item, m_schema.partition.name);
        if (!partition) return uint32_t(0);
        std::string encoded = model::encodeKeyValue(*partition);
        if (const auto found = m_known.find(encoded); found != m_known.end()) return found->second;
        auto hash = m_database.partitionHash(m_table, keysOf(m_schema, item));
        if (!hash) return hash.takeError();
        m_known.emplace(std::move(encoded), *hash);
        return *hash;
    }

private:
    table::Database& m_database;
    std::string m_table;
    const model::KeySchema& m_schema;
    std::unordered_map<std::string, uint32_t> m_known;
};

}  // namespace
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

ItemTableModel::ItemTableModel(QObject* parent) : QAbstractTableModel(parent) {
    m_clock.start();
    // Cues fade in steps, a repaint of what is visible every half second while any is showing.
    m_cueTimer.setInterval(500);
    connect(&m_cueTimer, &QTimer::timeout, this, &ItemTableModel::fadeCues);
}

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
    m_rows.clear();
    m_columns.clear();
    m_columns.push_back(source.keySchema.partition.name);
    if (source.keySchema.sort) m_columns.push_back(source.keySchema.sort->name);
    m_lastKey.reset();
    m_lastHash = 0;
    m_loading = false;
    m_started = false;
    m_generation.next();
    ++m_sourceId;
    m_dirty.clear();
    m_dirtyIds.clear();
    m_afterPage.clear();
    m_pending.clear();
    m_refreshing = false;
    m_cueTimer.stop();
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
        [database = m_database, request = std::move(request), ticket, isQuery,
         schema = m_source.keySchema] {
            Page page;
            page.ticket = ticket;
            auto result = isQuery ? database->query(request) : database->scan(request);
            if (!result) {
                page.error = QString::fromStdString(result.error().message);
                return page;
            }
            page.items = std::move(result->items);
            page.lastKey = std::move(result->lastEvaluatedKey);
            // A Query reads one partition: its rows need no hash to be ordered.
            page.hashes.assign(page.items.size(), 0);
            if (!isQuery) {
                HashCache hashOf(*database, request.tableName, schema);
                for (size_t i = 0; i < page.items.size(); ++i) {
                    auto hash = hashOf(page.items[i]);
                    if (!hash) {
                        page.error = QString::fromStdString(hash.error().message);
                        return page;
                    }
                    page.hashes[i] = *hash;
                }
                if (page.lastKey) {
                    auto hash = hashOf(*page.lastKey);
                    if (!hash) {
                        page.error = QString::fromStdString(hash.error().message);
                        return page;
                    }
                    page.lastHash = *hash;
                }
            }
            return page;
        },
        [this](Page page) { adopt(std::move(page)); });
}

void ItemTableModel::adopt(Page page) {
    if (!m_generation.current(page.ticket)) return;
    m_loading = false;
    // Changes past the range that this page may have been read too early to see are looked at
    // again once it is in (or failed: then they are past the range and wait for a page).
    for (model::Item& keys : m_afterPage) markDirty(std::move(keys));
    m_afterPage.clear();
    if (!page.error.isEmpty()) {
        emit loadFailed(page.error);
        requestRefresh();
        return;
    }
    m_lastKey = std::move(page.lastKey);
    m_lastHash = page.lastHash.value_or(0);
    std::vector<const model::Item*> read;
    read.reserve(page.items.size());
    for (const model::Item& item : page.items) read.push_back(&item);
    discoverColumns(read);
    // A page starts after the last key read, and live changes stay at or before it, so the page
    // goes at the end. Should a row sort at or after its first item all the same, merge it.
    const bool appends = m_rows.empty() || page.items.empty() ||
                         compare(*m_rows.back().item, m_rows.back().hash, page.items.front(),
                                 page.hashes.front()) < 0;
    if (!appends) {
        for (size_t i = 0; i < page.items.size(); ++i) {
            Change change;
            change.keys = keysOf(m_source.keySchema, page.items[i]);
            change.hash = page.hashes[i];
            change.item = std::move(page.items[i]);
            apply(change, 0);
        }
    } else if (!page.items.empty()) {
        const int first = static_cast<int>(m_rows.size());
        beginInsertRows({}, first, first + static_cast<int>(page.items.size()) - 1);
        for (size_t i = 0; i < page.items.size(); ++i)
            m_rows.push_back(
                Row{std::make_unique<model::Item>(std::move(page.items[i])), page.hashes[i], 0});
        endInsertRows();
    }
    emit pageLoaded(rowCount());
    requestRefresh();
}

int ItemTableModel::compare(const model::Item& a, uint32_t aHash, const model::Item& b,
                            uint32_t bHash) const {
    return compareKeys(m_source.keySchema, a, aHash, b, bHash);
}

bool ItemTableModel::inLoadedRange(const model::Item& keys, uint32_t hash) const {
    if (!m_started) return false;
    // No last key: everything is read, or the first page is still on its way.
    if (!m_lastKey) return !m_loading;
    return compare(keys, hash, *m_lastKey, m_lastHash) <= 0;
}

int ItemTableModel::lowerBound(const model::Item& keys, uint32_t hash) const {
    const auto at = std::partition_point(m_rows.begin(), m_rows.end(), [&](const Row& row) {
        return compare(*row.item, row.hash, keys, hash) < 0;
    });
    return static_cast<int>(at - m_rows.begin());
}

int ItemTableModel::rowOf(const model::Item& keys) const {
    // A Scan orders by a hash only the engine knows: look through the rows. A Query's rows are
    // in key order.
    if (!m_source.partitionValue) {
        for (size_t row = 0; row < m_rows.size(); ++row)
            if (compare(*m_rows[row].item, 0, keys, 0) == 0) return int(row);
        return -1;
    }
    const int row = lowerBound(keys, 0);
    if (row < rowCount() && compare(*m_rows[size_t(row)].item, 0, keys, 0) == 0) return row;
    return -1;
}

void ItemTableModel::noteWrites(const std::vector<stream::ItemWritten>& writes) {
    if (m_source.tableName.isEmpty() || !m_started) return;
    const std::string table = m_source.tableName.toStdString();
    for (const stream::ItemWritten& write : writes) {
        if (write.tableName != table) continue;
        if (m_source.partitionValue) {
            const auto* partition = attributeOf(write.keys, m_source.keySchema.partition.name);
            if (!partition || !(*partition == *m_source.partitionValue)) continue;
        }
        markDirty(write.keys);
    }
    requestRefresh();
}

void ItemTableModel::noteChanged(const model::Item& keys) {
    noteWrites({stream::ItemWritten{m_source.tableName.toStdString(), keys}});
}

bool ItemTableModel::settled() const {
    return !m_refreshing && m_pending.empty() && m_dirty.empty() && m_afterPage.empty();
}

void ItemTableModel::markDirty(model::Item keys) {
    if (m_dirtyIds.insert(identityOf(m_source.keySchema, keys)).second)
        m_dirty.push_back(keysOf(m_source.keySchema, keys));
}

// Reads the changed keys again on the thread pool: first where each sorts, then, in batches of
// 100, the items of those within the loaded range. One batch at a time; what changes meanwhile
// waits for the next.
void ItemTableModel::requestRefresh() {
    if (m_refreshing || !m_pending.empty() || m_dirty.empty() || !m_database || !m_started) return;
    m_refreshing = true;
    std::vector<model::Item> keys = std::move(m_dirty);
    m_dirty.clear();
    m_dirtyIds.clear();
    const bool everything = !m_lastKey && !m_loading;
    const bool nothing = !m_lastKey && m_loading;
    runAsync(
        this,
        [database = m_database, table = m_source.tableName.toStdString(),
         schema = m_source.keySchema, isQuery = m_source.partitionValue.has_value(),
         keys = std::move(keys), ticket = m_sourceId, bound = m_lastKey, boundHash = m_lastHash,
         everything, nothing]() mutable {
            Refresh refresh;
            refresh.ticket = ticket;
            HashCache hashOf(*database, table, schema);
            std::unordered_map<std::string, size_t> wanted;
            refresh.changes.reserve(keys.size());
            for (model::Item& key : keys) {
                Change change;
                change.keys = std::move(key);
                if (!isQuery) {
                    auto hash = hashOf(change.keys);
                    if (!hash) {
                        refresh.error = QString::fromStdString(hash.error().message);
                        return refresh;
                    }
                    change.hash = *hash;
                }
                change.beyond = nothing || (!everything && bound &&
                                            compareKeys(schema, change.keys, change.hash, *bound,
                                                        boundHash) > 0);
                if (!change.beyond)
                    wanted.emplace(identityOf(schema, change.keys), refresh.changes.size());
                refresh.changes.push_back(std::move(change));
            }
            std::vector<size_t> toRead;
            for (size_t i = 0; i < refresh.changes.size(); ++i)
                if (!refresh.changes[i].beyond) toRead.push_back(i);
            for (size_t first = 0; first < toRead.size(); first += 100) {
                table::BatchGetRequest request;
                table::KeysAndAttributes& entry = request.requestItems[table];
                entry.consistentRead = true;
                for (size_t i = first; i < std::min(toRead.size(), first + 100); ++i)
                    entry.keys.push_back(refresh.changes[toRead[i]].keys);
                auto result = database->batchGetItem(request);
                if (!result) {
                    refresh.error = QString::fromStdString(result.error().message);
                    return refresh;
                }
                for (model::Item& item : result->responses[table]) {
                    const auto found = wanted.find(identityOf(schema, item));
                    if (found != wanted.end())
                        refresh.changes[found->second].item = std::move(item);
                }
                if (const auto left = result->unprocessedKeys.find(table);
                    left != result->unprocessedKeys.end())
                    for (const model::Item& key : left->second.keys)
                        if (const auto found = wanted.find(identityOf(schema, key));
                            found != wanted.end())
                            refresh.changes[found->second].retry = true;
            }
            return refresh;
        },
        [this](Refresh refresh) { adoptRefresh(std::move(refresh)); });
}

void ItemTableModel::adoptRefresh(Refresh refresh) {
    if (refresh.ticket != m_sourceId) return;
    m_refreshing = false;
    // A failure (the table was deleted) drops the batch: the rows shown stay as they were.
    if (refresh.error.isEmpty()) {
        std::vector<const model::Item*> found;
        for (const Change& change : refresh.changes)
            if (change.item && !change.beyond) found.push_back(&*change.item);
        discoverColumns(found);
        for (Change& change : refresh.changes) {
            if (change.retry) {
                markDirty(std::move(change.keys));
            } else if (change.beyond) {
                // The range grew while it was read: read it again within it. Else a page on its
                // way may have been read before the write; after it, the key is looked at again.
                if (inLoadedRange(change.keys, change.hash))
                    markDirty(std::move(change.keys));
                else if (m_loading)
                    m_afterPage.push_back(std::move(change.keys));
            } else {
                m_pending.push_back(std::move(change));
            }
        }
    }
    applyPending();
}

// Applies the changes read. A few go in one by one, each with its own row signals. More go in
// together as one layout change: a table view and its header take each inserted or removed row
// in time proportional to all rows, so at a few hundred thousand rows, row by row fell seconds
// behind a busy writer, while one merge and one relayout cost about the same as a single row.
// The next batch is asked for once these are in.
void ItemTableModel::applyPending() {
    const qint64 now = m_clock.elapsed() + 1;
    int touched = 0;
    if (m_pending.size() > kRowByRowChanges) {
        touched = applyAsLayoutChange(now);
    } else {
        while (!m_pending.empty()) {
            touched += apply(m_pending.front(), now);
            m_pending.pop_front();
        }
    }
    if (touched > 0) {
        m_lastCueAt = now;
        if (m_cueMs > 0 && !m_cueTimer.isActive()) m_cueTimer.start();
        emit rowsRefreshed(touched);
    }
    requestRefresh();
}

// Changes to rows that a persistent index points at (the current row, the selection) go in one
// by one with their own signals before the layout change, as a single live change would: views
// move the current row off a row that goes, and the browser's editor hears that its item
// changed. Marks those changes applied.
int ItemTableModel::applyToFollowedRows(const std::vector<Change*>& sorted, qint64 now) {
    std::unordered_set<const model::Item*> followed;
    for (const QModelIndex& index : persistentIndexList())
        followed.insert(m_rows[size_t(index.row())].item.get());
    int touched = 0;
    for (size_t i = 0; i < sorted.size() && !followed.empty(); ++i) {
        Change& change = *sorted[i];
        const bool last =
            i + 1 == sorted.size() ||
            compare(change.keys, change.hash, sorted[i + 1]->keys, sorted[i + 1]->hash) != 0;
        if (!last) continue;
        const int row = lowerBound(change.keys, change.hash);
        if (row >= rowCount()) continue;
        const Row& existing = m_rows[size_t(row)];
        if (!followed.contains(existing.item.get()) ||
            compare(*existing.item, existing.hash, change.keys, change.hash) != 0)
            continue;
        touched += apply(change, now);
        change.applied = true;
    }
    return touched;
}

// All pending changes in one pass over the rows: each key's last change wins; rows keep their
// order. Each change's place is found by binary search and the rows between are moved as a run,
// so a batch costs a few comparisons per change plus one move of every row. Persistent indexes
// (the selection, the current row) follow their rows; those of removed rows become invalid.
int ItemTableModel::applyAsLayoutChange(qint64 now) {
    std::vector<Change*> changes;
    changes.reserve(m_pending.size());
    for (Change& change : m_pending) changes.push_back(&change);
    std::stable_sort(changes.begin(), changes.end(), [this](const Change* a, const Change* b) {
        return compare(a->keys, a->hash, b->keys, b->hash) < 0;
    });
    int touched = applyToFollowedRows(changes, now);

    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList persistent = persistentIndexList();
    std::vector<std::pair<const model::Item*, uint32_t>> followed;  // each persistent index's row
    followed.reserve(size_t(persistent.size()));
    for (const QModelIndex& old : persistent) {
        const Row& row = m_rows[size_t(old.row())];
        followed.emplace_back(row.item.get(), row.hash);
    }

    std::deque<Row> merged;
    std::vector<Row> removed;  // alive until the persistent indexes are mapped
    auto next = m_rows.begin();
    auto moveUpTo = [&](std::deque<Row>::iterator end) {
        merged.insert(merged.end(), std::make_move_iterator(next), std::make_move_iterator(end));
        next = end;
    };
    for (size_t i = 0; i < changes.size(); ++i) {
        Change& change = *changes[i];
        if (change.applied) continue;
        const bool laterForSameKey =
            i + 1 < changes.size() &&
            compare(change.keys, change.hash, changes[i + 1]->keys, changes[i + 1]->hash) == 0;
        if (laterForSameKey) continue;
        moveUpTo(std::partition_point(next, m_rows.end(), [&](const Row& row) {
            return compare(*row.item, row.hash, change.keys, change.hash) < 0;
        }));
        const bool found =
            next != m_rows.end() && compare(*next->item, next->hash, change.keys, change.hash) == 0;
        if (change.item) {
            if (found) {
                *next->item = std::move(*change.item);
                next->changedAt = now;
                merged.push_back(std::move(*next++));
            } else {
                merged.push_back(
                    Row{std::make_unique<model::Item>(std::move(*change.item)), change.hash, now});
            }
            ++touched;
        } else if (found) {
            removed.push_back(std::move(*next++));
            ++touched;
        }
    }
    moveUpTo(m_rows.end());
    m_rows.swap(merged);
    m_pending.clear();

    QModelIndexList moved;
    moved.reserve(persistent.size());
    for (qsizetype i = 0; i < persistent.size(); ++i) {
        const auto [item, hash] = followed[size_t(i)];
        const int row = lowerBound(*item, hash);
        const bool kept = row < rowCount() && m_rows[size_t(row)].item.get() == item;
        moved.push_back(kept ? index(row, persistent[i].column()) : QModelIndex());
    }
    changePersistentIndexList(persistent, moved);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    return touched;
}

// One key as read again: its row updated, added where it sorts, or removed. Returns the rows
// touched (0 or 1). `now` marks the row's change cue (0: none).
int ItemTableModel::apply(Change& change, qint64 now) {
    const int row = lowerBound(change.keys, change.hash);
    const bool found =
        row < rowCount() &&
        compare(*m_rows[size_t(row)].item, m_rows[size_t(row)].hash, change.keys, change.hash) == 0;
    if (change.item) {
        if (found) {
            Row& existing = m_rows[size_t(row)];
            *existing.item = std::move(*change.item);
            existing.changedAt = now;
            emit dataChanged(index(row, 0), index(row, columnCount() - 1));
        } else {
            beginInsertRows({}, row, row);
            m_rows.insert(
                m_rows.begin() + row,
                Row{std::make_unique<model::Item>(std::move(*change.item)), change.hash, now});
            endInsertRows();
        }
        return 1;
    }
    if (!found) return 0;
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    return 1;
}

void ItemTableModel::fadeCues() {
    if (rowCount() > 0 && columnCount() > 0)
        emit dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1),
                         {Qt::BackgroundRole, RecentlyChangedRole});
    if (m_clock.elapsed() + 1 - m_lastCueAt >= m_cueMs) m_cueTimer.stop();
}

void ItemTableModel::discoverColumns(const std::vector<const model::Item*>& items) {
    std::vector<std::string> added;
    for (const model::Item* item : items) {
        for (const auto& [name, value] : *item) {
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
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
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
    if (role == Qt::BackgroundRole || role == RecentlyChangedRole) {
        const qint64 changedAt = m_rows[size_t(index.row())].changedAt;
        const bool recent = changedAt && m_clock.elapsed() + 1 - changedAt < m_cueMs;
        if (role == RecentlyChangedRole) return recent;
        if (!recent) return {};
        QColor tint = QGuiApplication::palette().color(QPalette::Highlight);
        tint.setAlpha(48);
        return tint;
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
