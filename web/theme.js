// Themes: light and dark follow the system's prefers-color-scheme until the learner picks one in
// the "Theme" menu (remembered in localStorage), and a color-blind-safe palette ("Colors" menu)
// that shows specialized code blue instead of green, as Specialist's blue variant does.
//
// Everything visual is CSS variables in style.css (and embed.css), switched by two attributes on
// <html>: data-theme="light|dark" and data-palette="standard|blue". The overlay's colors come from
// the report's color field; markStyle() gives a mark both palettes' colors.

import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';
import { storageGet, storageSet } from './storage.js';

const THEME_KEY = 'anole.theme';
const PALETTE_KEY = 'anole.palette';
export const THEMES = ['system', 'light', 'dark'];
export const PALETTES = ['standard', 'blue'];

const darkQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;
let themeChoice = THEMES.includes(storageGet(THEME_KEY)) ? storageGet(THEME_KEY) : 'system';
let palette = PALETTES.includes(storageGet(PALETTE_KEY)) ? storageGet(PALETTE_KEY) : 'standard';

function apply() {
  const root = document.documentElement;
  const dark = themeChoice === 'dark' || (themeChoice === 'system' && darkQuery?.matches === true);
  root.dataset.theme = dark ? 'dark' : 'light';
  root.dataset.themeChoice = themeChoice;
  root.dataset.palette = palette;
}

// Only the playground calls this (through createThemeControls): web/embed.js shares the editor
// code but must leave its host page's <html> alone.
let started = false;
function start() {
  if (started) return;
  started = true;
  darkQuery?.addEventListener('change', apply);
  apply();
}

export function setTheme(choice) {
  if (!THEMES.includes(choice)) return;
  themeChoice = choice;
  storageSet(THEME_KEY, choice);
  apply();
}

export function setPalette(choice) {
  if (!PALETTES.includes(choice)) return;
  palette = choice;
  storageSet(PALETTE_KEY, choice);
  apply();
}

// A chunk's color in the blue palette. The report's colors run from red (not specialized) through
// yellow (mixed) to green (specialized); the blue palette swaps the green and blue channels (red,
// magenta, blue) and mixes in half white, so black text stays readable.
export function blueColor(color) {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return color;
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16));
  const soften = (channel) => Math.round((channel + 255) / 2).toString(16).padStart(2, '0');
  return `#${soften(r)}${soften(b)}${soften(g)}`;
}

// The overlay mark's inline style: both palettes' colors, chosen by style.css through
// --mark-color (set under :root[data-palette="blue"]), so switching the palette recolors the marks
// at once. Without that rule (an embedded block) the report's own color shows.
export function markStyle(color) {
  return `--mark-standard: ${color}; --mark-blue: ${blueColor(color)}; background-color: var(--mark-color, ${color})`;
}

// The overlay color of a chunk in the current palette.
export function paletteColor(color) {
  return document.documentElement.dataset.palette === 'blue' ? blueColor(color) : color;
}

// Syntax colors from CSS variables, so they follow the theme (CodeMirror's default style is for
// light backgrounds only).
export const themedHighlighting = syntaxHighlighting(HighlightStyle.define([
  { tag: tags.keyword, color: 'var(--code-keyword)' },
  { tag: [tags.atom, tags.bool, tags.special(tags.variableName)], color: 'var(--code-atom)' },
  { tag: [tags.number, tags.literal], color: 'var(--code-number)' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--code-string)' },
  { tag: tags.comment, color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [tags.definition(tags.variableName), tags.function(tags.definition(tags.variableName))], color: 'var(--code-definition)' },
  { tag: [tags.className, tags.definition(tags.className)], color: 'var(--code-type)' },
  { tag: tags.invalid, color: 'var(--code-invalid)' },
]));

function makeSelect(label, options, value, onChange) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', label);
  select.title = label;
  select.className = 'theme-select';
  for (const [optionValue, text] of options) {
    const option = document.createElement('option');
    option.value = optionValue;
    option.textContent = text;
    select.append(option);
  }
  select.value = value;
  select.addEventListener('change', () => onChange(select.value));
  return select;
}

// Applies the remembered theme and palette and adds the "Theme" and "Colors" menus to parent.
export function createThemeControls(parent) {
  start();
  const group = document.createElement('span');
  group.className = 'theme-group';
  group.append(
    makeSelect('Theme', [['system', 'System theme'], ['light', 'Light'], ['dark', 'Dark']], themeChoice, setTheme),
    makeSelect('Colors', [['standard', 'Green = specialized'], ['blue', 'Blue = specialized (color-blind safe)']], palette, setPalette),
  );
  parent.append(group);
  return group;
}
