// SPDX-License-Identifier: MIT
#include "widgets/tabledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMetaMethod>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "models/indexlistmodel.h"
#include "widgets/indexdialog.h"

namespace shardscope::ui {

TableDialog::TableDialog(QWidget* parent, std::optional<TableSpec> existing)
    : QDialog(parent), m_existing(std::move(existing)) {
    setWindowTitle(m_existing ? tr("Table %1").arg(m_existing->name) : tr("New Table"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);  // first, so that the rows' widgets have a parent
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("tableName"));
    m_name->setPlaceholderText(tr("e.g. todoListTask"));
    form->addRow(tr("&Name:"), m_name);

    addKeyRow(form, tr("&Partition key:"), m_partition, m_partitionType, tr("e.g. ListId"));
    addKeyRow(form, tr("&Sort key:"), m_sort, m_sortType, tr("optional, e.g. TaskId"));
    m_stream = new QComboBox(this);
    m_stream->setObjectName(QStringLiteral("streamView"));
    m_stream->addItem(tr("Off"), QString());
    for (const char* view : {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"})
        m_stream->addItem(QString::fromLatin1(view), QString::fromLatin1(view));
    m_stream->setCurrentIndex(4);
    form->addRow(tr("S&tream:"), m_stream);
    m_ttl = new QLineEdit(this);
    m_ttl->setObjectName(QStringLiteral("ttlAttribute"));
    m_ttl->setPlaceholderText(tr("optional, e.g. expires (epoch seconds)"));
    form->addRow(tr("T&TL attribute:"), m_ttl);
    buildIndexSection(layout);

    m_message = errorMessageLabel(this);
    m_message->setObjectName(QStringLiteral("tableMessage"));
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_existing ? tr("Apply") : tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TableDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (m_existing) {
        showExisting();
        m_stream->setCurrentIndex(m_stream->findData(m_existing->streamView));
        m_ttl->setText(m_existing->ttlAttribute);
    }
    for (QLineEdit* edit : {m_name, m_partition, m_sort, m_ttl})
        connect(edit, &QLineEdit::textChanged, this, &TableDialog::validate);
    for (QComboBox* type : {m_partitionType, m_sortType})
        connect(type, &QComboBox::currentIndexChanged, this, &TableDialog::validate);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_indexModel, signal, this, &TableDialog::validate);
    connect(m_indexModel, &QAbstractItemModel::dataChanged, this, &TableDialog::validate);
    connect(m_indexModel, &QAbstractItemModel::modelReset, this, &TableDialog::validate);
    validate();
    updateIndexButtons();
    resize(620, sizeHint().height());
}

void TableDialog::buildIndexSection(QLayout* layout) {
    auto* box = new QGroupBox(tr("Secondary indexes"), this);
    auto* row = new QHBoxLayout(box);
    m_indexModel = new IndexListModel(this);
    m_indexView = new QTableView(box);
    m_indexView->setObjectName(QStringLiteral("indexes"));
    m_indexView->setModel(m_indexModel);
    m_indexView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_indexView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_indexView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_indexView->verticalHeader()->hide();
    m_indexView->setWordWrap(false);
    m_indexView->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_indexView->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_indexView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_indexView->horizontalHeader()->setStretchLastSection(true);
    // Room for four rows: most tables have a few indexes, the rest scroll.
    m_indexView->setMinimumHeight(m_indexView->horizontalHeader()->sizeHint().height() +
                                  4 * m_indexView->verticalHeader()->defaultSectionSize() + 4);
    row->addWidget(m_indexView, 1);

    auto* buttons = new QVBoxLayout;
    m_addIndex = new QPushButton(tr("&Add…"), box);
    m_editIndex = new QPushButton(tr("&Edit…"), box);
    m_removeIndex = new QPushButton(tr("&Remove"), box);
    for (QPushButton* button : {m_addIndex, m_editIndex, m_removeIndex}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);
    row->addLayout(buttons);
    layout->addWidget(box);

    connect(m_addIndex, &QPushButton::clicked, this, [this] { openIndexEditor(-1); });
    connect(m_editIndex, &QPushButton::clicked, this,
            [this] { openIndexEditor(m_indexView->currentIndex().row()); });
    connect(m_indexView, &QAbstractItemView::doubleClicked, this, [this](const QModelIndex& at) {
        if (!isExistingIndex(at.row())) openIndexEditor(at.row());
    });
    connect(m_removeIndex, &QPushButton::clicked, this,
            [this] { m_indexModel->remove(m_indexView->currentIndex().row()); });
    connect(m_indexView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TableDialog::updateIndexButtons);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_indexModel, signal, this, &TableDialog::updateIndexButtons);
    connect(m_indexModel, &QAbstractItemModel::modelReset, this, &TableDialog::updateIndexButtons);
}

// The table as it exists: DynamoDB never renames a table or changes its keys, and its indexes
// are what it has.
void TableDialog::showExisting() {
    setWindowTitle(tr("Table %1").arg(m_existing->name));
    m_name->setText(m_existing->name);
    m_partition->setText(m_existing->partitionName);
    m_partitionType->setCurrentIndex(m_partitionType->findData(m_existing->partitionType));
    m_sort->setText(m_existing->sortName);
    m_sortType->setCurrentIndex(m_sortType->findData(m_existing->sortType));
    for (QWidget* fixed :
         std::initializer_list<QWidget*>{m_name, m_partition, m_partitionType, m_sort, m_sortType})
        fixed->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Apply"));
    m_indexModel->setIndexes(m_existing->indexes);
    m_indexModel->setExisting(m_existing->indexes);
}

bool TableDialog::isExistingIndex(int row) const {
    return m_indexModel->isExisting(row);
}

void TableDialog::updateIndexButtons() {
    const int row = m_indexView->currentIndex().row();
    const bool selected = row >= 0 && row < m_indexModel->rowCount();
    const bool fixed = isExistingIndex(row);
    m_editIndex->setEnabled(selected && !fixed);
    m_removeIndex->setEnabled(selected && (!fixed || m_indexModel->indexes()[size_t(row)].global));
    const QString why = fixed ? tr("An existing index cannot change: remove a global index and "
                                   "add a new one; local indexes stay as long as the table")
                              : QString();
    m_editIndex->setToolTip(why);
}

void TableDialog::openIndexEditor(int row) {
    // Opened window-modal rather than exec()'d, so the clock and the tests keep running.
    auto* editor = new IndexDialog(spec(), row, editing(), this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    connect(editor, &QDialog::accepted, this, [this, editor, row] {
        if (row < 0) {
            m_indexModel->append(editor->index());
            m_indexView->setCurrentIndex(m_indexModel->index(m_indexModel->rowCount() - 1, 0));
        } else {
            m_indexModel->replace(row, editor->index());
        }
    });
    editor->open();
}

TableSpec TableDialog::spec() const {
    TableSpec spec;
    spec.name = m_name->text().trimmed();
    spec.partitionName = m_partition->text().trimmed();
    spec.partitionType = m_partitionType->currentData().toString();
    spec.sortName = m_sort->text().trimmed();
    spec.sortType = m_sortType->currentData().toString();
    spec.streamView = m_stream->currentData().toString();
    spec.ttlAttribute = m_ttl->text().trimmed();
    spec.indexes = m_indexModel->indexes();
    return spec;
}

void TableDialog::validate() {
    m_indexModel->setTablePartitionKey(m_partition->text().trimmed(),
                                       m_partitionType->currentData().toString());
    const QString error = checkTableSpec(spec());
    m_message->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty() && !m_applying);
}

// While the window applies the dialog's requests, what they were made from cannot change and
// the dialog cannot be dismissed (a request under way cannot be taken back).
void TableDialog::setFormLocked(bool locked) {
    if (locked) {
        m_locked.clear();
        for (QWidget* child : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (child == m_buttons || child == m_message || !child->isEnabled()) continue;
            child->setEnabled(false);
            m_locked.push_back(child);
        }
    } else {
        for (QWidget* child : m_locked) child->setEnabled(true);
        m_locked.clear();
    }
    if (QPushButton* cancel = m_buttons->button(QDialogButtonBox::Cancel))
        cancel->setEnabled(!locked);
}

void TableDialog::showError(const QString& message) {
    m_message->setText(message);
}

void TableDialog::submit() {
    if (!isSignalConnected(QMetaMethod::fromSignal(&TableDialog::submitted))) {
        accept();
        return;
    }
    // The red line is for what is wrong; the button says the dialog is waiting.
    m_applying = true;
    setFormLocked(true);
    m_message->clear();
    QPushButton* ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    ok->setText(tr("Applying…"));
    emit submitted();
}

void TableDialog::finishApply(const QString& error, std::optional<TableSpec> current) {
    m_applying = false;
    setFormLocked(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_existing ? tr("Apply") : tr("Create"));
    if (error.isEmpty()) {
        accept();
        return;
    }
    if (current && m_existing) {
        // What was made before the refusal is part of the table now: its indexes turn fixed and
        // the next Apply only sends what is still missing.
        m_existing = std::move(current);
        m_indexModel->setExisting(m_existing->indexes);
        updateIndexButtons();
    } else if (current) {
        // The table was created and a later call (its TTL) refused: from now on the dialog
        // edits that table, so the next OK sends only what is still missing, not CreateTable.
        m_existing = std::move(current);
        showExisting();
        updateIndexButtons();
    }
    validate();
    showError(error);
}

}  // namespace shardscope::ui
