// SPDX-License-Identifier: MIT
#include "serve.h"

#include <malloc.h>
#include <pthread.h>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "demo/tasklist.h"
#include "endpoint/server.h"
#include "sim/scheduler.h"
#include "table/database.h"
#include "wire/dispatcher.h"

namespace shardscope::app {

namespace {

// Signals are taken synchronously by the main thread: blocked before any thread starts (threads
// inherit the mask), then awaited with sigwait. No handler runs in signal context.
sigset_t stopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    return signals;
}

int waitForStopSignal(const sigset_t& signals) {
    int signal = 0;
    while (sigwait(&signals, &signal) != 0) {
    }
    return signal;
}

// A wildcard address is not something a client can connect to.
std::string urlFor(const std::string& bindAddress, uint16_t port) {
    std::string host = bindAddress;
    if (host == "0.0.0.0" || host == "localhost") host = "127.0.0.1";
    if (host == "::") host = "::1";
    if (host.find(':') != std::string::npos) host = "[" + host + "]";
    return "http://" + host + ":" + std::to_string(port);
}

void printHowToConnect(const ServeOptions& options, const std::string& url,
                       const sim::Clock& clock) {
    std::cout << "ShardScope " SHARDSCOPE_VERSION " is serving the DynamoDB API on " << url << "\n";
    if (options.inMemory) {
        std::cout << "Workspace: in memory (nothing is saved)\n";
    } else {
        std::cout << "Workspace: " << options.workspace << "\n";
    }
    if (clock.mode() == sim::Clock::Mode::Virtual)
        std::cout << "Clock: virtual, running at x" << clock.speed() << "\n";
    else
        std::cout << "Clock: real time\n";
    std::cout << "\nPoint the AWS CLI or an SDK at it; any credentials are accepted:\n"
              << "  export AWS_ACCESS_KEY_ID=shardscope AWS_SECRET_ACCESS_KEY=shardscope"
                 " AWS_DEFAULT_REGION=us-east-1\n"
              << "  aws dynamodb list-tables --endpoint-url " << url << " --region us-east-1\n"
              << "\nPress Ctrl-C to stop." << std::endl;
}

// Every answer is built in one buffer of up to a few MB (a GetRecords or Scan page is typically
// a few hundred KB) and freed once written. With glibc's defaults such buffers are mmapped and
// unmapped, or the heap's top is trimmed and grown again, so their pages are faulted in anew
// request after request: while a stream was read, page faults took about a tenth of the
// server's CPU. They come from the heap instead, and the heap keeps up to 64 MB of free space
// at its top (many pages' worth) before giving memory back.
void keepLargeBuffersInHeap() {
    mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);  // glibc's maximum on 64-bit
    mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
}

}  // namespace

int runServe(const ServeOptions& options) {
    keepLargeBuffersInHeap();
    const sigset_t signals = stopSignals();
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    table::DatabaseOptions databaseOptions;
    databaseOptions.path = options.inMemory ? ":memory:" : options.workspace;
    // The endpoint answers a batch of requests after one commit (see beforeReplies below).
    databaseOptions.deferCommits = true;
    if (options.virtualClock)
        databaseOptions.clockMode =
            *options.virtualClock ? sim::Clock::Mode::Virtual : sim::Clock::Mode::Real;
    databaseOptions.ttl.lag =
        options.immediateTtl ? ttl::DeletionLag::Immediate : ttl::DeletionLag::Realistic;
    auto database = table::Database::open(databaseOptions);
    if (!database) {
        std::cerr << "shardscope: cannot open workspace '" << databaseOptions.path
                  << "': " << database.error().message << "\n";
        return 1;
    }
    if (options.demo) {
        if (auto seeded = demo::seedTaskList(**database); !seeded) {
            std::cerr << "shardscope: cannot fill the demo workspace: " << seeded.error().message
                      << "\n";
            return 1;
        }
    }
    const wire::Dispatcher dispatcher(**database);

    // Time-driven work (shard rollover, the 24-hour trim, TTL deletions) runs on the scheduler's
    // thread, on the world's clock; a virtual clock plays at --speed.
    sim::Clock& clock = (*database)->clock();
    clock.setSpeed(options.speed);
    clock.play();
    sim::Scheduler scheduler(clock);
    (*database)->attachTo(scheduler);
    scheduler.start();

    endpoint::ServerOptions serverOptions;
    serverOptions.bindAddress = options.bindAddress;
    serverOptions.port = options.port;
    // One I/O thread running the handler itself: the engine serialises writes anyway, and on a
    // small machine every thread hand-off is a pair of system calls per request.
    serverOptions.threads = 1;
    serverOptions.handlerThreads = 0;
    table::Database& db = **database;
    serverOptions.beforeReplies = [&db] { return db.flush().ok(); };
    auto server =
        endpoint::Server::start(serverOptions, [&dispatcher](const endpoint::Request& call) {
            auto reply = dispatcher.handle(call.target, call.body, call.region);
            return endpoint::Reply{reply.status, std::move(reply.body)};
        });
    if (!server) {
        std::cerr << "shardscope: " << server.error().message << "\n";
        return server.error().code == ErrorCode::Validation ? 2 : 1;
    }

    printHowToConnect(options, urlFor(options.bindAddress, (*server)->port()), clock);
    waitForStopSignal(signals);
    std::cout << "Stopping: finishing requests in progress..." << std::endl;
    // Every acknowledged write is already committed; stopping only lets in-flight calls answer.
    (*server)->stop();
    scheduler.stop();
    std::cout << "Stopped." << std::endl;
    return 0;
}

}  // namespace shardscope::app
