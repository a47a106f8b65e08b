// SPDX-License-Identifier: MIT
#pragma once

#include <QWidget>
#include <optional>

#include "model/keys.h"
#include "model/value.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QUndoStack;

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

class ItemTableModel;

// Checks an item typed as DynamoDB JSON the way PutItem would, before it is sent: JSON syntax,
// DynamoDB's own value errors, the key attributes and their types, a key that would change
// (when editing `original`), the 400 KB limit. Returns the item or the message to show.
struct ItemCheck {
    std::optional<model::Item> item;
    QString error;
};
ItemCheck checkItemText(const QString& text, const model::KeySchema& keySchema,
                        const std::optional<model::Item>& original);

// The middle of the window: one table's items, paged with Scan or Query, and an editor that
// validates as you type and saves through the undo stack.
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
    QLabel* editorMessage() const { return m_message; }
    QPushButton* saveButton() const { return m_save; }
    bool save();

signals:
    void message(const QString& text);
    void followItem(const QString& table, const QString& keys);

private:
    void applySource();
    void showSelected();
    void validate();
    void updateEditorMode();

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
    QPlainTextEdit* m_editor = nullptr;
    QLabel* m_message = nullptr;
    QPushButton* m_save = nullptr;
    QPushButton* m_revert = nullptr;
    QLabel* m_status = nullptr;
    bool m_loadingEditor = false;
};

}  // namespace shardscope::ui
