// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <limits>

#include "demo/workload.h"
#include "model/codec.h"
#include "models/itemtablemodel.h"
#include "models/recordfiltermodel.h"
#include "models/recordstore.h"
#include "models/streamrecordmodel.h"
#include "models/tablelistmodel.h"
#include "session/eventbridge.h"
#include "session/workspacesession.h"
#include "table/database.h"
#include "widgets/appicon.h"
#include "widgets/clockbar.h"
#include "widgets/itembrowser.h"
#include "widgets/palette.h"
#include "widgets/recorddetails.h"
#include "widgets/shardlanesview.h"
#include "widgets/streaminspector.h"
#include "widgets/ttltimelineview.h"

namespace shardscope::ui {
namespace {

constexpr int kLayoutVersion = 1;
constexpr int kMaxRecent = 8;
constexpr size_t kHistoryRecords = 200'000;  // per stream, read when a workspace opens
constexpr uint16_t kDefaultPort = 8000;

QDockWidget* makeDock(const QString& title, const QString& id, QWidget* content, QWidget* parent) {
    auto* dock = new QDockWidget(title, parent);
    dock->setObjectName(id);
    dock->setWidget(content);
    return dock;
}

}  // namespace

MainWindow::MainWindow(QSettings* settings, QWidget* parent)
    : QMainWindow(parent), m_settings(settings) {
    setWindowTitle(tr("ShardScope"));
    setWindowIcon(applicationIcon());
    m_records = new StreamRecordModel(this);
    m_tables = new TableListModel(this);
    m_clockBar = new ClockBar(this);
    addToolBar(Qt::TopToolBarArea, m_clockBar);
    m_items = new ItemBrowser(&m_undo, this);
    setCentralWidget(m_items);
    buildDocks();
    buildMenus();
    m_endpointStatus = new QLabel(this);
    m_endpointStatus->setObjectName(QStringLiteral("endpointStatus"));
    m_workloadStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_workloadStatus);
    statusBar()->addPermanentWidget(m_endpointStatus);

    connect(m_clockBar, &ClockBar::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 5000); });
    connect(m_items, &ItemBrowser::message, this,
            [this](const QString& text) { statusBar()->showMessage(text, 8000); });
    connect(m_items, &ItemBrowser::followItem, m_inspector, &StreamInspector::followItem);
    connect(m_inspector, &StreamInspector::recordSelected, this,
            [this](const QString& arn, const QString& shard, const QString&) {
                m_lanes->setSelectedShard(arn == m_lanesStream ? shard : QString());
                m_selectedRecordStream = arn;
            });
    // The selected record's key, traced through the lineage: every shard whose hash range holds
    // the key's partition hash, the way the engine routes it.
    connect(m_inspector->details(), &RecordDetails::loaded, this, [this] {
        const auto& record = m_inspector->details()->record();
        const auto& lineage = m_lanes->lineage();
        if (!record || !lineage || m_selectedRecordStream != m_lanesStream || !m_session) return;
        runAsync(
            this,
            [database = &m_session->database(), table = lineage->tableName, keys = record->keys] {
                return database->partitionHash(table, keys);
            },
            [this](Result<uint32_t> hash) {
                m_lanes->setHighlightHash(hash ? std::optional<uint32_t>(*hash) : std::nullopt);
            });
    });
    connect(m_lanes, &ShardLanesView::shardClicked, this, [this](const QString& shardId) {
        RecordFilter filter = m_inspector->filterModel()->filter();
        filter.shardId = shardId;
        m_inspector->filterModel()->setFilter(filter);
    });
    connect(m_ttl, &TtlTimelineView::itemClicked, m_inspector, &StreamInspector::followItem);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setInterval(1000);
    connect(m_refreshTimer, &QTimer::timeout, this, &MainWindow::refreshNow);
    m_refreshTimer->start();
    restoreLayout();
    rebuildRecentMenu();
    updateEndpointStatus();
    updateWorkloadActions();
}

MainWindow::~MainWindow() {
    // The bridge drains the session's queue: it goes first. A running image search is let go
    // before the session waits for the pool.
    m_bridge.reset();
    m_inspector->setDatabase(nullptr);
    m_session.reset();
}

