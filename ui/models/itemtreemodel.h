// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractItemModel>
#include <QString>
#include <memory>
#include <nlohmann/json_fwd.hpp>

#include "model/keys.h"
#include "model/value.h"

namespace shardscope::ui {

struct ItemTreeNode;  // one row; defined in itemtreemodel.cpp

// One item as a tree for editing: top-level attributes, map members and list elements as rows,
// nested maps and lists as children, set members under their set.
//
// A value is checked as DynamoDB checks it when the cell alone can tell (a number, base64, an
// attribute name); a refused edit leaves the cell as it was and says why through editRefused().
// What only the whole item shows (an empty set, duplicate set members, a missing key) is kept as
// entered: toJson() writes it as it stands so the item check names it with DynamoDB's message.
//
// UI thread only.
class ItemTreeModel final : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ValueColumn, ColumnCount };

    explicit ItemTreeModel(QObject* parent = nullptr);
    ~ItemTreeModel() override;

    // Replaces the whole tree (a model reset; not an edit).
    void setItem(const model::Item& item);
    void clear();
    // Key attributes are shown bold. `locked` (editing a stored item): their name and type cannot
    // change and they cannot be removed, since DynamoDB keeps the key of an item for good.
    void setKeySchema(const model::KeySchema& keySchema, bool locked);
    // Nothing can be edited, added or removed.
    void setReadOnly(bool readOnly);
    bool isReadOnly() const { return m_readOnly; }

    // The tree as DynamoDB JSON, set members in the order shown.
    nlohmann::json toJson() const;

    // Adds an attribute, element or member inside `at` when it is a map, list or set, else next
    // to it (at the top level for an invalid index). Returns the new row's first column, or an
    // invalid index when the tree is read-only.
    QModelIndex addChild(const QModelIndex& at);
    bool canRemove(const QModelIndex& index) const;
    // True for rows that have a name (top-level attributes and map members), not an index or
    // nothing (list elements, set members).
    bool isNamed(const QModelIndex& index) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    bool removeRows(int row, int count, const QModelIndex& parent = {}) override;

signals:
    // After every change made through the model; not after setItem() or clear().
    void edited();
    // An edit that was not taken, and why (DynamoDB's own message where it has one).
    void editRefused(const QString& message);

private:
    using Node = ItemTreeNode;

    Node* nodeOf(const QModelIndex& index) const;
    QModelIndex indexOf(const Node* node, int column) const;
    bool isKey(const Node* node) const;
    bool isLockedKey(const Node* node) const;
    bool rename(Node* node, const QString& name);
    bool retype(Node* node, const QString& typeName);
    bool setScalar(Node* node, const QVariant& value);
    void replaceChildren(Node* node, std::vector<std::unique_ptr<Node>> children);
    void containerChanged(Node* container);
    bool refuse(const QString& message);

    std::unique_ptr<Node> m_root;
    model::KeySchema m_keySchema;
    bool m_keysLocked = false;
    bool m_readOnly = false;
};

}  // namespace shardscope::ui
