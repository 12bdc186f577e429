import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAbiItem, toFunctionSelector, toFunctionSignature, type AbiFunction, type AbiParameter } from 'viem';
import { describe, expect, it } from 'vitest';
import { multicall3Abi } from '../../lib/chain/abis';
import { CallBatch, type CallResult, type ContractCall } from '../../lib/chain/calls';
import { planBridgedToken, planToken } from '../../lib/chain/plan';
import { registry } from '../../lib/tokens/registry';

/*
 * Every contract read the background makes, pinned against the protocol's own artifact: the ABI in
 * its published npm package (tests/fixtures/artifacts/npm, extracted by
 * scripts/artifacts/extract-from-npm.ts) or the declaration in its source repository at a named
 * commit (tests/fixtures/artifacts/source). A read with no artifact, or one whose selector, argument
 * or return types differ from it, fails here with where the artifact came from.
 */

const ARTIFACTS = join(import.meta.dirname, '../fixtures/artifacts');
const MULTICALL3 = '0xcA11bde05977b3631167028862bE2a173976CA11';

interface Artifact {
  id: string;
  /** package@version/file, or repo@commit:path */
  where: string;
  /** `chainId:address` lowercased, or every address (an interface all venues of a kind share). */
  appliesTo: Set<string> | 'any';
  functions: { item: AbiFunction; line?: number; units?: string }[];
}

interface NpmRecord {
  id: string;
  package: string;
  version: string;
  file: string;
  appliesTo: string[] | 'any';
  functions: AbiFunction[];
}

interface SourceRecord {
  protocol: string;
  repo: string;
  commit: string;
  contracts: {
    contract: string;
    path: string;
    addresses: string[];
    functions: { abi: string; line?: number; units?: string }[];
  }[];
}

const json = <T>(dir: string): T[] => {
  try {
    return readdirSync(join(ARTIFACTS, dir))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(ARTIFACTS, dir, f), 'utf8')) as T);
  } catch {
    return [];
  }
};

const key = (chainId: number | string, address: string) => `${chainId}:${address.toLowerCase()}`;
const addressSet = (list: string[]) => new Set(list.map((a) => key(a.split(':')[0]!, a.split(':')[1]!)));

function loadArtifacts(): Artifact[] {
  const npm = json<NpmRecord>('npm').map(
    (r): Artifact => ({
      id: r.id,
      where: `${r.package}@${r.version}/${r.file}`,
      appliesTo: r.appliesTo === 'any' ? 'any' : addressSet(r.appliesTo),
      functions: r.functions.map((item) => ({ item })),
    }),
  );
  const source = json<SourceRecord>('source').flatMap((r) =>
    r.contracts.map(
      (c): Artifact => ({
        id: `${r.protocol}: ${c.contract}`,
        where: `${r.repo}@${r.commit.slice(0, 12)}:${c.path}`,
        appliesTo: addressSet(c.addresses),
        functions: c.functions.map((f) => ({ item: parseAbiItem(f.abi) as AbiFunction, line: f.line, units: f.units })),
      }),
    ),
  );
  return [...npm, ...source];
}

interface Read {
  chainId: number;
  address: string;
  fn: AbiFunction;
  tokens: Set<string>;
}

/** Every call the background's plans put in a batch, for every token on every chain it is read on. */
function everyRead(): Read[] {
  const reads = new Map<string, Read>();
  const note = (chainId: number, address: string, fn: AbiFunction, symbol: string) => {
    const id = `${key(chainId, address)} ${toFunctionSignature(fn)}`;
    const read = reads.get(id) ?? { chainId, address, fn, tokens: new Set<string>() };
    read.tokens.add(symbol);
    reads.set(id, read);
  };
  for (const token of registry) {
    for (const chainId of new Set(token.deployments.map((d) => d.chainId))) {
      const batch = new CallBatch();
      const decoder = chainId === token.homeChainId ? planToken(token, batch, {}) : planBridgedToken(token, chainId, batch, null);
      const batches = [batch];
      // The restaking read's second round is planned from the first's results: answer those with an operator.
      if (decoder.secondRound) {
        batch.settle(batch.calls.map(firstRoundAnswer));
        const second = new CallBatch();
        decoder.secondRound.plan(second);
        batches.push(second);
      }
      for (const call of batches.flatMap((b) => b.calls)) {
        const fn = (call.abi as AbiFunction[]).find((item) => item.type === 'function' && item.name === call.functionName);
        if (!fn) throw new Error(`${token.symbol}: ${call.functionName} is not in its own ABI`);
        note(chainId, call.address, fn, token.symbol);
      }
      // Every chain batch starts with the block it was read at (lib/chain/read.ts).
      for (const name of ['getBlockNumber', 'getCurrentBlockTimestamp'] as const) {
        note(chainId, MULTICALL3, multicall3Abi.find((f) => f.name === name)!, 'every batch');
      }
    }
  }
  return [...reads.values()];
}

