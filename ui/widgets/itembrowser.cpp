// SPDX-License-Identifier: MIT
#include "widgets/itembrowser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSet>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>
#include <nlohmann/json.hpp>

#include "model/json.h"
#include "models/itemtablemodel.h"
#include "models/itemtreemodel.h"
#include "models/recordstore.h"
#include "session/editcommands.h"
#include "table/database.h"
#include "widgets/attributetypedelegate.h"

namespace shardscope::ui {
namespace {

constexpr size_t kMaxItemBytes = 400 * 1024;

QString keyTypeName(model::KeyType type) {
    return QString::fromLatin1(model::typeName(model::toType(type)));
}

// The key attributes of an item.
model::Item itemKey(const model::KeySchema& keySchema, const model::Item& item) {
    model::Item key;
    for (const std::string* name :
         {&keySchema.partition.name, keySchema.sort ? &keySchema.sort->name : nullptr}) {
        if (!name) continue;
        if (const auto it = item.find(*name); it != item.end()) key.emplace(it->first, it->second);
    }
    return key;
}

// Where a row of the item tree is: the names (or [index]) from the top, which a re-seed of the
// same item keeps though the rows are new.
QString treePath(const QModelIndex& index) {
    QStringList parts;
    for (QModelIndex at = index.siblingAtColumn(0); at.isValid(); at = at.parent())
        parts.prepend(at.data().toString());
    return parts.join(QChar(0x1f));
}

// Calls `visit` on every row of the tree under `parent`, depth first.
template <typename Visit>
void forEachTreeRow(const QAbstractItemModel& model, const QModelIndex& parent, Visit&& visit) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const QModelIndex index = model.index(row, 0, parent);
        visit(index);
        forEachTreeRow(model, index, visit);
    }
}

}  // namespace

ItemCheck checkItemText(const QString& text, const model::KeySchema& keySchema,
                        const std::optional<model::Item>& original) {
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.toStdString());
    } catch (const nlohmann::json::parse_error& error) {
        // The parser's own words say where: "syntax error while parsing object - …".
        return {std::nullopt,
                QObject::tr("Not valid JSON: %1").arg(QString::fromUtf8(error.what())),
                std::nullopt};
    }
    if (!json.is_object())
        return {std::nullopt,
                QObject::tr("An item is a JSON object of attribute names to "
                            "DynamoDB-typed values, like {\"Id\": {\"S\": \"a\"}}"),
                std::nullopt};
    auto item = model::itemFromJson(json);
    if (!item) return {std::nullopt, QString::fromStdString(item.error().message), std::nullopt};
    ItemCheck check;
    check.decoded = *item;
    auto refused = [&check](const QString& error) {
        check.error = error;
        return check;
    };
    std::vector<const model::KeyAttribute*> keys{&keySchema.partition};
    if (keySchema.sort) keys.push_back(&*keySchema.sort);
    for (const auto* key : keys) {
        auto it = item->find(key->name);
        if (it == item->end())
            return refused(QObject::tr("One or more parameter values were invalid: Missing the key "
                                       "%1 in the item")
                               .arg(QString::fromStdString(key->name)));
        if (!model::keyTypeMatches(key->type, it->second))
            return refused(QObject::tr("One or more parameter values were invalid: Type mismatch "
                                       "for key %1 expected: %2 actual: %3")
                               .arg(QString::fromStdString(key->name), keyTypeName(key->type),
                                    QString::fromLatin1(model::typeName(it->second.type()))));
        if (original) {
            auto before = original->find(key->name);
            if (before != original->end() && !(before->second == it->second))
                return refused(QObject::tr("%1 is part of the key: changing it would make a "
                                           "different item. Use New item to add one.")
                                   .arg(QString::fromStdString(key->name)));
        }
    }
    if (model::itemSize(*item) > kMaxItemBytes)
        return refused(QObject::tr("Item size has exceeded the maximum allowed size "
                                   "(%L1 bytes; the limit is 400 KB)")
                           .arg(qulonglong(model::itemSize(*item))));
    check.item = std::move(item).value();
    return check;
}

