/* A manifest that is not JSON at all. */
#include <hoego/sdk.h>

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json = "id: not_json_manifest\nkinds: [thing",
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
