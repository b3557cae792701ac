#include <hoego/core/local_time.h>
#include <hoego/core/plugin_switches.h>

#include <set>

#include "../store/journal_store.h"

namespace hoego {

using nlohmann::json;

json to_json(const UnloadedPlugin& unloaded) {
  return {{"plugin", unloaded.plugin}, {"entries", unloaded.entries}, {"reason", unloaded.reason}};
}

Status PluginSwitches::apply() {
  auto statement = db_.prepare("SELECT plugin FROM disabled_plugins");
  if (!statement) return statement.error();
  std::set<std::string> ids;
  for (;;) {
    auto row = statement->step();
    if (!row) return row.error();
    if (!*row) break;
    ids.insert(statement->text(0));
  }
  if (ids != plugins_.disabled_ids()) plugins_.set_disabled(ids);
  return Status::success();
}

Status PluginSwitches::set(const std::string& id, bool disabled) {
  Transaction transaction(db_);
  if (auto status = transaction.begin(); !status) return status;
  RowRecorder rows(db_);
  const json key = json::array({id});
  if (auto status = rows.before("disabled_plugins", "plugin = ?1", key); !status) return status;
  auto statement = db_.prepare(disabled ? "INSERT INTO disabled_plugins (plugin, disabled_at) "
                                          "VALUES (?1, ?2)"
                                        : "DELETE FROM disabled_plugins WHERE plugin = ?1");
  if (!statement) return statement.error();
  statement->bind(1, id);
  if (disabled) statement->bind(2, utc_timestamp_now());
  if (auto status = statement->run(); !status) return status;
  if (auto status = rows.after("disabled_plugins", "plugin = ?1", key); !status) return status;
  if (auto status =
          record_step(db_, rows, "plugin", id, disabled ? "plugin.disable" : "plugin.enable", id);
      !status)
    return status;
  if (auto status = transaction.commit(); !status) return status;
  return apply();
}

Status PluginSwitches::disable(const std::string& id) {
  if (plugins_.disabled_ids().count(id) != 0)
    return Error::conflict("plugin '" + id + "' is off already",
                           "플러그인 '" + id + "'은(는) 이미 꺼져 있습니다");
  if (auto found = plugins_.require(id); !found) return found.error();
  return set(id, true);
}

Status PluginSwitches::enable(const std::string& id) {
  if (auto status = apply(); !status) return status;
  if (plugins_.disabled_ids().count(id) == 0)
    return Error::conflict("plugin '" + id + "' is not off",
                           "플러그인 '" + id + "'은(는) 꺼져 있지 않습니다");
  return set(id, false);
}

Result<std::vector<UnloadedPlugin>> PluginSwitches::unloaded() {
  return unloaded_plugins(db_, plugins_);
}

Result<std::vector<UnloadedPlugin>> unloaded_plugins(
    Database& db, const PluginHost& plugins,
    const std::optional<std::pair<std::string, std::string>>& dates) {
  // The plugins entries belong to, one index step each, not a scan of every entry.
  auto next = db.prepare(
      "SELECT plugin FROM entries WHERE deleted_at IS NULL AND plugin > ? ORDER BY plugin "
      "LIMIT 1");
  auto count = db.prepare(
      "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND plugin = ?1 "
      "AND (?2 IS NULL OR local_date BETWEEN ?2 AND ?3)");
  if (!next) return next.error();
  if (!count) return count.error();
  std::vector<UnloadedPlugin> unloaded;
  std::string after;
  for (;;) {
    next->reset();
    auto row = next->bind(1, after).step();
    if (!row) return row.error();
    if (!*row) break;
    after = next->text(0);
    if (plugins.find(after) != nullptr) continue;
    count->reset();
    count->bind(1, after);
    if (dates) count->bind(2, dates->first).bind(3, dates->second);
    if (auto counted = count->step(); !counted) return counted.error();
    if (count->integer(0) == 0) continue;
    unloaded.push_back({after, count->integer(0),
                        plugins.disabled_ids().count(after) != 0 ? "disabled" : "missing"});
  }
  return unloaded;
}

Result<std::map<std::string, int64_t>> entries_per_plugin(Database& db, const PluginHost& plugins) {
  auto count = db.prepare("SELECT count(*) FROM entries WHERE deleted_at IS NULL AND plugin = ?");
  if (!count) return count.error();
  std::map<std::string, int64_t> counts;
  for (const auto* list : {&plugins.plugins(), &plugins.disabled()})
    for (const auto& plugin : *list) {
      count->reset();
      if (auto row = count->bind(1, plugin->id()).step(); !row) return row.error();
      counts[plugin->id()] = count->integer(0);
    }
  return counts;
}

}  // namespace hoego
