// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>

#include "model/value.h"

namespace shardscope::model {

// Key attributes are S, N or B (reference §1.3).
enum class KeyType : uint8_t { S, N, B };

struct KeyAttribute {
    std::string name;
    KeyType type = KeyType::S;
    bool operator==(const KeyAttribute&) const = default;
};

// A table's or an index's key: a partition (HASH) attribute and an optional sort (RANGE) one.
struct KeySchema {
    KeyAttribute partition;
    std::optional<KeyAttribute> sort;
    bool operator==(const KeySchema&) const = default;
};

bool keyTypeMatches(KeyType keyType, const AttributeValue& value);
Type toType(KeyType keyType);

// Orders two key values of the same type the way Query does (§1.5): N numerically, S and B by
// unsigned bytes. Returns <0, 0, >0.
int compareKeyValues(const AttributeValue& a, const AttributeValue& b);

// An order-preserving byte encoding of a key value: memcmp order of the encodings equals
// compareKeyValues order. Lets the store keep keys as SQLite BLOBs in an ordered index.
std::string encodeKeyValue(const AttributeValue& value);

}  // namespace shardscope::model
