// SPDX-License-Identifier: MIT
// Replays the fuzzers' seed corpora and every saved crash input (tests/fuzz/regressions/<target>/)
// through the same harness functions the libFuzzer targets run, so a bug the fuzzer found stays
// fixed in every ordinary test run, without clang or libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "../fuzz/fuzzharness.h"

namespace shardscope::fuzz {
namespace {

namespace fs = std::filesystem;

// tests/fuzz as an absolute path from the build. Not __FILE__: with CCACHE_BASEDIR set, ccache
// hands the compiler relative paths, and __FILE__ then depends on the test run's directory.
fs::path fuzzDir() {
    return fs::path(SHARDSCOPE_FUZZ_DIR);
}

struct Target {
    const char* name;
    std::string (*run)(std::string_view);
};

void PrintTo(const Target& t, std::ostream* os) {
    *os << t.name;
}

std::string readFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Printable bytes as they are, the rest as \xNN, so a failing input can be read in the log.
std::string shown(std::string_view bytes) {
    std::ostringstream out;
    for (const char c : bytes.substr(0, 300)) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && c != '\\') {
            out << c;
        } else {
            static constexpr char kHex[] = "0123456789abcdef";
            out << "\\x" << kHex[u >> 4] << kHex[u & 0xF];
        }
    }
    if (bytes.size() > 300) out << "…";
    return out.str();
}

class FuzzReplay : public ::testing::TestWithParam<Target> {
protected:
    // Every file directly inside tests/fuzz/<kind>/<target>/; a missing folder is just empty.
    int replay(const std::string& kind) {
        const fs::path dir = fuzzDir() / kind / GetParam().name;
        if (!fs::is_directory(dir)) return 0;
        int count = 0;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (!entry.is_regular_file() || entry.path().filename().string().front() == '.')
                continue;
            const std::string input = readFile(entry.path());
            EXPECT_EQ(GetParam().run(input), "")
                << kind << "/" << GetParam().name << "/" << entry.path().filename().string() << ": "
                << shown(input);
            ++count;
        }
        return count;
    }
};

TEST_P(FuzzReplay, SeedCorpus) {
    ASSERT_TRUE(fs::is_directory(fuzzDir())) << fuzzDir();
    // The seeds double as a smoke test of the harness itself: it must accept realistic input.
    EXPECT_GT(replay("corpus"), 0) << "no seeds for " << GetParam().name;
}

TEST_P(FuzzReplay, Regressions) {
    ASSERT_TRUE(fs::is_directory(fuzzDir())) << fuzzDir();
    replay("regressions");
}

// The wire seeds are only worth fuzzing from while they reach the operations' inner code: each
// request in them must succeed against the fixed tables, so a schema change that turns them into
// early validation errors is noticed.
TEST(FuzzSeeds, WireSeedsAreValidRequests) {
    const fs::path dir = fuzzDir() / "corpus" / "fuzz_wire";
    ASSERT_TRUE(fs::is_directory(dir)) << dir;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string input = readFile(entry.path());
        ASSERT_FALSE(input.empty()) << entry.path();
        std::vector<std::string> requests;
        if ((static_cast<unsigned char>(input[0]) & 0x0F) == 0x0F) {
            std::istringstream lines(input.substr(1));
            for (std::string line; std::getline(lines, line);)
                if (!line.empty()) requests.push_back(line);
        } else {
            requests.push_back(input);
        }
        WireWorld world;
        ASSERT_TRUE(world.ready()) << world.setupError();
        for (const std::string& request : requests) {
            const wire::Reply reply = world.call(request[0], std::string_view(request).substr(1));
            EXPECT_EQ(reply.status, 200)
                << entry.path().filename().string() << ": " << request << " -> " << reply.body;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(
    Targets, FuzzReplay,
    ::testing::Values(Target{"fuzz_wire", runWire}, Target{"fuzz_condition", runCondition},
                      Target{"fuzz_update", runUpdate}, Target{"fuzz_projection", runProjection},
                      Target{"fuzz_keycondition", runKeyCondition},
                      Target{"fuzz_item_codec", runItemCodec}),
    [](const ::testing::TestParamInfo<Target>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace shardscope::fuzz
