// SPDX-License-Identifier: MIT
#include "widgets/streaminspector.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimeZone>
#include <QTimer>
#include <QVBoxLayout>

#include "models/imagesearch.h"
#include "models/recordfiltermodel.h"
#include "models/streamrecordmodel.h"
#include "widgets/recorddetails.h"

namespace shardscope::ui {

StreamInspector::StreamInspector(StreamRecordModel* records, QWidget* parent)
    : QWidget(parent),
      m_records(records),
      m_filter(new RecordFilterModel(this)),
      m_imageSearch(new ImageSearch(records, this)) {
    m_filter->setRecords(records);
    m_filter->setImageMatches(&m_imageSearch->matches());
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(buildFilterBar());

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* listPane = new QWidget(splitter);
    auto* listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    m_view = new QTableView(listPane);
    m_view->setObjectName(QStringLiteral("recordList"));
    m_view->setModel(m_filter);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    // Fixed row heights: the view never measures a million rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(false);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(StreamRecordModel::Sequence, digit * 23);
    m_view->setColumnWidth(StreamRecordModel::Time, digit * 14);
    m_view->setColumnWidth(StreamRecordModel::Table, digit * 22);
    m_view->setColumnWidth(StreamRecordModel::Event, digit * 9);
    m_view->setColumnWidth(StreamRecordModel::Keys, digit * 34);
    m_view->setColumnWidth(StreamRecordModel::Size, digit * 6);
    m_view->setColumnWidth(StreamRecordModel::Shard, digit * 10);
    m_view->setColumnWidth(StreamRecordModel::Ttl, digit * 5);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    listLayout->addWidget(m_view, 1);

    auto* statusRow = new QHBoxLayout;
    m_status = new QLabel(listPane);
    m_status->setObjectName(QStringLiteral("followStatus"));
    statusRow->addWidget(m_status, 1);
    m_searchStatus = new QLabel(listPane);
    m_searchStatus->setObjectName(QStringLiteral("searchStatus"));
    statusRow->addWidget(m_searchStatus);
    m_cancelSearch = new QPushButton(tr("Cancel search"), listPane);
    m_cancelSearch->setVisible(false);
    statusRow->addWidget(m_cancelSearch);
    m_latest = new QPushButton(tr("Jump to latest"), listPane);
    m_latest->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    m_latest->setToolTip(tr("Follow new records again (%1)")
                             .arg(m_latest->shortcut().toString(QKeySequence::NativeText)));
    m_latest->setVisible(false);
    statusRow->addWidget(m_latest);
    listLayout->addLayout(statusRow);

    m_details = new RecordDetails(splitter);
    splitter->addWidget(listPane);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onRowsInserted(last - first + 1); });
    connect(m_filter, &QAbstractItemModel::modelReset, this, [this] { onRowsInserted(0); });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &StreamInspector::onScrolled);
    connect(m_latest, &QPushButton::clicked, this, &StreamInspector::jumpToLatest);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &StreamInspector::onCurrentChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, &StreamInspector::showMenu);
    connect(m_imageSearch, &ImageSearch::progress, this, [this](qint64 scanned, qint64 listed) {
        m_searchStatus->setText(tr("Searching images\u2026 %1 of %Ln record(s) read", nullptr,
                                   int(std::max(scanned, listed)))
                                    .arg(QLocale().toString(scanned)));
    });
    connect(m_imageSearch, &ImageSearch::finished, this, &StreamInspector::onImageSearchFinished);
    connect(m_imageSearch, &ImageSearch::started, this, [this] {
        m_cancelSearch->setVisible(true);
        m_searchStatus->setText(tr("Searching images\u2026"));
    });
    connect(m_imageSearch, &ImageSearch::rowsMatched, this, [this](const std::vector<int>& rows) {
        m_records->retest(rows);
        showImageMatchCount();
    });
    connect(m_cancelSearch, &QPushButton::clicked, m_imageSearch, &ImageSearch::cancel);
    onRowsInserted(0);
}