ItemBrowser::ItemBrowser(QUndoStack* undoStack, QWidget* parent)
    : QWidget(parent), m_undoStack(undoStack), m_model(new ItemTableModel(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    auto* bar = new QHBoxLayout;
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
    m_title->setFont(titleFont);
    bar->addWidget(m_title);
    m_mode = new QComboBox(this);
    m_mode->addItem(tr("Scan all items"));
    m_mode->addItem(tr("Query one partition"));
    bar->addWidget(m_mode);
    m_partition = new QLineEdit(this);
    m_partition->setObjectName(QStringLiteral("partitionValue"));
    m_partition->setClearButtonEnabled(true);
    bar->addWidget(m_partition, 1);
    auto* refresh = new QPushButton(tr("Refresh"), this);
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(
        tr("Read the items again (%1)")
            .arg(QKeySequence(QKeySequence::Refresh).toString(QKeySequence::NativeText)));
    bar->addWidget(refresh);
    layout->addLayout(bar);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_view = new QTableView(splitter);
    m_view->setObjectName(QStringLiteral("itemList"));
    // Connected before the view is: the view's own handler moves the current row off a row
    // that goes, and showSelected must know that it is a removal and not the user's choice.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) {
                const int current = m_view->currentIndex().row();
                m_currentGoing = current >= first && current <= last;
                m_shownGoing = m_currentGoing && editorShowsRow(current);
            });
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setDefaultSectionSize(140);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);

    auto* editorPane = new QWidget(splitter);
    auto* editorLayout = new QVBoxLayout(editorPane);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto* editorBar = new QHBoxLayout;
    m_format = new QComboBox(editorPane);
    m_format->setObjectName(QStringLiteral("itemFormat"));
    m_format->addItem(tr("DynamoDB JSON"));
    m_format->addItem(tr("Plain JSON (read only)"));
    editorBar->addWidget(m_format);
    editorBar->addStretch(1);
    auto* add = new QPushButton(tr("New item"), editorPane);
    add->setShortcut(QKeySequence::New);
    editorBar->addWidget(add);
    auto* remove = new QPushButton(tr("Delete"), editorPane);
    remove->setObjectName(QStringLiteral("deleteItem"));
    editorBar->addWidget(remove);
    editorLayout->addLayout(editorBar);
    m_editorTabs = new QTabWidget(editorPane);
    m_editorTabs->setObjectName(QStringLiteral("itemEditorTabs"));
    m_editorTabs->setDocumentMode(true);
    m_editorTabs->addTab(buildTreePage(), tr("Tree"));
    m_editor = new QPlainTextEdit(m_editorTabs);
    m_editor->setObjectName(QStringLiteral("itemEditor"));
    m_editor->setFont(QFont(QStringLiteral("DejaVu Sans Mono")));
    m_editor->setPlaceholderText(tr("Select an item to edit it, or press New item."));
    m_editorTabs->addTab(m_editor, tr("JSON"));
    editorLayout->addWidget(m_editorTabs, 1);
    m_message = new QLabel(editorPane);
    m_message->setObjectName(QStringLiteral("itemMessage"));
    m_message->setWordWrap(true);
    editorLayout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    m_status = new QLabel(editorPane);
    buttons->addWidget(m_status, 1);
    m_revert = new QPushButton(tr("Revert"), editorPane);
    m_save = new QPushButton(tr("Save"), editorPane);
    m_save->setObjectName(QStringLiteral("saveItem"));
    m_save->setShortcut(QKeySequence::Save);
    m_save->setToolTip(
        tr("Write the item with PutItem (%1); undo with %2")
            .arg(QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText),
                 QKeySequence(QKeySequence::Undo).toString(QKeySequence::NativeText)));
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);
    editorLayout->addLayout(buttons);
    splitter->addWidget(m_view);
    splitter->addWidget(editorPane);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    connect(m_mode, &QComboBox::currentIndexChanged, this, [this] {
        m_partition->setEnabled(m_mode->currentIndex() == 1);
        applySource();
    });
    connect(m_partition, &QLineEdit::returnPressed, this, &ItemBrowser::applySource);
    connect(refresh, &QPushButton::clicked, this, &ItemBrowser::refresh);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ItemBrowser::showSelected);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ItemBrowser::validate);
    connect(m_save, &QPushButton::clicked, this, &ItemBrowser::save);
    connect(m_revert, &QPushButton::clicked, this, &ItemBrowser::showSelected);
    connect(add, &QPushButton::clicked, this, &ItemBrowser::newItem);
    connect(remove, &QPushButton::clicked, this, &ItemBrowser::deleteSelected);
    connect(m_format, &QComboBox::currentIndexChanged, this, [this] { updateEditorMode(true); });
    connect(m_tree, &ItemTreeModel::edited, this, &ItemBrowser::writeTreeToText);
    connect(m_tree, &ItemTreeModel::editRefused, this,
            [this](const QString& error) { showMessage(error, true); });
    connect(m_tree, &QAbstractItemModel::modelReset, this, &ItemBrowser::updateTreeActions);
    connect(m_tree, &QAbstractItemModel::rowsRemoved, this, &ItemBrowser::updateTreeActions);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &ItemBrowser::updateTreeActions);
    connect(m_addAttribute, &QPushButton::clicked, this, &ItemBrowser::addAttribute);
    connect(m_removeAttribute, &QPushButton::clicked, this, &ItemBrowser::removeAttribute);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) {
                keepViewInPlace(first, last, last - first + 1);
            });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this,
            [this](const QModelIndex&, int first, int last) {
                m_currentGoing = false;
                keepViewInPlace(first, last, -(last - first + 1));
            });
    // Many live changes at once come as one layout change (ItemTableModel::applyPending).
    connect(m_model, &QAbstractItemModel::layoutAboutToBeChanged, this, &ItemBrowser::anchorTopRow);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ItemBrowser::restoreTopRow);
    // The item in the editor changed (a live write): shown as it now is, unless it is being
    // edited, which is kept and told.
    connect(
        m_model, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex& topLeft, const QModelIndex& bottomRight,
               const QList<int>& roles) {
            if (!roles.isEmpty()) return;  // a change cue fading, not the item
            const int current = m_view->currentIndex().row();
            if (current < topLeft.row() || current > bottomRight.row() || !editorShowsRow(current))
                return;
            if (!hasUnsavedEdits())
                reloadShown();
            else
                showMessage(tr("This item was changed meanwhile: Save overwrites it with "
                               "yours, Revert shows it as it is now."),
                            true);
        });
    // A column found in a live change extends the selected row's highlight to it.
    connect(m_model, &QAbstractItemModel::columnsInserted, this, [this] {
        const QModelIndex current = m_view->currentIndex();
        if (current.isValid() && m_view->selectionModel()->isSelected(current))
            m_view->selectionModel()->select(
                current, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    });
    connect(m_model, &ItemTableModel::loadFailed, this,
            [this](const QString& error) { m_status->setText(error); });
    // The count follows pages and live changes alike.
    auto showCount = [this] {
        const int rows = m_model->rowCount();
        m_status->setText(m_model->complete()
                              ? tr("%Ln item(s)", nullptr, rows)
                              : tr("%Ln item(s) read; scroll for more", nullptr, rows));
    };
    connect(m_model, &ItemTableModel::pageLoaded, this, showCount);
    connect(m_model, &ItemTableModel::rowsRefreshed, this, showCount);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& position) {
        const QModelIndex index = m_view->indexAt(position);
        if (!index.isValid()) return;
        const QString keys =
            QString::fromStdString(RecordStore::keysText(m_model->keyOf(index.row())));
        QMenu menu(this);
        menu.addAction(tr("Follow this item's stream records"), this,
                       [this, keys] { emit followItem(m_table, keys); });
        menu.addAction(tr("Delete"), this, &ItemBrowser::deleteSelected);
        menu.exec(m_view->viewport()->mapToGlobal(position));
    });
    m_partition->setEnabled(false);
    setTable(QString(), {});
}

