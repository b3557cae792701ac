# hoego_add_plugin(<name> [SDK <target>] <source>...)
#
# Builds a loadable hoego plugin with the right shape: a MODULE library (not SHARED) named
# <name>.so without the "lib" prefix, every symbol hidden except the exported entry point, and
# every undefined symbol reported when linking rather than when hoego loads it.
# SDK names the SDK target to build against; hoego::sdk unless given (the project's ABI tests
# build against a frozen copy of SDK 1.0).
#
# Shared by the hoego source tree and the installed hoego-sdk package.
include_guard(GLOBAL)

function(hoego_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 HOEGO_PLUGIN "" "SDK" "")
  if(NOT HOEGO_PLUGIN_SDK)
    set(HOEGO_PLUGIN_SDK hoego::sdk)
  endif()
  if(NOT HOEGO_PLUGIN_UNPARSED_ARGUMENTS)
    message(FATAL_ERROR "hoego_add_plugin(${name}) needs at least one source file")
  endif()
  add_library(${name} MODULE ${HOEGO_PLUGIN_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE ${HOEGO_PLUGIN_SDK})
  # Sanitizer builds (hoego's own HOEGO_SANITIZE) leave the sanitizer runtime's symbols for the
  # host executable to provide, so they cannot insist on none being undefined.
  if(NOT HOEGO_SANITIZE)
    target_link_options(${name} PRIVATE LINKER:--no-undefined)
  endif()
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    C_VISIBILITY_PRESET hidden
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()
