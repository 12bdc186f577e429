/** Fixed-point helpers: on-chain figures stay bigint (1e18 = 1.0) until they are shown. */

export const WAD = 10n ** 18n;

/** (a / b − 1) in basis points, rounded half away from zero. */
export function ratioBps(a: bigint, b: bigint): number {
  if (b === 0n) throw new Error('ratioBps: division by zero');
  const scaled = ((a - b) * 10_000n * 2n) / b;
  const rounded = scaled >= 0n ? (scaled + 1n) / 2n : (scaled - 1n) / 2n;
  return Number(rounded);
}

/** |a − b| relative to `base`, in basis points. */
export function spreadBps(a: bigint, b: bigint, base: bigint): number {
  return Math.abs(ratioBps(base + (a - b), base));
}

export function mulWad(a: bigint, b: bigint): bigint {
  return (a * b) / WAD;
}

export function divWad(a: bigint, b: bigint): bigint {
  return (a * WAD) / b;
}

/** Scale an integer with `decimals` decimals to 18. */
export function toWad(value: bigint, decimals: number): bigint {
  return decimals <= 18 ? value * 10n ** BigInt(18 - decimals) : value / 10n ** BigInt(decimals - 18);
}

/** A wad as a JS number, for display only: never feed the result back into a computation. */
export function wadToNumber(value: bigint): number {
  return Number(value / 10n ** 9n) / 1e9;
}