// The tree tab: Add and Remove over a tree of the item, types chosen from a combo box.
QWidget* ItemBrowser::buildTreePage() {
    auto* treePage = new QWidget(this);
    auto* treeLayout = new QVBoxLayout(treePage);
    treeLayout->setContentsMargins(0, 4, 0, 0);
    auto* treeBar = new QHBoxLayout;
    m_addAttribute = new QPushButton(tr("Add"), treePage);
    m_addAttribute->setObjectName(QStringLiteral("addAttribute"));
    m_addAttribute->setToolTip(
        tr("Add an attribute, or a member to the selected map, list or set"));
    treeBar->addWidget(m_addAttribute);
    m_removeAttribute = new QPushButton(tr("Remove"), treePage);
    m_removeAttribute->setObjectName(QStringLiteral("removeAttribute"));
    m_removeAttribute->setToolTip(tr("Remove the selected attribute, element or member"));
    treeBar->addWidget(m_removeAttribute);
    treeBar->addStretch(1);
    treeLayout->addLayout(treeBar);
    m_tree = new ItemTreeModel(this);
    m_treeView = new QTreeView(treePage);
    m_treeView->setObjectName(QStringLiteral("itemTree"));
    m_treeView->setModel(m_tree);
    m_treeView->setItemDelegate(new AttributeTypeDelegate(m_treeView));
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setUniformRowHeights(true);
    m_treeView->setEditTriggers(QAbstractItemView::DoubleClicked |
                                QAbstractItemView::EditKeyPressed |
                                QAbstractItemView::SelectedClicked);
    m_treeView->header()->setStretchLastSection(true);
    m_treeView->setColumnWidth(ItemTreeModel::NameColumn, 180);
    // Wide enough for the type combo box with its longest name.
    m_treeView->setColumnWidth(
        ItemTreeModel::TypeColumn,
        m_treeView->fontMetrics().horizontalAdvance(QStringLiteral("NULL")) + 40);
    treeLayout->addWidget(m_treeView, 1);
    return treePage;
}

