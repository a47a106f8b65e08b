// SPDX-License-Identifier: MIT
#include "session/editcommands.h"

#include <QUndoStack>

#include "models/recordstore.h"
#include "table/database.h"

namespace shardscope::ui {

ItemEditCommand::ItemEditCommand(table::Database& database, QString table, model::Item key,
                                 std::optional<model::Item> before,
                                 std::optional<model::Item> after, ErrorSink onError)
    : m_database(database),
      m_table(std::move(table)),
      m_key(std::move(key)),
      m_before(std::move(before)),
      m_after(std::move(after)),
      m_onError(std::move(onError)) {
    const QString keys = QString::fromStdString(RecordStore::keysText(m_key));
    if (!m_before)
        setText(QObject::tr("Add item %1").arg(keys));
    else if (!m_after)
        setText(QObject::tr("Delete item %1").arg(keys));
    else
        setText(QObject::tr("Edit item %1").arg(keys));
}

Result<void> ItemEditCommand::write(const std::optional<model::Item>& state) {
    if (state) {
        table::PutItemRequest put;
        put.tableName = m_table.toStdString();
        put.item = *state;
        auto result = m_database.putItem(put);
        if (!result) return result.takeError();
        return {};
    }
    table::DeleteItemRequest remove;
    remove.tableName = m_table.toStdString();
    remove.key = m_key;
    auto result = m_database.deleteItem(remove);
    if (!result) return result.takeError();
    return {};
}

void ItemEditCommand::redo() {
    if (m_applied) {
        m_applied = false;
        return;
    }
    m_lastResult = write(m_after);
    if (!m_lastResult && m_onError) m_onError(QString::fromStdString(m_lastResult.error().message));
}

void ItemEditCommand::undo() {
    m_lastResult = write(m_before);
    if (!m_lastResult && m_onError) m_onError(QString::fromStdString(m_lastResult.error().message));
}

std::optional<QString> pushItemEdit(QUndoStack& stack, table::Database& database,
                                    const QString& table, const model::Item& key,
                                    std::optional<model::Item> before,
                                    std::optional<model::Item> after,
                                    ItemEditCommand::ErrorSink onError) {
    auto command = std::make_unique<ItemEditCommand>(database, table, key, std::move(before),
                                                     std::move(after), std::move(onError));
    // Try it first: a refused write must not leave an undo entry behind.
    command->redo();
    if (!command->lastResult())
        return QString::fromStdString(command->lastResult().error().message);
    command->markApplied();
    stack.push(command.release());
    return std::nullopt;
}

}  // namespace shardscope::ui
