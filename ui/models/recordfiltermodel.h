// SPDX-License-Identifier: MIT
#pragma once

#include <QSortFilterProxyModel>
#include <optional>

namespace shardscope::ui {

class StreamRecordModel;
struct ImageMatches;

// What the stream inspector's filter bar asks for. Empty fields match everything.
struct RecordFilter {
    bool insert = true, modify = true, remove = true;
    bool ttlOnly = false;
    QString table;  // exact table name
    // A substring of "Name=value, …", case-insensitive; with a leading '=', the whole keys
    // exactly (one item: "Follow this item").
    QString keyText;
    std::optional<quint64> fromSequence, toSequence;  // inclusive
    QString shardId;                                  // exact
    // Text in the records' images (names and values, case-insensitive); rows match once an
    // ImageSearch for it has found them.
    QString imageText;

    bool matchesAll() const;
    bool operator==(const RecordFilter&) const = default;
};

// Parses the filter bar's sequence range: "N", "N..M", "N..", "..M" (sequence numbers as shown,
// 21 digits, or short decimals). Returns an error message for anything else.
std::optional<QString> parseSequenceRange(const QString& text, RecordFilter& filter);

// Filters the record list without copying it: rows are tested straight from the record store.
// Rows stay in stream order (no sorting: the order is the story).
class RecordFilterModel final : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit RecordFilterModel(QObject* parent = nullptr);

    void setRecords(StreamRecordModel* records);
    void setFilter(const RecordFilter& filter);
    const RecordFilter& filter() const { return m_filter; }
    // Where rows are looked up while the filter has imageText (owned by the caller).
    void setImageMatches(const ImageMatches* matches) { m_imageMatches = matches; }
    // The image matches were replaced: every row is tested again.
    void imageMatchesChanged() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    StreamRecordModel* m_records = nullptr;
    RecordFilter m_filter;
    // The filter's text fields in the store's encoding, so testing a row converts nothing.
    std::string m_keyNeedle;  // lower-cased UTF-8, unless exact
    bool m_keyExact = false;
    std::string m_table;
    std::string m_shardId;
    const ImageMatches* m_imageMatches = nullptr;
};

}  // namespace shardscope::ui
