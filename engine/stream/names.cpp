// SPDX-License-Identifier: MIT
#include "stream/api.h"

namespace shardscope::stream {

std::optional<ViewType> parseViewType(std::string_view name) {
    if (name == "KEYS_ONLY") return ViewType::KeysOnly;
    if (name == "NEW_IMAGE") return ViewType::NewImage;
    if (name == "OLD_IMAGE") return ViewType::OldImage;
    if (name == "NEW_AND_OLD_IMAGES") return ViewType::NewAndOldImages;
    return std::nullopt;
}

std::string_view viewTypeName(ViewType type) {
    switch (type) {
        case ViewType::KeysOnly:
            return "KEYS_ONLY";
        case ViewType::NewImage:
            return "NEW_IMAGE";
        case ViewType::OldImage:
            return "OLD_IMAGE";
        case ViewType::NewAndOldImages:
            return "NEW_AND_OLD_IMAGES";
    }
    return "KEYS_ONLY";
}

std::string_view eventNameText(EventName name) {
    switch (name) {
        case EventName::Insert:
            return "INSERT";
        case EventName::Modify:
            return "MODIFY";
        case EventName::Remove:
            return "REMOVE";
    }
    return "INSERT";
}

}  // namespace shardscope::stream
