// What the page learns at start, and again when a plugin is switched on or off: the user's
// settings and the plugins' manifests.

import { api } from './api.js';
import { localized } from './i18n.js';

export const settings = { time_zone: 'UTC', language: 'ko', today: '' };
// Every manifest the server knows (a disabled plugin's too, so its entries keep their names), and
// which plugins are enabled.
let plugins = [];
let enabled = new Set();

// What loadCatalog asks the server (app.js also sends it early, beside the first page's data).
export function catalogRequests() {
  return Promise.all([api.settings(), api.plugins()]);
}

export async function loadCatalog() {
  const [serverSettings, answer] = await catalogRequests();
  Object.assign(settings, serverSettings);
  const listed = everyPlugin(answer).filter((plugin) => plugin.manifest);
  plugins = listed.map((plugin) => plugin.manifest).sort((a, b) => a.id.localeCompare(b.id));
  enabled = new Set(listed.filter((plugin) => plugin.enabled !== false).map((plugin) => plugin.id));
}

// The plugins of a GET /plugins answer, enabled and disabled alike (the server may list the
// disabled ones apart, under "disabled"), each marked `enabled`.
export function everyPlugin(answer) {
  const enabledOnes = (answer.plugins ?? []).map((plugin) => ({ enabled: true, ...plugin }));
  const disabledOnes = (answer.disabled ?? []).map((plugin) => ({ ...plugin, enabled: false }));
  const seen = new Set(disabledOnes.map((plugin) => plugin.id));
  return [...enabledOnes.filter((plugin) => !seen.has(plugin.id)), ...disabledOnes];
}

// Manifests of the enabled plugins, by id: what forms offer.
export function manifests() {
  return plugins.filter((plugin) => enabled.has(plugin.id));
}

export function manifest(pluginId) {
  return plugins.find((plugin) => plugin.id === pluginId) ?? null;
}

export function kindSpec(pluginId, kindId) {
  return manifest(pluginId)?.kinds?.find((kind) => kind.id === kindId) ?? null;
}

export function pluginName(pluginId) {
  return localized(manifest(pluginId)?.name, pluginId);
}

export function kindName(pluginId, kindId) {
  return localized(kindSpec(pluginId, kindId)?.label, kindId);
}

// The current year in the user's time zone, from the server's idea of today.
export function currentYear() {
  const year = Number.parseInt(settings.today?.slice(0, 4), 10);
  return Number.isFinite(year) ? year : new Date().getFullYear();
}
