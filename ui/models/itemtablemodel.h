// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QString>
#include <nlohmann/json_fwd.hpp>
#include <deque>
#include <optional>
#include <vector>

#include "model/keys.h"
#include "model/value.h"
#include "session/async.h"

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

// An attribute value or item as plain JSON, for reading: strings bare, numbers as numbers,
// binaries as base64, sets as arrays.
nlohmann::json plainJson(const model::AttributeValue& value);
nlohmann::json plainJson(const model::Item& item);

// What the item browser pages through: a Scan of the table, or a Query of one partition.
struct ItemSource {
    QString tableName;
    model::KeySchema keySchema;
    std::optional<model::AttributeValue> partitionValue;  // set: Query this partition
    bool operator==(const ItemSource&) const = default;
};

// The items of one table, a page at a time. rowCount() is what has been read; the view asks
// for more as it scrolls (fetchMore) and the page is read on the thread pool. Columns are
// discovered from the data: the key attributes first, then others as they first appear.
class ItemTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { ItemJsonRole = Qt::UserRole + 1, KeyJsonRole };

    explicit ItemTableModel(QObject* parent = nullptr);

    void setDatabase(table::Database* database) { m_database = database; }
    // Starts over from the first page. Results of the previous source are dropped.
    void setSource(const ItemSource& source);
    const ItemSource& source() const { return m_source; }
    void reload() { setSource(m_source); }
    void setPageSize(int items) { m_pageSize = items; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    const model::Item& item(int row) const { return m_items[static_cast<size_t>(row)]; }
    model::Item keyOf(int row) const;
    bool loading() const { return m_loading; }
    bool complete() const { return !m_lastKey && !m_loading && m_started; }

    // One value as a cell shows it: strings bare, numbers as digits, the rest as compact JSON.
    static QString cellText(const model::AttributeValue& value);

signals:
    void pageLoaded(int rows);
    void loadFailed(const QString& message);

private:
    struct Page {
        quint64 ticket = 0;
        std::vector<model::Item> items;
        std::optional<model::Item> lastKey;
        QString error;
    };
    void requestPage();
    void adopt(Page page);
    void discoverColumns(const std::vector<model::Item>& items);

    table::Database* m_database = nullptr;
    ItemSource m_source;
    // A deque: growing past a few hundred thousand rows moves no rows (a vector's doubling
    // moved them all at once, a UI-thread pause of tens of milliseconds).
    std::deque<model::Item> m_items;
    std::vector<std::string> m_columns;
    std::optional<model::Item> m_lastKey;
    Generation m_generation;
    int m_pageSize = 500;
    bool m_loading = false;
    bool m_started = false;
};

}  // namespace shardscope::ui
