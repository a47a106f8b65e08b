// SPDX-License-Identifier: MIT
#include "models/tablespec.h"

#include <QHash>
#include <QObject>
#include <QRegularExpression>
#include <algorithm>

namespace shardscope::ui {
namespace {

QString checkAttributeName(const QString& what, const QString& name) {
    const qsizetype bytes = name.toUtf8().size();
    if (bytes == 0) return QObject::tr("%1 needs a name").arg(what);
    if (bytes > 255)
        return QObject::tr("%1: an attribute name is at most 255 bytes long (this one is %2)")
            .arg(what)
            .arg(bytes);
    return {};
}

// TableName and IndexName share one rule (reference §0): 3-255 characters of [a-zA-Z0-9_.-].
bool isValidName(const QString& name) {
    static const QRegularExpression pattern(QStringLiteral("^[a-zA-Z0-9_.-]{3,255}$"));
    return pattern.match(name).hasMatch();
}

QString checkIndexName(const QString& name) {
    if (name.isEmpty()) return QObject::tr("An index needs a name");
    if (isValidName(name)) return {};
    if (name.size() < 3 || name.size() > 255)
        return QObject::tr("An index name is 3 to 255 characters long: %1").arg(name);
    return QObject::tr("An index name uses only letters, digits, '_', '-' and '.': %1").arg(name);
}

// The rules one index must follow on its own and against the table's key.
QString checkIndex(const TableSpec& table, const SecondaryIndex& index) {
    if (auto error = checkIndexName(index.name); !error.isEmpty()) return error;
    // DynamoDB's sentences that do not name the index get its name in front.
    auto about = [&index](const QString& message) {
        return QObject::tr("Index %1: %2").arg(index.name, message);
    };
    if (!index.global && table.sortName.isEmpty())
        return about(QObject::tr(
            "Table KeySchema does not have a range key, which is required when specifying a "
            "LocalSecondaryIndex"));
    if (auto error = checkAttributeName(
            QObject::tr("The partition key of index %1").arg(index.name), index.partitionName);
        !error.isEmpty())
        return error;
    if (!index.global && index.partitionName != table.partitionName)
        return QObject::tr(
                   "Index KeySchema does not have the same leading hash key as table KeySchema "
                   "for index: %1. index hash key: %2, table hash key: %3")
            .arg(index.name, index.partitionName, table.partitionName);
    if (!index.global && index.sortName.isEmpty())
        return QObject::tr("Index KeySchema must have a range key for Local Secondary Index: %1")
            .arg(index.name);
    if (!index.sortName.isEmpty()) {
        if (auto error = checkAttributeName(QObject::tr("The sort key of index %1").arg(index.name),
                                            index.sortName);
            !error.isEmpty())
            return error;
        if (index.sortName == index.partitionName)
            return about(QObject::tr(
                "Both the Hash Key and the Range Key element in the KeySchema have the same name"));
    }
    const bool include = index.projection == QStringLiteral("INCLUDE");
    if (include && index.nonKeyAttributes.isEmpty())
        return about(
            QObject::tr("ProjectionType is INCLUDE, but NonKeyAttributes is not specified"));
    if (!include && !index.nonKeyAttributes.isEmpty())
        return about(QObject::tr("ProjectionType is %1, but NonKeyAttributes is specified")
                         .arg(index.projection));
    for (const QString& attribute : index.nonKeyAttributes)
        if (auto error = checkAttributeName(
                QObject::tr("A projected attribute of index %1").arg(index.name), attribute);
            !error.isEmpty())
            return error;
    return {};
}

// Every key attribute of the table and its indexes with its type, in first-use order: the
// AttributeDefinitions DynamoDB wants, each name once. A name used with two types is declared
// twice, so that DynamoDB refuses what checkIndexes does rather than one type silently winning.
std::vector<table::AttributeDefinition> keyDefinitions(const TableSpec& spec) {
    std::vector<table::AttributeDefinition> definitions;
    auto add = [&definitions](const QString& name, const QString& type) {
        if (name.isEmpty()) return;
        const table::AttributeDefinition definition{name.toStdString(), type.toStdString()};
        const bool known = std::any_of(definitions.begin(), definitions.end(), [&](const auto& d) {
            return d.attributeName == definition.attributeName &&
                   d.attributeType == definition.attributeType;
        });
        if (!known) definitions.push_back(definition);
    };
    add(spec.partitionName, spec.partitionType);
    add(spec.sortName, spec.sortType);
    for (const SecondaryIndex& index : spec.indexes) {
        add(index.partitionName, index.partitionType);
        add(index.sortName, index.sortType);
    }
    return definitions;
}

table::IndexSpec indexRequest(const SecondaryIndex& index) {
    table::IndexSpec request;
    request.indexName = index.name.toStdString();
    request.keySchema.push_back({index.partitionName.toStdString(), "HASH"});
    if (!index.sortName.isEmpty())
        request.keySchema.push_back({index.sortName.toStdString(), "RANGE"});
    request.projection.projectionType = index.projection.toStdString();
    for (const QString& attribute : index.nonKeyAttributes)
        request.projection.nonKeyAttributes.push_back(attribute.toStdString());
    return request;
}

QString typeName(model::KeyType type) {
    return QString::fromLatin1(model::typeName(model::toType(type)));
}

}  // namespace

QString checkTableSpec(const TableSpec& spec) {
    if (!isValidName(spec.name)) {
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
    return checkIndexes(spec);
}

QString checkIndexes(const TableSpec& spec) {
    const auto locals = std::count_if(spec.indexes.begin(), spec.indexes.end(),
                                      [](const SecondaryIndex& index) { return !index.global; });
    const auto globals = qsizetype(spec.indexes.size()) - locals;
    if (locals > 5)
        return QObject::tr("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    if (globals > 20)
        return QObject::tr("GlobalSecondaryIndex count exceeds the per-table limit of 20");

    QStringList names;
    // One type per attribute name: AttributeDefinitions declares each name once.
    struct Use {
        QString type, where;
    };
    QHash<QString, Use> types;
    auto declare = [&types](const QString& name, const QString& type,
                            const QString& where) -> QString {
        if (name.isEmpty()) return {};
        const auto found = types.constFind(name);
        if (found == types.constEnd()) {
            types.insert(name, {type, where});
            return {};
        }
        if (found->type == type) return {};
        return QObject::tr(
                   "%1 has type %2 in %3 and type %4 in %5: an attribute has one type in "
                   "AttributeDefinitions")
            .arg(name, found->type, found->where, type, where);
    };
    const QString table = QObject::tr("the table");
    declare(spec.partitionName, spec.partitionType, table);
    declare(spec.sortName, spec.sortType, table);
    qsizetype projected = 0;
    for (const SecondaryIndex& index : spec.indexes) {
        if (auto error = checkIndex(spec, index); !error.isEmpty()) return error;
        if (names.contains(index.name))
            return QObject::tr("Duplicate index name: %1").arg(index.name);
        names << index.name;
        const QString where = QObject::tr("index %1").arg(index.name);
        for (const auto& [name, type] : {std::pair{index.partitionName, index.partitionType},
                                         std::pair{index.sortName, index.sortType}})
            if (auto error = declare(name, type, where); !error.isEmpty()) return error;
        projected += index.nonKeyAttributes.size();
    }
    // The limit counts an attribute once per index that projects it.
    if (projected > 100)
        return QObject::tr(
                   "Number of projected attributes in all indexes exceeds limit of 100 (these "
                   "indexes project %1)")
            .arg(projected);
    return {};
}

table::CreateTableRequest createRequest(const TableSpec& spec) {
    table::CreateTableRequest request;
    request.tableName = spec.name.toStdString();
    request.keySchema.push_back({spec.partitionName.toStdString(), "HASH"});
    if (!spec.sortName.isEmpty())
        request.keySchema.push_back({spec.sortName.toStdString(), "RANGE"});
    request.attributeDefinitions = keyDefinitions(spec);
    request.billingMode = "PAY_PER_REQUEST";
    for (const SecondaryIndex& index : spec.indexes)
        (index.global ? request.globalSecondaryIndexes : request.localSecondaryIndexes)
            .push_back(indexRequest(index));
    if (!spec.streamView.isEmpty())
        request.streamSpecification =
            table::StreamSpecification{true, spec.streamView.toStdString()};
    return request;
}

std::vector<table::UpdateTableRequest> updateRequests(const TableSpec& before,
                                                      const TableSpec& after) {
    std::vector<table::UpdateTableRequest> requests;
    const std::string name = after.name.toStdString();
    auto request = [&requests, &name]() -> table::UpdateTableRequest& {
        requests.emplace_back().tableName = name;
        return requests.back();
    };
    if (after.streamView != before.streamView) {
        if (!before.streamView.isEmpty())
            request().streamSpecification = table::StreamSpecification{false, {}};
        if (!after.streamView.isEmpty())
            request().streamSpecification =
                table::StreamSpecification{true, after.streamView.toStdString()};
    }
    // An index whose definition changed is deleted and created again: DynamoDB changes no
    // index's keys or projection in place.
    auto holds = [](const TableSpec& spec, const SecondaryIndex& index) {
        return std::find(spec.indexes.begin(), spec.indexes.end(), index) != spec.indexes.end();
    };
    for (const SecondaryIndex& index : before.indexes) {
        if (!index.global || holds(after, index)) continue;
        table::GsiUpdate remove;
        remove.kind = table::GsiUpdate::Kind::Delete;
        remove.index.indexName = index.name.toStdString();
        request().globalSecondaryIndexUpdates.push_back(std::move(remove));
    }
    for (const SecondaryIndex& index : after.indexes) {
        if (!index.global || holds(before, index)) continue;
        table::UpdateTableRequest& create = request();
        TableSpec keys;  // just this index's key attributes
        keys.indexes.push_back(index);
        create.attributeDefinitions = keyDefinitions(keys);
        create.globalSecondaryIndexUpdates.push_back(
            {table::GsiUpdate::Kind::Create, indexRequest(index)});
    }
    return requests;
}

TableSpec tableSpecFrom(const table::TableDescription& description, const QString& ttlAttribute) {
    TableSpec spec;
    spec.name = QString::fromStdString(description.tableName);
    spec.partitionName = QString::fromStdString(description.keySchema.partition.name);
    spec.partitionType = typeName(description.keySchema.partition.type);
    if (description.keySchema.sort) {
        spec.sortName = QString::fromStdString(description.keySchema.sort->name);
        spec.sortType = typeName(description.keySchema.sort->type);
    }
    if (description.streamSpecification && description.streamSpecification->streamEnabled)
        spec.streamView = QString::fromStdString(description.streamSpecification->streamViewType);
    spec.ttlAttribute = ttlAttribute;
    for (const auto* list :
         {&description.localSecondaryIndexes, &description.globalSecondaryIndexes}) {
        for (const table::IndexDescription& described : *list) {
            SecondaryIndex index;
            index.name = QString::fromStdString(described.indexName);
            index.global = described.global;
            index.partitionName = QString::fromStdString(described.keySchema.partition.name);
            index.partitionType = typeName(described.keySchema.partition.type);
            if (described.keySchema.sort) {
                index.sortName = QString::fromStdString(described.keySchema.sort->name);
                index.sortType = typeName(described.keySchema.sort->type);
            }
            index.projection = QString::fromStdString(described.projection.projectionType);
            for (const std::string& attribute : described.projection.nonKeyAttributes)
                index.nonKeyAttributes << QString::fromStdString(attribute);
            spec.indexes.push_back(std::move(index));
        }
    }
    return spec;
}

}  // namespace shardscope::ui
