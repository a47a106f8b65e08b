// SPDX-License-Identifier: MIT
#include "models/itemtreemodel.h"

#include <QFont>
#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>

#include "model/json.h"

namespace shardscope::ui {

using model::AttributeValue;
using model::Type;

struct ItemTreeNode {
    ItemTreeNode* parent = nullptr;
    std::string name;  // top-level attributes and map members
    Type type = Type::M;
    AttributeValue scalar;                                // S, N, B, BOOL, NULL and set members
    std::vector<std::unique_ptr<ItemTreeNode>> children;  // M, L and sets

    int row() const {
        const auto& siblings = parent->children;
        auto it = std::find_if(siblings.begin(), siblings.end(),
                               [this](const auto& sibling) { return sibling.get() == this; });
        return int(it - siblings.begin());
    }
};

namespace {

using Node = ItemTreeNode;
using Children = std::vector<std::unique_ptr<Node>>;

bool isSetType(Type type) {
    return type == Type::SS || type == Type::NS || type == Type::BS;
}

bool isContainer(Type type) {
    return type == Type::M || type == Type::L || isSetType(type);
}

Type memberType(Type setType) {
    return setType == Type::NS ? Type::N : setType == Type::BS ? Type::B : Type::S;
}

std::string typeText(Type type) {
    return std::string(model::typeName(type));
}

Children childrenOf(const AttributeValue& value);

std::unique_ptr<Node> buildNode(std::string name, const AttributeValue& value) {
    auto node = std::make_unique<Node>();
    node->name = std::move(name);
    node->type = value.type();
    if (isContainer(value.type())) {
        node->children = childrenOf(value);
        for (auto& child : node->children) child->parent = node.get();
    } else {
        node->scalar = value;
    }
    return node;
}

Children childrenOf(const AttributeValue& value) {
    Children children;
    switch (value.type()) {
        case Type::M:
            for (const auto& [name, member] : value.asMap())
                children.push_back(buildNode(name, member));
            break;
        case Type::L:
            for (const auto& element : value.asList()) children.push_back(buildNode({}, element));
            break;
        case Type::SS:
            for (const auto& member : value.asStringSet())
                children.push_back(buildNode({}, AttributeValue::string(member)));
            break;
        case Type::BS:
            for (const auto& member : value.asStringSet())
                children.push_back(buildNode({}, AttributeValue::binary(member)));
            break;
        case Type::NS:
            for (const auto& member : value.asNumberSet())
                children.push_back(buildNode({}, AttributeValue::number(member)));
            break;
        default:
            break;
    }
    return children;
}

// The node as a value, for converting it to another type. Sets come out canonical (sorted,
// duplicates merged), which is what a set of the new type would hold anyway.
AttributeValue valueOf(const Node& node) {
    switch (node.type) {
        case Type::M: {
            AttributeValue::Map map;
            for (const auto& child : node.children) map.emplace(child->name, valueOf(*child));
            return AttributeValue::map(std::move(map));
        }
        case Type::L: {
            AttributeValue::List list;
            for (const auto& child : node.children) list.push_back(valueOf(*child));
            return AttributeValue::list(std::move(list));
        }
        case Type::NS: {
            std::vector<model::Number> members;
            for (const auto& child : node.children) members.push_back(child->scalar.asNumber());
            return AttributeValue::numberSet(std::move(members));
        }
        case Type::SS:
        case Type::BS: {
            std::vector<std::string> members;
            for (const auto& child : node.children) members.push_back(child->scalar.asString());
            return node.type == Type::SS ? AttributeValue::stringSet(std::move(members))
                                         : AttributeValue::binarySet(std::move(members));
        }
        default:
            return node.scalar;
    }
}

// DynamoDB JSON written as the tree stands: set members in the order shown and not merged, so a
// duplicate or an empty set reaches the item check and is reported with DynamoDB's message.
nlohmann::json jsonOf(const Node& node) {
    if (!isContainer(node.type)) return model::toJson(node.scalar);
    nlohmann::json members =
        node.type == Type::M ? nlohmann::json::object() : nlohmann::json::array();
    for (const auto& child : node.children) {
        if (node.type == Type::M)
            members[child->name] = jsonOf(*child);
        else if (node.type == Type::L)
            members.push_back(jsonOf(*child));
        else
            members.push_back(model::toJson(child->scalar).begin().value());
    }
    nlohmann::json value = nlohmann::json::object();
    value[typeText(node.type)] = std::move(members);
    return value;
}

AttributeValue defaultValue(Type type) {
    switch (type) {
        case Type::S:
            return AttributeValue::string({});
        case Type::N:
            return AttributeValue::number({});
        case Type::B:
            return AttributeValue::binary({});
        case Type::BOOL:
            return AttributeValue::boolean(false);
        case Type::NULL_:
            return AttributeValue::null();
        case Type::M:
            return AttributeValue::map({});
        case Type::L:
            return AttributeValue::list({});
        case Type::SS:
            return AttributeValue::stringSet({});
        case Type::NS:
            return AttributeValue::numberSet({});
        case Type::BS:
            return AttributeValue::binarySet({});
    }
    return AttributeValue::null();
}

bool isUtf8(const std::string& bytes) {
    const QByteArray raw = QByteArray::fromStdString(bytes);
    return QString::fromUtf8(raw).toUtf8() == raw;
}

// One scalar as another: through its text where that text means something in the new type
// ("12" ⇄ 12, "true" ⇄ true, text ⇄ its UTF-8 bytes).
std::optional<AttributeValue> convertScalar(const AttributeValue& from, Type to) {
    if (from.type() == to) return from;
    std::string text;
    switch (from.type()) {
        case Type::S:
            text = from.asString();
            break;
        case Type::N:
            text = from.asNumber().toString();
            break;
        case Type::BOOL:
            text = from.asBool() ? "true" : "false";
            break;
        case Type::B:
            if (!isUtf8(from.asString())) return std::nullopt;
            text = from.asString();
            break;
        default:
            return std::nullopt;
    }
    switch (to) {
        case Type::S:
            return AttributeValue::string(std::move(text));
        case Type::N: {
            auto number = model::Number::parse(text);
            if (!number) return std::nullopt;
            return AttributeValue::number(std::move(number).value());
        }
        case Type::B:
            if (from.type() != Type::S) return std::nullopt;
            return AttributeValue::binary(std::move(text));
        case Type::BOOL:
            if (text != "true" && text != "false") return std::nullopt;
            return AttributeValue::boolean(text == "true");
        default:
            return std::nullopt;
    }
}

// What a list or set made from `value` would hold: a list's elements, a set's members, a scalar
// itself. Nothing for a map or NULL.
std::optional<AttributeValue::List> membersOf(const AttributeValue& value) {
    AttributeValue::List members;
    switch (value.type()) {
        case Type::M:
        case Type::NULL_:
            return std::nullopt;
        case Type::L:
            return value.asList();
        case Type::SS:
        case Type::BS:
            for (const auto& member : value.asStringSet())
                members.push_back(value.is(Type::SS) ? AttributeValue::string(member)
                                                     : AttributeValue::binary(member));
            return members;
        case Type::NS:
            for (const auto& member : value.asNumberSet())
                members.push_back(AttributeValue::number(member));
            return members;
        default:
            return AttributeValue::List{value};
    }
}

std::optional<AttributeValue> converted(const AttributeValue& from, Type to) {
    if (from.type() == to) return from;
    if (to == Type::NULL_) return AttributeValue::null();
    if (to == Type::M) return std::nullopt;
    auto members = membersOf(from);
    if (!members) return std::nullopt;
    if (to == Type::L) return AttributeValue::list(std::move(*members));
    if (isSetType(to)) {
        std::vector<std::string> strings;
        std::vector<model::Number> numbers;
        for (const auto& member : *members) {
            auto converted = convertScalar(member, memberType(to));
            if (!converted) return std::nullopt;
            if (to == Type::NS)
                numbers.push_back(converted->asNumber());
            else
                strings.push_back(converted->asString());
        }
        if (to == Type::NS) return AttributeValue::numberSet(std::move(numbers));
        return to == Type::SS ? AttributeValue::stringSet(std::move(strings))
                              : AttributeValue::binarySet(std::move(strings));
    }
    if (members->size() != 1) return std::nullopt;
    return convertScalar(members->front(), to);
}

QString scalarText(const AttributeValue& value) {
    switch (value.type()) {
        case Type::S:
            return QString::fromStdString(value.asString());
        case Type::N:
            return QString::fromStdString(value.asNumber().toString());
        case Type::B:
            return QString::fromStdString(model::base64Encode(value.asString()));
        case Type::BOOL:
            return value.asBool() ? QStringLiteral("true") : QStringLiteral("false");
        default:
            return QStringLiteral("null");
    }
}

QString summary(const Node& node) {
    const auto count = qulonglong(node.children.size());
    switch (node.type) {
        case Type::M:
            return ItemTreeModel::tr("%Ln attribute(s)", nullptr, int(count));
        case Type::L:
            return ItemTreeModel::tr("%Ln element(s)", nullptr, int(count));
        default:
            return ItemTreeModel::tr("%Ln member(s)", nullptr, int(count));
    }
}

struct ParsedScalar {
    std::optional<AttributeValue> value;
    QString error;
};

// A scalar typed into a cell, checked by the same decoder PutItem's JSON goes through.
ParsedScalar parseScalar(Type type, const QVariant& input) {
    if (type == Type::BOOL) {
        if (input.typeId() == QMetaType::Bool) return {AttributeValue::boolean(input.toBool()), {}};
        const QString text = input.toString().trimmed().toLower();
        if (text == QLatin1String("true") || text == QLatin1String("false"))
            return {AttributeValue::boolean(text == QLatin1String("true")), {}};
        return {std::nullopt, ItemTreeModel::tr("A BOOL value is true or false")};
    }
    if (type == Type::S) return {AttributeValue::string(input.toString().toStdString()), {}};
    auto decoded =
        model::valueFromJson(nlohmann::json{{typeText(type), input.toString().toStdString()}});
    if (!decoded) return {std::nullopt, QString::fromStdString(decoded.error().message)};
    return {std::move(decoded).value(), {}};
}

}  // namespace

ItemTreeModel::ItemTreeModel(QObject* parent)
    : QAbstractItemModel(parent), m_root(std::make_unique<Node>()) {}

ItemTreeModel::~ItemTreeModel() = default;

void ItemTreeModel::setItem(const model::Item& item) {
    beginResetModel();
    m_root->children = childrenOf(AttributeValue::map(item));
    for (auto& child : m_root->children) child->parent = m_root.get();
    endResetModel();
}

void ItemTreeModel::clear() {
    setItem({});
}

void ItemTreeModel::setKeySchema(const model::KeySchema& keySchema, bool locked) {
    m_keySchema = keySchema;
    m_keysLocked = locked;
    if (rowCount() > 0) emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void ItemTreeModel::setReadOnly(bool readOnly) {
    m_readOnly = readOnly;
}

nlohmann::json ItemTreeModel::toJson() const {
    nlohmann::json item = nlohmann::json::object();
    for (const auto& child : m_root->children) item[child->name] = jsonOf(*child);
    return item;
}

ItemTreeModel::Node* ItemTreeModel::nodeOf(const QModelIndex& index) const {
    return index.isValid() ? static_cast<Node*>(index.internalPointer()) : m_root.get();
}

QModelIndex ItemTreeModel::indexOf(const Node* node, int column) const {
    if (node == m_root.get()) return {};
    return createIndex(node->row(), column, const_cast<Node*>(node));
}

bool ItemTreeModel::isKey(const Node* node) const {
    if (node->parent != m_root.get()) return false;
    return node->name == m_keySchema.partition.name ||
           (m_keySchema.sort && node->name == m_keySchema.sort->name);
}

bool ItemTreeModel::isLockedKey(const Node* node) const {
    return m_keysLocked && isKey(node);
}

bool ItemTreeModel::isNamed(const QModelIndex& index) const {
    return index.isValid() && nodeOf(index)->parent->type == Type::M;
}

bool ItemTreeModel::canRemove(const QModelIndex& index) const {
    return index.isValid() && !m_readOnly && !isLockedKey(nodeOf(index));
}

QModelIndex ItemTreeModel::index(int row, int column, const QModelIndex& parent) const {
    if (!hasIndex(row, column, parent)) return {};
    return createIndex(row, column, nodeOf(parent)->children[size_t(row)].get());
}

QModelIndex ItemTreeModel::parent(const QModelIndex& child) const {
    if (!child.isValid()) return {};
    return indexOf(nodeOf(child)->parent, 0);
}

int ItemTreeModel::rowCount(const QModelIndex& parent) const {
    if (parent.column() > 0) return 0;
    return int(nodeOf(parent)->children.size());
}

int ItemTreeModel::columnCount(const QModelIndex&) const {
    return ColumnCount;
}

QVariant ItemTreeModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const Node* node = nodeOf(index);
    if (role == Qt::FontRole && isKey(node)) {
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    if (role == Qt::ToolTipRole && isKey(node)) {
        const bool partition = node->name == m_keySchema.partition.name;
        if (m_keysLocked)
            return partition ? tr("Partition key: a stored item keeps its key")
                             : tr("Sort key: a stored item keeps its key");
        return partition ? tr("Partition key") : tr("Sort key");
    }
    if (role != Qt::DisplayRole && role != Qt::EditRole) return {};
    switch (index.column()) {
        case NameColumn:
            if (node->parent->type == Type::M) return QString::fromStdString(node->name);
            if (node->parent->type == Type::L) return QStringLiteral("[%1]").arg(index.row());
            return QString();
        case TypeColumn:
            return QString::fromLatin1(model::typeName(node->type));
        case ValueColumn:
            if (isContainer(node->type)) return summary(*node);
            // A bool edits as a bool: the default delegate offers a true/false combo box.
            if (role == Qt::EditRole && node->type == Type::BOOL) return node->scalar.asBool();
            return scalarText(node->scalar);
        default:
            return {};
    }
}

QVariant ItemTreeModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
        case NameColumn:
            return tr("Attribute");
        case TypeColumn:
            return tr("Type");
        case ValueColumn:
            return tr("Value");
        default:
            return {};
    }
}