void ItemBrowser::setDatabase(table::Database* database) {
    m_database = database;
    m_model->setDatabase(database);
}

void ItemBrowser::setTable(const QString& name, const model::KeySchema& keySchema) {
    m_table = name;
    m_keySchema = keySchema;
    m_title->setText(name.isEmpty() ? tr("No table selected") : name);
    m_partition->setPlaceholderText(name.isEmpty()
                                        ? QString()
                                        : tr("%1 value (%2), then Enter")
                                              .arg(QString::fromStdString(keySchema.partition.name),
                                                   keyTypeName(keySchema.partition.type)));
    m_original.reset();
    m_loadingEditor = true;
    m_editor->clear();
    m_loadingEditor = false;
    m_tree->clear();
    setTreeAvailable(false);
    m_message->clear();
    applySource();
}

void ItemBrowser::applySource() {
    ItemSource source;
    source.tableName = m_table;
    source.keySchema = m_keySchema;
    if (m_mode->currentIndex() == 1 && !m_partition->text().isEmpty()) {
        if (m_keySchema.partition.type == model::KeyType::N) {
            auto number = model::Number::parse(m_partition->text().toStdString());
            if (!number) {
                m_status->setText(QString::fromStdString(number.error().message));
                return;
            }
            source.partitionValue = model::AttributeValue::number(*number);
        } else {
            source.partitionValue =
                model::AttributeValue::string(m_partition->text().toStdString());
        }
    }
    m_model->setSource(source);
}

void ItemBrowser::refresh() {
    m_model->reload();
}

// Live rows that come or go above the first row in view do not move what is in view. At the very
// top the view stays at the top, so that new rows there show.
void ItemBrowser::keepViewInPlace(int first, int last, int count) {
    QScrollBar* bar = m_view->verticalScrollBar();
    const int value = bar->value();
    if (value <= 0) return;
    const bool perItem = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
    const int rowHeight = std::max(1, m_view->verticalHeader()->defaultSectionSize());
    const int top = perItem ? value : value / rowHeight;
    int rows = 0;
    if (count > 0 && first <= top)
        rows = count;
    else if (count < 0 && last < top)
        rows = count;
    else if (count < 0 && first <= top)
        rows = first - top;  // the top row itself went: the next one goes to the top
    if (rows == 0) return;
    const int step = perItem ? rows : rows * rowHeight;
    // The range follows the new row count only at the next layout.
    if (step > 0) bar->setMaximum(std::max(bar->maximum(), value + step));
    bar->setValue(value + step);
}

void ItemBrowser::anchorTopRow() {
    m_topAnchor = QPersistentModelIndex();
    const QScrollBar* bar = m_view->verticalScrollBar();
    if (bar->value() <= 0) return;  // at the very top the view stays there: new rows show
    const int rowHeight = std::max(1, m_view->verticalHeader()->defaultSectionSize());
    const bool perItem = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
    const int top = perItem ? bar->value() : bar->value() / rowHeight;
    m_topAnchor = m_model->index(top, 0);
    m_topAnchorOffset = perItem ? 0 : bar->value() % rowHeight;
}

// The row that was first in view is first again, wherever rows came or went; if it went
// itself, the view stays at the same position.
void ItemBrowser::restoreTopRow() {
    if (!m_topAnchor.isValid()) return;
    const int rowHeight = std::max(1, m_view->verticalHeader()->defaultSectionSize());
    const bool perItem = m_view->verticalScrollMode() == QAbstractItemView::ScrollPerItem;
    const int value =
        perItem ? m_topAnchor.row() : m_topAnchor.row() * rowHeight + m_topAnchorOffset;
    m_topAnchor = QPersistentModelIndex();
    QScrollBar* bar = m_view->verticalScrollBar();
    // The range follows the new row count only at the next layout.
    bar->setMaximum(std::max(bar->maximum(), value));
    bar->setValue(value);
}

