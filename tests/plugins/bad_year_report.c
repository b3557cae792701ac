/* A plugin whose year-report extension answers with something other than a section. */
#include <hoego/sdk.h>
#include <string.h>

static hoego_status write_section(const char* request, size_t size, const hoego_sink* out) {
  (void)request;
  (void)size;
  const char* text = "{\"title\": 5}";
  out->write(out->context, text, strlen(text));
  return HOEGO_STATUS_OK;
}

static const hoego_year_report_v1 year_report = {
    .struct_size = sizeof(hoego_year_report_v1),
    .write_section = write_section,
};

static const void* get_extension(const char* id) {
  return id != NULL && strcmp(id, HOEGO_EXTENSION_YEAR_REPORT_1) == 0 ? &year_report : NULL;
}

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"bad_report\", \"name\": {\"ko\": \"깨진 회고\", \"en\": \"Bad report\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"thing\", \"version\": 1,"
        " \"label\": {\"ko\": \"항목\", \"en\": \"Thing\"}}]}",
    .get_extension = get_extension,
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
