/*
 * hoego plugin SDK — the C ABI between the hoego host and a plugin.
 *
 * This header is the whole contract. A plugin is a shared library (a CMake MODULE) that exports
 * one C function, `hoego_plugin_entry`, returning a pointer to a `hoego_plugin` descriptor.
 * Only C types and UTF-8 JSON text cross the boundary: no C++ types, no exceptions, and memory
 * is freed by the side that allocated it.
 *
 * Compatibility promise: a plugin built against SDK 1.x keeps loading in every host that speaks
 * SDK major 1 with a minor greater than or equal to the plugin's. New capabilities arrive as new
 * fields appended at the end of a struct (guarded by `struct_size`) or as new extension ids
 * answered by `get_extension`; an existing field never moves or changes meaning.
 */
#ifndef HOEGO_SDK_H
#define HOEGO_SDK_H

#include <stddef.h>
#include <stdint.h>

#define HOEGO_SDK_VERSION_MAJOR 1
#define HOEGO_SDK_VERSION_MINOR 3
#define HOEGO_SDK_VERSION_PATCH 0

/* A version packed as major<<24 | minor<<16 | patch, as OBS does. */
#define HOEGO_SDK_MAKE_VERSION(major, minor, patch)                      \
  ((((uint32_t)(major)) << 24) | ((((uint32_t)(minor)) & 0xffu) << 16) | \
   (((uint32_t)(patch)) & 0xffffu))
#define HOEGO_SDK_VERSION \
  HOEGO_SDK_MAKE_VERSION(HOEGO_SDK_VERSION_MAJOR, HOEGO_SDK_VERSION_MINOR, HOEGO_SDK_VERSION_PATCH)
#define HOEGO_SDK_VERSION_MAJOR_OF(version) (((uint32_t)(version)) >> 24)
#define HOEGO_SDK_VERSION_MINOR_OF(version) ((((uint32_t)(version)) >> 16) & 0xffu)
#define HOEGO_SDK_VERSION_PATCH_OF(version) (((uint32_t)(version)) & 0xffffu)

/* The name of the one symbol every plugin exports. */
#define HOEGO_PLUGIN_ENTRY_SYMBOL "hoego_plugin_entry"

/* Marks the entry point as exported even when the plugin builds with -fvisibility=hidden. */
#if defined(_WIN32)
#define HOEGO_PLUGIN_EXPORT __declspec(dllexport)
#else
#define HOEGO_PLUGIN_EXPORT __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/*
 * What a plugin call returns. A plain int32_t rather than an enum so that its size never
 * depends on the compiler.
 */
typedef int32_t hoego_status;
/* The call succeeded; the sink holds the answer. */
#define HOEGO_STATUS_OK ((hoego_status)0)
/* The input is wrong (a user mistake). The sink holds {"errors":[{"field":F,"message":M}]}. */
#define HOEGO_STATUS_REJECTED ((hoego_status)1)
/* The plugin failed (a bug or a missing resource). The sink holds {"error": M}. */
#define HOEGO_STATUS_FAILED ((hoego_status)2)

/*
 * Where a plugin writes its answer. The host owns the sink and the memory behind it; the plugin
 * only calls `write`, as many times as it likes (the pieces are concatenated), and only during
 * the call that handed it the sink. The text written must be UTF-8 JSON.
 */
typedef struct hoego_sink {
  /* sizeof(hoego_sink) as the host was built; read before any other field. */
  uint32_t struct_size;
  /* Opaque to the plugin; pass it back to `write`. */
  void* context;
  /* Appends `size` bytes. Never fails; never keeps the pointer. */
  void (*write)(void* context, const char* data, size_t size);
} hoego_sink;

/* Log levels for hoego_host.log. */
#define HOEGO_LOG_DEBUG 0
#define HOEGO_LOG_INFO 1
#define HOEGO_LOG_WARNING 2
#define HOEGO_LOG_ERROR 3

/*
 * Services the host offers a plugin. Handed to `init`; valid until `deinit` returns.
 * This table only ever grows at its end: before using a field added after SDK 1.0, check that
 * `struct_size` covers it (see HOEGO_HOST_HAS).
 */
