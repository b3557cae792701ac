// What the page learns once at start: the user's settings and the loaded plugins' manifests.

import { api } from './api.js';
import { localized } from './i18n.js';

export const settings = { time_zone: 'UTC', language: 'ko', today: '' };
let plugins = [];

export async function loadCatalog() {
  const [serverSettings, loaded] = await Promise.all([api.settings(), api.plugins()]);
  Object.assign(settings, serverSettings);
  plugins = loaded.map((plugin) => plugin.manifest).sort((a, b) => a.id.localeCompare(b.id));
}

// Manifests of the loaded plugins, by id.
export function manifests() {
  return plugins;
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
