// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>
#include <optional>

#include "session/async.h"
#include "stream/api.h"

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

// One attribute compared between a record's old and new image.
struct AttributeChange {
    enum class Kind { Added, Removed, Changed, Unchanged };
    QString name;
    Kind kind = Kind::Unchanged;
    QString oldValue, newValue;  // DynamoDB JSON; empty when absent
};
// Every attribute of either image, in name order.
std::vector<AttributeChange> diffImages(const std::optional<model::Item>& oldImage,
                                        const std::optional<model::Item>& newImage);
// What this view type leaves out of this event, said plainly ("" when nothing is missing).
QString missingFromView(stream::ViewType viewType, stream::EventName eventName);

// A stream record in full: keys, new and old image, an attribute-level diff of old against new,
// and a plain statement of what the stream's view type did not capture. The record is read on
// the thread pool.
class RecordDetails final : public QWidget {
    Q_OBJECT
public:
    explicit RecordDetails(QWidget* parent = nullptr);

    void setDatabase(table::Database* database) { m_database = database; }
    void showRecord(const QString& streamArn, const QString& shardId, const QString& sequence);
    void showRecord(const stream::Record& record);
    void clear();
    const std::optional<stream::Record>& record() const { return m_record; }

signals:
    void loaded();

private:
    table::Database* m_database = nullptr;
    Generation m_generation;
    std::optional<stream::Record> m_record;
    QLabel* m_title = nullptr;
    QLabel* m_note = nullptr;
    QTabWidget* m_tabs = nullptr;
    QTreeWidget* m_diff = nullptr;
    QPlainTextEdit* m_keys = nullptr;
    QPlainTextEdit* m_newImage = nullptr;
    QPlainTextEdit* m_oldImage = nullptr;
};

}  // namespace shardscope::ui