void ItemBrowser::showSelected() {
    // The current row went (a live delete: the workload, TTL, another client). What is being
    // edited, or a new item, stays in the editor; a deleted item's edits are saved by writing it
    // again.
    if (m_currentGoing && (!m_original || hasUnsavedEdits())) {
        if (m_shownGoing && hasUnsavedEdits())
            showMessage(
                tr("This item was deleted meanwhile: Save writes it again with your changes."),
                true);
        return;
    }
    const QModelIndex current = m_view->currentIndex();
    m_loadingEditor = true;
    if (current.isValid()) {
        m_original = m_model->item(current.row());
        updateEditorMode();
    } else {
        m_original.reset();
        m_editor->clear();
        m_tree->clear();
        setTreeAvailable(false);
    }
    m_loadingEditor = false;
    m_shownText = m_editor->toPlainText();
    m_message->clear();
    m_save->setEnabled(false);
}

// The current row's item again, as it now is, the tree keeping its expansion.
void ItemBrowser::reloadShown() {
    const QModelIndex current = m_view->currentIndex();
    if (!current.isValid()) return;
    m_loadingEditor = true;
    m_original = m_model->item(current.row());
    updateEditorMode(true);
    m_loadingEditor = false;
    m_shownText = m_editor->toPlainText();
    m_save->setEnabled(false);
}

bool ItemBrowser::editorShowsRow(int row) const {
    return m_original && row >= 0 && row < m_model->rowCount() &&
           m_model->keyOf(row) == itemKey(m_keySchema, *m_original);
}

bool ItemBrowser::hasUnsavedEdits() const {
    return m_editor->toPlainText() != m_shownText;
}

void ItemBrowser::updateEditorMode(bool sameItem) {
    const bool plainView = m_format->currentIndex() == 1;
    m_editor->setReadOnly(plainView);
    // The tree writes DynamoDB JSON, so it cannot edit while the text shows plain JSON.
    m_tree->setReadOnly(plainView);
    updateTreeActions();
    if (!m_original) return;
    const bool wasLoading = m_loadingEditor;
    m_loadingEditor = true;
    m_editor->setPlainText(QString::fromStdString(
        (plainView ? plainJson(*m_original) : model::toJson(*m_original)).dump(2)));
    m_shownText = m_editor->toPlainText();  // the item as stored, in either format: no edits
    m_loadingEditor = wasLoading;
    seedTree(*m_original, sameItem);
}

// A new item opens fully expanded. The same item seeded again (its JSON typed, the format
// switched) keeps what the user collapsed, the current row and the scroll position, by path:
// rows new to it come expanded.
void ItemBrowser::seedTree(const model::Item& item, bool sameItem) {
    QSet<QString> collapsed;
    QString currentPath;
    int currentColumn = 0;
    int scrolled = 0;
    if (sameItem) {
        forEachTreeRow(*m_tree, {}, [&](const QModelIndex& index) {
            if (m_tree->rowCount(index) > 0 && !m_treeView->isExpanded(index))
                collapsed.insert(treePath(index));
        });
        if (const QModelIndex current = m_treeView->currentIndex(); current.isValid()) {
            currentPath = treePath(current);
            currentColumn = current.column();
        }
        scrolled = m_treeView->verticalScrollBar()->value();
    }
    m_tree->setKeySchema(m_keySchema, m_original.has_value());
    m_tree->setItem(item);
    m_treeView->expandAll();
    if (sameItem) {
        QModelIndex current;
        forEachTreeRow(*m_tree, {}, [&](const QModelIndex& index) {
            if (collapsed.isEmpty() && currentPath.isEmpty()) return;
            const QString path = treePath(index);
            if (collapsed.contains(path)) m_treeView->collapse(index);
            if (!currentPath.isEmpty() && path == currentPath)
                current = index.siblingAtColumn(currentColumn);
        });
        if (current.isValid())
            m_treeView->selectionModel()->setCurrentIndex(current,
                                                          QItemSelectionModel::ClearAndSelect);
        m_treeView->verticalScrollBar()->setValue(scrolled);
    }
    setTreeAvailable(true);
}

// Unavailable while there is no item or the JSON text does not decode: the message under the
// tabs says why, and a disabled tree cannot be mistaken for the item being typed.
void ItemBrowser::setTreeAvailable(bool available) {
    m_treeView->setEnabled(available);
    updateTreeActions();
}

