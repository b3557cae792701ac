/* A plugin built against SDK 2.0.0, a major this host does not speak; otherwise valid. */
#include <hoego/sdk.h>

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_MAKE_VERSION(2, 0, 0),
    .manifest_json =
        "{\"id\": \"wrong_abi\", \"name\": {\"ko\": \"다른 ABI\", \"en\": \"Wrong ABI\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