typedef struct hoego_host {
  /* sizeof(hoego_host) as the host was built. */
  uint32_t struct_size;
  /* The SDK version the host speaks (HOEGO_SDK_VERSION of the host). */
  uint32_t sdk_version;
  /* Opaque to the plugin; pass it back to every function below. */
  void* context;

  /* --- SDK 1.0 --- */
  /* Writes one line to the host's log. `message` is UTF-8, `size` bytes, not NUL-terminated.
   * Thread-safe; may be called at any time until `deinit` returns. */
  void (*log)(void* context, int32_t level, const char* message, size_t size);

  /* --- SDK 1.1 --- */
  /* The functions below answer only on the thread of a call from the host into this plugin
   * (`init`, `normalize_entry`, `derive_milestones`, an extension's function), because they read
   * the user's data, which the host guards; at any other time they return HOEGO_STATUS_FAILED
   * and write {"error": M}. */

  /* Writes the user's language, "ko" or "en", to `out` as plain text (not JSON). */
  hoego_status (*language)(void* context, const hoego_sink* out);
  /* Writes the user's IANA time zone, for example "Asia/Seoul", to `out` as plain text. */
  hoego_status (*time_zone)(void* context, const hoego_sink* out);
  /* Reads the plugin's own live entries (never another plugin's). Not during `init`.
   * `query` is `size` bytes of JSON, every member optional:
   *   {"kind":"book","from":"2026-01-01","to":"2026-12-31","limit":100}
   * "from" and "to" are inclusive local dates; "limit" (1 to 10000, default 1000) keeps the
   * newest entries. On HOEGO_STATUS_OK writes {"entries":[…],"truncated":false}: oldest first,
   * each as derive_milestones receives them; "truncated" tells that the limit left some out.
   * A malformed query returns HOEGO_STATUS_REJECTED with {"errors":[{"field":F,"message":M}]}. */
  hoego_status (*read_entries)(void* context, const char* query, size_t size,
                               const hoego_sink* out);
} hoego_host;

/* True when a struct handed across, as sized by its builder, contains `field`. */
#define HOEGO_HAS_FIELD(struct_pointer, type, field) \
  ((struct_pointer)->struct_size >= offsetof(type, field) + sizeof(((type*)0)->field))
#define HOEGO_HOST_HAS(host, field) HOEGO_HAS_FIELD(host, hoego_host, field)

/*
 * The descriptor a plugin returns from its entry point. It must stay valid, unchanged, until
 * the library is unloaded (a static object is the usual choice). The host reads only the first
 * `struct_size` bytes, so a plugin built against an older SDK 1.x simply lacks the later fields.
 */
typedef struct hoego_plugin {
  /* sizeof(hoego_plugin) as the plugin was built. */
  uint32_t struct_size;
  /* HOEGO_SDK_VERSION the plugin was built against. The host refuses another major, and a
   * minor newer than its own. */
  uint32_t sdk_version;
  /* The manifest: NUL-terminated UTF-8 JSON describing the plugin's id, name, version, kinds
   * and their fields, metrics and milestones (docs/plugin-reference.md). Static lifetime. */
  const char* manifest_json;

  /* --- SDK 1.0 --- */

  /* Called once, after the manifest was accepted and before normalize_entry, derive_milestones
   * or an extension's function (the host may call get_extension earlier, to see what the
   * plugin offers). May be NULL.
   * Returns HOEGO_STATUS_OK, or anything else to be refused (the plugin is then never called
   * again and `deinit` is not called). */
  hoego_status (*init)(const hoego_host* host);

  /* Called once before the library is unloaded, if `init` succeeded. May be NULL. */
  void (*deinit)(void);

  /* Validates and normalises one entry of one of the plugin's kinds. May be NULL, in which case
   * the host's manifest checks are the only ones.
   * `request` is `size` bytes of JSON, not NUL-terminated:
   *   {"kind":"session","kind_version":1,"title":"…","notes":"…","when":"2022-10-05T20:00:00+09:00",
   *    "people":["김민지"],"tags":[],"track":"글또 7기" or null,"fields":{…}}
   * The host has already checked the fields against the manifest (types, required, unknown).
   * On HOEGO_STATUS_OK write {"fields":{…}} (the normalised fields; "title" may be added to
   * supply a default title). On HOEGO_STATUS_REJECTED write
   * {"errors":[{"field":"duration_min","message":"must be positive"}]}.
   * Must be thread-safe: the host may call it from several threads at once. */
  hoego_status (*normalize_entry)(const char* request, size_t size, const hoego_sink* out);

  /* Derives milestones from the plugin's own entries. May be NULL.
   * `request` is {"entries":[{"id":1,"kind":"session","when":"…","local_date":"2022-10-05",
   *   "title":"…","track":"글또 7기" or null,"people":["김민지"],"tags":[],"fields":{…}}, …]},
   *   oldest first, deleted
   *   entries left out.
   * On HOEGO_STATUS_OK write {"milestones":[{"id":"tenth_session","entry_id":12,
   *   "person":"김민지"}]} where "id" names a milestone declared in the manifest and "person"
   *   is optional. Returns HOEGO_STATUS_OK or HOEGO_STATUS_FAILED (REJECTED has no meaning
   *   here and is treated as a failure). Must be thread-safe. */
  hoego_status (*derive_milestones)(const char* request, size_t size, const hoego_sink* out);

  /* Returns the table of an optional capability named `id` (for example "hoego.year_report.v1"),
   * or NULL when the plugin lacks it. May itself be NULL. The returned pointer stays valid until
   * the library is unloaded and must not be freed. */
  const void* (*get_extension)(const char* id);
} hoego_plugin;

