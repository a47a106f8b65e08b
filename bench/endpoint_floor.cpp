// SPDX-License-Identifier: MIT
// The floor under any endpoint's CPU per request on this machine: a single-threaded epoll HTTP/1.1
// server that does nothing but read each request and send a canned DynamoDB-shaped answer (with
// x-amz-crc32, so SDKs accept it). No storage, no JSON parsing, no HTTP library: whatever it
// costs per request is the kernel's TCP and epoll work that every server pays under ddb-bench.
// The harness's checks fail against it (it stores nothing); only its CPU figures mean something.
// Usage: endpoint_floor PORT     (listens on 127.0.0.1; run it through bench/endpoint-bench.sh)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

namespace {

// Enough for the harness to create its table, see it ACTIVE and read an item back.
std::string_view answerFor(std::string_view target) {
    if (target.ends_with(".CreateTable"))
        return R"({"TableDescription":{"TableName":"t","TableStatus":"ACTIVE"}})";
    if (target.ends_with(".DescribeTable"))
        return R"({"Table":{"TableName":"t","TableStatus":"ACTIVE"}})";
    if (target.ends_with(".GetItem"))
        return R"({"Item":{"pk":{"S":"p0001"},"sk":{"S":"a000000001"},"counter":{"N":"0"},)"
               R"("status":{"S":"new"},"price":{"N":"12.34"},"active":{"BOOL":true},)"
               R"("meta":{"M":{"k":{"S":"v"},"n":{"N":"1"}}},"payload":{"S":"FLOORFLOORFLOOR)"
               R"(FLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOORFLOOR"}}})";
    return "{}";
}

bool startsWithNoCase(std::string_view line, std::string_view prefix) {
    if (line.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(line[i])) != prefix[i]) return false;
    return true;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

struct Connection {
    int fd = -1;
    std::string pending;
};

// Answers every complete request in `c.pending`; false when the peer must be dropped.
bool answerRequests(Connection& c) {
    for (;;) {
        const size_t headerEnd = c.pending.find("\r\n\r\n");
        if (headerEnd == std::string::npos) return true;
        const std::string_view header(c.pending.data(), headerEnd);
        size_t contentLength = 0;
        std::string_view target;
        for (size_t at = 0; at < header.size();) {
            size_t eol = header.find("\r\n", at);
            if (eol == std::string_view::npos) eol = header.size();
            const std::string_view line = header.substr(at, eol - at);
            if (startsWithNoCase(line, "content-length:"))
                contentLength =
                    std::strtoul(std::string(trim(line.substr(15))).c_str(), nullptr, 10);
            else if (startsWithNoCase(line, "x-amz-target:"))
                target = trim(line.substr(13));
            at = eol + 2;
        }
        const size_t total = headerEnd + 4 + contentLength;
        if (c.pending.size() < total) return true;
        const std::string_view body = answerFor(target);
        const auto crc = crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()));
        std::string response =
            "HTTP/1.1 200 OK\r\nContent-Type: application/x-amz-json-1.0\r\n"
            "x-amzn-RequestId: FLOOR0000000000000000000000000000000000000\r\n"
            "x-amz-crc32: " +
            std::to_string(crc) + "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
        response.append(body);
        if (send(c.fd, response.data(), response.size(), MSG_NOSIGNAL) != ssize_t(response.size()))
            return false;
        c.pending.erase(0, total);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: endpoint_floor PORT\n");
        return 2;
    }
    const int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    const int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(uint16_t(std::atoi(argv[1])));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (bind(listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        listen(listener, 128) != 0) {
        std::perror("endpoint_floor: cannot listen");
        return 1;
    }
    const int poller = epoll_create1(0);
    epoll_event listening{EPOLLIN, {.ptr = nullptr}};
    epoll_ctl(poller, EPOLL_CTL_ADD, listener, &listening);
    epoll_event ready[64];
    char buffer[64 * 1024];
    for (;;) {
        const int count = epoll_wait(poller, ready, 64, -1);
        for (int i = 0; i < count; ++i) {
            auto* c = static_cast<Connection*>(ready[i].data.ptr);
            if (!c) {
                const int fd = accept4(listener, nullptr, nullptr, SOCK_NONBLOCK);
                if (fd < 0) continue;
                setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
                epoll_event readable{EPOLLIN, {.ptr = new Connection{fd, {}}}};
                epoll_ctl(poller, EPOLL_CTL_ADD, fd, &readable);
                continue;
            }
            const ssize_t got = recv(c->fd, buffer, sizeof buffer, 0);
            if (got < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (got > 0) c->pending.append(buffer, size_t(got));
            if (got <= 0 || !answerRequests(*c)) {
                close(c->fd);  // also leaves the epoll set
                delete c;
            }
        }
    }
}