void MainWindow::buildDocks() {
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("tableList"));
    m_tableView->setModel(m_tables);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->verticalHeader()->hide();
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setColumnWidth(TableListModel::Name, 160);
    m_tableView->setColumnWidth(TableListModel::Items, 50);
    m_tableView->setColumnWidth(TableListModel::Stream, 72);
    m_tableView->setAlternatingRowColors(true);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MainWindow::onTableSelected);
    auto* tablesDock = makeDock(tr("Tables"), QStringLiteral("tablesDock"), m_tableView, this);
    addDockWidget(Qt::LeftDockWidgetArea, tablesDock);

    m_inspector = new StreamInspector(m_records, this);
    auto* inspectorDock =
        makeDock(tr("Stream records"), QStringLiteral("inspectorDock"), m_inspector, this);
    addDockWidget(Qt::BottomDockWidgetArea, inspectorDock);

    auto* lanesPane = new QWidget(this);
    auto* lanesLayout = new QVBoxLayout(lanesPane);
    lanesLayout->setContentsMargins(0, 0, 0, 0);
    m_lanesCaption = new QLabel(lanesPane);
    m_lanesCaption->setObjectName(QStringLiteral("lanesCaption"));
    m_lanesCaption->setContentsMargins(8, 4, 8, 0);
    m_lanesCaption->setWordWrap(true);
    lanesLayout->addWidget(m_lanesCaption);
    m_lanes = new ShardLanesView(lanesPane);
    m_lanes->setRecords(&m_records->store());
    lanesLayout->addWidget(m_lanes, 1);
    auto* lanesDock = makeDock(tr("Shard lanes"), QStringLiteral("lanesDock"), lanesPane, this);
    addDockWidget(Qt::BottomDockWidgetArea, lanesDock);
    splitDockWidget(inspectorDock, lanesDock, Qt::Horizontal);

    auto* ttlPane = new QWidget(this);
    auto* ttlLayout = new QVBoxLayout(ttlPane);
    ttlLayout->setContentsMargins(0, 0, 0, 0);
    auto* lagRow = new QHBoxLayout;
    lagRow->setContentsMargins(8, 4, 8, 0);
    lagRow->addWidget(new QLabel(tr("Deletion lag:"), ttlPane));
    m_ttlLagChoice = new QComboBox(ttlPane);
    m_ttlLagChoice->setObjectName(QStringLiteral("ttlLagChoice"));
    m_ttlLagChoice->addItem(tr("Within the second (lab)"), int(ttl::DeletionLag::Immediate));
    m_ttlLagChoice->addItem(tr("Like DynamoDB: minutes to hours"),
                            int(ttl::DeletionLag::Realistic));
    lagRow->addWidget(m_ttlLagChoice);
    m_ttlLag = new QLabel(ttlPane);
    m_ttlLag->setObjectName(QStringLiteral("ttlLag"));
    m_ttlLag->setWordWrap(true);
    lagRow->addWidget(m_ttlLag, 1);
    ttlLayout->addLayout(lagRow);
    connect(m_ttlLagChoice, &QComboBox::activated, this, [this] {
        if (!m_session) return;
        const auto lag = ttl::DeletionLag(m_ttlLagChoice->currentData().toInt());
        runAsync(
            this,
            [database = &m_session->database(), lag] { return database->setTtlDeletionLag(lag); },
            [this](Result<void> done) {
                if (!done) statusBar()->showMessage(QString::fromStdString(done.error().message));
                updateTtlLag();
            });
    });
    m_ttl = new TtlTimelineView(ttlPane);
    ttlLayout->addWidget(m_ttl, 1);
    auto* ttlDock = makeDock(tr("TTL timeline"), QStringLiteral("ttlDock"), ttlPane, this);
    addDockWidget(Qt::BottomDockWidgetArea, ttlDock);
    splitDockWidget(lanesDock, ttlDock, Qt::Vertical);
    resizeDocks({tablesDock}, {330}, Qt::Horizontal);
    resizeDocks({inspectorDock, lanesDock}, {900, 640}, Qt::Horizontal);
    resizeDocks({inspectorDock}, {520}, Qt::Vertical);
}

QAction* MainWindow::makeAction(const QString& id, const QString& text,
                                const QKeySequence& shortcut) {
    auto* action = new QAction(text, this);
    action->setObjectName(id);
    if (!shortcut.isEmpty()) {
        action->setShortcut(shortcut);
        action->setToolTip(QStringLiteral("%1 (%2)").arg(
            QString(text).remove(QLatin1Char('&')), shortcut.toString(QKeySequence::NativeText)));
    }
    m_actions[id] = action;
    return action;
}

QAction* MainWindow::action(const QString& id) const {
    auto it = m_actions.find(id);
    return it == m_actions.end() ? nullptr : it->second;
}

