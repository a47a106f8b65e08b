// SPDX-License-Identifier: MIT
#include "models/imagesearch.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "models/streamrecordmodel.h"
#include "table/database.h"

namespace shardscope::ui {
namespace {

// Records read from the workspace per call: large enough to keep SQLite busy, small enough
// that Cancel is felt at once.
constexpr size_t kPage = 2000;
// Live records are searched this long after they arrive, together.
constexpr int kFollowUpDelayMs = 300;

bool containsText(std::string_view haystack, std::string_view lowerNeedle) {
    return std::search(haystack.begin(), haystack.end(), lowerNeedle.begin(), lowerNeedle.end(),
                       [](char a, char b) {
                           return std::tolower(static_cast<unsigned char>(a)) == b;
                       }) != haystack.end();
}

bool valueContainsText(const model::AttributeValue& value, std::string_view lowerNeedle) {
    using model::Type;
    switch (value.type()) {
        case Type::S:
            return containsText(value.asString(), lowerNeedle);
        case Type::N:
            return containsText(value.asNumber().toString(), lowerNeedle);
        case Type::BOOL:
            return containsText(value.asBool() ? "true" : "false", lowerNeedle);
        case Type::SS:
            return std::any_of(value.asStringSet().begin(), value.asStringSet().end(),
                               [&](const std::string& s) { return containsText(s, lowerNeedle); });
        case Type::NS:
            return std::any_of(
                value.asNumberSet().begin(), value.asNumberSet().end(),
                [&](const auto& n) { return containsText(n.toString(), lowerNeedle); });
        case Type::M:
            return itemContainsText(value.asMap(), lowerNeedle);
        case Type::L:
            return std::any_of(value.asList().begin(), value.asList().end(),
                               [&](const auto& v) { return valueContainsText(v, lowerNeedle); });
        case Type::B:
        case Type::BS:
        case Type::NULL_:
            return false;  // bytes are not text; NULL has no value to find
    }
    return false;
}

}  // namespace

bool itemContainsText(const model::Item& item, std::string_view lowerNeedle) {
    return std::any_of(item.begin(), item.end(), [&](const auto& attribute) {
        return containsText(attribute.first, lowerNeedle) ||
               valueContainsText(attribute.second, lowerNeedle);
    });
}

bool ImageMatches::contains(uint16_t stream, uint64_t sequence) const {
    if (stream >= byStream.size()) return false;
    const auto& sequences = byStream[stream];
    return std::binary_search(sequences.begin(), sequences.end(), sequence);
}

// What one pass reads: each stream after the sequence number searched through before.
struct ImageSearch::Job {
    std::string needle;  // lower-case
    struct Stream {
        uint16_t index = 0;
        std::string arn;
        std::string after;  // empty: from the oldest record
        // The newest record the list held when the pass began: a pass ends there, even while
        // the stream grows faster than it can be read (later passes take what came after).
        uint64_t through = 0;
    };
    std::vector<Stream> streams;
    std::atomic<bool> cancelled{false};
    std::atomic<qint64> scanned{0};
};

struct ImageSearch::Outcome {
    std::map<uint16_t, std::vector<uint64_t>> matches;
    std::map<uint16_t, std::string> searchedThrough;
    bool cancelled = false;
    std::string error;
};

ImageSearch::Outcome ImageSearch::search(table::Database& database, Job& job) {
    Outcome outcome;
    for (const auto& stream : job.streams) {
        stream::ReadRecordsRequest request;
        request.streamArn = stream.arn;
        if (!stream.after.empty()) request.afterSequenceNumber = stream.after;
        request.limit = kPage;
        for (;;) {
            if (job.cancelled.load()) {
                outcome.cancelled = true;
                return outcome;
            }
            auto page = database.readRecords(request);
            if (!page) {
                // A stream deleted since it was listed has nothing left to search.
                if (page.error().code == ErrorCode::ResourceNotFound) break;
                outcome.error = page.error().message;
                return outcome;
            }
            bool reachedBound = false;
            for (const auto& record : page->records) {
                uint64_t sequence = 0;
                if (!RecordStore::parseSequence(record.sequenceNumber, sequence)) continue;
                if (sequence > stream.through) {
                    reachedBound = true;
                    break;
                }
                if ((record.newImage && itemContainsText(*record.newImage, job.needle)) ||
                    (record.oldImage && itemContainsText(*record.oldImage, job.needle)))
                    outcome.matches[stream.index].push_back(sequence);
                outcome.searchedThrough[stream.index] = record.sequenceNumber;
                job.scanned += 1;
            }
            if (reachedBound || !page->more || page->records.empty()) break;
            request.afterSequenceNumber = page->records.back().sequenceNumber;
        }
    }
    return outcome;
}

ImageSearch::ImageSearch(StreamRecordModel* records, QObject* parent)
    : QObject(parent), m_records(records) {
    m_progressTimer.setInterval(100);
    connect(&m_progressTimer, &QTimer::timeout, this, [this] {
        if (m_running) emit progress(m_running->scanned.load(), qint64(m_records->store().size()));
    });
    m_followUpTimer.setSingleShot(true);
    m_followUpTimer.setInterval(kFollowUpDelayMs);
    connect(&m_followUpTimer, &QTimer::timeout, this, [this] { start(true); });
    connect(records, &QAbstractItemModel::rowsInserted, this, &ImageSearch::scheduleFollowUp);
    connect(records, &QAbstractItemModel::modelReset, this, [this] { setText(m_text); });
}

ImageSearch::~ImageSearch() {
    abandon();
}

void ImageSearch::setDatabase(table::Database* database) {
    abandon();
    m_database = database;
    setText(m_text);
}

void ImageSearch::cancel() {
    m_followUpTimer.stop();
    m_followUpWanted = false;
    m_complete = false;  // so no follow-up starts: the search stays as the user left it
    if (m_running) m_running->cancelled = true;
}

void ImageSearch::abandon() {
    m_generation.next();
    m_followUpTimer.stop();
    m_progressTimer.stop();
    m_followUpWanted = false;
    if (m_running) m_running->cancelled = true;
    m_running.reset();
}

void ImageSearch::setText(const QString& text) {
    abandon();
    m_text = text;
    m_matches = {};
    m_searchedThrough.clear();
    m_complete = false;
    if (!m_text.isEmpty() && m_database) start(false);
}

void ImageSearch::scheduleFollowUp() {
    if (m_text.isEmpty()) return;
    if (m_running) {
        // Rows that arrive during a pass may lie past its bound: they get the next one.
        m_followUpWanted = true;
        return;
    }
    if (m_complete && !m_followUpTimer.isActive()) m_followUpTimer.start();
}

void ImageSearch::start(bool followUp) {
    auto job = std::make_shared<Job>();
    job->needle = m_text.toLower().toStdString();
    const auto& streams = m_records->store().streams();
    m_searchedThrough.resize(streams.size());
    for (size_t i = 0; i < streams.size(); ++i)
        job->streams.push_back(
            {uint16_t(i), streams[i].arn, m_searchedThrough[i], streams[i].newestSequence});
    m_running = job;
    m_followUpWanted = false;
    if (!followUp) {
        m_progressTimer.start();
        emit started();
    }
    const quint64 ticket = m_generation.next();
    runAsync(
        this, [database = m_database, job] { return search(*database, *job); },
        [this, ticket, followUp](Outcome outcome) {
            if (!m_generation.current(ticket)) return;
            adopt(std::move(outcome), followUp);
        });
}

void ImageSearch::adopt(Outcome outcome, bool followUp) {
    m_running.reset();
    m_progressTimer.stop();
    const RecordStore& store = m_records->store();
    if (m_matches.byStream.size() < store.streams().size())
        m_matches.byStream.resize(store.streams().size());
    std::vector<int> newRows;
    for (auto& [stream, sequences] : outcome.matches) {
        auto& known = m_matches.byStream[stream];
        known.insert(known.end(), sequences.begin(), sequences.end());
        if (followUp) {
            for (uint64_t sequence : sequences) {
                const size_t row = store.find(stream, sequence);
                if (row != RecordStore::npos) newRows.push_back(int(row));
            }
        }
    }
    for (auto& [stream, sequence] : outcome.searchedThrough) m_searchedThrough[stream] = sequence;
    const bool wanted = m_followUpWanted;
    m_followUpWanted = false;
    if (!followUp) {
        m_complete = !outcome.cancelled && outcome.error.empty();
        emit finished(outcome.cancelled, QString::fromStdString(outcome.error));
    } else if (!newRows.empty()) {
        emit rowsMatched(newRows);
    }
    if (m_complete && wanted) scheduleFollowUp();
}

}  // namespace shardscope::ui
