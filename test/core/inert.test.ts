import { hasUnsafeText, inertText } from '../../src/core/inert';

describe('inertText', () => {
  it('escapes an ANSI sequence so a terminal sees no ESC', () => {
    const out = inertText('网信办\u001b[2J\u001b[H');
    expect(out).toBe('网信办\\u001B[2J\\u001B[H');
    expect(out).not.toMatch(/\u001b/);
  });

  it('escapes bidi overrides, zero-width characters, newlines and C1 controls', () => {
    expect(inertText('a\u202eb\u200bc\nd\u0085')).toBe('a\\u202Eb\\u200Bc\\u000Ad\\u0085');
  });

  it('leaves ordinary Chinese text, full-width punctuation and symbols alone', () => {
    const s = '井陉县委网信办（2025年）≥95%，★核心指标';
    expect(inertText(s)).toBe(s);
    expect(hasUnsafeText(s)).toBe(false);
  });

  it('tells unsafe text apart, repeatedly', () => {
    expect(hasUnsafeText('x\u0007')).toBe(true);
    expect(hasUnsafeText('x\u0007')).toBe(true);
    expect(hasUnsafeText('x')).toBe(false);
  });
});
