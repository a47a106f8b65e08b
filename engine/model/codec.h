// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "model/value.h"

namespace shardscope::model {

// A compact binary form of an item, for the workspace file. decodeItem fails (returns false) on
// bytes that did not come from encodeItem, so a damaged file is reported, never trusted.
std::string encodeItem(const Item& item);
bool decodeItem(std::string_view bytes, Item& item);

// Appends the item's DynamoDB JSON (`{"name":{"S":"…"},…}`, names in order) to `out`, straight
// from its stored bytes without building an Item: the stream's GetRecords path renders thousands
// of images a call. The same text toJson(item).dump() gives; false on bytes not from encodeItem.
bool appendItemJson(std::string_view bytes, std::string& out);

}  // namespace shardscope::model
