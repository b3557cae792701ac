/* A plugin that reports success but answers with text that is not the documented JSON. */
#include <hoego/sdk.h>
#include <string.h>

static void write_text(const hoego_sink* out, const char* text) {
  out->write(out->context, text, strlen(text));
}

static hoego_status normalize_entry(const char* request, size_t size, const hoego_sink* out) {
  (void)request;
  (void)size;
  write_text(out, "{\"fields\": ");
  return HOEGO_STATUS_OK;
}

static hoego_status derive_milestones(const char* request, size_t size, const hoego_sink* out) {
  (void)request;
  (void)size;
  write_text(out, "not json");
  return HOEGO_STATUS_OK;
}

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"malformed\", \"name\": {\"ko\": \"깨진 JSON\", \"en\": \"Malformed\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
    .normalize_entry = normalize_entry,
    .derive_milestones = derive_milestones,
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
