/* A plugin whose init fails: the host must refuse it and never call it again. */
#include <hoego/sdk.h>
#include <stdlib.h>
#include <string.h>

static hoego_status init(const hoego_host* host) {
  static const char message[] = "init_fails: the resource it needs is missing";
  if (HOEGO_HOST_HAS(host, log) && host->log != NULL)
    host->log(host->context, HOEGO_LOG_ERROR, message, strlen(message));
  return HOEGO_STATUS_FAILED;
}

/* The host must not call deinit after a failed init; if it does, the test crashes loudly. */
static void deinit(void) { abort(); }

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"init_fails\", \"name\": {\"ko\": \"초기화 실패\", \"en\": \"Init fails\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
    .init = init,
    .deinit = deinit,
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
