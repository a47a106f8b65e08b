// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string_view>

namespace shardscope::stream {

// SipHash-2-4 (Aumasson and Bernstein): a keyed 64-bit MAC built for short messages. It signs
// shard iterators so a forged or altered one is recognised.
uint64_t sipHash24(const uint64_t key[2], std::string_view message);

}  // namespace shardscope::stream
