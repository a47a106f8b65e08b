// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace shardscope::ui {

// Edits an ItemTreeModel's Type column with a combo box of the ten DynamoDB types; other columns
// get the default editors. Choosing a type applies it at once.
class AttributeTypeDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                          const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model,
                      const QModelIndex& index) const override;

private:
    // A choice in the combo box is the whole edit: no Enter or click elsewhere needed.
    void commitType();
};

}  // namespace shardscope::ui
