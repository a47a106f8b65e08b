// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QUndoCommand>
#include <functional>
#include <optional>

#include "model/error.h"
#include "model/value.h"

namespace shardscope::table {
class Database;
}

namespace shardscope::ui {

// What is undoable: item edits (put, replace, delete), each one command that writes through the
// engine — so undoing an edit is itself a write, with its own stream record, exactly as if a
// client had made it. Table changes are not undoable (DynamoDB has no way to recreate a table's
// stream, so an "undo" would lie). Commands never touch widgets; `onError` reports a failed
// write (the item changed underneath, the engine refused) to whoever shows messages.
class ItemEditCommand final : public QUndoCommand {
public:
    using ErrorSink = std::function<void(const QString&)>;

    // `before` absent: the item is new. `after` absent: the item is deleted.
    ItemEditCommand(table::Database& database, QString table, model::Item key,
                    std::optional<model::Item> before, std::optional<model::Item> after,
                    ErrorSink onError);

    void redo() override;
    void undo() override;
    // The first redo's outcome (the caller pushes only what worked).
    const Result<void>& lastResult() const { return m_lastResult; }
    // The write was already made: the next redo() (QUndoStack::push's) does nothing.
    void markApplied() { m_applied = true; }

private:
    Result<void> write(const std::optional<model::Item>& state);

    table::Database& m_database;
    QString m_table;
    model::Item m_key;
    std::optional<model::Item> m_before, m_after;
    ErrorSink m_onError;
    Result<void> m_lastResult;
    bool m_applied = false;
};

// Writes `after` in place of `before` as one undoable step; returns DynamoDB's error message
// (nothing pushed) when the engine refuses.
std::optional<QString> pushItemEdit(QUndoStack& stack, table::Database& database,
                                    const QString& table, const model::Item& key,
                                    std::optional<model::Item> before,
                                    std::optional<model::Item> after,
                                    ItemEditCommand::ErrorSink onError);

}  // namespace shardscope::ui