Qt::ItemFlags ItemTreeModel::flags(const QModelIndex& index) const {
    if (!index.isValid()) return Qt::NoItemFlags;
    const Qt::ItemFlags base = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (m_readOnly) return base;
    const Node* node = nodeOf(index);
    bool editable = false;
    switch (index.column()) {
        case NameColumn:
            editable = node->parent->type == Type::M && !isLockedKey(node);
            break;
        case TypeColumn:
            editable = !isSetType(node->parent->type) && !isLockedKey(node);
            break;
        case ValueColumn:
            editable = !isContainer(node->type) && node->type != Type::NULL_;
            break;
        default:
            break;
    }
    return editable ? base | Qt::ItemIsEditable : base;
}

bool ItemTreeModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || m_readOnly) return false;
    Node* node = nodeOf(index);
    switch (index.column()) {
        case NameColumn:
            return rename(node, value.toString());
        case TypeColumn:
            return retype(node, value.toString());
        case ValueColumn:
            return setScalar(node, value);
        default:
            return false;
    }
}

bool ItemTreeModel::refuse(const QString& message) {
    emit editRefused(message);
    return false;
}

bool ItemTreeModel::rename(Node* node, const QString& name) {
    if (node->parent->type != Type::M) return false;
    if (isLockedKey(node))
        return refuse(tr("%1 is part of the key: changing it would make a different item. Use "
                         "New item to add one.")
                          .arg(QString::fromStdString(node->name)));
    const std::string newName = name.toStdString();
    if (newName == node->name) return true;
    // The item decoder knows DynamoDB's rules for names (and its words for breaking them).
    auto probe = model::itemFromJson(nlohmann::json{{newName, nlohmann::json{{"NULL", true}}}});
    if (!probe) return refuse(QString::fromStdString(probe.error().message));
    const auto& siblings = node->parent->children;
    if (std::any_of(siblings.begin(), siblings.end(),
                    [&](const auto& sibling) { return sibling->name == newName; }))
        return refuse(node->parent == m_root.get()
                          ? tr("The item already has an attribute named %1").arg(name)
                          : tr("The map already has an attribute named %1").arg(name));
    node->name = newName;
    // Every column: the new name may make the row a key attribute (bold) or stop it being one.
    emit dataChanged(indexOf(node, NameColumn), indexOf(node, ValueColumn));
    emit edited();
    return true;
}

