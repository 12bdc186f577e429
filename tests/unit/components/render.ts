import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

/*
 * A few lines of what @testing-library would give: render into the happy-dom document with
 * React's act, find elements (failing loudly when they are missing), and drive inputs the way a
 * user's browser does, so React's own event handlers run.
 */

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  rerender(node: ReactNode): Promise<void>;
}

const mounted: { root: Root; container: HTMLElement }[] = [];

export async function render(node: ReactNode): Promise<Rendered> {
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  mounted.push({ root, container });
  await act(async () => root.render(node));
  return { container, rerender: (next) => act(async () => root.render(next)) };
}

/** Unmounts everything rendered so far (call in afterEach). */
export async function cleanup(): Promise<void> {
  for (const { root, container } of mounted.splice(0)) {
    await act(async () => root.unmount());
    container.remove();
  }
}

/** The one element matching `selector`; throws when there is none. */
export function $<T extends Element = HTMLElement>(selector: string, scope: ParentNode = document): T {
  const element = scope.querySelector<T>(selector);
  if (!element) throw new Error(`no element matches ${selector}`);
  return element;
}

export function $$<T extends Element = HTMLElement>(selector: string, scope: ParentNode = document): T[] {
  return [...scope.querySelectorAll<T>(selector)];
}

export const byTestId = <T extends Element = HTMLElement>(id: string, scope: ParentNode = document): T => $<T>(`[data-testid="${id}"]`, scope);

/** Text with runs of white space collapsed, for comparing sentences built from several nodes. */
export function text(element: Element): string {
  return (element.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export async function click(element: Element): Promise<void> {
  await act(async () => (element as HTMLElement).click());
}

/** Sets an input's or select's value as typing would (through the native setter React watches), then fires the event React listens to. */
export async function setValue(element: HTMLInputElement | HTMLSelectElement, value: string): Promise<void> {
  const proto = element instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')!.set!;
  await act(async () => {
    setter.call(element, value);
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }));
  });
}

/** Picks `files` in an <input type="file"> and fires its change event. */
export async function chooseFiles(input: HTMLInputElement, files: File[]): Promise<void> {
  Object.defineProperty(input, 'files', { configurable: true, value: files });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** Lets pending promises and timers run inside act, until `check` stops throwing (or the time is up). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 2_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > until) throw error;
    }
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
    });
  }
}
