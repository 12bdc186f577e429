// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { luminance, pageThemeAt, parseColor } from '../../lib/ui/theme';

describe('pageThemeAt', () => {
  it('reads the first opaque background up from the element', () => {
    document.body.innerHTML = `<div id="dark" style="background-color: rgb(19, 19, 19)"><span id="in-dark">wstETH</span>
      <div id="clear" style="background-color: rgba(255, 255, 255, 0.1)"><span id="in-clear">weETH</span></div></div>
      <div id="light" style="background-color: #fafafa"><span id="in-light">rETH</span></div>`;
    expect(pageThemeAt(document.getElementById('in-dark')!)).toBe('dark');
    expect(pageThemeAt(document.getElementById('in-clear')!)).toBe('dark'); // a faint overlay is not the background
    expect(pageThemeAt(document.getElementById('in-light')!)).toBe('light');
  });

  it('parses the colours getComputedStyle gives and ranks them by luminance', () => {
    expect(parseColor('rgb(19, 19, 19)')).toEqual([19, 19, 19, 1]);
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual([0, 0, 0, 0]);
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual([10, 20, 30, 0.5]);
    expect(parseColor('transparent')).toBeNull();
    expect(luminance([255, 255, 255])).toBeCloseTo(1);
    expect(luminance([0, 0, 0])).toBe(0);
    expect(luminance([27, 27, 27])).toBeLessThan(0.35);
  });
});
