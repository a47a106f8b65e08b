// SPDX-License-Identifier: MIT
#include "widgets/indexdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

namespace shardscope::ui {

void addKeyRow(QFormLayout* form, const QString& label, QLineEdit*& name, QComboBox*& type,
               const QString& placeholder) {
    QWidget* parent = form->parentWidget();
    name = new QLineEdit(parent);
    name->setPlaceholderText(placeholder);
    type = new QComboBox(parent);
    type->addItem(QObject::tr("String (S)"), QStringLiteral("S"));
    type->addItem(QObject::tr("Number (N)"), QStringLiteral("N"));
    type->addItem(QObject::tr("Binary (B)"), QStringLiteral("B"));
    auto* line = new QHBoxLayout;
    line->addWidget(name, 1);
    line->addWidget(type);
    // A label given as text only gets a buddy when its field is a widget, not a layout.
    auto* title = new QLabel(label, parent);
    title->setBuddy(name);
    form->addRow(title, line);
}

QLabel* errorMessageLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    QPalette error = label->palette();
    error.setColor(QPalette::WindowText, QColor(0xc2, 0x3b, 0x30));
    label->setPalette(error);
    return label;
}

IndexDialog::IndexDialog(const TableSpec& table, int row, bool globalOnly, QWidget* parent)
    : QDialog(parent), m_table(table), m_row(row) {
    const bool adding = row < 0 || row >= int(table.indexes.size());
    if (adding) m_row = -1;
    setWindowTitle(adding ? tr("New Index") : tr("Index %1").arg(table.indexes[size_t(row)].name));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);  // first, so that the rows' widgets have a parent
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("indexName"));
    m_name->setPlaceholderText(tr("e.g. byStatus"));
    form->addRow(tr("&Name:"), m_name);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("indexKind"));
    m_kind->addItem(tr("Global: any partition key"), true);
    if (!globalOnly) m_kind->addItem(tr("Local: the table's partition key"), false);
    form->addRow(tr("&Kind:"), m_kind);

    addKeyRow(form, tr("&Partition key:"), m_partition, m_partitionType, tr("e.g. Status"));
    addKeyRow(form, tr("&Sort key:"), m_sort, m_sortType, tr("optional, e.g. DueDate"));
    m_projection = new QComboBox(this);
    m_projection->setObjectName(QStringLiteral("projection"));
    m_projection->addItem(tr("ALL: every attribute"), QStringLiteral("ALL"));
    m_projection->addItem(tr("KEYS_ONLY: table and index keys"), QStringLiteral("KEYS_ONLY"));
    m_projection->addItem(tr("INCLUDE: keys and the attributes below"), QStringLiteral("INCLUDE"));
    form->addRow(tr("P&rojection:"), m_projection);
    m_attributes = new QLineEdit(this);
    m_attributes->setObjectName(QStringLiteral("nonKeyAttributes"));
    m_attributes->setPlaceholderText(tr("non-key attributes, comma-separated"));
    form->addRow(tr("&Attributes:"), m_attributes);

    m_message = errorMessageLabel(this);
    m_message->setObjectName(QStringLiteral("indexMessage"));
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(adding ? tr("Add") : tr("Change"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (!adding) {
        const SecondaryIndex& index = table.indexes[size_t(row)];
        m_name->setText(index.name);
        m_kind->setCurrentIndex(std::max(0, m_kind->findData(index.global)));
        m_partition->setText(index.partitionName);
        m_partitionType->setCurrentIndex(m_partitionType->findData(index.partitionType));
        m_sort->setText(index.sortName);
        m_sortType->setCurrentIndex(m_sortType->findData(index.sortType));
        m_projection->setCurrentIndex(m_projection->findData(index.projection));
        m_attributes->setText(index.nonKeyAttributes.join(QStringLiteral(", ")));
    }
    for (QLineEdit* edit : {m_name, m_partition, m_sort, m_attributes})
        connect(edit, &QLineEdit::textChanged, this, &IndexDialog::validate);
    for (QComboBox* box : {m_partitionType, m_sortType, m_projection})
        connect(box, &QComboBox::currentIndexChanged, this, &IndexDialog::validate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &IndexDialog::kindChanged);
    kindChanged();
    resize(440, sizeHint().height());
}

SecondaryIndex IndexDialog::index() const {
    SecondaryIndex index;
    index.name = m_name->text().trimmed();
    index.global = m_kind->currentData().toBool();
    index.partitionName = m_partition->text().trimmed();
    index.partitionType = m_partitionType->currentData().toString();
    index.sortName = m_sort->text().trimmed();
    index.sortType = m_sortType->currentData().toString();
    index.projection = m_projection->currentData().toString();
    if (index.projection == QStringLiteral("INCLUDE")) {
        for (const QString& attribute : m_attributes->text().split(QLatin1Char(',')))
            if (!attribute.trimmed().isEmpty()) index.nonKeyAttributes << attribute.trimmed();
    }
    return index;
}

void IndexDialog::kindChanged() {
    // A local index is partitioned like its table: show the table's key, fixed.
    const bool local = !m_kind->currentData().toBool();
    if (local) {
        m_partition->setText(m_table.partitionName);
        m_partitionType->setCurrentIndex(m_partitionType->findData(m_table.partitionType));
    }
    m_partition->setEnabled(!local);
    m_partitionType->setEnabled(!local);
    m_sort->setPlaceholderText(local ? tr("required, e.g. DueDate") : tr("optional, e.g. DueDate"));
    validate();
}

void IndexDialog::validate() {
    m_attributes->setEnabled(m_projection->currentData().toString() == QStringLiteral("INCLUDE"));
    TableSpec candidate = m_table;
    if (m_row < 0)
        candidate.indexes.push_back(index());
    else
        candidate.indexes[size_t(m_row)] = index();
    const QString error = checkIndexes(candidate);
    m_message->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

}  // namespace shardscope::ui
