// SPDX-License-Identifier: MIT
#include "widgets/tabledialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace shardscope::ui {
namespace {

QComboBox* keyTypes(QWidget* parent) {
    auto* box = new QComboBox(parent);
    box->addItem(QObject::tr("String (S)"), QStringLiteral("S"));
    box->addItem(QObject::tr("Number (N)"), QStringLiteral("N"));
    box->addItem(QObject::tr("Binary (B)"), QStringLiteral("B"));
    return box;
}

QString checkAttributeName(const QString& what, const QString& name) {
    const qsizetype bytes = name.toUtf8().size();
    if (bytes == 0) return QObject::tr("%1 needs a name").arg(what);
    if (bytes > 255)
        return QObject::tr("%1: an attribute name is at most 255 bytes long (this one is %2)")
            .arg(what)
            .arg(bytes);
    return {};
}

}  // namespace

QString checkTableSpec(const TableSpec& spec) {
    // TableName: 3-255 characters of a-z, A-Z, 0-9, '_', '-', '.' (reference §0).
    static const QRegularExpression tableName(QStringLiteral("^[a-zA-Z0-9_.-]{3,255}$"));
    if (!tableName.match(spec.name).hasMatch()) {
        if (spec.name.size() < 3 || spec.name.size() > 255)
            return QObject::tr("A table name is 3 to 255 characters long");
        return QObject::tr("A table name uses only letters, digits, '_', '-' and '.'");
    }
    if (auto error = checkAttributeName(QObject::tr("The partition key"), spec.partitionName);
        !error.isEmpty())
        return error;
    if (!spec.sortName.isEmpty()) {
        if (auto error = checkAttributeName(QObject::tr("The sort key"), spec.sortName);
            !error.isEmpty())
            return error;
        if (spec.sortName == spec.partitionName)
            return QObject::tr("The sort key must be a different attribute from the partition key");
    }
    if (!spec.ttlAttribute.isEmpty()) {
        if (auto error = checkAttributeName(QObject::tr("The TTL attribute"), spec.ttlAttribute);
            !error.isEmpty())
            return error;
    }
    return {};
}

table::CreateTableRequest createRequest(const TableSpec& spec) {
    table::CreateTableRequest request;
    request.tableName = spec.name.toStdString();
    request.keySchema.push_back({spec.partitionName.toStdString(), "HASH"});
    request.attributeDefinitions.push_back(
        {spec.partitionName.toStdString(), spec.partitionType.toStdString()});
    if (!spec.sortName.isEmpty()) {
        request.keySchema.push_back({spec.sortName.toStdString(), "RANGE"});
        request.attributeDefinitions.push_back(
            {spec.sortName.toStdString(), spec.sortType.toStdString()});
    }
    request.billingMode = "PAY_PER_REQUEST";
    if (!spec.streamView.isEmpty())
        request.streamSpecification =
            table::StreamSpecification{true, spec.streamView.toStdString()};
    return request;
}

TableDialog::TableDialog(QWidget* parent, std::optional<TableSpec> existing)
    : QDialog(parent), m_existing(std::move(existing)) {
    setWindowTitle(m_existing ? tr("Table %1").arg(m_existing->name) : tr("New Table"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("tableName"));
    m_name->setPlaceholderText(tr("e.g. todoListTask"));
    form->addRow(tr("&Name:"), m_name);

    auto keyRow = [this](QLineEdit*& edit, QComboBox*& type, const QString& placeholder) {
        auto* row = new QHBoxLayout;
        edit = new QLineEdit(this);
        edit->setPlaceholderText(placeholder);
        type = keyTypes(this);
        row->addWidget(edit, 1);
        row->addWidget(type);
        return row;
    };
    form->addRow(tr("&Partition key:"), keyRow(m_partition, m_partitionType, tr("e.g. ListId")));
    form->addRow(tr("&Sort key:"), keyRow(m_sort, m_sortType, tr("optional, e.g. TaskId")));
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
    layout->addLayout(form);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("tableMessage"));
    m_message->setWordWrap(true);
    QPalette error = m_message->palette();
    error.setColor(QPalette::WindowText, QColor(0xc2, 0x3b, 0x30));
    m_message->setPalette(error);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(m_existing ? tr("Apply") : tr("Create"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    if (m_existing) {
        // DynamoDB never renames a table or changes its keys.
        m_name->setText(m_existing->name);
        m_partition->setText(m_existing->partitionName);
        m_partitionType->setCurrentIndex(m_partitionType->findData(m_existing->partitionType));
        m_sort->setText(m_existing->sortName);
        m_sortType->setCurrentIndex(m_sortType->findData(m_existing->sortType));
        for (QWidget* fixed : std::initializer_list<QWidget*>{m_name, m_partition, m_partitionType,
                                                              m_sort, m_sortType})
            fixed->setEnabled(false);
        m_stream->setCurrentIndex(m_stream->findData(m_existing->streamView));
        m_ttl->setText(m_existing->ttlAttribute);
    }
    for (QLineEdit* edit : {m_name, m_partition, m_sort, m_ttl})
        connect(edit, &QLineEdit::textChanged, this, &TableDialog::validate);
    validate();
    resize(460, sizeHint().height());
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
    return spec;
}

void TableDialog::validate() {
    const QString error = checkTableSpec(spec());
    m_message->setText(error);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(error.isEmpty());
}

void TableDialog::showError(const QString& message) {
    m_message->setText(message);
}

}  // namespace shardscope::ui
