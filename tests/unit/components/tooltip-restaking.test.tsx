// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Tooltip, type TooltipProps } from '../../../components/Tooltip';
import type { RestakingReading } from '../../../lib/chain/figures';
import { DEFAULT_PREFERENCES } from '../../../lib/settings';
import { preferencesStore } from '../../../lib/ui/preferences-store';
import { makeFigures, makeReply } from '../helpers';
import { $, $$, cleanup, render, text } from './render';

/* The restaking row's live detail in the tooltip: operators, their sets, the sum, the block; or why not. */

const READ_AT = 1_750_000_000_000;
const E18 = 10n ** 18n;
const OP = '0x00000000000000000000000000000000000E1A01';
const AVS_A = '0x00000000000000000000000000000000000A5A01';
const AVS_B = '0x00000000000000000000000000000000000A5A02';

const reading = (overrides: Partial<RestakingReading> = {}): RestakingReading => ({
  strategy: 'beacon chain ETH (native restaking)',
  covers: 'the native restaked ETH of the test delegators',
  undelegatedShares: '0',
  operators: [
    {
      address: OP,
      label: null,
      shares: (1_000n * E18).toString(),
      maxMagnitude: E18.toString(),
      sets: [
        { avs: AVS_A, id: 0, magnitude: ((30n * E18) / 100n).toString(), registered: true, pendingDiff: null, effectBlock: null },
        { avs: AVS_B, id: 4, magnitude: ((10n * E18) / 100n).toString(), registered: false, pendingDiff: ((-10n * E18) / 100n).toString(), effectBlock: 123_456 },
      ],
      slashableBps: 3_000,
      reason: null,
    },
  ],
  slashableBps: 3_000,
  setCount: 1,
  unlisted: [],
  missing: [],
  allocationsReadAt: READ_AT,
  reason: null,
  ...overrides,
});

async function restakingRow(symbol: string, restaking: RestakingReading | null) {
  return restakingRowAt(symbol, restaking, READ_AT);
}

async function restakingRowAt(symbol: string, restaking: RestakingReading | null, readAt: number) {
  const figures = makeFigures({ symbol, readAt, blockNumber: '21000000', restaking });
  const props: TooltipProps = { id: 'sl-tip', symbol, chainId: 1, match: 'address', via: null, reply: makeReply(figures), loading: false, error: null, siteId: null, now: readAt + 12_000, onRefresh: () => {} };
  const { container } = await render(<Tooltip {...props} />);
  return $('[data-section="risk"] li[data-layer="restaking"]', container);
}

beforeEach(() => preferencesStore.setState(DEFAULT_PREFERENCES, true));
afterEach(cleanup);

describe('the restaking row, read live', () => {
  it('shows the slashable share, each operator and its sets, and the block with its age', async () => {
    const row = await restakingRow('rsETH', reading());
    expect(row.getAttribute('data-level')).toBe('medium');
    const live = $('[data-restaking="live"]', row);
    expect(live.getAttribute('data-slashable-bps')).toBe('3000');
    expect(live.getAttribute('data-operator-sets')).toBe('1');
    expect(text($('[data-testid="restaking-sum"]', live))).toBe('30.00% of the stake read is slashable, by 1 operator set.');
    const operator = $(`[data-operator="${OP}"]`, live);
    expect(operator.getAttribute('data-operator-slashable-bps')).toBe('3000');
    expect(text(operator)).toContain('0x0000…1A01: 30.00% of its magnitude slashable');
    const sets = $$('[data-operator-set]', operator);
    expect(sets.map((s) => [s.getAttribute('data-operator-set'), s.getAttribute('data-registered')])).toEqual([
      [`${AVS_A}:0`, 'true'],
      [`${AVS_B}:4`, 'false'],
    ]);
    expect(text(sets[0]!)).toBe('AVS 0x0000…5A01 set 0: 30.00%');
    expect(text(sets[1]!)).toBe('AVS 0x0000…5A02 set 4: 10.00% · allocated, not registered (not counted) · change of -10.00% pending until block 123456');
    expect(text(live)).toContain('Read live: the native restaked ETH of the test delegators.');
    expect(text(live)).toContain('block 21,000,000, 12 s ago');
  });

  it('gives allocations carried from an earlier read their own age, and none when read with the figures', async () => {
    expect($('[data-restaking="live"]', await restakingRow('rsETH', reading())).querySelector('[data-testid="allocations-age"]')).toBeNull();
    const live = $('[data-restaking="live"]', await restakingRowAt('rsETH', reading(), READ_AT + 7 * 60_000));
    expect(live.getAttribute('data-allocations-read-at')).toBe(String(READ_AT));
    expect(text($('[data-testid="allocations-age"]', live))).toBe('· allocations read 7 min ago');
  });

  it('says what is not covered and what failed', async () => {
    const row = await restakingRow('rsETH', reading({ unlisted: ['0x00000000000000000000000000000000000Ee001'], missing: ['Kelp NodeDelegator 3: DelegationManager.delegatedTo(Kelp NodeDelegator 3) failed: reverted'], undelegatedShares: (500n * E18).toString() }));
    const live = $('[data-restaking="live"]', row);
    expect(text(live)).toContain('500.00 shares not delegated (not slashable)');
    expect(text(live)).toContain('Not covered: stakers in the protocol’s own list that Stakelens does not name: 0x0000…e001');
    expect(text(live)).toContain('Left out, read failed: Kelp NodeDelegator 3');
  });

  it('shows the read unavailable with its reason, never a number', async () => {
    const row = await restakingRow('rsETH', reading({ slashableBps: null, setCount: 0, reason: 'operator 0x…: AllocationManager.getStrategyAllocations failed' }));
    const live = $('[data-restaking="live"]', row);
    expect(live.getAttribute('data-slashable-bps')).toBe('');
    expect(live.querySelector('[data-testid="restaking-sum"]')).toBeNull();
    expect(text(live)).toContain('Live operator read unavailable: operator 0x…: AllocationManager.getStrategyAllocations failed');
  });

  it('says why a token is not read live, and that a readable one is not read yet', async () => {
    expect(text($('[data-restaking="unread"]', await restakingRow('rswETH', null)))).toMatch(/^Not read live: Swell’s StakerProxy/);
    expect(text($('[data-restaking="pending"]', await restakingRow('rsETH', null)))).toBe('Live operator read: not read yet');
  });

  it('adds nothing to a plain LST', async () => {
    expect((await restakingRow('wstETH', null)).querySelector('[data-restaking]')).toBeNull();
  });
});
