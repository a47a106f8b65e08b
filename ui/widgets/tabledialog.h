// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <optional>
#include <vector>

#include "models/tablespec.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace shardscope::ui {

class IndexListModel;

// Create a table, or change an existing one's stream, TTL and global indexes (its name, keys and
// local indexes are fixed, as in DynamoDB). Checks as you type; OK stays disabled while
// something is wrong.
class TableDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TableDialog(QWidget* parent = nullptr, std::optional<TableSpec> existing = {});

    TableSpec spec() const;
    // Escape and the close button wait too while a request is under way.
    void reject() override {
        if (!m_applying) QDialog::reject();
    }
    bool editing() const { return m_existing.has_value(); }
    const std::optional<TableSpec>& existing() const { return m_existing; }
    // Shows what the engine answered when the dialog's request was refused.
    void showError(const QString& message);
    // The owner's answer to submitted(). Success closes the dialog. A refusal is shown and the
    // dialog stays open with the user's changes; `current` is the table as it now is, since the
    // calls before the refused one were made, and the next try starts from it. A dialog that was
    // creating the table then edits it (title, fixed name and keys, Apply).
    void finishApply(const QString& error, std::optional<TableSpec> current = {});
    QLabel* message() const { return m_message; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* partitionEdit() const { return m_partition; }
    QLineEdit* sortEdit() const { return m_sort; }
    QComboBox* streamChoice() const { return m_stream; }
    QLineEdit* ttlEdit() const { return m_ttl; }
    IndexListModel* indexModel() const { return m_indexModel; }
    QTableView* indexView() const { return m_indexView; }
    QPushButton* addIndexButton() const { return m_addIndex; }
    QPushButton* editIndexButton() const { return m_editIndex; }
    QPushButton* removeIndexButton() const { return m_removeIndex; }

    // An index of the table as it was opened cannot be edited: DynamoDB changes no index in
    // place. Its global indexes can be removed, its local ones cannot.
    bool isExistingIndex(int row) const;

signals:
    // OK on a spec that checks out, when someone listens: the dialog waits for finishApply so
    // an engine refusal does not throw away what the user typed. Unheard, OK just accepts.
    void submitted();

private:
    void setFormLocked(bool locked);
    void showExisting();
    void submit();
    void buildIndexSection(QLayout* layout);
    void openIndexEditor(int row);
    void updateIndexButtons();
    void validate();

    std::optional<TableSpec> m_existing;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_partition = nullptr;
    QComboBox* m_partitionType = nullptr;
    QLineEdit* m_sort = nullptr;
    QComboBox* m_sortType = nullptr;
    QComboBox* m_stream = nullptr;
    QLineEdit* m_ttl = nullptr;
    IndexListModel* m_indexModel = nullptr;
    QTableView* m_indexView = nullptr;
    QPushButton* m_addIndex = nullptr;
    QPushButton* m_editIndex = nullptr;
    QPushButton* m_removeIndex = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    bool m_applying = false;
    std::vector<QWidget*> m_locked;  // disabled while applying, enabled again after
};

}  // namespace shardscope::ui
