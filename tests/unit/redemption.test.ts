import { describe, expect, it } from 'vitest';
import { CallBatch, type ContractCall } from '../../lib/chain/calls';
import { functionFrom, planRedemption } from '../../lib/chain/redemption';
import { WAD } from '../../lib/chain/units';
import { registry, tokenBySymbol } from '../../lib/tokens/registry';
import { redemptionSchema, type Redemption } from '../../lib/tokens/schema';
import { settleBy } from './helpers';

type Call = Extract<Redemption, { kind: 'call' }>;
type TvlRatio = Extract<Redemption, { kind: 'tvl-ratio' }>;

const redemptionOf = <K extends Redemption['kind']>(symbol: string, kind: K) => {
  const r = tokenBySymbol(symbol)!.redemption;
  expect(r.kind).toBe(kind);
  return r as Extract<Redemption, { kind: K }>;
};

/** Plans one redemption, settles its batch with `answer`, and reads the rate back. */
function read(redemption: Redemption, answer: (call: ContractCall) => unknown) {
  const batch = new CallBatch();
  const rate = planRedemption(redemption, batch);
  settleBy(batch, answer);
  return { batch, rate: rate() };
}

describe('functionFrom', () => {
  it('turns a registry signature into a one-function ABI and its name', () => {
    const { abi, functionName } = functionFrom('function convertToAssets(uint256 shares) view returns (uint256)');
    expect(functionName).toBe('convertToAssets');
    expect(abi).toHaveLength(1);
    expect(abi[0]).toMatchObject({ type: 'function', name: 'convertToAssets', stateMutability: 'view', inputs: [{ type: 'uint256' }], outputs: [{ type: 'uint256' }] });
  });

  it('parses a signature once and hands back the same ABI item', () => {
    const signature = 'function getRate() view returns (uint256)';
    expect(functionFrom(signature).abi[0]).toBe(functionFrom(signature).abi[0]);
  });
});

describe('planRedemption: call', () => {
  it('adds one call to the registry address with the signature and args, and passes the value through', () => {
    const osETH = redemptionOf('osETH', 'call');
    const value = 1_052_100_000_000_000_123n;
    const { batch, rate } = read(osETH, () => value);
    expect(batch.calls).toHaveLength(1);
    expect(batch.calls[0]).toMatchObject({ address: osETH.address, functionName: 'convertToAssets', args: [WAD] });
    expect(rate).toEqual({ value, reason: null });
  });

  it('calls with no arguments when the registry gives none', () => {
    const wstETH = redemptionOf('wstETH', 'call');
    const { batch, rate } = read(wstETH, () => 1_216_600_000_000_000_000n);
    expect(batch.calls[0]).toMatchObject({ address: wstETH.address, functionName: 'stEthPerToken', args: [] });
    expect(rate.value).toBe(1_216_600_000_000_000_000n);
  });

  it('passes a stored value through unchanged (rsETH)', () => {
    const rsETH = redemptionOf('rsETH', 'call');
    expect(rsETH.stored).toBe(true);
    expect(read(rsETH, () => 1_051_200_000_000_000_000n).rate).toEqual({ value: 1_051_200_000_000_000_000n, reason: null });
  });

  it('passes even 0 through when not inverse: the bounds judge it, not the read', () => {
    expect(read(redemptionOf('rETH', 'call'), () => 0n).rate).toEqual({ value: 0n, reason: null });
  });

  it('turns a failed call into a reason naming the label', () => {
    const rETH = redemptionOf('rETH', 'call');
    const { rate } = read(rETH, () => new Error('execution reverted\nraw data'));
    expect(rate).toEqual({ value: null, reason: `${rETH.label} failed: execution reverted` });
  });

  it('decodes the defaults of a written entry (no args, not inverse, not stored)', () => {
    const parsed = redemptionSchema.parse({
      kind: 'call',
      address: '0xae78736Cd615f374D3085123A210448E74Fc6393',
      signature: 'function getExchangeRate() view returns (uint256)',
      label: 'rETH.getExchangeRate()',
      min: 0n,
      max: 2n * WAD,
      maxRiseBpsPerDay: 10,
      maxFallBps: 500,
      confidence: 'primary',
      source: 'x',
    }) as Call;
    expect(parsed).toMatchObject({ args: [], inverse: false, stored: false });
    expect(read(parsed, () => 7n).rate.value).toBe(7n);
  });
});

describe('planRedemption: call, inverse', () => {
  const ankrETH = redemptionOf('ankrETH', 'call');

  it('is how ankrETH is read', () => {
    expect(ankrETH.inverse).toBe(true);
  });

  it('gives 1e36 / value: tokens per ETH turned into ETH per token', () => {
    const ratio = 864_229_539_366_519_000n; // ankrETH per ETH
    const { rate } = read(ankrETH, () => ratio);
    expect(rate).toEqual({ value: (WAD * WAD) / ratio, reason: null });
    expect(Number(rate.value) / 1e18).toBeCloseTo(1.1571, 4);
    expect(read(ankrETH, () => WAD / 2n).rate.value).toBe(2n * WAD);
    expect(read(ankrETH, () => WAD).rate.value).toBe(WAD);
  });

  it('refuses a value of 0 with a reason rather than dividing by it', () => {
    expect(read(ankrETH, () => 0n).rate).toEqual({ value: null, reason: `${ankrETH.label} returned 0` });
  });

  it('passes a failed call on as the reason', () => {
    expect(read(ankrETH, () => new Error('reverted')).rate).toEqual({ value: null, reason: `${ankrETH.label} failed: reverted` });
  });
});

