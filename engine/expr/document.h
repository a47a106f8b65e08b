// SPDX-License-Identifier: MIT
#pragma once

#include "expr/expression.h"

// Reading document paths inside items (§1.5: maps by name, lists by index).
namespace shardscope::expr::detail {

// The value at `path`, or nullptr when any step is missing or meets the wrong type.
const AttributeValue* findPath(const Item& item, const Path& path);

}  // namespace shardscope::expr::detail