void MainWindow::buildMenus() {
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(makeAction(QStringLiteral("file.new"), tr("&New Workspace\u2026"),
                               QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)));
    connect(action(QStringLiteral("file.new")), &QAction::triggered, this,
            &MainWindow::newWorkspace);
    file->addAction(
        makeAction(QStringLiteral("file.open"), tr("&Open Workspace\u2026"), QKeySequence::Open));
    connect(action(QStringLiteral("file.open")), &QAction::triggered, this,
            &MainWindow::chooseWorkspace);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addAction(
        makeAction(QStringLiteral("file.saveAs"), tr("Save &As\u2026"), QKeySequence::SaveAs));
    connect(action(QStringLiteral("file.saveAs")), &QAction::triggered, this,
            &MainWindow::saveWorkspaceAs);
    file->addSeparator();
    file->addAction(makeAction(QStringLiteral("file.quit"), tr("&Quit"), QKeySequence::Quit));
    connect(action(QStringLiteral("file.quit")), &QAction::triggered, this, &QWidget::close);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    QAction* undo = m_undo.createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo.createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    // "Undo Add item …" reads as one phrase in English only: each language words it whole.
    connect(&m_undo, &QUndoStack::undoTextChanged, undo, [undo](const QString& text) {
        undo->setText(text.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(text));
    });
    connect(&m_undo, &QUndoStack::redoTextChanged, redo, [redo](const QString& text) {
        redo->setText(text.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(text));
    });
    m_actions[QStringLiteral("edit.undo")] = undo;
    m_actions[QStringLiteral("edit.redo")] = redo;
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(makeAction(QStringLiteral("item.new"), tr("New &Item"), QKeySequence::New));
    connect(action(QStringLiteral("item.new")), &QAction::triggered, m_items,
            &ItemBrowser::newItem);
    edit->addAction(
        makeAction(QStringLiteral("item.delete"), tr("&Delete Item"), QKeySequence::Delete));
    action(QStringLiteral("item.delete"))->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_items->view()->addAction(action(QStringLiteral("item.delete")));
    connect(action(QStringLiteral("item.delete")), &QAction::triggered, m_items,
            &ItemBrowser::deleteSelected);

    QMenu* tables = menuBar()->addMenu(tr("&Table"));
    tables->addAction(makeAction(QStringLiteral("table.new"), tr("&New Table\u2026"),
                                 QKeySequence(Qt::CTRL | Qt::Key_T)));
    connect(action(QStringLiteral("table.new")), &QAction::triggered, this,
            &MainWindow::newTableDialog);
    tables->addAction(makeAction(QStringLiteral("table.edit"), tr("&Change Table\u2026"),
                                 QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T)));
    connect(action(QStringLiteral("table.edit")), &QAction::triggered, this,
            &MainWindow::editTableDialog);
    tables->addAction(makeAction(QStringLiteral("table.delete"), tr("&Delete Table\u2026")));
    connect(action(QStringLiteral("table.delete")), &QAction::triggered, this,
            &MainWindow::confirmDeleteTable);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    for (QDockWidget* dock : findChildren<QDockWidget*>())
        m_viewMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    QMenu* theme = m_viewMenu->addMenu(tr("&Theme"));
    auto* themes = new QActionGroup(this);
    const QString currentTheme =
        m_settings->value(QStringLiteral("ui/theme"), QStringLiteral("system")).toString();
    for (const auto& [id, label] : {std::pair{QStringLiteral("system"), tr("Follow the &System")},
                                    std::pair{QStringLiteral("light"), tr("&Light")},
                                    std::pair{QStringLiteral("dark"), tr("&Dark")}}) {
        QAction* choice = theme->addAction(label);
        choice->setCheckable(true);
        choice->setChecked(id == currentTheme);
        themes->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, id = id] { setTheme(id); });
    }

    QMenu* clock = menuBar()->addMenu(tr("&Clock"));
    for (QAction* a :
         {m_clockBar->playPauseAction(), m_clockBar->stepAction(), m_clockBar->slowerAction(),
          m_clockBar->fasterAction(), m_clockBar->jumpAction()})
        clock->addAction(a);
    m_actions[QStringLiteral("clock.play")] = m_clockBar->playPauseAction();
    m_actions[QStringLiteral("clock.step")] = m_clockBar->stepAction();

    QMenu* endpoint = menuBar()->addMenu(tr("E&ndpoint"));
    endpoint->addAction(makeAction(QStringLiteral("endpoint.toggle"), tr("&Start Endpoint"),
                                   QKeySequence(Qt::CTRL | Qt::Key_E)));
    connect(action(QStringLiteral("endpoint.toggle")), &QAction::triggered, this,
            &MainWindow::toggleEndpoint);
    endpoint->addAction(makeAction(QStringLiteral("endpoint.copy"), tr("&Copy AWS CLI Settings"),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C)));
    connect(action(QStringLiteral("endpoint.copy")), &QAction::triggered, this,
            &MainWindow::copyCliSettings);

    QMenu* demo = menuBar()->addMenu(tr("&Demo"));
    QAction* run =
        makeAction(QStringLiteral("demo.run"), tr("&Run Workload"), QKeySequence(Qt::Key_F6));
    run->setCheckable(true);
    connect(run, &QAction::toggled, this, [this](bool on) {
        if (!m_session || !m_session->workload()) return;
        on ? m_session->workload()->start() : m_session->workload()->pause();
        updateWorkloadActions();
    });
    demo->addAction(run);
    QMenu* rate = demo->addMenu(tr("Workload R&ate"));
    auto* rates = new QActionGroup(this);
    for (double perSecond : {1.0, 4.0, 20.0, 100.0, 1000.0, 10000.0}) {
        QAction* choice = rate->addAction(tr("%Ln write(s) per second", nullptr, int(perSecond)));
        choice->setCheckable(true);
        choice->setData(perSecond);
        rates->addAction(choice);
        connect(choice, &QAction::triggered, this, [this, perSecond] {
            if (m_session && m_session->workload()) m_session->workload()->setRate(perSecond);
            updateWorkloadActions();
        });
    }
    m_actions[QStringLiteral("demo.step")] = demo->addAction(tr("&Write Once"), this, [this] {
        if (m_session && m_session->workload()) {
            runAsync(
                this, [workload = m_session->workload()] { return workload->step(); },
                [this](Result<void> done) {
                    if (!done)
                        statusBar()->showMessage(QString::fromStdString(done.error().message));
                });
        }
    });

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(makeAction(QStringLiteral("help.shortcuts"), tr("&Keyboard Shortcuts"),
                               QKeySequence(QStringLiteral("?"))));
    connect(action(QStringLiteral("help.shortcuts")), &QAction::triggered, this,
            &MainWindow::showShortcuts);
    help->addAction(tr("&About ShardScope"), this, [this] {
        QMessageBox::about(this, tr("About ShardScope"),
                           tr("<b>ShardScope</b><br>A desktop lab for DynamoDB-style tables and "
                              "their change streams."));
    });
    for (auto& [id, a] : m_actions) addAction(a);
}

