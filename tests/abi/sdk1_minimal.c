/* A plugin written against the frozen SDK 1.0 C header and nothing more: no init, no deinit, no
 * optional capability (get_extension is NULL). It stands for the oldest plugin the host must
 * keep loading. Its one kind takes a page count that must be even, so the test can see that its
 * own check still runs. */
#include <hoego/sdk.h>
#include <string.h>

static void write_text(const hoego_sink* out, const char* text) {
  out->write(out->context, text, strlen(text));
}

/* The request's "pages" field: the host has already checked it is an integer when present. */
static long pages_in(const char* request, size_t size) {
  static const char key[] = "\"pages\":";
  for (size_t i = 0; i + sizeof(key) - 1 < size; ++i) {
    if (memcmp(request + i, key, sizeof(key) - 1) != 0) continue;
    long value = 0;
    for (size_t j = i + sizeof(key) - 1; j < size && request[j] >= '0' && request[j] <= '9'; ++j)
      value = value * 10 + (request[j] - '0');
    return value;
  }
  return 0;
}

static hoego_status normalize_entry(const char* request, size_t size, const hoego_sink* out) {
  const long pages = pages_in(request, size);
  if (pages % 2 != 0) {
    write_text(out, "{\"errors\":[{\"field\":\"pages\",\"message\":\"must be even\"}]}");
    return HOEGO_STATUS_REJECTED;
  }
  write_text(out, "{\"fields\":{\"pages\":");
  char digits[24];
  size_t length = 0;
  long rest = pages;
  do {
    digits[length++] = (char)('0' + rest % 10);
    rest /= 10;
  } while (rest > 0 && length < sizeof(digits));
  while (length > 0) out->write(out->context, &digits[--length], 1);
  write_text(out, "}}");
  return HOEGO_STATUS_OK;
}

static const hoego_plugin plugin = {
    .struct_size = sizeof(hoego_plugin),
    .sdk_version = HOEGO_SDK_VERSION,
    .manifest_json =
        "{\"id\": \"sdk1_minimal\", \"name\": {\"ko\": \"SDK 1.0 최소\", \"en\": \"SDK 1.0 "
        "minimal\"},"
        " \"version\": \"1.0.0\", \"kinds\": [{\"id\": \"leaflet\", \"version\": 1,"
        " \"label\": {\"ko\": \"전단\", \"en\": \"Leaflet\"}, \"fields\": [{\"id\": \"pages\","
        " \"type\": \"integer\", \"label\": {\"ko\": \"쪽\", \"en\": \"Pages\"}}]}],"
        " \"metrics\": [{\"id\": \"leaflets\", \"label\": {\"ko\": \"전단\", \"en\": \"Leaflets\"},"
        " \"kind\": \"leaflet\", \"aggregate\": \"count\"}]}",
    .normalize_entry = normalize_entry,
};

HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version) {
  (void)host_sdk_version;
  return &plugin;
}
