// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>
#include <optional>

#include "table/requests.h"

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace shardscope::ui {

// A table as the dialog edits it.
struct TableSpec {
    QString name;
    QString partitionName, partitionType = QStringLiteral("S");
    QString sortName, sortType = QStringLiteral("S");  // sortName empty: no sort key
    QString streamView;                                // empty: no stream
    QString ttlAttribute;                              // empty: TTL off
};

// What DynamoDB would refuse, said before asking it: table name length and characters, key
// attribute names, a sort key named like the partition key. Empty when the spec can be sent.
QString checkTableSpec(const TableSpec& spec);
// CreateTable for the spec, on-demand billing (a lab has no capacity to plan).
table::CreateTableRequest createRequest(const TableSpec& spec);

// Create a table, or change an existing one's stream and TTL (its name and keys are fixed, as
// in DynamoDB). Checks as you type; OK stays disabled while something is wrong.
class TableDialog final : public QDialog {
    Q_OBJECT
public:
    explicit TableDialog(QWidget* parent = nullptr, std::optional<TableSpec> existing = {});

    TableSpec spec() const;
    bool editing() const { return m_existing.has_value(); }
    const std::optional<TableSpec>& existing() const { return m_existing; }
    // Shows what the engine answered when the dialog's request was refused.
    void showError(const QString& message);
    QLabel* message() const { return m_message; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* partitionEdit() const { return m_partition; }
    QLineEdit* sortEdit() const { return m_sort; }
    QComboBox* streamChoice() const { return m_stream; }
    QLineEdit* ttlEdit() const { return m_ttl; }

private:
    void validate();

    std::optional<TableSpec> m_existing;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_partition = nullptr;
    QComboBox* m_partitionType = nullptr;
    QLineEdit* m_sort = nullptr;
    QComboBox* m_sortType = nullptr;
    QComboBox* m_stream = nullptr;
    QLineEdit* m_ttl = nullptr;
    QLabel* m_message = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
};

}  // namespace shardscope::ui