void MainWindow::adoptSession(std::unique_ptr<WorkspaceSession> session) {
    m_bridge.reset();
    // Before anything that could start pool work on the old session (clearing the record list
    // restarts an image search): replacing the session waits for the pool.
    m_inspector->setDatabase(nullptr);
    m_undo.clear();
    m_records->clear();
    m_ttl->clear();
    m_lanes->clearLineage();
    m_lanesStream.clear();
    m_selectedTable.clear();
    m_session = std::move(session);
    table::Database* database = m_session ? &m_session->database() : nullptr;
    m_items->setDatabase(database);
    m_items->setTable(QString(), {});
    m_inspector->setDatabase(database);
    m_clockBar->setSession(m_session.get());
    if (!m_session) return;

    setWindowTitle(tr("%1 \u2014 ShardScope")
                       .arg(m_session->inMemory() ? tr("in memory")
                                                  : QFileInfo(m_session->path()).fileName()));
    m_bridge = std::make_unique<EventBridge>(m_session->database().subscribe());
    connect(m_bridge.get(), &EventBridge::recordsAppended, this, &MainWindow::onRecords);
    connect(m_bridge.get(), &EventBridge::shardsChanged, this, &MainWindow::refreshLineage);
    connect(m_bridge.get(), &EventBridge::itemsWritten, m_items->model(),
            &ItemTableModel::noteWrites);
    connect(m_bridge.get(), &EventBridge::itemsWritten, this,
            [this](const std::vector<stream::ItemWritten>& writes) {
                for (const auto& write : writes) {
                    if (write.change == stream::EventName::Insert &&
                        QString::fromStdString(write.tableName) == m_ttl->table())
                        m_ttl->noteWritten(
                            QString::fromStdString(RecordStore::keysText(write.keys)), write.at);
                }
            });
    connect(m_bridge.get(), &EventBridge::ttlDeletions, this,
            [this](const std::vector<stream::TtlDeletion>& deletions) {
                for (const auto& deletion : deletions) {
                    if (QString::fromStdString(deletion.tableName) == m_ttl->table())
                        m_ttl->noteDeletedByTtl(
                            QString::fromStdString(RecordStore::keysText(deletion.keys)),
                            deletion.expiredAt, deletion.at);
                }
            });
    connect(m_bridge.get(), &EventBridge::eventsDropped, this, [this](quint64 count) {
        statusBar()->showMessage(
            tr("The window fell behind and skipped %Ln event(s); the stream itself lost nothing.",
               nullptr, int(std::min<quint64>(count, std::numeric_limits<int>::max()))),
            8000);
    });
    connect(m_bridge.get(), &EventBridge::ticked, this, [this] {
        const qint64 now = m_session->clock().now();
        m_clockBar->refresh();
        m_lanes->setNow(now);
        m_ttl->setNow(now);
    });
    connect(m_session.get(), &WorkspaceSession::endpointChanged, this,
            &MainWindow::updateEndpointStatus);
    const qint64 rollover = m_session->rolloverPeriodMs();
    if (rollover == 4 * 3'600'000) {
        m_lanesCaption->setText(
            tr("Shards roll over every 4 hours and split above 1,000 records/s, as in "
               "DynamoDB. The wheel zooms; a click lists a shard's records."));
    } else if (rollover % 60'000 == 0) {
        m_lanesCaption->setText(
            tr("Shards roll over every %n minute(s) (a lab setting; DynamoDB: about 4 hours) and "
               "split above 1,000 records/s. The wheel zooms; a click lists a shard's records.",
               nullptr, int(rollover / 60'000)));
    } else {
        m_lanesCaption->setText(
            tr("Shards roll over every %n second(s) (a lab setting; DynamoDB: about 4 hours) and "
               "split above 1,000 records/s. The wheel zooms; a click lists a shard's records.",
               nullptr, int(rollover / 1000)));
    }
    updateTtlLag();
    if (!m_session->inMemory()) rememberRecent(m_session->path());
    loadHistory();
    refreshNow();
    updateEndpointStatus();
    updateWorkloadActions();
}

void MainWindow::updateTtlLag() {
    if (!m_session) return;
    const auto lag = m_session->database().ttlDeletionLag();
    QSignalBlocker block(m_ttlLagChoice);
    m_ttlLagChoice->setCurrentIndex(m_ttlLagChoice->findData(int(lag)));
    m_ttlLag->setText(lag == ttl::DeletionLag::Immediate
                          ? tr("expired items go at the next sweep")
                          : tr("expired items stay readable for minutes to hours"));
}

void MainWindow::loadHistory() {
    m_historyLoaded = false;
    m_liveWhileLoading.clear();
    const quint64 ticket = m_historyGeneration.next();
    runAsync(
        this,
        [database = &m_session->database()] {
            std::vector<stream::RecordAppended> history;
            auto streams = database->listStreams({});
            if (!streams) return history;
            for (const auto& summary : streams->streams) {
                stream::ReadRecordsRequest request;
                request.streamArn = summary.streamArn;
                request.limit = 10000;
                request.decodeImages = false;
                size_t taken = 0;
                while (taken < kHistoryRecords) {
                    auto page = database->readRecords(request);
                    if (!page || page->records.empty()) break;
                    for (const auto& record : page->records) {
                        // Images stay encoded (the list shows keys only); the keys are small.
                        model::Item keys;
                        model::decodeItem(record.encodedKeys, keys);
                        history.push_back({summary.streamArn, record.shardId, record.sequenceNumber,
                                           record.eventName, std::move(keys), record.sizeBytes,
                                           record.byTimeToLive,
                                           record.approximateCreationDateTime * 1000});
                    }
                    taken += page->records.size();
                    request.afterSequenceNumber = page->records.back().sequenceNumber;
                    if (!page->more) break;
                }
            }
            std::stable_sort(history.begin(), history.end(),
                             [](const auto& a, const auto& b) { return a.at < b.at; });
            return history;
        },
        [this, ticket](std::vector<stream::RecordAppended> history) {
            if (!m_historyGeneration.current(ticket)) return;
            // Records that arrived live while the history was read may be in both.
            std::map<std::string, std::string> newest;
            for (const auto& record : history) newest[record.streamArn] = record.sequenceNumber;
            std::erase_if(m_liveWhileLoading, [&](const stream::RecordAppended& live) {
                auto it = newest.find(live.streamArn);
                return it != newest.end() && live.sequenceNumber <= it->second;
            });
            m_records->append(history);
            m_records->append(m_liveWhileLoading);
            m_liveWhileLoading.clear();
            m_historyLoaded = true;
        });
}

void MainWindow::onRecords(const std::vector<stream::RecordAppended>& records) {
    if (!m_historyLoaded) {
        m_liveWhileLoading.insert(m_liveWhileLoading.end(), records.begin(), records.end());
        return;
    }
    m_records->append(records);
}

void MainWindow::refreshNow() {
    if (!m_session) return;
    refreshTables();
    refreshLineage();
    refreshTtl();
}

void MainWindow::refreshTables() {
    const quint64 ticket = m_tablesGeneration.next();
    runAsync(
        this,
        [database = &m_session->database()] {
            std::vector<TableSummary> summaries;
            auto names = database->listTables({});
            if (!names) return summaries;
            for (const auto& name : names->tableNames) {
                auto description = database->describeTable(name);
                if (!description) continue;
                TableSummary summary;
                summary.name = QString::fromStdString(name);
                summary.itemCount = description->itemCount;
                summary.keySchema = description->keySchema;
                const auto& keys = description->keySchema;
                summary.keys = QString::fromStdString(keys.partition.name);
                if (keys.sort)
                    summary.keys += QStringLiteral(", ") + QString::fromStdString(keys.sort->name);
                if (description->streamSpecification &&
                    description->streamSpecification->streamEnabled) {
                    summary.streamView =
                        QString::fromStdString(description->streamSpecification->streamViewType);
                    summary.streamArn = QString::fromStdString(
                        description->latestStreamArn.value_or(std::string()));
                }
                auto ttl = database->describeTimeToLive(name);
                if (ttl && ttl->status == "ENABLED" && ttl->attributeName)
                    summary.ttlAttribute = QString::fromStdString(*ttl->attributeName);
                summaries.push_back(std::move(summary));
            }
            return summaries;
        },
        [this, ticket](std::vector<TableSummary> summaries) {
            if (!m_tablesGeneration.current(ticket)) return;
            m_tables->setTables(std::move(summaries));
            QStringList withStreams;
            for (const auto& table : m_tables->tables())
                if (!table.streamArn.isEmpty()) withStreams << table.name;
            m_inspector->setTables(withStreams);
            if (!m_pendingSelection.isEmpty() && m_tables->rowOf(m_pendingSelection) >= 0) {
                selectTable(m_pendingSelection);
                m_pendingSelection.clear();
            } else if (m_selectedTable.isEmpty() && !m_tables->tables().empty()) {
                selectTable(m_tables->tables().front().name);
            }
            emit refreshed();
        });
}

void MainWindow::selectTable(const QString& name) {
    const int row = m_tables->rowOf(name);
    if (row < 0) return;
    m_tableView->setCurrentIndex(m_tables->index(row, 0));
}

void MainWindow::onTableSelected() {
    const QModelIndex current = m_tableView->currentIndex();
    if (!current.isValid()) return;
    const TableSummary& table = m_tables->tables()[size_t(current.row())];
    if (table.name == m_selectedTable) return;
    m_selectedTable = table.name;
    m_items->setTable(table.name, table.keySchema);
    m_lanesStream = table.streamArn;
    m_lanes->setHighlightHash(std::nullopt);
    m_lanes->setSelectedShard(QString());
    if (m_lanesStream.isEmpty()) m_lanes->clearLineage();
    refreshLineage();
    refreshTtl();
}

void MainWindow::newTableDialog() {
    if (!m_session) return;
    openTableDialog(std::nullopt);
}

void MainWindow::editTableDialog() {
    if (!m_session || m_selectedTable.isEmpty()) return;
    // The dialog starts from DynamoDB's own description, indexes included, not from the pane's
    // summary of it.
    runAsync(
        this,
        [database = &m_session->database(), name = m_selectedTable.toStdString()] {
            return readTableSpec(*database, name);
        },
        [this](Result<TableSpec> current) {
            if (!current) {
                showError(tr("Table %1").arg(m_selectedTable),
                          QString::fromStdString(current.error().message));
                return;
            }
            openTableDialog(std::move(*current));
        });
}

void MainWindow::openTableDialog(std::optional<TableSpec> existing) {
    auto* dialog = new TableDialog(this, std::move(existing));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TableDialog::submitted, this,
            [this, dialog] { applyTable(dialog->spec(), dialog->existing(), dialog); });
    dialog->open();
}

void MainWindow::confirmDeleteTable() {
    if (!m_session || m_selectedTable.isEmpty()) return;
    const QString name = m_selectedTable;
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Delete Table"),
        tr("Delete %1 and all its items? Its stream stays readable for 24 hours; this cannot be "
           "undone.")
            .arg(name),
        QMessageBox::Cancel, this);
    box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, name](QAbstractButton* button) {
        if (box->buttonRole(button) == QMessageBox::DestructiveRole) deleteTable(name);
    });
    box->open();
}