void ItemBrowser::updateTreeActions() {
    const bool editable = m_treeView->isEnabled() && !m_tree->isReadOnly();
    m_addAttribute->setEnabled(editable);
    m_removeAttribute->setEnabled(editable && m_tree->canRemove(m_treeView->currentIndex()));
}

void ItemBrowser::writeTreeToText() {
    m_writingFromTree = true;
    m_editor->setPlainText(QString::fromStdString(m_tree->toJson().dump(2)));
    m_writingFromTree = false;
}

void ItemBrowser::addAttribute() {
    const QModelIndex added = m_tree->addChild(m_treeView->currentIndex());
    if (!added.isValid()) return;
    m_treeView->expand(added.parent());
    // Named rows start with a made-up name, so the name is what to type first.
    const QModelIndex first =
        m_tree->isNamed(added) ? added : added.siblingAtColumn(ItemTreeModel::ValueColumn);
    m_treeView->setCurrentIndex(first);
    m_treeView->edit(first);
}

void ItemBrowser::removeAttribute() {
    const QModelIndex current = m_treeView->currentIndex();
    if (!m_tree->canRemove(current)) return;
    m_tree->removeRow(current.row(), current.parent());
}

void ItemBrowser::newItem() {
    if (m_table.isEmpty()) return;
    m_view->clearSelection();
    m_original.reset();
    m_format->setCurrentIndex(0);
    nlohmann::json skeleton = nlohmann::json::object();
    auto placeholder = [](model::KeyType type) {
        return type == model::KeyType::N ? nlohmann::json{{"N", "0"}}
                                         : nlohmann::json{{keyTypeName(type).toStdString(), ""}};
    };
    skeleton[m_keySchema.partition.name] = placeholder(m_keySchema.partition.type);
    if (m_keySchema.sort) skeleton[m_keySchema.sort->name] = placeholder(m_keySchema.sort->type);
    m_editor->setPlainText(QString::fromStdString(skeleton.dump(2)));
    m_shownText = m_editor->toPlainText();
    m_editor->setFocus();
}

void ItemBrowser::validate() {
    if (m_loadingEditor || m_editor->isReadOnly()) return;
    const ItemCheck check = checkItemText(m_editor->toPlainText(), m_keySchema, m_original);
    if (!m_writingFromTree) {
        if (check.decoded)
            seedTree(*check.decoded, true);
        else
            setTreeAvailable(false);
    }
    showMessage(check.item
                    ? tr("Valid item, %L1 bytes").arg(qulonglong(model::itemSize(*check.item)))
                    : check.error,
                !check.item);
    m_save->setEnabled(check.item.has_value() && !m_table.isEmpty());
}

void ItemBrowser::showMessage(const QString& text, bool error) {
    QPalette colours = m_message->palette();
    colours.setColor(QPalette::WindowText,
                     error ? QColor(0xc2, 0x3b, 0x30) : palette().color(QPalette::PlaceholderText));
    m_message->setPalette(colours);
    m_message->setText(text);
}

bool ItemBrowser::save() {
    if (!m_database || m_table.isEmpty()) return false;
    const ItemCheck check = checkItemText(m_editor->toPlainText(), m_keySchema, m_original);
    if (!check.item) {
        m_message->setText(check.error);
        return false;
    }
    const model::Item key = itemKey(m_keySchema, *check.item);
    if (auto error = pushItemEdit(*m_undoStack, *m_database, m_table, key, m_original, check.item,
                                  [this](const QString& text) { emit message(text); })) {
        m_message->setText(*error);
        return false;
    }
    m_original = check.item;
    m_shownText = m_editor->toPlainText();
    m_tree->setKeySchema(m_keySchema, true);
    m_message->setText(tr("Saved."));
    m_save->setEnabled(false);
    // The row is read again in place (a new one inserted where it sorts), not the whole list.
    m_model->noteChanged(key);
    return true;
}

void ItemBrowser::deleteSelected() {
    const QModelIndex current = m_view->currentIndex();
    if (!m_database || !current.isValid()) return;
    const model::Item item = m_model->item(current.row());
    const model::Item key = m_model->keyOf(current.row());
    if (auto error = pushItemEdit(*m_undoStack, *m_database, m_table, key, item, std::nullopt,
                                  [this](const QString& text) { emit message(text); })) {
        emit message(*error);
        return;
    }
    // Deleted on purpose: the next row is shown, whatever the editor held.
    m_shownText = m_editor->toPlainText();
    m_model->noteChanged(key);
}

}  // namespace shardscope::ui
