// SPDX-License-Identifier: MIT
#pragma once

#include <QMainWindow>
#include <QUndoStack>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "session/async.h"
#include "session/workspacesession.h"
#include "stream/events.h"
#include "widgets/tabledialog.h"

class QAction;
class QActionGroup;
class QComboBox;
class QDockWidget;
class QLabel;
class QMenu;
class QSettings;
class QTableView;
class QTimer;

namespace shardscope::ui {

struct SessionMotion;  // what was moving when Save As began (mainwindow.cpp)

class ClockBar;
class EventBridge;
class ItemBrowser;
class ShardLanesView;
class StreamInspector;
class StreamRecordModel;
class TableListModel;
class TtlTimelineView;

// The workbench: tables on the left, the item browser in the middle, the stream inspector,
// shard lanes and TTL timeline in docks that come back where the user left them, and the clock
// bar always in view. It owns one WorkspaceSession at a time.
class MainWindow final : public QMainWindow {
    Q_OBJECT
public:
    // `settings` keeps the layout, recent workspaces and theme (tests pass a temporary file).
    explicit MainWindow(QSettings* settings, QWidget* parent = nullptr);
    ~MainWindow() override;

    // Takes over an open session: models are reset and refilled from it.
    void adoptSession(std::unique_ptr<WorkspaceSession> session);
    WorkspaceSession* session() const { return m_session.get(); }

    // Opens a workspace off the UI thread and adopts it, then calls `onOpened` (to start the
    // clock, the workload, the endpoint). A bad file is reported in a dialog and the current
    // workspace stays.
    using OnOpened = std::function<void(WorkspaceSession&)>;
    void openWorkspace(const WorkspaceSession::Options& options, OnOpened onOpened = {});
    void openWorkspace(const QString& path);

    StreamRecordModel* records() const { return m_records; }
    TableListModel* tables() const { return m_tables; }
    StreamInspector* inspector() const { return m_inspector; }
    ShardLanesView* shardLanes() const { return m_lanes; }
    TtlTimelineView* ttlTimeline() const { return m_ttl; }
    ItemBrowser* itemBrowser() const { return m_items; }
    ClockBar* clockBar() const { return m_clockBar; }
    EventBridge* bridge() const { return m_bridge.get(); }
    QUndoStack* undoStack() { return &m_undo; }
    QAction* action(const QString& id) const;
    // True once the records that were already in the workspace have been listed.
    bool historyLoaded() const { return m_historyLoaded; }
    // The table the browser and lanes show; selecting it in the tables pane.
    void selectTable(const QString& name);
    // Re-reads tables, lineage and TTL items now (the window does this every second).
    void refreshNow();
    // Creates a table (`before` absent) or changes an existing one's stream, TTL and global
    // indexes, on the thread pool: one UpdateTable call per index, in order, stopping at the
    // first refusal. tableChanged reports the outcome (an empty error on success).
    void applyTable(const TableSpec& spec, std::optional<TableSpec> before);
    // A table as the table dialog edits it, from DescribeTable and DescribeTimeToLive. Any
    // thread. Errors: ResourceNotFound.
    static Result<TableSpec> readTableSpec(table::Database& db, const std::string& name);
    void deleteTable(const QString& name);
    // Save As: writes a copy of the workspace to `path` off the UI thread, then continues in
    // the copy with the clock, workload and endpoint as they were. saved() reports the outcome.
    void saveWorkspaceTo(const QString& path);

signals:
    void refreshed();
    void opened();
    void openFailed(const QString& message);
    // A dialog told the user something went wrong (the text it shows).
    void errorShown(const QString& text);
    void tableChanged(const QString& name, const QString& error);
    void saved(const QString& path, const QString& error);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildDocks();
    void buildMenus();
    QAction* makeAction(const QString& id, const QString& text, const QKeySequence& shortcut = {});
    void restoreLayout();
    void saveLayout();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void loadHistory();
    void onRecords(const std::vector<stream::RecordAppended>& records);
    void onTableSelected();
    void refreshTables();
    void refreshLineage();
    void refreshTtl();
    void updateTtlLag();
    void newTableDialog();
    void editTableDialog();
    void confirmDeleteTable();
    void openTableDialog(std::optional<TableSpec> existing);
    // As the public one; a refusal is shown in `dialog`, which stays open, when it still is.
    void applyTable(const TableSpec& spec, std::optional<TableSpec> before, TableDialog* dialog);
    void toggleEndpoint();
    void copyCliSettings();
    void updateEndpointStatus();
    void updateWorkloadActions();
    void showShortcuts();
    void newWorkspace();
    void chooseWorkspace();
    void saveWorkspaceAs();
    void continueIn(const QString& path, const SessionMotion& motion);
    void setTheme(const QString& name);
    void showError(const QString& title, const QString& text);

    QSettings* m_settings;
    std::unique_ptr<WorkspaceSession> m_session;
    std::unique_ptr<EventBridge> m_bridge;
    QUndoStack m_undo;
    StreamRecordModel* m_records = nullptr;
    TableListModel* m_tables = nullptr;
    QTableView* m_tableView = nullptr;
    ItemBrowser* m_items = nullptr;
    StreamInspector* m_inspector = nullptr;
    ShardLanesView* m_lanes = nullptr;
    TtlTimelineView* m_ttl = nullptr;
    QLabel* m_ttlLag = nullptr;
    QLabel* m_lanesCaption = nullptr;
    QComboBox* m_ttlLagChoice = nullptr;
    ClockBar* m_clockBar = nullptr;
    QLabel* m_endpointStatus = nullptr;
    QLabel* m_workloadStatus = nullptr;
    QMenu* m_recentMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QTimer* m_refreshTimer = nullptr;
    std::map<QString, QAction*> m_actions;
    QString m_selectedTable;
    QString m_lanesStream;
    Generation m_tablesGeneration, m_lineageGeneration, m_ttlGeneration, m_historyGeneration;
    bool m_historyLoaded = false;
    std::vector<stream::RecordAppended> m_liveWhileLoading;
    QString m_selectedRecordStream;
    QString m_pendingSelection;  // a table just created, selected once the list has it
};

}  // namespace shardscope::ui