namespace {

// The calls that turn `before` into `spec` (or create `spec`), in order; the first refusal stops
// them and is returned, naming the step when it is one of several. `created` says whether
// CreateTable succeeded, so that a later refusal is about a table that now exists.
QString applyTableChanges(table::Database& db, const TableSpec& spec,
                          const std::optional<TableSpec>& before, bool& created) {
    auto message = [](const Error& error) { return QString::fromStdString(error.message); };
    const std::string name = spec.name.toStdString();
    created = false;
    if (!before) {
        if (auto made = db.createTable(createRequest(spec)); !made) return message(made.error());
        created = true;
    } else {
        const auto requests = updateRequests(*before, spec);
        for (const table::UpdateTableRequest& request : requests) {
            auto updated = db.updateTable(request);
            if (updated) continue;
            if (request.globalSecondaryIndexUpdates.empty()) return message(updated.error());
            const table::GsiUpdate& change = request.globalSecondaryIndexUpdates.front();
            const QString index = QString::fromStdString(change.index.indexName);
            return (change.kind == table::GsiUpdate::Kind::Delete
                        ? MainWindow::tr("Deleting index %1: %2")
                        : MainWindow::tr("Creating index %1: %2"))
                .arg(index, message(updated.error()));
        }
    }
    const QString oldTtl = before ? before->ttlAttribute : QString();
    if (spec.ttlAttribute != oldTtl) {
        ttl::UpdateTimeToLiveRequest request;
        request.tableName = name;
        request.specification.enabled = !spec.ttlAttribute.isEmpty();
        request.specification.attributeName =
            (spec.ttlAttribute.isEmpty() ? oldTtl : spec.ttlAttribute).toStdString();
        if (auto r = db.updateTimeToLive(request); !r) return message(r.error());
    }
    return {};
}

struct TableApplied {
    QString error;                   // empty on success
    std::optional<TableSpec> after;  // the table as it is after a refused change
};

}  // namespace

