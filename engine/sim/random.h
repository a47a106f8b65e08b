// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>

namespace shardscope::sim {

// The world's seeded random source (SplitMix64: tiny state, well mixed, and the same sequence on
// every platform, which std::mt19937's distributions do not promise). Not thread-safe: the engine
// draws under its own lock, in an order fixed by the scenario, so a seed replays exactly.
class Random {
public:
    explicit Random(uint64_t seed = 0) : m_state(seed) {}

    uint64_t next() {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        return mix(z);
    }
    // Uniform in [0, bound) for bound > 0.
    uint64_t below(uint64_t bound) { return bound ? next() % bound : 0; }
    // Uniform in [0, 1).
    double unit() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // `count` lowercase hex digits (count <= 16).
    std::string hex(int count);

    uint64_t state() const { return m_state; }

    // A stateless mix of one value: the same input always gives the same well-spread output.
    static uint64_t mix(uint64_t z) {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }

private:
    uint64_t m_state;
};

}  // namespace shardscope::sim