bool ItemTreeModel::retype(Node* node, const QString& typeName) {
    if (isSetType(node->parent->type)) return false;
    if (isLockedKey(node))
        return refuse(tr("%1 is part of the key: changing it would make a different item. Use "
                         "New item to add one.")
                          .arg(QString::fromStdString(node->name)));
    Type type = Type::NULL_;
    if (!model::typeFromName(typeName.toStdString(), type))
        return refuse(tr("%1 is not one of DynamoDB's types").arg(typeName));
    if (type == node->type) return true;
    const AttributeValue next = converted(valueOf(*node), type).value_or(defaultValue(type));
    replaceChildren(node, {});
    node->type = type;
    node->scalar = isContainer(type) ? AttributeValue() : next;
    replaceChildren(node, childrenOf(next));
    emit dataChanged(indexOf(node, NameColumn), indexOf(node, ValueColumn));
    emit edited();
    return true;
}

bool ItemTreeModel::setScalar(Node* node, const QVariant& value) {
    if (isContainer(node->type) || node->type == Type::NULL_) return false;
    ParsedScalar parsed = parseScalar(node->type, value);
    if (!parsed.value) return refuse(parsed.error);
    if (*parsed.value == node->scalar) return true;
    node->scalar = std::move(*parsed.value);
    const QModelIndex cell = indexOf(node, ValueColumn);
    emit dataChanged(cell, cell);
    emit edited();
    return true;
}