/** What round 1 needs to plan round 2: every staker delegated to an operator, with shares. */
function firstRoundAnswer(call: ContractCall): CallResult {
  if (call.functionName === 'delegatedTo') return { status: 'success', result: '0x00000000000000000000000000000000000000AA' };
  if (call.functionName === 'getWithdrawableShares') return { status: 'success', result: [[1n], [1n]] };
  if (call.functionName === 'getOperatorShares') return { status: 'success', result: [1n] };
  return { status: 'failure', error: new Error('not needed to plan round 2') };
}

/** A parameter's canonical type, tuples spelled out: what the ABI encoding depends on. */
function canonical(p: AbiParameter): string {
  if (!p.type.startsWith('tuple')) return p.type;
  const components = (p as { components: readonly AbiParameter[] }).components;
  return `(${components.map(canonical).join(',')})${p.type.slice('tuple'.length)}`;
}
const outputsOf = (fn: AbiFunction) => `(${fn.outputs.map(canonical).join(',')})`;

function artifactFor(read: Read, artifacts: Artifact[]) {
  const here = key(read.chainId, read.address);
  const named = (a: Artifact) => a.functions.filter((f) => f.item.name === read.fn.name).map((f) => ({ artifact: a, ...f }));
  // The contract's own artifact first; a shared interface (ERC-20, a Uniswap pool, a Chainlink feed) only where none names it.
  const specific = artifacts.filter((a) => a.appliesTo !== 'any' && a.appliesTo.has(here)).flatMap(named);
  return specific.length ? specific : artifacts.filter((a) => a.appliesTo === 'any').flatMap(named);
}

const artifacts = loadArtifacts();
const reads = everyRead();

describe('every read matches the protocol’s own artifact', () => {
  it('finds the reads of every token (the enumeration itself works)', () => {
    expect(reads.length).toBeGreaterThan(100);
    expect(new Set(reads.flatMap((r) => [...r.tokens])).size).toBeGreaterThanOrEqual(registry.length);
  });

  it.each(reads.map((r) => [`${r.chainId}:${r.address} ${toFunctionSignature(r.fn)}`, r] as const))('%s', (_, read) => {
    const found = artifactFor(read, artifacts);
    const title = `${read.chainId}:${read.address} ${toFunctionSignature(read.fn)} (for ${[...read.tokens].join(', ')})`;
    expect(found.length, `${title}: no artifact names this function for this address`).toBeGreaterThan(0);
    // An artifact may overload a name; ours must be one of its shapes, exactly.
    const same = found.filter((f) => toFunctionSelector(f.item) === toFunctionSelector(read.fn));
    const shapes = found.map((f) => `${toFunctionSignature(f.item)} returns ${outputsOf(f.item)} in ${f.artifact.where}${f.line ? `:${f.line}` : ''}`);
    expect(same.length, `${title}: selector ${toFunctionSelector(read.fn)} differs from ${shapes.join('; ')}`).toBeGreaterThan(0);
    const match = same[0]!;
    expect(outputsOf(read.fn), `${title}: return types against ${match.artifact.where}`).toBe(outputsOf(match.item));
    expect(['view', 'pure'], `${title}: ${match.artifact.where} does not declare it read-only`).toContain(match.item.stateMutability);
  });

  it('has no artifact for an address nothing reads (a leftover would hide a moved contract)', () => {
    const read = new Set(reads.map((r) => key(r.chainId, r.address)));
    const unused = artifacts.flatMap((a) => (a.appliesTo === 'any' ? [] : [...a.appliesTo].filter((k) => !read.has(k)).map((k) => `${a.id} ${k}`)));
    expect(unused).toEqual([]);
  });
});
