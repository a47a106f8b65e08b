// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

#include "model/error.h"

namespace shardscope::table {
class Database;
}

// The DynamoDB JSON protocol (awsJson 1.0) without sockets: a request's X-Amz-Target and body in,
// a status and a body out. The HTTP endpoint adds the transport (headers, CRC32, keep-alive).
namespace shardscope::wire {

struct Reply {
    int status = 200;
    std::string body;
};

class Dispatcher {
public:
    // `db` must outlive the dispatcher. Thread-safe: endpoint workers call handle() concurrently.
    explicit Dispatcher(table::Database& db);

    // `target` is the X-Amz-Target header ("DynamoDB_20120810.PutItem" or
    // "DynamoDBStreams_20120810.GetRecords"); `region` comes from the request's SigV4 credential
    // scope ("" when absent). Never throws.
    Reply handle(std::string_view target, std::string_view body, std::string_view region) const;

private:
    table::Database& m_db;
};

// `{"__type":"<namespace>#<Code>","message":"…"}` with DynamoDB's namespace for the code.
std::string errorType(ErrorCode code);
int httpStatus(ErrorCode code);
Reply errorReply(ErrorCode code, std::string_view message);

}  // namespace shardscope::wire
