// SPDX-License-Identifier: MIT
#pragma once

#include <QPersistentModelIndex>
#include <QWidget>
#include <optional>

#include "model/keys.h"
#include "model/value.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeView;
class QUndoStack;

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

class ItemTableModel;
class ItemTreeModel;

// Checks an item typed as DynamoDB JSON the way PutItem would, before it is sent: JSON syntax,
// DynamoDB's own value errors, the key attributes and their types, a key that would change
// (when editing `original`), the 400 KB limit. Returns the item or the message to show.
struct ItemCheck {
    std::optional<model::Item> item;
    QString error;
    // The item as decoded, also when a check after decoding (the key, the size) failed: what the
    // tree editor can show while the message says what is still wrong.
    std::optional<model::Item> decoded;
};
ItemCheck checkItemText(const QString& text, const model::KeySchema& keySchema,
                        const std::optional<model::Item>& original);

// The middle of the window: one table's items, paged with Scan or Query, and an editor that
// validates as you type and saves through the undo stack. The editor shows the item as a tree and
// as DynamoDB JSON; the JSON text is the one source of truth (Save writes it), tree edits rewrite
// it, and JSON that decodes re-seeds the tree.
class ItemBrowser final : public QWidget {
    Q_OBJECT
public:
    ItemBrowser(QUndoStack* undoStack, QWidget* parent = nullptr);

    void setDatabase(table::Database* database);
    void setTable(const QString& name, const model::KeySchema& keySchema);
    const QString& tableName() const { return m_table; }
    void refresh();
    void newItem();
    void deleteSelected();

    ItemTableModel* model() const { return m_model; }
    QTableView* view() const { return m_view; }
    QPlainTextEdit* editor() const { return m_editor; }
    QTabWidget* editorTabs() const { return m_editorTabs; }
    ItemTreeModel* treeModel() const { return m_tree; }
    QTreeView* treeView() const { return m_treeView; }
    QLabel* editorMessage() const { return m_message; }
    QPushButton* saveButton() const { return m_save; }
    bool save();

signals:
    void message(const QString& text);
    void followItem(const QString& table, const QString& keys);

private:
    QWidget* buildTreePage();
    void applySource();
    void keepViewInPlace(int first, int last, int count);
    void anchorTopRow();
    void restoreTopRow();
    void showSelected();
    void reloadShown();
    bool hasUnsavedEdits() const;
    bool editorShowsRow(int row) const;
    void validate();
    // `sameItem`: the item shown is seeded again (the format switched), not another one.
    void updateEditorMode(bool sameItem = false);
    void showMessage(const QString& text, bool error);
    void seedTree(const model::Item& item, bool sameItem);
    void setTreeAvailable(bool available);
    void updateTreeActions();
    void writeTreeToText();
    void addAttribute();
    void removeAttribute();

    QUndoStack* m_undoStack;
    table::Database* m_database = nullptr;
    QString m_table;
    model::KeySchema m_keySchema;
    std::optional<model::Item> m_original;  // the item being edited; absent for a new one
    ItemTableModel* m_model;
    QLabel* m_title = nullptr;
    QComboBox* m_mode = nullptr;
    QLineEdit* m_partition = nullptr;
    QComboBox* m_format = nullptr;
    QTableView* m_view = nullptr;
    QTabWidget* m_editorTabs = nullptr;
    ItemTreeModel* m_tree = nullptr;
    QTreeView* m_treeView = nullptr;
    QPushButton* m_addAttribute = nullptr;
    QPushButton* m_removeAttribute = nullptr;
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_status = nullptr;
    bool m_loadingEditor = false;
    bool m_writingFromTree = false;  // the text change came from the tree: do not re-seed it
    QString m_shownText;             // the editor's text as loaded or saved: edits differ from it
    bool m_currentGoing = false;     // the current row is being removed
    // The first row in view while the model changes its layout, and how far it was scrolled in.
    QPersistentModelIndex m_topAnchor;
    int m_topAnchorOffset = 0;
    bool m_shownGoing = false;  // ... and it is the item in the editor
};

}  // namespace shardscope::ui
