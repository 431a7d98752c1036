// The pane follows Office's theme (Office.context.officeTheme): a dark body background picks
// Fluent's webDarkTheme, anything else webLightTheme; Office's own body colours then replace
// the neutral background and foreground, so the pane sits in Excel's colours (the colourful,
// dark grey, black and white themes alike).

import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';

/** The part of Office.OfficeTheme the pane reads. */
export interface OfficeThemeColors {
  bodyBackgroundColor?: string;
  bodyForegroundColor?: string;
  controlBackgroundColor?: string;
  controlForegroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** Relative luminance of '#RRGGBB' (WCAG), or undefined for anything else. */
export function luminance(color: string | undefined): number | undefined {
  const m = color ? HEX.exec(color.trim()) : null;
  if (!m) return undefined;
  const ch = [0, 2, 4].map((i) => parseInt(m[1].slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

function contrast(a: number, b: number): number {
  const [hi, lo] = a > b ? [a, b] : [b, a];
  return (hi + 0.05) / (lo + 0.05);
}

const hex = (c: string) => (c.startsWith('#') ? c : `#${c}`);

export function isDark(t: OfficeThemeColors | undefined): boolean {
  const l = luminance(t?.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}

/** The Fluent theme matching Office's; Office's body colours where they keep text readable (4.5:1). */
export function themeFor(t: OfficeThemeColors | undefined): Theme {
  const base = isDark(t) ? webDarkTheme : webLightTheme;
  const bg = luminance(t?.bodyBackgroundColor);
  const fg = luminance(t?.bodyForegroundColor);
  if (!t?.bodyBackgroundColor || bg === undefined) return base;
  const out: Theme = { ...base, colorNeutralBackground1: hex(t.bodyBackgroundColor) };
  if (t.bodyForegroundColor && fg !== undefined && contrast(bg, fg) >= 4.5) out.colorNeutralForeground1 = hex(t.bodyForegroundColor);
  return out;
}

/** Office's theme, when office.js is there and the host reports one. */
export function officeTheme(): OfficeThemeColors | undefined {
  try {
    return typeof Office !== 'undefined' ? (Office.context?.officeTheme as OfficeThemeColors | undefined) : undefined;
  } catch {
    return undefined;
  }
}
