// A loadable module without the entry point: the function below has the right name but C++
// linkage, so what the library exports is the mangled _Z18hoego_plugin_entryj (the commonest way
// a real plugin ends up with no hoego_plugin_entry). It includes no SDK header on purpose: were
// <hoego/sdk.h> ever to declare the entry point extern "C", this definition would inherit C
// linkage and stop testing anything.
#include <cstdint>

struct hoego_plugin;

__attribute__((visibility("default"))) const hoego_plugin* hoego_plugin_entry(std::uint32_t) {
  return nullptr;
}