Result<TableSpec> MainWindow::readTableSpec(table::Database& db, const std::string& name) {
    auto description = db.describeTable(name);
    if (!description) return description.takeError();
    QString ttlAttribute;
    auto ttl = db.describeTimeToLive(name);
    if (ttl && ttl->status == "ENABLED" && ttl->attributeName)
        ttlAttribute = QString::fromStdString(*ttl->attributeName);
    return tableSpecFrom(*description, ttlAttribute);
}

void MainWindow::applyTable(const TableSpec& spec, std::optional<TableSpec> before) {
    applyTable(spec, std::move(before), nullptr);
}

void MainWindow::applyTable(const TableSpec& spec, std::optional<TableSpec> before,
                            TableDialog* dialog) {
    if (!m_session) return;
    runAsync(
        this,
        [database = &m_session->database(), spec, before] {
            bool created = false;
            TableApplied applied{applyTableChanges(*database, spec, before, created), std::nullopt};
            if (!applied.error.isEmpty() && (before || created)) {
                if (auto now = readTableSpec(*database, spec.name.toStdString()))
                    applied.after = std::move(*now);
            }
            return applied;
        },
        [this, name = spec.name, dialog = QPointer<TableDialog>(dialog)](TableApplied applied) {
            // A refusal goes where the user is looking: the dialog that asked, if still open.
            if (dialog)
                dialog->finishApply(applied.error, std::move(applied.after));
            else if (!applied.error.isEmpty())
                showError(tr("Table %1").arg(name), applied.error);
            refreshTables();
            if (applied.error.isEmpty()) m_pendingSelection = name;
            emit tableChanged(name, applied.error);
        });
}

void MainWindow::deleteTable(const QString& name) {
    if (!m_session) return;
    runAsync(
        this,
        [database = &m_session->database(), name = name.toStdString()] {
            auto deleted = database->deleteTable(name);
            return deleted ? QString() : QString::fromStdString(deleted.error().message);
        },
        [this, name](const QString& error) {
            if (!error.isEmpty()) showError(tr("Table %1").arg(name), error);
            if (error.isEmpty() && name == m_selectedTable) {
                m_selectedTable.clear();
                m_items->setTable(QString(), {});
            }
            refreshTables();
            emit tableChanged(name, error);
        });
}

void MainWindow::refreshLineage() {
    if (!m_session || m_lanesStream.isEmpty()) return;
    const quint64 ticket = m_lineageGeneration.next();
    runAsync(
        this,
        [database = &m_session->database(), arn = m_lanesStream.toStdString()] {
            return database->streamLineage(arn);
        },
        [this, ticket](Result<stream::StreamLineage> lineage) {
            if (!m_lineageGeneration.current(ticket)) return;
            if (lineage) m_lanes->setLineage(*lineage);
        });
}

void MainWindow::refreshTtl() {
    if (!m_session) return;
    // The selected table when it has TTL, else the first that does.
    const TableSummary* target = nullptr;
    for (const auto& table : m_tables->tables()) {
        if (table.ttlAttribute.isEmpty()) continue;
        if (!target || table.name == m_selectedTable) target = &table;
    }
    if (!target) return;
    const quint64 ticket = m_ttlGeneration.next();
    table::ScanRequest scan;
    scan.tableName = target->name.toStdString();
    scan.filterExpression = "attribute_exists(#ttl)";
    scan.expressionAttributes.names =
        std::map<std::string, std::string>{{"#ttl", target->ttlAttribute.toStdString()}};
    runAsync(
        this,
        [database = &m_session->database(), scan, attribute = target->ttlAttribute.toStdString(),
         keySchema = target->keySchema]() mutable {
            std::vector<std::pair<QString, qint64>> items;
            for (int page = 0; page < 20; ++page) {
                auto result = database->scan(scan);
                if (!result) break;
                for (const auto& item : result->items) {
                    auto expires = item.find(attribute);
                    if (expires == item.end() || !expires->second.is(model::Type::N)) continue;
                    model::Item keys;
                    for (const auto& [name, value] : item) {
                        if (name == keySchema.partition.name ||
                            (keySchema.sort && name == keySchema.sort->name))
                            keys.emplace(name, value);
                    }
                    const double seconds =
                        std::strtod(expires->second.asNumber().toString().c_str(), nullptr);
                    items.emplace_back(QString::fromStdString(RecordStore::keysText(keys)),
                                       qint64(seconds * 1000));
                }
                if (!result->lastEvaluatedKey || items.size() >= 500) break;
                scan.exclusiveStartKey = result->lastEvaluatedKey;
            }
            return items;
        },
        [this, ticket, table = target->name](std::vector<std::pair<QString, qint64>> items) {
            if (!m_ttlGeneration.current(ticket)) return;
            m_ttl->setScan(table, items);
        });
}

