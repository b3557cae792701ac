/* Pins the SDK's binary layout: compiled against the frozen SDK 1.0 headers and against the
 * current ones (tests/abi/README.md). A failing assertion here means a plugin built against an
 * earlier SDK 1.x would read or call the wrong thing: make the change an appended field or a new
 * extension instead. */
#include <hoego/sdk.h>
#include <stddef.h>
#include <stdint.h>

#if UINTPTR_MAX != UINT64_MAX
#error "the pinned layout is that of 64-bit (LP64) platforms"
#endif

#define PIN_OFFSET(type, field, offset) \
  _Static_assert(offsetof(type, field) == (offset), #type "." #field " moved")
#define PIN_SIZE(type, size) _Static_assert(sizeof(type) == (size), #type " changed size")

_Static_assert(HOEGO_SDK_VERSION_MAJOR == 1, "SDK major 1");
_Static_assert(HOEGO_SDK_MAKE_VERSION(1, 2, 3) == 0x01020003u, "version packing");
_Static_assert(HOEGO_SDK_VERSION_MINOR_OF(0x01020003u) == 2, "version unpacking");
_Static_assert(sizeof(hoego_status) == 4, "hoego_status is 32 bits");
_Static_assert(HOEGO_STATUS_OK == 0 && HOEGO_STATUS_REJECTED == 1 && HOEGO_STATUS_FAILED == 2,
               "status values");
_Static_assert(HOEGO_LOG_DEBUG == 0 && HOEGO_LOG_INFO == 1 && HOEGO_LOG_WARNING == 2 &&
                   HOEGO_LOG_ERROR == 3,
               "log levels");
_Static_assert(sizeof(HOEGO_PLUGIN_ENTRY_SYMBOL) == sizeof("hoego_plugin_entry"),
               "entry point name");
_Static_assert(sizeof(HOEGO_EXTENSION_YEAR_REPORT_1) == sizeof("hoego.year_report.v1"),
               "year report extension id");

PIN_OFFSET(hoego_sink, struct_size, 0);
PIN_OFFSET(hoego_sink, context, 8);
PIN_OFFSET(hoego_sink, write, 16);
PIN_SIZE(hoego_sink, 24);

PIN_OFFSET(hoego_host, struct_size, 0);
PIN_OFFSET(hoego_host, sdk_version, 4);
PIN_OFFSET(hoego_host, context, 8);
PIN_OFFSET(hoego_host, log, 16);

PIN_OFFSET(hoego_plugin, struct_size, 0);
PIN_OFFSET(hoego_plugin, sdk_version, 4);
PIN_OFFSET(hoego_plugin, manifest_json, 8);
PIN_OFFSET(hoego_plugin, init, 16);
PIN_OFFSET(hoego_plugin, deinit, 24);
PIN_OFFSET(hoego_plugin, normalize_entry, 32);
PIN_OFFSET(hoego_plugin, derive_milestones, 40);
PIN_OFFSET(hoego_plugin, get_extension, 48);
_Static_assert(HOEGO_PLUGIN_SIZE_1_0 == 56, "the least descriptor size the host accepts");

PIN_OFFSET(hoego_year_report_v1, struct_size, 0);
PIN_OFFSET(hoego_year_report_v1, write_section, 8);
PIN_SIZE(hoego_year_report_v1, 16);

/* What each minor appended, and the sizes it left. */
#if HOEGO_SDK_VERSION_MINOR == 0
PIN_SIZE(hoego_host, 24);
PIN_SIZE(hoego_plugin, 56);
#else
/* 1.1: three host functions. */
PIN_OFFSET(hoego_host, language, 24);
PIN_OFFSET(hoego_host, time_zone, 32);
PIN_OFFSET(hoego_host, read_entries, 40);
PIN_SIZE(hoego_host, 48);
PIN_SIZE(hoego_plugin, 56);
#if HOEGO_SDK_VERSION_MINOR >= 2
/* 1.2: the resumable milestones extension; no struct grew. */
_Static_assert(sizeof(HOEGO_EXTENSION_RESUMABLE_MILESTONES_1) ==
                   sizeof("hoego.resumable_milestones.v1"),
               "extension ids never change");
PIN_OFFSET(hoego_resumable_milestones_v1, struct_size, 0);
PIN_OFFSET(hoego_resumable_milestones_v1, resume, 8);
PIN_SIZE(hoego_resumable_milestones_v1, 16);
#endif
#if HOEGO_SDK_VERSION_MINOR >= 3
/* 1.3: the resumable year-report extension; no struct grew. */
_Static_assert(sizeof(HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1) ==
                   sizeof("hoego.resumable_year_report.v1"),
               "extension ids never change");
PIN_OFFSET(hoego_resumable_year_report_v1, struct_size, 0);
PIN_OFFSET(hoego_resumable_year_report_v1, resume, 8);
PIN_OFFSET(hoego_resumable_year_report_v1, write_section, 16);
PIN_SIZE(hoego_resumable_year_report_v1, 24);
#endif
#if HOEGO_SDK_VERSION_MINOR > 3
#error "a new SDK minor: pin the fields it appends here, below the last one"
#endif
#endif
