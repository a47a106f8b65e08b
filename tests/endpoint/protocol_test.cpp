// SPDX-License-Identifier: MIT
#include "endpoint/protocol.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <nlohmann/json.hpp>
#include <set>

namespace shardscope::endpoint {
namespace {

TEST(RegionFromAuthorization, TakesTheCredentialScopeRegion) {
    EXPECT_EQ(regionFromAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/"
                                      "dynamodb/aws4_request, SignedHeaders=host, Signature=ab",
                                      "us-east-1"),
              "eu-west-1");
    EXPECT_EQ(regionFromAuthorization("AWS4-HMAC-SHA256 Credential=AKID/20240101/ap-south-2/"
                                      "dynamodb/aws4_request,SignedHeaders=host",
                                      "us-east-1"),
              "ap-south-2");
}

TEST(RegionFromAuthorization, FallsBackWhenAbsentOrMalformed) {
    for (const char* header :
         {"", "Basic dXNlcjpwYXNz",
          "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1",
          "AWS4-HMAC-SHA256 Credential=AKID/20240101//dynamodb/aws4_request",
          "AWS4-HMAC-SHA256 Credential=AKID/20240101/EU WEST/dynamodb/aws4_request",
          "AWS4-HMAC-SHA256 Credential=A/2024/eu-west-1/dynamodb/aws4_request/x",
          "AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/other"}) {
        EXPECT_EQ(regionFromAuthorization(header, "us-east-1"), "us-east-1") << header;
    }
}

TEST(RequestId, IsFiftyTwoUppercaseAlphanumericsAndUnique) {
    std::set<std::string> seen;
    for (int i = 0; i < 1000; ++i) {
        const auto id = newRequestId();
        ASSERT_EQ(id.size(), 52u);
        for (char c : id) EXPECT_TRUE((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) << id;
        seen.insert(id);
    }
    EXPECT_EQ(seen.size(), 1000u);
}

TEST(Crc32, MatchesZlib) {
    EXPECT_EQ(crc32Of(""), 0u);
    // The check value of CRC-32/ISO-HDLC.
    EXPECT_EQ(crc32Of("123456789"), 0xCBF43926u);
    const std::string body = R"({"TableNames":[]})";
    EXPECT_EQ(crc32Of(body), ::crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                     static_cast<uInt>(body.size())));
}

TEST(JsonError, EscapesTheMessage) {
    const auto body = jsonError("ns#Code", "a \"quoted\"\nline \xff");
    const auto parsed = nlohmann::json::parse(body);
    EXPECT_EQ(parsed["__type"], "ns#Code");
    EXPECT_EQ(body.find("__type"), 2u);  // __type first, as AWS sends it
}

TEST(ContentType, AcceptsAmzJsonAndJson) {
    EXPECT_TRUE(isJsonContentType("application/x-amz-json-1.0"));
    EXPECT_TRUE(isJsonContentType("Application/X-Amz-Json-1.0; charset=utf-8"));
    EXPECT_TRUE(isJsonContentType("application/json"));
    EXPECT_FALSE(isJsonContentType("application/x-amz-json-1.1"));
    EXPECT_FALSE(isJsonContentType("text/plain"));
    EXPECT_FALSE(isJsonContentType(""));
}

}  // namespace
}  // namespace shardscope::endpoint