void MainWindow::toggleEndpoint() {
    if (!m_session) return;
    if (m_session->endpointPort()) {
        m_session->stopEndpoint();
        return;
    }
    const auto port =
        uint16_t(m_settings->value(QStringLiteral("endpoint/port"), kDefaultPort).toUInt());
    auto started = m_session->startEndpoint(port);
    if (!started) {
        showError(tr("Endpoint not started"),
                  tr("The endpoint could not listen on 127.0.0.1:%1.\n\n%2")
                      .arg(port)
                      .arg(QString::fromStdString(started.error().message)));
    }
}

void MainWindow::updateEndpointStatus() {
    const auto port = m_session ? m_session->endpointPort() : std::nullopt;
    QAction* toggle = action(QStringLiteral("endpoint.toggle"));
    toggle->setText(port ? tr("&Stop Endpoint") : tr("&Start Endpoint"));
    action(QStringLiteral("endpoint.copy"))->setEnabled(port.has_value());
    m_endpointStatus->setText(
        port ? tr("Endpoint: http://127.0.0.1:%1").arg(*port)
             : tr("Endpoint off (%1 starts it)")
                   .arg(toggle->shortcut().toString(QKeySequence::NativeText)));
}

void MainWindow::copyCliSettings() {
    const auto port = m_session ? m_session->endpointPort() : std::nullopt;
    if (!port) return;
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(*port);
    QApplication::clipboard()->setText(
        QStringLiteral("export AWS_ACCESS_KEY_ID=shardscope AWS_SECRET_ACCESS_KEY=shardscope "
                       "AWS_DEFAULT_REGION=us-east-1\n"
                       "export AWS_ENDPOINT_URL=%1\n"
                       "aws dynamodb list-tables --endpoint-url %1\n")
            .arg(url));
    statusBar()->showMessage(tr("Copied: credentials, region and --endpoint-url %1").arg(url),
                             5000);
}

void MainWindow::updateWorkloadActions() {
    demo::Workload* workload = m_session ? m_session->workload() : nullptr;
    QAction* run = action(QStringLiteral("demo.run"));
    run->setEnabled(workload != nullptr);
    {
        QSignalBlocker block(run);
        run->setChecked(workload && workload->running());
    }
    action(QStringLiteral("demo.step"))->setEnabled(workload != nullptr);
    m_workloadStatus->setText(workload ? (workload->running()
                                              ? tr("Workload: %L1 writes/s").arg(workload->rate())
                                              : tr("Workload paused"))
                                       : QString());
}

void MainWindow::showShortcuts() {
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    auto* list = new QTreeWidget(&dialog);
    list->setRootIsDecorated(false);
    list->setHeaderLabels({tr("Action"), tr("Shortcut")});
    for (const auto& [id, a] : m_actions) {
        if (a->shortcut().isEmpty()) continue;
        auto* item = new QTreeWidgetItem(list);
        item->setText(0, QString(a->text()).remove(QLatin1Char('&')));
        item->setText(1, a->shortcut().toString(QKeySequence::NativeText));
    }
    list->sortItems(0, Qt::AscendingOrder);
    list->resizeColumnToContents(0);
    layout->addWidget(list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(460, 420);
    dialog.exec();
}

void MainWindow::openWorkspace(const QString& path) {
    WorkspaceSession::Options options;
    options.path = path;
    openWorkspace(options);
}

void MainWindow::openWorkspace(const WorkspaceSession::Options& options, OnOpened onOpened) {
    statusBar()->showMessage(tr("Opening %1\u2026").arg(options.path));
    runAsync(
        this,
        [options, uiThread = thread()] {
            auto opened = WorkspaceSession::open(options);
            // Made on a pool thread; it lives on the UI thread, with the window.
            if (opened) (*opened)->moveToThread(uiThread);
            return opened;
        },
        [this, path = options.path,
         onOpened = std::move(onOpened)](Result<std::unique_ptr<WorkspaceSession>> result) {
            statusBar()->clearMessage();
            if (!result) {
                showError(tr("Cannot open workspace"),
                          tr("%1\n\n%2").arg(path, QString::fromStdString(result.error().message)));
                emit openFailed(QString::fromStdString(result.error().message));
                return;
            }
            adoptSession(std::move(result).value());
            if (onOpened) onOpened(*m_session);
            updateWorkloadActions();
            emit opened();
        });
}

void MainWindow::chooseWorkspace() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Workspace"), QString(), tr("ShardScope workspaces (*.db);;All files (*)"));
    if (!path.isEmpty()) openWorkspace(path);
}