QWidget* StreamInspector::buildFilterBar() {
    auto* bar = new QWidget(this);
    // Two rows: what kind of record, then what it says; a single row truncates every field
    // in a docked pane.
    auto* rows = new QVBoxLayout(bar);
    rows->setContentsMargins(0, 0, 0, 0);
    rows->setSpacing(4);
    auto* kinds = new QHBoxLayout;
    auto* texts = new QHBoxLayout;
    rows->addLayout(kinds);
    rows->addLayout(texts);
    m_insert = new QCheckBox(QStringLiteral("INSERT"), bar);
    m_modify = new QCheckBox(QStringLiteral("MODIFY"), bar);
    m_remove = new QCheckBox(QStringLiteral("REMOVE"), bar);
    m_ttlOnly = new QCheckBox(tr("TTL deletions only"), bar);
    for (QCheckBox* box : {m_insert, m_modify, m_remove}) box->setChecked(true);
    m_table = new QComboBox(bar);
    m_table->setObjectName(QStringLiteral("tableFilter"));
    m_table->addItem(tr("All tables"), QString());
    m_table->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_keys = new QLineEdit(bar);
    m_keys->setObjectName(QStringLiteral("keyFilter"));
    m_keys->setPlaceholderText(tr("Key contains\u2026"));
    m_keys->setToolTip(
        tr("Records whose keys contain this text; start with = for one item's "
           "keys exactly"));
    m_keys->setClearButtonEnabled(true);
    m_imageText = new QLineEdit(bar);
    m_imageText->setObjectName(QStringLiteral("imageTextFilter"));
    m_imageText->setPlaceholderText(tr("Text in images\u2026"));
    m_imageText->setToolTip(
        tr("Records whose NewImage or OldImage has this text in an attribute name or value "
           "(any case); the images are read from the workspace, records arriving later are "
           "searched as they come"));
    m_imageText->setClearButtonEnabled(true);
    // Typing is let settle before the workspace is read.
    m_imageTextSettle = new QTimer(this);
    m_imageTextSettle->setSingleShot(true);
    m_imageTextSettle->setInterval(300);
    m_range = new QLineEdit(bar);
    m_range->setObjectName(QStringLiteral("rangeFilter"));
    m_range->setPlaceholderText(tr("Sequence range N..M"));
    m_range->setClearButtonEnabled(true);
    m_seek = new QLineEdit(bar);
    m_seek->setObjectName(QStringLiteral("seek"));
    m_seek->setPlaceholderText(tr("Go to a sequence number or time"));
    m_seek->setToolTip(
        tr("A sequence number, or a UTC time like 2026-11-25 10:00:00; Enter "
           "selects the first record at or after it"));
    m_filterError = new QLabel(bar);
    m_filterError->setObjectName(QStringLiteral("filterError"));
    QPalette errorPalette = m_filterError->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc2, 0x3b, 0x30));
    m_filterError->setPalette(errorPalette);

    for (QCheckBox* box : {m_insert, m_modify, m_remove, m_ttlOnly}) {
        kinds->addWidget(box);
        connect(box, &QCheckBox::toggled, this, &StreamInspector::applyFilter);
    }
    kinds->addWidget(m_table);
    kinds->addStretch(1);
    m_seek->setMinimumWidth(m_seek->fontMetrics().horizontalAdvance(m_seek->placeholderText()) +
                            24);
    kinds->addWidget(m_seek, 1);
    texts->addWidget(m_keys, 2);
    texts->addWidget(m_imageText, 2);
    texts->addWidget(m_range, 1);
    texts->addWidget(m_filterError);
    connect(m_table, &QComboBox::currentIndexChanged, this, &StreamInspector::applyFilter);
    connect(m_keys, &QLineEdit::textChanged, this, &StreamInspector::applyFilter);
    connect(m_range, &QLineEdit::textChanged, this, &StreamInspector::applyFilter);
    connect(m_imageText, &QLineEdit::textChanged, m_imageTextSettle, qOverload<>(&QTimer::start));
    connect(m_imageTextSettle, &QTimer::timeout, this, &StreamInspector::applyFilter);
    connect(m_seek, &QLineEdit::returnPressed, this, [this] {
        const QString error = seek(m_seek->text());
        m_filterError->setText(error);
    });
    return bar;
}

