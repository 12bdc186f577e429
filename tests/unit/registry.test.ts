import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { deploymentOn, registry, tokenByAddress, tokenBySymbol } from '../../lib/tokens/registry';
import { checksummedAddress, deploymentSchema, tokenSchema } from '../../lib/tokens/schema';

const WSTETH = '0x7f39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
const WEETH = '0xCd5fE23C85820F7B72D0926FC9b05b43E359b7ee';

/** Every string in the registry that looks like an address. */
function addressesOf(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string' && /^0x[0-9a-fA-F]{40}$/.test(value)) out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => addressesOf(v, out));
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => addressesOf(v, out));
  return out;
}

describe('registry', () => {
  it('parses against the token schema and holds wstETH and weETH', () => {
    expect(registry.map((t) => t.symbol).sort()).toEqual(['weETH', 'wstETH']);
    for (const token of registry) expect(() => tokenSchema.parse(token)).not.toThrow();
  });

  it('spells every address in EIP-55', () => {
    const addresses = addressesOf(registry);
    expect(addresses.length).toBeGreaterThan(10);
    for (const a of addresses) expect(getAddress(a)).toBe(a);
  });

  it('has unique symbols, also ignoring case', () => {
    const symbols = registry.map((t) => t.symbol.toUpperCase());
    expect(new Set(symbols).size).toBe(symbols.length);
  });

  it('has one deployment per chain per token and redemption bounds that bracket the rate hint', () => {
    for (const token of registry) {
      const chains = token.deployments.map((d) => d.chainId);
      expect(new Set(chains).size).toBe(chains.length);
      expect(deploymentOn(token, token.homeChainId)).toBeDefined();
      expect(token.redemption.min < token.rateHint && token.rateHint < token.redemption.max).toBe(true);
    }
  });
});

describe('checksummedAddress schema', () => {
  it('accepts a checksummed address', () => {
    expect(checksummedAddress.safeParse(WSTETH).success).toBe(true);
  });

  it('rejects the same address lowercased', () => {
    expect(checksummedAddress.safeParse(WSTETH.toLowerCase()).success).toBe(false);
  });

  it('rejects the same address uppercased', () => {
    expect(checksummedAddress.safeParse('0x' + WSTETH.slice(2).toUpperCase()).success).toBe(false);
  });

  it('rejects a mistyped address (one case flip breaks the checksum)', () => {
    // flip the case of the first letter after 0x: 'f' -> 'F'
    const typo = '0x7F39C581F595B53c5cb19bD0b3f8dA6c935E2Ca0';
    expect(typo.toLowerCase()).toBe(WSTETH.toLowerCase());
    expect(checksummedAddress.safeParse(typo).success).toBe(false);
  });

  it('rejects a wrong digit and a wrong length', () => {
    expect(checksummedAddress.safeParse(WSTETH.slice(0, -1) + '1').success).toBe(false);
    expect(checksummedAddress.safeParse(WSTETH.slice(0, -1)).success).toBe(false);
    expect(checksummedAddress.safeParse('not an address').success).toBe(false);
  });

  it('makes a deployment with a lowercased address fail', () => {
    const good = { chainId: 1, address: WEETH, decimals: 18, confidence: 'primary', source: 'x' };
    expect(deploymentSchema.safeParse(good).success).toBe(true);
    expect(deploymentSchema.safeParse({ ...good, address: WEETH.toLowerCase() }).success).toBe(false);
  });

  it('makes a whole token entry with a lowercased redemption address fail', () => {
    const token = tokenBySymbol('wstETH')!;
    const bad = { ...token, redemption: { ...token.redemption, address: token.redemption.address.toLowerCase() } };
    expect(tokenSchema.safeParse(token).success).toBe(true);
    expect(tokenSchema.safeParse(bad).success).toBe(false);
  });
});

describe('lookups', () => {
  it('tokenBySymbol finds the exact symbol only', () => {
    expect(tokenBySymbol('wstETH')?.protocol).toBe('Lido');
    expect(tokenBySymbol('weETH')?.protocol).toBe('ether.fi');
    expect(tokenBySymbol('WSTETH')).toBeUndefined();
    expect(tokenBySymbol('stETH')).toBeUndefined();
  });

  it('tokenByAddress is case-insensitive and per chain', () => {
    expect(tokenByAddress(1, WSTETH)?.symbol).toBe('wstETH');
    expect(tokenByAddress(1, WSTETH.toLowerCase())?.symbol).toBe('wstETH');
    expect(tokenByAddress(1, '0x' + WEETH.slice(2).toUpperCase())?.symbol).toBe('weETH');
    expect(tokenByAddress(42161, WSTETH)).toBeUndefined();
    expect(tokenByAddress(1, '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2')).toBeUndefined();
  });

  it('deploymentOn returns the chain deployment or undefined', () => {
    const wst = tokenBySymbol('wstETH')!;
    const d = deploymentOn(wst, 1);
    expect(d?.address).toBe(WSTETH);
    expect(d?.decimals).toBe(18);
    expect(deploymentOn(wst, 8453)).toBeUndefined();
  });
});
