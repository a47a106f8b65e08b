// SPDX-License-Identifier: MIT
#include "widgets/attributetypedelegate.h"

#include <QComboBox>

#include "model/value.h"
#include "models/itemtreemodel.h"

namespace shardscope::ui {

QWidget* AttributeTypeDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                             const QModelIndex& index) const {
    if (index.column() != ItemTreeModel::TypeColumn)
        return QStyledItemDelegate::createEditor(parent, option, index);
    auto* types = new QComboBox(parent);
    for (auto type :
         {model::Type::S, model::Type::N, model::Type::B, model::Type::BOOL, model::Type::NULL_,
          model::Type::M, model::Type::L, model::Type::SS, model::Type::NS, model::Type::BS})
        types->addItem(QString::fromLatin1(model::typeName(type)));
    connect(types, &QComboBox::activated, this, &AttributeTypeDelegate::commitType);
    return types;
}

void AttributeTypeDelegate::commitType() {
    auto* editor = qobject_cast<QWidget*>(sender());
    emit commitData(editor);
    emit closeEditor(editor);
}

void AttributeTypeDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const {
    if (auto* types = qobject_cast<QComboBox*>(editor);
        types && index.column() == ItemTreeModel::TypeColumn) {
        types->setCurrentText(index.data(Qt::EditRole).toString());
        return;
    }
    QStyledItemDelegate::setEditorData(editor, index);
}

void AttributeTypeDelegate::setModelData(QWidget* editor, QAbstractItemModel* model,
                                         const QModelIndex& index) const {
    if (auto* types = qobject_cast<QComboBox*>(editor);
        types && index.column() == ItemTreeModel::TypeColumn) {
        model->setData(index, types->currentText());
        return;
    }
    QStyledItemDelegate::setModelData(editor, model, index);
}

}  // namespace shardscope::ui