void MainWindow::newWorkspace() {
    const QString path =
        QFileDialog::getSaveFileName(this, tr("New Workspace"), QStringLiteral("workspace.db"),
                                     tr("ShardScope workspaces (*.db)"));
    if (path.isEmpty()) return;
    if (QFileInfo::exists(path)) {
        showError(tr("New Workspace"), tr("%1 already exists. Open it with File \u2192 Open, "
                                          "or choose a new name.")
                                           .arg(path));
        return;
    }
    openWorkspace(path);
}

void MainWindow::saveWorkspaceAs() {
    if (!m_session) return;
    const QString suggested =
        m_session->inMemory()
            ? QStringLiteral("workspace.db")
            : QFileInfo(m_session->path())
                  .dir()
                  .filePath(tr("%1 copy").arg(QFileInfo(m_session->path()).completeBaseName()) +
                            QStringLiteral(".db"));
    // The dialog asks before replacing an existing file.
    const QString path = QFileDialog::getSaveFileName(this, tr("Save Workspace As"), suggested,
                                                      tr("ShardScope workspaces (*.db)"));
    if (!path.isEmpty()) saveWorkspaceTo(path);
}

// What was moving in a session when Save As began: the copy carries on the same way.
struct SessionMotion {
    bool playing = false;
    double speed = 1;
    bool writing = false;
    double rate = 0;
    std::optional<uint16_t> port;
};

namespace {

// Stops everything that writes, so the copy holds every write anyone was told about and none
// is made after it: the clock pauses, the workload pauses, the endpoint closes.
SessionMotion holdStill(WorkspaceSession& session) {
    SessionMotion motion;
    sim::Clock& clock = session.clock();
    motion.playing = clock.mode() == sim::Clock::Mode::Virtual && !clock.paused();
    motion.speed = clock.speed();
    if (demo::Workload* workload = session.workload()) {
        motion.writing = workload->running();
        motion.rate = workload->rate();
        workload->pause();
    }
    motion.port = session.endpointPort();
    if (motion.port) session.stopEndpoint();
    clock.pause();
    return motion;
}

// Sets a session going as `motion` says. Returns the endpoint's error, if it could not start.
QString resume(WorkspaceSession& session, const SessionMotion& motion) {
    session.clock().setSpeed(motion.speed);
    if (motion.playing) session.clock().play();
    if (demo::Workload* workload = session.workload(); workload && motion.writing) {
        workload->setRate(motion.rate);
        workload->start();
    }
    if (motion.port) {
        if (auto started = session.startEndpoint(*motion.port); !started)
            return QString::fromStdString(started.error().message);
    }
    return {};
}

}  // namespace

void MainWindow::saveWorkspaceTo(const QString& path) {
    if (!m_session) return;
    statusBar()->showMessage(tr("Saving a copy to %1\u2026").arg(path));
    action(QStringLiteral("file.saveAs"))->setEnabled(false);
    WorkspaceSession* original = m_session.get();
    const SessionMotion motion = holdStill(*original);
    runAsync(
        this,
        [database = &original->database(), target = path.toStdString()] {
            return database->saveCopy(target);
        },
        [this, path, original, motion](Result<void> copied) {
            action(QStringLiteral("file.saveAs"))->setEnabled(true);
            statusBar()->clearMessage();
            // Another workspace was opened meanwhile: the copy is made, the window stays.
            const bool stillHere = m_session.get() == original;
            if (!copied || !stillHere) {
                const QString error =
                    copied ? QString() : QString::fromStdString(copied.error().message);
                if (!error.isEmpty()) showError(tr("Save As"), error);
                if (stillHere) {
                    if (const QString failed = resume(*m_session, motion); !failed.isEmpty())
                        showError(tr("Endpoint"), failed);
                }
                emit saved(path, error);
                return;
            }
            continueIn(path, motion);
        });
}

// Reopens the saved copy the way the current workspace was opened and sets it going as the
// original was. Adopting the copy closes the original session first.
void MainWindow::continueIn(const QString& path, const SessionMotion& motion) {
    WorkspaceSession::Options options = m_session->options();
    options.path = path;
    options.clockMode.reset();  // the copy remembers its clock and its moment
    openWorkspace(options, [this, path, motion](WorkspaceSession& session) {
        if (const QString failed = resume(session, motion); !failed.isEmpty())
            showError(tr("Endpoint"), failed);
        statusBar()->showMessage(tr("Saved; now working in %1").arg(path), 8000);
        emit saved(path, QString());
    });
}

void MainWindow::showError(const QString& title, const QString& text) {
    // Window-modal and not blocking: the clock, the records and the tests keep running.
    auto* box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("errorBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    emit errorShown(text);
}

void MainWindow::rememberRecent(const QString& path) {
    QStringList recent = m_settings->value(QStringLiteral("workspaces/recent")).toStringList();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    recent.removeAll(absolute);
    recent.prepend(absolute);
    while (recent.size() > kMaxRecent) recent.removeLast();
    m_settings->setValue(QStringLiteral("workspaces/recent"), recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu() {
    m_recentMenu->clear();
    const QStringList recent =
        m_settings->value(QStringLiteral("workspaces/recent")).toStringList();
    for (const QString& path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openWorkspace(path); });
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::setTheme(const QString& name) {
    m_settings->setValue(QStringLiteral("ui/theme"), name);
    applyTheme(*qApp, themeFromName(name));
}

void MainWindow::restoreLayout() {
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(m_settings->value(QStringLiteral("window/state")).toByteArray(), kLayoutVersion);
}

void MainWindow::saveLayout() {
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState(kLayoutVersion));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    saveLayout();
    event->accept();
}

}  // namespace shardscope::ui
