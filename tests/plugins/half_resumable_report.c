/* A plugin whose resumable year-report extension has no function to write the section with. */
#include <hoego/sdk.h>
#include <string.h>

static hoego_status resume(const char* request, size_t size, const hoego_sink* out) {
  (void)request;
  (void)size;
  const char* text = "{\"state\": null}";
  out->write(out->context, text, strlen(text));
  return HOEGO_STATUS_OK;
}

static const hoego_resumable_year_report_v1 resumable = {
    .struct_size = sizeof(hoego_resumable_year_report_v1),
    .resume = resume,
    .write_section = NULL,
};

static const void* get_extension(const char* id) {
  return id != NULL && strcmp(id, HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1) == 0 ? &resumable : NULL;
}

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"half_report\", \"name\": {\"ko\": \"반쪽 회고\", \"en\": \"Half report\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
    .get_extension = get_extension,
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
