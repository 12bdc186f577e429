// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureReplyMessage } from '../../lib/messaging';
import { makeFigures } from './helpers';

const send = vi.fn();
vi.mock('../../lib/messaging', () => ({ send: (...args: unknown[]) => send(...args) }));
const { closeTooltip, openTooltip, prefetchFigures, tooltipStore } = await import('../../lib/ui/tooltip-store');

const reply = (symbol: string, readAt: number): FigureReplyMessage => ({
  symbol,
  chainId: 1,
  figures: makeFigures({ symbol, readAt }),
  stale: false,
  error: null,
  realized: null,
  realizedPending: false,
});

function mark(symbol: string): Element {
  document.body.innerHTML = `<span data-stakelens="${symbol}" data-stakelens-chain="1" data-stakelens-match="address">${symbol}</span>`;
  return document.body.firstElementChild!;
}

beforeEach(() => {
  send.mockReset();
  closeTooltip();
});

describe('the page remembers the figures it received', () => {
  it('a hover shows the prefetched figures at once, before the background answers again', async () => {
    send.mockResolvedValueOnce({ replies: [reply('wstETH', Date.now())] });
    await prefetchFigures([{ symbol: 'wstETH', chainId: 1, match: 'address', count: 1 }]);
    let answer: (value: unknown) => void = () => {};
    send.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const opening = openTooltip(mark('wstETH'));
    expect(tooltipStore.getState()).toMatchObject({ symbol: 'wstETH', loading: true, reply: { symbol: 'wstETH', stale: false } });
    answer({ replies: [reply('wstETH', Date.now())] });
    await opening;
    expect(tooltipStore.getState().loading).toBe(false);
  });

  it('figures older than the live TTL are shown as stale meanwhile; look-alikes are never prefetched', async () => {
    send.mockResolvedValueOnce({ replies: [reply('weETH', Date.now() - 5 * 60_000)] });
    await prefetchFigures([
      { symbol: 'weETH', chainId: 1, match: 'symbol', count: 1 },
      { symbol: 'rETH', chainId: 1, match: 'mismatch', count: 1 },
    ]);
    expect(send).toHaveBeenCalledWith('getFigures', { tokens: [{ symbol: 'weETH', chainId: 1 }] });
    send.mockReturnValueOnce(new Promise(() => {}));
    void openTooltip(mark('weETH'));
    expect(tooltipStore.getState().reply).toMatchObject({ symbol: 'weETH', stale: true });
  });

  it('a token never received opens empty, reading', () => {
    send.mockReturnValueOnce(new Promise(() => {}));
    void openTooltip(mark('ezETH'));
    expect(tooltipStore.getState()).toMatchObject({ symbol: 'ezETH', reply: null, loading: true });
  });
});
