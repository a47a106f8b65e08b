// SPDX-License-Identifier: MIT
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <string>

#include "model/value.h"

namespace shardscope::model {

// DynamoDB JSON (`{"S":"x"}`, `{"N":"1"}`, …) to values and back (reference §1.1).
//
// Decoding checks shape and validity: a JSON type mismatch (`{"N":12}`) or bad base64 is a
// SerializationException; an empty or multi-typed value, `{"NULL":false}`, an empty or duplicated
// set, a bad number, nesting deeper than 32 levels is a ValidationException — each with DynamoDB's
// message. `depth` is the nesting level of `json` itself (an item's attributes are at level 2).
Result<AttributeValue> valueFromJson(const nlohmann::json& json, int depth = 2);
// An item: a JSON object of name -> value. Empty attribute names are rejected.
Result<Item> itemFromJson(const nlohmann::json& json);

nlohmann::json toJson(const AttributeValue& value);
nlohmann::json toJson(const Item& item);

// Standard base64 with padding (DynamoDB rejects unpadded input and stray characters).
std::string base64Encode(std::string_view bytes);
bool base64Decode(std::string_view text, std::string& bytes);

}  // namespace shardscope::model
