// SPDX-License-Identifier: MIT
#include "models/recordfiltermodel.h"

#include <algorithm>
#include <cctype>

#include "models/imagesearch.h"
#include "models/streamrecordmodel.h"

namespace shardscope::ui {

bool RecordFilter::matchesAll() const {
    return insert && modify && remove && !ttlOnly && table.isEmpty() && keyText.isEmpty() &&
           !fromSequence && !toSequence && shardId.isEmpty() && imageText.isEmpty();
}

std::optional<QString> parseSequenceRange(const QString& text, RecordFilter& filter) {
    filter.fromSequence.reset();
    filter.toSequence.reset();
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return std::nullopt;
    const qsizetype dots = trimmed.indexOf(QStringLiteral(".."));
    const QString from = dots < 0 ? trimmed : trimmed.left(dots).trimmed();
    const QString to = dots < 0 ? trimmed : trimmed.mid(dots + 2).trimmed();
    auto parse = [](const QString& part, std::optional<quint64>& out) -> bool {
        if (part.isEmpty()) return true;
        uint64_t value = 0;
        if (!RecordStore::parseSequence(part.toStdString(), value)) return false;
        out = value;
        return true;
    };
    if (!parse(from, filter.fromSequence) || !parse(to, filter.toSequence) ||
        (dots >= 0 && from.isEmpty() && to.isEmpty())) {
        filter.fromSequence.reset();
        filter.toSequence.reset();
        return QObject::tr("A sequence range is N, N..M, N.. or ..M (digits only), not \"%1\"")
            .arg(trimmed);
    }
    if (filter.fromSequence && filter.toSequence && *filter.fromSequence > *filter.toSequence) {
        filter.fromSequence.reset();
        filter.toSequence.reset();
        return QObject::tr("The range starts after it ends");
    }
    return std::nullopt;
}

RecordFilterModel::RecordFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

void RecordFilterModel::setRecords(StreamRecordModel* records) {
    m_records = records;
    setSourceModel(records);
}

void RecordFilterModel::setFilter(const RecordFilter& filter) {
    if (filter == m_filter) return;
    m_filter = filter;
    m_keyExact = filter.keyText.startsWith(QLatin1Char('='));
    m_keyNeedle =
        m_keyExact ? filter.keyText.mid(1).toStdString() : filter.keyText.toLower().toStdString();
    m_table = filter.table.toStdString();
    m_shardId = filter.shardId.toStdString();
    invalidateFilter();
}

namespace {

bool containsCaseInsensitive(std::string_view haystack, const std::string& lowerNeedle) {
    if (lowerNeedle.empty()) return true;
    auto it = std::search(
        haystack.begin(), haystack.end(), lowerNeedle.begin(), lowerNeedle.end(),
        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}

}  // namespace

bool RecordFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
    if (!m_records || m_filter.matchesAll()) return true;
    const RecordStore& store = m_records->store();
    const auto& row = store.row(static_cast<size_t>(sourceRow));
    switch (static_cast<stream::EventName>(row.event)) {
        case stream::EventName::Insert:
            if (!m_filter.insert) return false;
            break;
        case stream::EventName::Modify:
            if (!m_filter.modify) return false;
            break;
        case stream::EventName::Remove:
            if (!m_filter.remove) return false;
            break;
    }
    if (m_filter.ttlOnly && !row.byTimeToLive) return false;
    if (m_filter.fromSequence && row.sequence < *m_filter.fromSequence) return false;
    if (m_filter.toSequence && row.sequence > *m_filter.toSequence) return false;
    if (!m_table.empty() && store.stream(row).tableName != m_table) return false;
    if (!m_shardId.empty() && store.shardId(row) != m_shardId) return false;
    if (!m_filter.imageText.isEmpty() &&
        !(m_imageMatches && m_imageMatches->contains(row.stream, row.sequence)))
        return false;
    if (m_keyExact) return store.keys(row) == m_keyNeedle;
    return containsCaseInsensitive(store.keys(row), m_keyNeedle);
}

}  // namespace shardscope::ui
