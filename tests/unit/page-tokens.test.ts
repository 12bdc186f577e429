import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PAGE_TOKENS_FILE, pageTokensSource } from '../../scripts/page-tokens';
import { registryAddresses } from '../../lib/tokens/lookup';
import { registry } from '../../lib/tokens/registry';

describe('the page scanner’s copy of the registry', () => {
  it('is what entries.ts gives today (else: npm run registry:page)', () => {
    expect(readFileSync(PAGE_TOKENS_FILE, 'utf8')).toBe(pageTokensSource());
  });

  it('knows every deployment’s address', () => {
    for (const token of registry) {
      for (const d of token.deployments) expect(registryAddresses(token.symbol, d.chainId)).toContain(d.address.toLowerCase());
    }
  });
});
