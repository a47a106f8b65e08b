// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// The small, socket-free pieces of the AWS JSON transport (reference §4), kept apart so tests can
// check them directly.
namespace shardscope::endpoint {

// The region of a SigV4 credential scope:
// `AWS4-HMAC-SHA256 Credential=AKID/20240101/eu-west-1/dynamodb/aws4_request, ...` -> "eu-west-1".
// Signatures are not checked; anything that does not look like a scope yields `fallback`.
std::string regionFromAuthorization(std::string_view authorization, std::string_view fallback);

// 52 uppercase letters and digits, like AWS's x-amzn-RequestId. Thread-safe.
std::string newRequestId();

// zlib's CRC-32 of exactly these bytes, the value of x-amz-crc32.
uint32_t crc32Of(std::string_view bytes);

// `{"__type":"<type>","message":"<message>"}`, correctly escaped.
std::string jsonError(std::string_view type, std::string_view message);

// application/x-amz-json-1.0 or application/json, parameters such as charset ignored.
bool isJsonContentType(std::string_view contentType);

}  // namespace shardscope::endpoint
