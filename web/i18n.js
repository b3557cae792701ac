// The language in use and the page's strings in it (strings/ko.js, strings/en.js). Labels that
// come from plugin manifests ({ko, en}) go through `localized`.

import en from './strings/en.js';
import ko from './strings/ko.js';

const STORAGE_KEY = 'hoego.language';
const LANGUAGES = ['ko', 'en'];

const STRINGS = { ko, en };

let current = null;

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

// Picks the language: the one remembered in this browser, else the server's setting, else Korean.
export function initLanguage(serverDefault) {
  const remembered = stored();
  if (LANGUAGES.includes(remembered)) current = remembered;
  else current = LANGUAGES.includes(serverDefault) ? serverDefault : 'ko';
  document.documentElement.lang = current;
  return current;
}

export function language() {
  return current ?? 'ko';
}

export function setLanguage(next) {
  if (!LANGUAGES.includes(next)) return;
  current = next;
  document.documentElement.lang = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // A browser that refuses storage still switches for this visit.
  }
}

export function otherLanguage() {
  return language() === 'ko' ? 'en' : 'ko';
}

// The string for `key` in the current language with {name} placeholders filled in. A `count`
// of 1 picks the key's `.one` form where the language has one ("1 entry", not "1 entries").
export function t(key, params = {}) {
  const table = STRINGS[language()];
  const singular = params.count === 1 ? table[`${key}.one`] : undefined;
  const template = singular ?? table[key] ?? STRINGS.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    name in params ? String(params[name]) : whole,
  );
}

// A manifest label {ko, en} in the current language, falling back to the other one.
export function localized(label, fallback = '') {
  if (label == null) return fallback;
  if (typeof label === 'string') return label;
  return label[language()] || label.en || label.ko || fallback;
}

// A unit a manifest names ("h", "min", "days") in words of the current language.
export function unitText(unit) {
  if (!unit) return '';
  const key = `unit.${unit}`;
  return key in STRINGS[language()] ? t(key) : unit;
}

// What goes between a number and its unit: Korean writes "60분", English "60 min".
export function unitGap() {
  return language() === 'ko' ? '' : ' ';
}
