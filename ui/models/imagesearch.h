// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QTimer>
#include <atomic>
#include <memory>
#include <string_view>
#include <vector>

#include "model/value.h"
#include "session/async.h"

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

class StreamRecordModel;

// True when an attribute name, or a string, number or boolean value anywhere in the item
// (nested maps, lists and sets included) contains `lowerNeedle`, ignoring ASCII case.
bool itemContainsText(const model::Item& item, std::string_view lowerNeedle);

// The stream records whose NewImage or OldImage contain a text: the sequence numbers of each of
// the record store's streams (by its stream index), ascending.
struct ImageMatches {
    std::vector<std::vector<uint64_t>> byStream;

    bool contains(uint16_t stream, uint64_t sequence) const;
};

// Finds which listed records have a text in their images. The record list keeps only keys, so
// the images are read back from the workspace — off the UI thread, with progress and Cancel.
// Once a search has finished, records that arrive later are searched in small follow-up passes
// and join the matches within about a second.
class ImageSearch final : public QObject {
    Q_OBJECT
public:
    explicit ImageSearch(StreamRecordModel* records, QObject* parent = nullptr);
    ~ImageSearch() override;

    void setDatabase(table::Database* database);
    // Starts a search for `text` (case-insensitive); empty stops searching and clears.
    void setText(const QString& text);
    // Stops the running search; what it found so far is kept and reported (finished with
    // cancelled = true). Records arriving later are not searched until the text is set again.
    void cancel();

    const QString& text() const { return m_text; }
    bool searching() const { return m_running != nullptr; }
    // Whether the last full search ran to its end (then later records are searched too).
    bool complete() const { return m_complete; }
    const ImageMatches& matches() const { return m_matches; }

signals:
    void started();
    void progress(qint64 scanned, qint64 listed);
    // A full search ended: every row should be tested again. `error` is empty unless the
    // workspace refused to read.
    void finished(bool cancelled, const QString& error);
    // Records that arrived after the search were found to match: these source rows.
    void rowsMatched(const std::vector<int>& sourceRows);

private:
    struct Job;
    struct Outcome;
    static Outcome search(table::Database& database, Job& job);  // on the pool
    void start(bool followUp);
    // Drops the running search and anything it would still report.
    void abandon();
    void adopt(Outcome outcome, bool followUp);
    void scheduleFollowUp();

    StreamRecordModel* m_records;
    table::Database* m_database = nullptr;
    QString m_text;
    ImageMatches m_matches;
    // Per store stream: the last sequence number searched (empty: none yet).
    std::vector<std::string> m_searchedThrough;
    std::shared_ptr<Job> m_running;
    bool m_complete = false;
    bool m_followUpWanted = false;
    Generation m_generation;
    QTimer m_progressTimer;
    QTimer m_followUpTimer;
};

}  // namespace shardscope::ui