void StreamInspector::setDatabase(table::Database* database) {
    m_imageSearch->setDatabase(database);
    m_details->setDatabase(database);
    m_details->clear();
}

void StreamInspector::setTables(const QStringList& tablesWithStreams) {
    const QString current = m_table->currentData().toString();
    QSignalBlocker block(m_table);
    while (m_table->count() > 1) m_table->removeItem(1);
    for (const QString& name : tablesWithStreams) m_table->addItem(name, name);
    const int index = m_table->findData(current);
    m_table->setCurrentIndex(index < 0 ? 0 : index);
}

void StreamInspector::applyFilter() {
    RecordFilter filter;
    filter.insert = m_insert->isChecked();
    filter.modify = m_modify->isChecked();
    filter.remove = m_remove->isChecked();
    filter.ttlOnly = m_ttlOnly->isChecked();
    filter.table = m_table->currentData().toString();
    filter.keyText = m_keys->text().trimmed();
    filter.imageText = m_imageText->text().trimmed();
    if (filter.imageText != m_imageSearch->text()) {
        m_cancelSearch->setVisible(false);
        m_searchStatus->clear();
        m_imageSearch->setText(filter.imageText);  // says `started` unless the text is empty
    }
    const auto error = parseSequenceRange(m_range->text(), filter);
    m_filterError->setText(error.value_or(QString()));
    m_range->setStyleSheet(error ? QStringLiteral("QLineEdit { border: 1px solid #c23b30; }")
                                 : QString());
    m_filter->setFilter(filter);
    onRowsInserted(0);
}

void StreamInspector::onImageSearchFinished(bool cancelled, const QString& error) {
    m_cancelSearch->setVisible(false);
    m_filter->imageMatchesChanged();
    if (!error.isEmpty())
        m_searchStatus->setText(tr("The images could not be read: %1").arg(error));
    else if (cancelled)
        m_searchStatus->setText(tr("Search cancelled: %n record(s) found so far are shown", nullptr,
                                   m_filter->rowCount()));
    else
        showImageMatchCount();
    onRowsInserted(0);
}

void StreamInspector::showImageMatchCount() {
    m_searchStatus->setText(
        tr("%n record(s) with \u201c%1\u201d in their images", nullptr, m_filter->rowCount())
            .arg(m_imageSearch->text()));
}

void StreamInspector::followItem(const QString& table, const QString& keysText) {
    QSignalBlocker blockers[] = {QSignalBlocker(m_insert), QSignalBlocker(m_modify),
                                 QSignalBlocker(m_remove), QSignalBlocker(m_ttlOnly),
                                 QSignalBlocker(m_table),  QSignalBlocker(m_keys),
                                 QSignalBlocker(m_range),  QSignalBlocker(m_imageText)};
    for (QCheckBox* box : {m_insert, m_modify, m_remove}) box->setChecked(true);
    m_ttlOnly->setChecked(false);
    const int index = m_table->findData(table);
    m_table->setCurrentIndex(index < 0 ? 0 : index);
    m_keys->setText(keysText.isEmpty() ? QString() : QLatin1Char('=') + keysText);
    m_range->clear();
    m_imageText->clear();
    applyFilter();
}