/*
 * Optional capability "hoego.year_report.v1": the plugin's own section of the year in review.
 * A plugin that has it answers get_extension(HOEGO_EXTENSION_YEAR_REPORT_1) with a pointer to a
 * static hoego_year_report_v1; one that does not (every plugin built before it) is skipped.
 */
#define HOEGO_EXTENSION_YEAR_REPORT_1 "hoego.year_report.v1"

/*
 * The goals of a year report: the "goals" member of a write_section request, of this extension
 * and of hoego.resumable_year_report.v1. It came later than the rest of the request, and a host
 * older than it leaves it out: read it as optional. A plugin never assumes the user's target;
 * where a paragraph speaks of one, it is one of these. Each goal is
 *   {"id":3,"title":"16편 쓰기","kind":"post","track":"글또 7기" or null,
 *    "starts_on":"2022-01-01","ends_on":"2022-12-31" or null,"target":16 or null,
 *    "sum_field":"word_count" or null,"progress":12,"status":"on_track","met":false}
 * "target" is null for a goal with a cadence alone; "sum_field" names the field whose values
 * add up (null: entries are counted); "progress" is the total within the goal's own period
 * (which may reach beyond the year) on the day the report judges goals; "status" is one of
 * not_started, on_track, at_risk, achieved, ended, missed; "met" tells that the target was
 * reached. Whole numbers are JSON integers. An empty array: the user set no such goal.
 */
typedef struct hoego_year_report_v1 {
  /* sizeof(hoego_year_report_v1) as the plugin was built. */
  uint32_t struct_size;
  /* Writes the section. `request` is {"year":2022,"language":"ko" or "en","entries":[…],
   * "goals":[…]}: "entries" are the plugin's live entries of that year, oldest first, each as
   * derive_milestones receives them; "goals" are the user's goals on the plugin's kinds whose
   * period overlaps the year, as the report judges them ("The goals of a year report", above).
   * On HOEGO_STATUS_OK write {"title":"…","paragraphs":["…", …]}: plain text (no markup; the
   * host escapes and lays it out), at most 20 paragraphs. An empty "paragraphs" array leaves
   * the section out. Must be thread-safe. */
  hoego_status (*write_section)(const char* request, size_t size, const hoego_sink* out);
} hoego_year_report_v1;

/*
 * Optional capability "hoego.resumable_milestones.v1" (SDK 1.2): milestones derived one entry
 * at a time, so that the host asks only about entries the plugin has not seen yet. A plugin
 * that has it answers get_extension(HOEGO_EXTENSION_RESUMABLE_MILESTONES_1) with a pointer to
 * a static hoego_resumable_milestones_v1; the host then calls resume instead of
 * derive_milestones (the C++ layer fills derive_milestones from resume all the same). Without
 * it the host calls derive_milestones with every entry each time the plugin's entries change.
 */
