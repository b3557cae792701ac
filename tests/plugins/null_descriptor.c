/* A plugin whose entry point declines to load by returning no descriptor. */
#include <hoego/sdk.h>

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return NULL;
}
