// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>

// UpdateTimeToLive / DescribeTimeToLive shapes (reference §2.6) and how TTL deletes (§6).
namespace shardscope::ttl {

struct TimeToLiveSpecification {
    std::string attributeName;
    bool enabled = false;
};

struct UpdateTimeToLiveRequest {
    std::string tableName;
    TimeToLiveSpecification specification;
};

struct TimeToLiveDescription {
    std::string status;                        // ENABLING, DISABLING, ENABLED, DISABLED
    std::optional<std::string> attributeName;  // absent when DISABLED
};

// When an expired item is really deleted. DynamoDB deletes in a background sweep, minutes to days
// after expiry; Realistic draws a seeded lag per item from a model of what is observed (about ten
// minutes to an hour, rarely more), Immediate deletes within the second it expires, for demos.
enum class DeletionLag { Immediate, Realistic };

struct TtlSettings {
    DeletionLag lag = DeletionLag::Realistic;
    // DynamoDB allows one TTL change per table within this window.
    int64_t changeWindowMs = 3600 * 1000;
};

}  // namespace shardscope::ttl
