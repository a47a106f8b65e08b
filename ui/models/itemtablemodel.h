// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractTableModel>
#include <QElapsedTimer>
#include <QString>
#include <QTimer>
#include <deque>
#include <memory>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "model/keys.h"
#include "model/value.h"
#include "session/async.h"
#include "stream/events.h"

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
//
// Live: the keys of writes to the shown table (noteWrites, fed from EventBridge::itemsWritten
// once per tick) are gathered and read again on the thread pool, one batch in flight at a time.
// Only what is loaded changes: a loaded row is updated in place or removed, a new key inside the
// loaded range (up to the last key read) is inserted where Scan or Query would return it; keys
// past it are left to the pages still to come. Never a reset, so selection and scrolling stay.
class ItemTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Role { ItemJsonRole = Qt::UserRole + 1, KeyJsonRole, RecentlyChangedRole };

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

    const model::Item& item(int row) const { return *m_rows[static_cast<size_t>(row)].item; }
    model::Item keyOf(int row) const;
    bool loading() const { return m_loading; }
    bool complete() const { return !m_lastKey && !m_loading && m_started; }

    // One value as a cell shows it: strings bare, numbers as digits, the rest as compact JSON.
    static QString cellText(const model::AttributeValue& value);

    // Writes from the engine's event stream; those of other tables (or, for a Query, of other
    // partitions) are ignored. UI thread.
    void noteWrites(const std::vector<shardscope::stream::ItemWritten>& writes);
    // An item the window itself wrote or deleted (`keys`: its key attributes).
    void noteChanged(const model::Item& keys);
    // No changed key waits to be read again and no re-read is under way.
    bool settled() const;
    // The loaded row holding the item with these key attributes, or -1 (a look through every
    // row in a Scan; for tests and single look-ups).
    int rowOf(const model::Item& keys) const;
    // How long a changed row keeps its cue (RecentlyChangedRole, a tinted background).
    void setChangeCueMs(int ms) { m_cueMs = ms; }

signals:
    void pageLoaded(int rows);
    void loadFailed(const QString& message);
    // A batch of changed keys was read again and applied (`rows` rows updated, added or removed).
    void rowsRefreshed(int rows);

private:
    struct Row {
        // On the heap: a row inserted among a few hundred thousand moves the rows after it, and
        // moving a pointer is much cheaper than moving a map (whose root points back at it).
        std::unique_ptr<model::Item> item;
        // Scan order is (partition hash, partition key, sort key); 0 in a Query, which is one
        // partition.
        uint32_t hash = 0;
        // QElapsedTimer milliseconds of the last live change; 0: none.
        qint64 changedAt = 0;
    };
    struct Page {
        quint64 ticket = 0;
        std::vector<model::Item> items;
        std::vector<uint32_t> hashes;
        std::optional<model::Item> lastKey;
        std::optional<uint32_t> lastHash;
        QString error;
    };
    // One changed key, as read again.
    struct Change {
        model::Item keys;
        uint32_t hash = 0;
        bool beyond = false;              // past the loaded range when the batch left: not read
        bool retry = false;               // the engine did not get to it (UnprocessedKeys)
        std::optional<model::Item> item;  // absent: no such item now
        bool applied = false;             // already in the rows (applyAsLayoutChange)
    };
    struct Refresh {
        quint64 ticket = 0;
        std::vector<Change> changes;
        QString error;
    };
    int compare(const model::Item& a, uint32_t aHash, const model::Item& b, uint32_t bHash) const;
    // Whether a key with this order lies within what has been read (it would not come in a page
    // still to read).
    bool inLoadedRange(const model::Item& keys, uint32_t hash) const;
    // First row not before the key.
    int lowerBound(const model::Item& keys, uint32_t hash) const;
    void markDirty(model::Item keys);
    void requestRefresh();
    void adoptRefresh(Refresh refresh);
    void applyPending();
    int apply(Change& change, qint64 now);
    int applyAsLayoutChange(qint64 now);
    int applyToFollowedRows(const std::vector<Change*>& sorted, qint64 now);
    void requestPage();
    void adopt(Page page);
    void discoverColumns(const std::vector<const model::Item*>& items);
    void fadeCues();

    table::Database* m_database = nullptr;
    ItemSource m_source;
    // A deque: growing past a few hundred thousand rows moves no rows (a vector's doubling
    // moved them all at once, a UI-thread pause of tens of milliseconds).
    std::deque<Row> m_rows;
    std::vector<std::string> m_columns;
    std::optional<model::Item> m_lastKey;
    uint32_t m_lastHash = 0;
    Generation m_generation;
    int m_pageSize = 500;
    bool m_loading = false;
    bool m_started = false;

    // Live changes: keys to read again, and those past the range while a page is on its way.
    // m_sourceId changes with the source: re-reads of an older one are dropped.
    quint64 m_sourceId = 0;
    std::vector<model::Item> m_dirty;
    std::unordered_set<std::string> m_dirtyIds;
    std::vector<model::Item> m_afterPage;
    std::deque<Change> m_pending;  // read, not yet applied
    // More pending changes than this are applied as one layout change (applyPending).
    static constexpr size_t kRowByRowChanges = 16;
    bool m_refreshing = false;
    QElapsedTimer m_clock;
    QTimer m_cueTimer;
    qint64 m_lastCueAt = 0;
    int m_cueMs = 1500;
};

}  // namespace shardscope::ui
