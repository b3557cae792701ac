/* A manifest that is JSON but not a valid manifest: no "kinds" and a version that is not semver. */
#include <hoego/sdk.h>

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"invalid_manifest\","
        " \"name\": {\"ko\": \"잘못된 매니페스트\", \"en\": \"Invalid manifest\"},"
        " \"version\": \"one\"}",
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
