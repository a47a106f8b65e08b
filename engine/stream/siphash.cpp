// SPDX-License-Identifier: MIT
#include "stream/siphash.h"

namespace shardscope::stream {
namespace {

constexpr uint64_t rotl(uint64_t x, int b) {
    return (x << b) | (x >> (64 - b));
}

struct State {
    uint64_t v0, v1, v2, v3;
    void round() {
        v0 += v1;
        v1 = rotl(v1, 13);
        v1 ^= v0;
        v0 = rotl(v0, 32);
        v2 += v3;
        v3 = rotl(v3, 16);
        v3 ^= v2;
        v0 += v3;
        v3 = rotl(v3, 21);
        v3 ^= v0;
        v2 += v1;
        v1 = rotl(v1, 17);
        v1 ^= v2;
        v2 = rotl(v2, 32);
    }
    void absorb(uint64_t m) {
        v3 ^= m;
        round();
        round();
        v0 ^= m;
    }
};

}  // namespace

uint64_t sipHash24(const uint64_t key[2], std::string_view message) {
    State s{key[0] ^ 0x736f6d6570736575ULL, key[1] ^ 0x646f72616e646f6dULL,
            key[0] ^ 0x6c7967656e657261ULL, key[1] ^ 0x7465646279746573ULL};
    const size_t whole = message.size() / 8 * 8;
    for (size_t i = 0; i < whole; i += 8) {
        uint64_t m = 0;
        for (int b = 0; b < 8; ++b)
            m |= uint64_t(static_cast<unsigned char>(message[i + size_t(b)])) << (8 * b);
        s.absorb(m);
    }
    uint64_t last = uint64_t(message.size() & 0xFF) << 56;
    for (size_t i = whole; i < message.size(); ++i)
        last |= uint64_t(static_cast<unsigned char>(message[i])) << (8 * (i - whole));
    s.absorb(last);
    s.v2 ^= 0xFF;
    for (int i = 0; i < 4; ++i) s.round();
    return s.v0 ^ s.v1 ^ s.v2 ^ s.v3;
}

}  // namespace shardscope::stream