describe('planRedemption: tvl-ratio', () => {
  const ezETH = redemptionOf('ezETH', 'tvl-ratio');
  const TVL = 1_050_000n * WAD;
  const SUPPLY = 1_000_000n * WAD;
  const tvls = (total: bigint) => [[[1n, 2n]], [3n, 4n], total] as const;

  function answer(over: { tvl?: unknown; supply?: unknown } = {}) {
    return (call: ContractCall) => {
      if (call.functionName === 'calculateTVLs') return 'tvl' in over ? over.tvl : tvls(TVL);
      if (call.functionName === 'totalSupply') return 'supply' in over ? over.supply : SUPPLY;
      throw new Error(`unexpected call ${call.functionName}`);
    };
  }

  it('reads calculateTVLs() from the restake manager and totalSupply() from the token, in one batch', () => {
    const { batch } = read(ezETH, answer());
    expect(batch.calls.map((c) => [c.address, c.functionName])).toEqual([
      [ezETH.tvl.address, 'calculateTVLs'],
      [ezETH.supply, 'totalSupply'],
    ]);
  });

  it('gives tvl[index] × 1e18 / supply', () => {
    expect(ezETH.tvl.index).toBe(2);
    expect(read(ezETH, answer()).rate).toEqual({ value: (TVL * WAD) / SUPPLY, reason: null });
    expect(read(ezETH, answer()).rate.value).toBe(1_050_000_000_000_000_000n);
  });

  it('takes the total at the registry index, not elsewhere in the tuple', () => {
    const other: TvlRatio = { ...ezETH, tvl: { ...ezETH.tvl, signature: 'function f() view returns (uint256, uint256)', index: 0 } };
    expect(read(other, (call) => (call.functionName === 'f' ? [2n * SUPPLY, 0n] : SUPPLY)).rate.value).toBe(2n * WAD);
  });

  it('refuses a supply of 0 with a reason', () => {
    expect(read(ezETH, answer({ supply: 0n })).rate).toEqual({ value: null, reason: 'totalSupply() is 0' });
  });

  it('turns a failed TVL call into a reason naming calculateTVLs', () => {
    const { rate } = read(ezETH, answer({ tvl: new Error('execution reverted') }));
    expect(rate.value).toBeNull();
    expect(rate.reason).toMatch(/calculateTVLs\(\).*failed: execution reverted/);
    expect(rate.reason).toBe('RestakeManager.calculateTVLs() failed: execution reverted');
  });

  it('turns a failed supply call into a reason naming totalSupply', () => {
    expect(read(ezETH, answer({ supply: new Error('reverted') })).rate).toEqual({ value: null, reason: 'totalSupply() failed: reverted' });
  });
});

describe('planRedemption: pegged', () => {
  it('gives 1e18 and adds no call to the batch', () => {
    for (const token of registry.filter((t) => t.redemption.kind === 'pegged')) {
      const batch = new CallBatch();
      const rate = planRedemption(token.redemption, batch);
      expect(batch.calls, token.symbol).toHaveLength(0);
      settleBy(batch, () => {
        throw new Error('no call expected');
      });
      expect(rate(), token.symbol).toEqual({ value: WAD, reason: null });
    }
  });

  it('leaves the rest of a shared batch where it was', () => {
    const batch = new CallBatch();
    const before = planRedemption(redemptionOf('rETH', 'call'), batch);
    const pegged = planRedemption(redemptionOf('stETH', 'pegged'), batch);
    const after = planRedemption(redemptionOf('wstETH', 'call'), batch);
    expect(batch.calls.map((c) => c.functionName)).toEqual(['getExchangeRate', 'stEthPerToken']);
    settleBy(batch, (call) => (call.functionName === 'getExchangeRate' ? 11n : 22n));
    expect([before().value, pegged().value, after().value]).toEqual([11n, WAD, 22n]);
  });
});

describe('planRedemption over the whole registry', () => {
  it('plans every token, each reading back its own value from a shared batch', () => {
    const batch = new CallBatch();
    const plans = registry.map((t) => ({ token: t, rate: planRedemption(t.redemption, batch) }));
    const expected = registry.filter((t) => t.redemption.kind === 'call').length + 2 * registry.filter((t) => t.redemption.kind === 'tvl-ratio').length;
    expect(batch.calls).toHaveLength(expected);
    // every call answers 1 ETH plus its index; tvl-ratio answers a tuple and a supply of 1e18
    settleBy(batch, (call) => {
      const i = BigInt(batch.calls.indexOf(call));
      if (call.functionName === 'calculateTVLs') return [[], [], (10n + i) * WAD];
      if (call.functionName === 'totalSupply') return WAD;
      return WAD + i;
    });
    for (const { token, rate } of plans) {
      const got = rate();
      expect(got.reason, token.symbol).toBeNull();
      expect(got.value, token.symbol).not.toBeNull();
    }
  });
});

describe('yieldRateCall', () => {
  it('reads the history of a tvl-ratio rate through its one-call twin, saying how sure the address is', async () => {
    const { yieldRateCall } = await import('../../lib/chain/yield');
    const { tokenBySymbol } = await import('../../lib/tokens/registry');
    const ez = yieldRateCall(tokenBySymbol('ezETH')!);
    expect(ez.call?.address).toBe('0x387dBc0fB00b26fb085aa658527D5BE98302c84C');
    expect(ez.call?.functionName).toBe('getRate');
    expect('label' in ez && ez.label).toMatch(/third-party address/);
    const frx = yieldRateCall(tokenBySymbol('frxETH')!);
    expect(frx.call).toBeNull();
    expect('reason' in frx && frx.reason).toMatch(/does not accrue/);
    const steth = yieldRateCall(tokenBySymbol('stETH')!);
    expect(steth.call?.functionName).toBe('getPooledEthByShares');
    expect(steth.call?.args).toEqual([10n ** 18n]);
  });
});
