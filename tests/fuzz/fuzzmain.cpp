// SPDX-License-Identifier: MIT
// The libFuzzer entry point of every target; CMake builds it once per target with
// SHARDSCOPE_FUZZ_RUN naming the harness function (fuzzharness.h) it drives.
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "fuzzharness.h"

#ifndef SHARDSCOPE_FUZZ_RUN
#error "SHARDSCOPE_FUZZ_RUN must name a shardscope::fuzz::run* function"
#endif

// ASan keeps 256 MB of freed memory out of reuse by default. fuzz_wire rebuilds its database after
// every successful write, so each rebuild then touched fresh pages and page faults made the target
// three times slower; 32 MB still catches a use after free within one input. ASAN_OPTIONS in the
// environment overrides this.
extern "C" const char* __asan_default_options() {
    return "quarantine_size_mb=32";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string problem = shardscope::fuzz::SHARDSCOPE_FUZZ_RUN(
        std::string_view(reinterpret_cast<const char*>(data), size));
    if (!problem.empty()) {
        // libFuzzer saves the input as a crash artifact when the process aborts.
        std::fprintf(stderr, "broken invariant: %s\n", problem.c_str());
        std::abort();
    }
    return 0;
}
