// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

class ImageSearch;
class RecordDetails;
class RecordFilterModel;
class StreamRecordModel;

// The stream's records as they arrive: a filter bar, the record list that follows the newest
// record until the user scrolls away ("paused — N new"), seek to a sequence number or a time,
// and the selected record in full below.
class StreamInspector final : public QWidget {
    Q_OBJECT
public:
    StreamInspector(StreamRecordModel* records, QWidget* parent = nullptr);

    void setDatabase(table::Database* database);
    void setTables(const QStringList& tablesWithStreams);

    // Every record of one item, in order (clears the other filters but the table).
    void followItem(const QString& table, const QString& keysText);
    // Selects the first record at or after a sequence number or a UTC time. Returns an error
    // message for input that is neither.
    QString seek(const QString& text);

    bool following() const { return m_following; }
    int pendingWhilePaused() const { return m_pending; }
    QTableView* view() const { return m_view; }
    RecordFilterModel* filterModel() const { return m_filter; }
    RecordDetails* details() const { return m_details; }
    ImageSearch* imageSearch() const { return m_imageSearch; }
    QLineEdit* imageTextEdit() const { return m_imageText; }
    QLabel* searchStatus() const { return m_searchStatus; }

signals:
    // The selected record's stream, shard and keys (the shard lanes highlight them).
    void recordSelected(const QString& streamArn, const QString& shardId, const QString& keys);

private:
    QWidget* buildFilterBar();
    void applyFilter();
    void onRowsInserted(int count);
    void onScrolled();
    void jumpToLatest();
    void onCurrentChanged();
    void showMenu(const QPoint& position);
    void onImageSearchFinished(bool cancelled, const QString& error);
    void showImageMatchCount();

    StreamRecordModel* m_records;
    RecordFilterModel* m_filter;
    QTableView* m_view = nullptr;
    RecordDetails* m_details = nullptr;
    QCheckBox* m_insert = nullptr;
    QCheckBox* m_modify = nullptr;
    QCheckBox* m_remove = nullptr;
    QCheckBox* m_ttlOnly = nullptr;
    QComboBox* m_table = nullptr;
    QLineEdit* m_keys = nullptr;
    QLineEdit* m_range = nullptr;
    QLineEdit* m_imageText = nullptr;
    ImageSearch* m_imageSearch = nullptr;
    QTimer* m_imageTextSettle = nullptr;
    QLabel* m_searchStatus = nullptr;
    QPushButton* m_cancelSearch = nullptr;
    QLineEdit* m_seek = nullptr;
    QLabel* m_filterError = nullptr;
    QLabel* m_status = nullptr;
    QPushButton* m_latest = nullptr;
    bool m_following = true;
    bool m_scrollPending = false;
    int m_pending = 0;
};

}  // namespace shardscope::ui
