// SPDX-License-Identifier: MIT
#include <iostream>
#include <string_view>
#include <vector>

#include "cli.h"
#include "serve.h"
#ifdef SHARDSCOPE_WITH_UI
#include "window.h"
#endif

int main(int argc, char** argv) {
    using namespace shardscope::app;
    const std::vector<std::string_view> arguments(argv + 1, argv + argc);
    auto line = parseCommandLine(arguments);
    if (!line) {
        std::cerr << "shardscope: " << line.error().message << "\n"
                  << "Run 'shardscope --help' for usage.\n";
        return 2;
    }
    switch (line->command) {
        case Command::Help:
            std::cout << usage();
            return 0;
        case Command::Version:
            std::cout << "shardscope " SHARDSCOPE_VERSION "\n";
            return 0;
        case Command::Serve:
            return runServe(line->serve);
        case Command::Window:
#ifdef SHARDSCOPE_WITH_UI
            return runWindow(line->serve, argc, argv);
#else
            std::cerr << "shardscope: this build has no window (SHARDSCOPE_BUILD_UI=OFF); "
                         "'shardscope serve' runs the endpoint\n";
            return 2;
#endif
    }
    return 2;
}
