import { describe, expect, it } from 'vitest';
import { divWad, mulWad, ratioBps, spreadBps, toWad, WAD, wadToNumber } from '../../lib/chain/units';

const e14 = 10n ** 14n; // 1 bp of a wad

describe('ratioBps', () => {
  it('is zero for equal values and exact for whole bps', () => {
    expect(ratioBps(WAD, WAD)).toBe(0);
    expect(ratioBps(WAD + 25n * e14, WAD)).toBe(25);
    expect(ratioBps(WAD - 25n * e14, WAD)).toBe(-25);
    expect(ratioBps(2n * WAD, WAD)).toBe(10_000);
    expect(ratioBps(WAD, 2n * WAD)).toBe(-5_000);
  });

  it('rounds positive values to the nearest bp', () => {
    expect(ratioBps(WAD + 14n * e14 + 4n * e14 / 10n, WAD)).toBe(14); // 14.4
    expect(ratioBps(WAD + 14n * e14 + 6n * e14 / 10n, WAD)).toBe(15); // 14.6
    expect(ratioBps(WAD + 4n * e14 / 10n, WAD)).toBe(0); // 0.4
  });

  it('rounds negative values to the nearest bp', () => {
    expect(ratioBps(WAD - 14n * e14 - 4n * e14 / 10n, WAD)).toBe(-14); // -14.4
    expect(ratioBps(WAD - 14n * e14 - 6n * e14 / 10n, WAD)).toBe(-15); // -14.6
    expect(ratioBps(WAD - 4n * e14 / 10n, WAD)).toBe(0); // -0.4
  });

  it('rounds exact halves away from zero', () => {
    expect(ratioBps(WAD + 15n * e14 / 10n, WAD)).toBe(2); // 1.5
    expect(ratioBps(WAD - 15n * e14 / 10n, WAD)).toBe(-2); // -1.5
    expect(ratioBps(WAD + 5n * e14 / 10n, WAD)).toBe(1); // 0.5
    expect(ratioBps(WAD - 5n * e14 / 10n, WAD)).toBe(-1); // -0.5
    expect(ratioBps(20_005n, 20_000n)).toBe(3); // 2.5
    expect(ratioBps(19_995n, 20_000n)).toBe(-3); // -2.5
  });

  it('throws on a zero denominator', () => {
    expect(() => ratioBps(1n, 0n)).toThrow(/division by zero/);
  });
});

describe('spreadBps', () => {
  it('is the absolute gap relative to the base, symmetric in its arguments', () => {
    const base = 12n * WAD / 10n; // 1.2
    const a = base + 36n * e14; // +0.0036 = 30 bps of 1.2
    const b = base;
    expect(spreadBps(a, b, base)).toBe(30);
    expect(spreadBps(b, a, base)).toBe(30);
    expect(spreadBps(a, a, base)).toBe(0);
  });

  it('measures the gap against the base, not against either value', () => {
    // gap 0.01 over a base of 2 = 50 bps, although it is 100 bps of 1
    expect(spreadBps(WAD + WAD / 100n, WAD, 2n * WAD)).toBe(50);
  });
});

describe('toWad', () => {
  it('scales 8 decimals up', () => {
    expect(toWad(1_2345_6789n, 8)).toBe(1_234_567_890_000_000_000n);
    expect(toWad(1n, 8)).toBe(10n ** 10n);
  });

  it('leaves 18 decimals alone', () => {
    expect(toWad(123_456_789n, 18)).toBe(123_456_789n);
  });

  it('scales 27 decimals (ray) down, truncating', () => {
    expect(toWad(10n ** 27n, 27)).toBe(WAD);
    expect(toWad(1_500_000_000_999_999_999n * 10n ** 9n + 999_999_999n, 27)).toBe(1_500_000_000_999_999_999n);
    expect(toWad(999_999_999n, 27)).toBe(0n);
  });

  it('handles 0 and 6 decimals', () => {
    expect(toWad(3n, 0)).toBe(3n * WAD);
    expect(toWad(2_500_000n, 6)).toBe(25n * WAD / 10n);
  });
});

describe('mulWad / divWad', () => {
  it('multiplies and divides as fixed point', () => {
    expect(mulWad(2n * WAD, 3n * WAD)).toBe(6n * WAD);
    expect(mulWad(15n * WAD / 10n, WAD / 2n)).toBe(75n * WAD / 100n);
    expect(divWad(3n * WAD, 2n * WAD)).toBe(15n * WAD / 10n);
    expect(divWad(WAD, 3n * WAD)).toBe(333_333_333_333_333_333n);
  });

  it('truncates toward zero', () => {
    expect(mulWad(1n, WAD - 1n)).toBe(0n);
    expect(divWad(2n, 3n)).toBe(666_666_666_666_666_666n);
  });

  it('round-trips a rate', () => {
    const rate = 1_216_600_000_000_000_000n;
    expect(divWad(mulWad(100n * WAD, rate), rate)).toBe(100n * WAD);
  });
});

describe('wadToNumber', () => {
  it('converts for display', () => {
    expect(wadToNumber(1_216_600_000_000_000_000n)).toBeCloseTo(1.2166, 9);
    expect(wadToNumber(0n)).toBe(0);
  });
});
