// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

#include "models/tablespec.h"

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;

namespace shardscope::ui {

// A key attribute's row, shared by the table and index dialogs: its name and its S / N / B type
// on one line, the label's mnemonic going to the name.
void addKeyRow(QFormLayout* form, const QString& label, QLineEdit*& name, QComboBox*& type,
               const QString& placeholder);
// The word-wrapped red line where a dialog says what is wrong.
QLabel* errorMessageLabel(QWidget* parent);

// Adds or changes one secondary index of a table being edited. It checks the index against the
// whole table as you type (names, keys, types, projection, limits) with the rules the table dialog
// uses, so an index it accepts never makes the table dialog refuse.
class IndexDialog final : public QDialog {
    Q_OBJECT
public:
    // `row` is the index being changed in `table.indexes`, or -1 for a new one. A table that
    // exists takes global indexes only: local ones are created with the table.
    IndexDialog(const TableSpec& table, int row, bool globalOnly, QWidget* parent = nullptr);

    SecondaryIndex index() const;
    QLabel* message() const { return m_message; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLineEdit* nameEdit() const { return m_name; }
    QComboBox* kindChoice() const { return m_kind; }
    QLineEdit* partitionEdit() const { return m_partition; }
    QComboBox* partitionTypeChoice() const { return m_partitionType; }
    QLineEdit* sortEdit() const { return m_sort; }
    QComboBox* sortTypeChoice() const { return m_sortType; }
    QComboBox* projectionChoice() const { return m_projection; }
    QLineEdit* attributesEdit() const { return m_attributes; }

private:
    void kindChanged();
    void validate();

    TableSpec m_table;
    int m_row;
    QLineEdit* m_name = nullptr;
    QComboBox* m_kind = nullptr;
    QLineEdit* m_partition = nullptr;
    QComboBox* m_partitionType = nullptr;
    QLineEdit* m_sort = nullptr;
    QComboBox* m_sortType = nullptr;
    QComboBox* m_projection = nullptr;
    QLineEdit* m_attributes = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace shardscope::ui
