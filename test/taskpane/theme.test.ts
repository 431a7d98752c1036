// The pane follows Office's theme: a dark body picks Fluent's dark theme, Office's colours are
// used where text stays readable.

import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { isDark, luminance, themeFor } from '../../src/taskpane/theme';

test('no Office theme: the light theme', () => {
  expect(themeFor(undefined)).toBe(webLightTheme);
  expect(luminance('nonsense')).toBeUndefined();
});

test("Office's dark grey and black: Fluent's dark theme in Office's body colours", () => {
  for (const bg of ['#292929', '#262626', '#000000']) {
    expect(isDark({ bodyBackgroundColor: bg })).toBe(true);
    const t = themeFor({ bodyBackgroundColor: bg, bodyForegroundColor: '#FFFFFF' });
    expect(t.colorBrandBackground).toBe(webDarkTheme.colorBrandBackground);
    expect(t.colorNeutralBackground1).toBe(bg);
    expect(t.colorNeutralForeground1).toBe('#FFFFFF');
  }
});

test('light and colourful: the light theme; a foreground without contrast is not taken', () => {
  const t = themeFor({ bodyBackgroundColor: 'F3F3F3', bodyForegroundColor: 'DDDDDD' });
  expect(t.colorBrandBackground).toBe(webLightTheme.colorBrandBackground);
  expect(t.colorNeutralBackground1).toBe('#F3F3F3');
  expect(t.colorNeutralForeground1).toBe(webLightTheme.colorNeutralForeground1);
});
