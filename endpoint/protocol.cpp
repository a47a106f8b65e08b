// SPDX-License-Identifier: MIT
#include "protocol.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

namespace shardscope::endpoint {

namespace {

std::string_view trim(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t");
    return text.substr(first, last - first + 1);
}

bool isRegionName(std::string_view name) {
    if (name.empty() || name.size() > 64) return false;
    for (char c : name) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string regionFromAuthorization(std::string_view authorization, std::string_view fallback) {
    constexpr std::string_view key = "Credential=";
    const auto at = authorization.find(key);
    if (at == std::string_view::npos) return std::string(fallback);
    auto scope = authorization.substr(at + key.size());
    scope = scope.substr(0, scope.find_first_of(", \t"));

    // AKID / date / region / service / aws4_request, and nothing more.
    std::array<std::string_view, 5> parts;
    for (size_t i = 0; i < parts.size(); ++i) {
        const auto slash = scope.find('/');
        const bool last = i + 1 == parts.size();
        if ((slash == std::string_view::npos) != last) return std::string(fallback);
        parts[i] = scope.substr(0, slash);
        if (!last) scope.remove_prefix(slash + 1);
    }
    if (parts[4] != "aws4_request" || !isRegionName(parts[2])) return std::string(fallback);
    return std::string(parts[2]);
}

std::string newRequestId() {
    constexpr std::string_view alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
    std::string id(52, ' ');
    for (char& c : id) c = alphabet[pick(random)];
    return id;
}

uint32_t crc32Of(std::string_view bytes) {
    uLong crc = ::crc32(0L, Z_NULL, 0);
    // zlib takes a uInt length; split very large bodies.
    while (!bytes.empty()) {
        const auto chunk = std::min<size_t>(bytes.size(), std::numeric_limits<uInt>::max());
        crc = ::crc32(crc, reinterpret_cast<const Bytef*>(bytes.data()), static_cast<uInt>(chunk));
        bytes.remove_prefix(chunk);
    }
    return static_cast<uint32_t>(crc);
}

std::string jsonError(std::string_view type, std::string_view message) {
    nlohmann::ordered_json body;
    body["__type"] = type;
    body["message"] = message;
    // Replace, not throw, on invalid UTF-8 (e.g. an exception text quoting raw input).
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool isJsonContentType(std::string_view contentType) {
    const auto type = trim(contentType.substr(0, contentType.find(';')));
    auto equalsNoCase = [type](std::string_view expected) {
        if (type.size() != expected.size()) return false;
        for (size_t i = 0; i < type.size(); ++i) {
            const char c = type[i];
            const char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
            if (lower != expected[i]) return false;
        }
        return true;
    };
    return equalsNoCase("application/x-amz-json-1.0") || equalsNoCase("application/json");
}

}  // namespace shardscope::endpoint
