// SPDX-License-Identifier: MIT
#include "sim/random.h"

namespace shardscope::sim {

std::string Random::hex(int count) {
    static constexpr char kDigits[] = "0123456789abcdef";
    const uint64_t bits = next();
    std::string out(size_t(count), '0');
    for (int i = 0; i < count && i < 16; ++i) out[size_t(i)] = kDigits[(bits >> (4 * i)) & 0xF];
    return out;
}

}  // namespace shardscope::sim
