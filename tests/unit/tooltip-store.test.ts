// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FigureReplyMessage } from '../../lib/messaging';
import { makeFigures, makeReply } from './helpers';

const send = vi.fn();
vi.mock('../../lib/messaging', () => ({ send: (...args: unknown[]) => send(...args) }));
const { closeTooltip, openTooltip, prefetchFigures, tooltipStore, watchOpenToken } = await import('../../lib/ui/tooltip-store');

const reply = (symbol: string, readAt: number): FigureReplyMessage => makeReply(makeFigures({ symbol, readAt }));

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

describe('watching the open token', () => {
  async function open(symbol: string) {
    send.mockResolvedValueOnce({ replies: [reply(symbol, Date.now())] });
    await openTooltip(mark(symbol));
    expect(tooltipStore.getState().reply?.watched).toBe(false);
  }

  it('shows the token watched at once, and tells the background', async () => {
    await open('rsETH');
    let answer: (value: unknown) => void = () => {};
    send.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const watching = watchOpenToken(true);
    expect(tooltipStore.getState().reply?.watched).toBe(true);
    expect(send).toHaveBeenLastCalledWith('setWatched', { token: { symbol: 'rsETH', chainId: 1 }, watched: true });
    answer({ ok: true });
    await watching;
    expect(tooltipStore.getState()).toMatchObject({ error: null, reply: { watched: true } });
  });

  it('remembers it for the next hover of the token, before the background answers', async () => {
    await open('mETH');
    send.mockResolvedValueOnce({ ok: true });
    await watchOpenToken(true);
    closeTooltip();
    send.mockReturnValueOnce(new Promise(() => {}));
    void openTooltip(mark('mETH'));
    expect(tooltipStore.getState()).toMatchObject({ symbol: 'mETH', loading: true, reply: { watched: true } });
  });

  it('goes back, and says why, when the background cannot be reached', async () => {
    await open('ETHx');
    send.mockRejectedValueOnce(new Error('Extension context invalidated.'));
    await watchOpenToken(true);
    expect(tooltipStore.getState().reply?.watched).toBe(false);
    expect(tooltipStore.getState().error).toBe('Stakelens could not reach its background: Extension context invalidated.');
  });

  it('does nothing with no tooltip open', async () => {
    await watchOpenToken(true);
    expect(send).not.toHaveBeenCalled();
    expect(tooltipStore.getState().reply).toBeNull();
  });
});
