/**
 * Whether the page looks light or dark where the tooltip opens: the first opaque background from
 * the hovered element up to the root, by its luminance. The site's look wins over the system's:
 * a light app on a dark system gets a light tooltip. With no opaque background anywhere, the page
 * shows the browser's canvas, which follows `color-scheme` and the system.
 */
export function pageThemeAt(element: Element): 'light' | 'dark' {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const rgba = parseColor(getComputedStyle(node).backgroundColor);
    if (rgba && rgba[3] > 0.5) return luminance(rgba) < 0.35 ? 'dark' : 'light';
  }
  const scheme = getComputedStyle(document.documentElement).colorScheme;
  if (/\bdark\b/.test(scheme) && !/\blight\b/.test(scheme)) return 'dark';
  if (/\blight\b/.test(scheme) && !/\bdark\b/.test(scheme)) return 'light';
  return matchMedia('(prefers-color-scheme: dark)').matches && /\bdark\b/.test(scheme) ? 'dark' : 'light';
}

/** "rgb(1, 2, 3)" / "rgba(1, 2, 3, 0.5)" (what getComputedStyle gives) → [r, g, b, a]; null otherwise. */
export function parseColor(value: string): [number, number, number, number] | null {
  const match = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!match) return null;
  const alpha = match[4] === undefined ? 1 : match[4].endsWith('%') ? Number.parseFloat(match[4]) / 100 : Number(match[4]);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** Relative luminance (WCAG) of an sRGB colour, 0 (black) to 1 (white). */
export function luminance([r, g, b]: readonly number[]): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r!) + 0.7152 * linear(g!) + 0.0722 * linear(b!);
}