#define HOEGO_EXTENSION_RESUMABLE_MILESTONES_1 "hoego.resumable_milestones.v1"

typedef struct hoego_resumable_milestones_v1 {
  /* sizeof(hoego_resumable_milestones_v1) as the plugin was built. */
  uint32_t struct_size;
  /* Goes on deriving. `request` is {"state":…,"entries":[…]}: "state" is null the first time
   * (and whenever the host starts over), otherwise exactly the "state" this plugin answered
   * last; "entries" are the plugin's live entries after the last ones it was given, oldest
   * first, each as derive_milestones receives them (possibly none). On HOEGO_STATUS_OK write
   * {"milestones":[…],"state":…}: the milestones reached by these entries, as derive_milestones
   * writes them, and any JSON value the plugin wants back next time. The host keeps the state
   * in its database, across processes, while the plugin's id and manifest version stay the
   * same; it starts over (state null, every entry) whenever an entry already given was changed,
   * deleted, or preceded by a new one. Must be thread-safe. */
  hoego_status (*resume)(const char* request, size_t size, const hoego_sink* out);
} hoego_resumable_milestones_v1;

/*
 * Optional capability "hoego.resumable_year_report.v1" (SDK 1.3): the year-in-review section
 * written from a state the plugin builds up one month of entries at a time, so that after a
 * change the host hands it only the months from the changed one on, not the whole year again.
 * A plugin that has it answers get_extension(HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1) with a
 * pointer to a static hoego_resumable_year_report_v1; the host then uses it instead of
 * hoego_year_report_v1 (which the C++ layer fills from these two functions all the same).
 */
#define HOEGO_EXTENSION_RESUMABLE_YEAR_REPORT_1 "hoego.resumable_year_report.v1"

typedef struct hoego_resumable_year_report_v1 {
  /* sizeof(hoego_resumable_year_report_v1) as the plugin was built. */
  uint32_t struct_size;
  /* Adds one month to the state. `request` is {"year":2022,"month":3,"state":…,"entries":[…]}:
   * "entries" are the plugin's live entries of that month of the year (by their local date),
   * oldest first, each as derive_milestones receives them; "state" is null for the year's first
   * month with entries, otherwise exactly a "state" this plugin answered for the months before,
   * of the same year. On HOEGO_STATUS_OK write {"state":…}, any JSON value. The host keeps the
   * state after each month in its database while the plugin's id and manifest version stay the
   * same, and after a change goes on from the one before the changed month: the same state may
   * be handed again with other entries. Must be thread-safe. */
  hoego_status (*resume)(const char* request, size_t size, const hoego_sink* out);
  /* Writes the section from the state after the year's last month: `request` is
   * {"year":2022,"language":"ko" or "en","state":…,"goals":[…]}, "state" null when the plugin
   * had no entries that year, "goals" as for hoego_year_report_v1 (the goals of a year report).
   * Answers as hoego_year_report_v1's write_section. Must be thread-safe. */
  hoego_status (*write_section)(const char* request, size_t size, const hoego_sink* out);
} hoego_resumable_year_report_v1;

/*
 * The entry point every plugin exports under the name HOEGO_PLUGIN_ENTRY_SYMBOL.
 * `host_sdk_version` is the host's HOEGO_SDK_VERSION, for a plugin that wants to adapt.
 * Returns the plugin's descriptor, or NULL to decline loading. Called once per load.
 */
typedef const hoego_plugin* (*hoego_plugin_entry_function)(uint32_t host_sdk_version);

/* Declared here so that a plugin's definition gets C linkage and is exported even when it
 * builds with -fvisibility=hidden. */
HOEGO_PLUGIN_EXPORT const hoego_plugin* hoego_plugin_entry(uint32_t host_sdk_version);

/* The size of a descriptor built against SDK 1.0: the least the host accepts. */
#define HOEGO_PLUGIN_SIZE_1_0 (offsetof(hoego_plugin, get_extension) + sizeof(void*))

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* HOEGO_SDK_H */
