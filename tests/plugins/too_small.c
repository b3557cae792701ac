/* A descriptor that declares only 4 bytes, fewer than SDK 1.0's hoego_plugin. The rest of the
 * struct is valid, so the host can only refuse it by honouring struct_size. */
#include <hoego/sdk.h>

static const hoego_plugin plugin = {
    .struct_size = 4,
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"too_small\", \"name\": {\"ko\": \"작은 구조체\", \"en\": \"Too small\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