void ItemTreeModel::replaceChildren(Node* node, Children children) {
    const QModelIndex parent = indexOf(node, NameColumn);
    if (!node->children.empty()) {
        beginRemoveRows(parent, 0, int(node->children.size()) - 1);
        node->children.clear();
        endRemoveRows();
    }
    if (!children.empty()) {
        beginInsertRows(parent, 0, int(children.size()) - 1);
        node->children = std::move(children);
        for (auto& child : node->children) child->parent = node;
        endInsertRows();
    }
}

void ItemTreeModel::containerChanged(Node* container) {
    if (container == m_root.get()) return;
    const QModelIndex cell = indexOf(container, ValueColumn);
    emit dataChanged(cell, cell);
}

QModelIndex ItemTreeModel::addChild(const QModelIndex& at) {
    if (m_readOnly) return {};
    Node* container = nodeOf(at);
    if (at.isValid() && !isContainer(container->type)) container = container->parent;
    auto child = std::make_unique<Node>();
    child->parent = container;
    const auto& siblings = container->children;
    auto taken = [&](auto matches) {
        return std::any_of(siblings.begin(), siblings.end(), matches);
    };
    if (container->type == Type::M) {
        // A name nothing else here has: NewAttribute, NewAttribute2, …
        for (int n = 1;; ++n) {
            child->name = n == 1 ? "NewAttribute" : "NewAttribute" + std::to_string(n);
            if (!taken([&](const auto& sibling) { return sibling->name == child->name; })) break;
        }
        child->type = Type::S;
        child->scalar = AttributeValue::string({});
    } else if (container->type == Type::L) {
        child->type = Type::S;
        child->scalar = AttributeValue::string({});
    } else {
        // A member the set does not have yet, so adding one never makes a duplicate.
        child->type = memberType(container->type);
        for (int n = 0;; ++n) {
            const std::string text = "value" + std::to_string(n + 1);
            child->scalar = child->type == Type::N
                                ? AttributeValue::number(model::Number::fromInt(n))
                            : child->type == Type::B ? AttributeValue::binary(text)
                                                     : AttributeValue::string(text);
            if (!taken([&](const auto& sibling) { return sibling->scalar == child->scalar; }))
                break;
        }
    }
    const int row = int(siblings.size());
    Node* added = child.get();
    beginInsertRows(indexOf(container, NameColumn), row, row);
    container->children.push_back(std::move(child));
    endInsertRows();
    containerChanged(container);
    emit edited();
    return indexOf(added, NameColumn);
}

