// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace shardscope::expr::detail {

// DynamoDB's reserved words (573 of them, matched case-insensitively): a bare attribute name in
// any expression must not be one of them (reference §3.1).
bool isReservedWord(std::string_view word);

}  // namespace shardscope::expr::detail
