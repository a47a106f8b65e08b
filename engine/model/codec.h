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

}  // namespace shardscope::model
