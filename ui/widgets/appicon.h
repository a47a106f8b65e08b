// SPDX-License-Identifier: MIT
#pragma once

#include <QIcon>

namespace shardscope::ui {

// The application's icon, drawn at each size it is asked for: three shard lanes with record
// ticks, the top one forking into two children, and a clock. It is the same picture as the
// installed resources/icons/io.github.shardscope.ShardScope.svg, painted here because Qt reads
// SVG only with an extra module the window does not otherwise need.
QIcon applicationIcon();

}  // namespace shardscope::ui
