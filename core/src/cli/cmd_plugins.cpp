// hoego plugins: what was loaded, and what was refused and why; `plugins check FILE` tries one
// library without installing it.
#include <hoego/core/json_answers.h>
#include <hoego/core/plugin_switches.h>

#include <iostream>

#include "commands.h"

namespace hoego::cli {
namespace {

std::string joined(const std::vector<std::string>& items, const Words& words) {
  std::string text;
  for (const auto& item : items) text += (text.empty() ? "" : ", ") + item;
  return text.empty() ? words.pick("없음", "none") : text;
}

void list_plugins(Context& context, bool json) {
  const PluginHost& host = context.plugins();
  std::vector<UnloadedPlugin> unloaded;
  if (Database* db = context.database(); db != nullptr) {
    auto found = unloaded_plugins(*db, host);
    if (!context.succeeded(found)) return;
    unloaded = std::move(*found);
  } else {
    return;
  }
  if (json) {
    context.print_json(plugins_answer(host, context.language(), unloaded));
    return;
  }
  const Words words = context.words();
  for (const auto& plugin : host.plugins())
    std::cout << plugin->id() << " " << plugin->manifest().version
              << words.pick(" 불러옴 (sdk ", " loaded (sdk ") << plugin->sdk_version_text()
              << ") — " << plugin->manifest().name.in(words.language) << " — "
              << plugin->path().string() << "\n";
  for (const auto& plugin : host.disabled())
    std::cout << plugin->id() << " " << plugin->manifest().version
              << words.pick(" 꺼짐 (켜려면: hoego plugins enable ",
                            " off (turn on: hoego plugins enable ")
              << plugin->id() << ")\n";
  for (const auto& refusal : host.refusals())
    std::cout << words.pick("거부됨 ", "refused ") << refusal.path.string() << ": "
              << refusal.reason_in(words.language) << "\n";
  for (const auto& kept : unloaded)
    std::cout << words.entries(kept.entries)
              << (words.korean()      ? "가"
                  : kept.entries == 1 ? " belongs"
                                      : " belong")
              << (kept.reason == "disabled"
                      ? words.pick(" 꺼진 플러그인 ", " to the switched-off plugin ")
                      : words.pick(" 설치되지 않은 플러그인 ", " to the missing plugin "))
              << kept.plugin
              << words.pick("에 속합니다 (hoego list --plugin ", " (hoego list --plugin ")
              << kept.plugin << ")\n";
  if (host.plugins().empty() && host.refusals().empty() && host.disabled().empty())
    std::cout << words.pick(
        "플러그인을 찾지 못했습니다 (함께 설치되는 플러그인은 bin/ 옆의 lib/hoego/plugins에 "
        "있습니다)\n",
        "no plugins found (bundled plugins live in lib/hoego/plugins beside bin/)\n");
}

// Loads the library beside the installed plugins, so that a clashing id shows, and reports
// every problem. Exit 1 when it would be refused.
void check_plugin(Context& context, const std::string& file, bool json) {
  const Words words = context.words();
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    context.exit_code = context.fail(Error::not_found("no plugin library at " + file,
                                                      file + "에 플러그인 라이브러리가 없습니다"));
    return;
  }
  const PluginCheck check = context.plugins().check_file(file);
  const LoadedPlugin* plugin = check.plugin.get();
  if (plugin == nullptr) {
    // Checked before, while loading: that attempt is the answer.
    for (const auto& loaded : context.plugins().plugins())
      if (std::filesystem::equivalent(loaded->path(), file, error)) plugin = loaded.get();
  }
  const std::vector<std::string>& problems = check.problems_in(words.language);
  if (json) {
    nlohmann::json answer{{"path", file}, {"ok", problems.empty()}, {"problems", problems}};
    if (plugin != nullptr) answer["plugin"] = plugin_answer(*plugin, context.language());
    context.print_json(answer);
  } else if (check.problems.empty() && plugin != nullptr) {
    std::cout << file << words.pick(": 이상 없음 — ", ": ok — ") << plugin->id() << " "
              << plugin->manifest().version << " (sdk " << plugin->sdk_version_text() << ")\n";
    std::vector<std::string> kinds;
    for (const auto& kind : plugin->manifest().kinds) kinds.push_back(kind.id);
    std::cout << words.pick("  종류: ", "  kinds: ") << joined(kinds, words) << "\n"
              << words.pick("  기능: ", "  capabilities: ") << joined(plugin->capabilities(), words)
              << "\n";
  } else {
    const auto count = static_cast<int64_t>(check.problems.size());
    std::cout << file << ": "
              << (words.korean() ? "문제 " + std::to_string(count) + "개"
                                 : counted(count, "problem", "problems"))
              << "\n";
    for (const auto& problem : problems) std::cout << "  - " << problem << "\n";
  }
  if (!check.problems.empty()) context.exit_code = kExitInvalid;
}

}  // namespace

void register_plugins_command(CLI::App& app, Context& context) {
  auto* command = app.add_subcommand("plugins", "List loaded plugins and refused libraries");
  static bool json = false;
  command->add_flag("--json", json, "Print JSON");

  auto* check = command->add_subcommand(
      "check", "Check a plugin library and its manifest without installing it");
  static std::string file;
  static bool check_json = false;
  check->add_option("file", file, "The plugin library (.so)")->required();
  check->add_flag("--json", check_json, "Print JSON");
  check->callback([&context] { check_plugin(context, file, check_json || json); });

  static std::string id;
  auto* disable = command->add_subcommand(
      "disable", "Switch a plugin off without touching its file: its entries stay readable");
  disable->add_option("id", id, "The plugin's id")->required();
  auto* enable = command->add_subcommand("enable", "Switch a plugin back on");
  enable->add_option("id", id, "The plugin's id")->required();
  for (auto* command_of_switch : {disable, enable})
    command_of_switch->callback([&context, enable, command_of_switch] {
      Database* db = context.database();
      if (db == nullptr) return;
      const bool on = command_of_switch == enable;
      PluginSwitches switches(*db, context.plugins());
      const Status status = on ? switches.enable(id) : switches.disable(id);
      if (!status) {
        context.exit_code = context.fail(status.error());
        return;
      }
      const Words words = context.words();
      std::cout << (on ? words.pick("플러그인을 켰습니다: ", "turned on plugin ")
                       : words.pick("플러그인을 껐습니다: ", "turned off plugin "))
                << id
                << words.pick(" ('hoego undo'로 되돌릴 수 있습니다)", " ('hoego undo' reverts it)")
                << "\n";
    });

  command->callback([&context, check, disable, enable] {
    if (!check->parsed() && !disable->parsed() && !enable->parsed()) list_plugins(context, json);
  });
}

}  // namespace hoego::cli
