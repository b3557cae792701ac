/* A plugin that needs a function nothing provides: the dynamic loader refuses it, and the host
 * must say so in the loader's words ("undefined symbol: ..."), not as an errno. */
#include <hoego/sdk.h>

/* Declared, never defined: only the dynamic loader notices, when it binds the library. */
extern const char* hoego_test_function_nobody_defines(void);

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"undefined_symbol\", \"name\": {\"ko\": \"없는 함수\", \"en\": \"Undefined\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return hoego_test_function_nobody_defines() != NULL ? &plugin : NULL;
}