bool ItemTreeModel::removeRows(int row, int count, const QModelIndex& parent) {
    if (m_readOnly || row < 0 || count <= 0 || parent.column() > 0) return false;
    Node* container = nodeOf(parent);
    auto& children = container->children;
    if (size_t(row + count) > children.size()) return false;
    for (int i = row; i < row + count; ++i)
        if (isLockedKey(children[size_t(i)].get()))
            return refuse(tr("%1 is part of the key: an item cannot be saved without it")
                              .arg(QString::fromStdString(children[size_t(i)]->name)));
    if (container->type == Type::L && size_t(row + count) < children.size()) {
        // A list element's label is its position. Removed in place, the elements after them
        // would be relabelled inside the removal, which views and the model tester take for
        // changed data; so the removed elements first move to the end, every moved row is
        // relabelled, and then the tail goes.
        const int size = int(children.size());
        beginMoveRows(parent, row, row + count - 1, parent, size);
        std::rotate(children.begin() + row, children.begin() + row + count, children.end());
        endMoveRows();
        emit dataChanged(index(row, NameColumn, parent), index(size - 1, NameColumn, parent));
        row = size - count;
    }
    beginRemoveRows(parent, row, row + count - 1);
    children.erase(children.begin() + row, children.begin() + row + count);
    endRemoveRows();
    containerChanged(container);
    emit edited();
    return true;
}

}  // namespace shardscope::ui