QString StreamInspector::seek(const QString& text) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) return {};
    const RecordStore& store = m_records->store();
    size_t sourceRow = RecordStore::npos;
    uint64_t sequence = 0;
    if (RecordStore::parseSequence(trimmed.toStdString(), sequence)) {
        for (size_t i = 0; i < store.size(); ++i) {
            if (store.row(i).sequence >= sequence) {
                sourceRow = i;
                break;
            }
        }
    } else {
        QDateTime when = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
        if (!when.isValid())
            when = QDateTime::fromString(trimmed, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!when.isValid()) return tr("Not a sequence number or a time: \"%1\"").arg(trimmed);
        when.setTimeSpec(Qt::UTC);
        const qint64 ms = when.toMSecsSinceEpoch();
        // Records are listed in commit order, and commit times never go backwards.
        size_t lo = 0, hi = store.size();
        while (lo < hi) {
            const size_t mid = (lo + hi) / 2;
            if (store.row(mid).atMs < ms)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < store.size()) sourceRow = lo;
    }
    if (sourceRow == RecordStore::npos) return tr("No record at or after \"%1\"").arg(trimmed);
    QModelIndex index = m_filter->mapFromSource(m_records->index(int(sourceRow), 0));
    if (!index.isValid()) return tr("That record is hidden by the filter");
    m_following = false;
    m_view->setCurrentIndex(index);
    m_view->scrollTo(index, QAbstractItemView::PositionAtCenter);
    onRowsInserted(0);
    return {};
}

void StreamInspector::onRowsInserted(int count) {
    if (m_following) {
        m_pending = 0;
        // One scroll per batch of inserts, after the view has laid them out.
        if (count > 0 && !m_scrollPending) {
            m_scrollPending = true;
            QTimer::singleShot(0, this, [this] {
                m_scrollPending = false;
                if (m_following) m_view->scrollToBottom();
            });
        }
    } else {
        m_pending += count;
    }
    const int shown = m_filter->rowCount();
    const int total = m_records->rowCount();
    const QString counts = shown == total
                               ? tr("%Ln record(s)", nullptr, total)
                               : tr("The filter shows %1 of %Ln record(s)", nullptr, total)
                                     .arg(QLocale().toString(shown));
    if (m_following) {
        m_status->setText(counts + tr(" \u2014 following new records"));
    } else {
        m_status->setText(counts + tr(" \u2014 paused \u2014 %Ln new", nullptr, m_pending));
    }
    m_latest->setVisible(!m_following);
}

void StreamInspector::onScrolled() {
    if (m_scrollPending) return;
    QScrollBar* bar = m_view->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum();
    if (atEnd == m_following) return;
    m_following = atEnd;
    if (atEnd) m_pending = 0;
    onRowsInserted(0);
}

void StreamInspector::jumpToLatest() {
    m_following = true;
    m_pending = 0;
    m_view->scrollToBottom();
    onRowsInserted(0);
}

void StreamInspector::onCurrentChanged() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    // A record the user picked stays in view: following new records would scroll it away.
    if (m_following && current.row() < m_filter->rowCount() - 1) {
        m_following = false;
        onRowsInserted(0);
    }
    const QString arn = current.data(StreamRecordModel::StreamArnRole).toString();
    const QString shard = current.data(StreamRecordModel::ShardIdRole).toString();
    m_details->showRecord(arn, shard, current.data(StreamRecordModel::SequenceRole).toString());
    emit recordSelected(arn, shard, current.data(StreamRecordModel::KeysRole).toString());
}

void StreamInspector::showMenu(const QPoint& position) {
    const QModelIndex index = m_view->indexAt(position);
    if (!index.isValid()) return;
    const QString keys = index.data(StreamRecordModel::KeysRole).toString();
    const QString table = index.sibling(index.row(), StreamRecordModel::Table).data().toString();
    QMenu menu(this);
    menu.addAction(tr("Follow this item (%1)").arg(keys), this,
                   [this, table, keys] { followItem(table, keys); });
    menu.addAction(tr("Show all records"), this, [this] { followItem(QString(), QString()); });
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

}  // namespace shardscope::ui
