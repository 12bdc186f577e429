/*
 * Reads a protocol's Solidity or Vyper source out of a fetched git mirror and prints, for each named
 * function (or public state variable, whose getter is what we call), the human-readable ABI form
 * viem's parseAbiItem accepts, with the line it is declared on.
 *
 *   npx tsx scripts/artifacts/extract-from-source.ts --git-dir <dir> --commit <sha> --path <file>
 *       [--types-from <file>]... <name>...
 *   npx tsx scripts/artifacts/extract-from-source.ts --verify <fixture.json>...
 *   npx tsx scripts/artifacts/extract-from-source.ts --update <fixture.json>...
 *
 * --types-from names other files (same commit) whose structs, enums and value types are resolved too.
 * --verify re-extracts every function of the fixtures marked as extracted by this script, from the
 * mirrors under /work/.mirror (or $STAKELENS_MIRRORS), and fails when the ABI or the line differs;
 * --update writes what the source says instead (after a commit bump, or to fill in a new entry).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { parseAbiItem } from 'viem';

export type Extracted = { name: string; abi: string; line: number; kind: 'function' | 'state variable'; assumedContracts?: string[] };

type TypeTable = {
  structs: Map<string, { type: string; name: string }[]>;
  enums: Set<string>;
  valueTypes: Map<string, string>;
  constants: Map<string, string>;
  contracts: Set<string>;
  /** Type names taken for contracts without a declaration in sight: worth a look. */
  assumed: Set<string>;
};

const SCRIPT = 'scripts/artifacts/extract-from-source.ts';

export function readAt(gitDir: string, commit: string, path: string): string {
  return execFileSync('git', ['--git-dir', gitDir, 'show', `${commit}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Blanks comments (and string contents) but keeps every newline, so offsets still map to lines. */
function stripComments(src: string, vyper: boolean): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const two = src.slice(i, i + 2);
    if (!vyper && two === '//') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (!vyper && two === '/*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (vyper && src[i] === '#') {
      while (i < src.length && src[i] !== '\n') {
        out += ' ';
        i++;
      }
    } else if (vyper && src.startsWith('"""', i)) {
      const end = src.indexOf('"""', i + 3);
      const stop = end < 0 ? src.length : end + 3;
      out += src.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (src[i] === '"' || src[i] === "'") {
      const quote = src[i];
      out += quote;
      i++;
      while (i < src.length && src[i] !== quote && src[i] !== '\n') {
        // An escape blanks two characters.
        const width = src[i] === '\\' ? 2 : 1;
        out += ' '.repeat(width);
        i += width;
      }
      if (src[i] === quote) {
        out += quote;
        i++;
      }
    } else {
      out += src[i];
      i++;
    }
  }
  return out;
}

const lineOf = (src: string, offset: number) => src.slice(0, offset).split('\n').length;

/** The text between the parenthesis at `open` and its match. */
function balanced(src: string, open: number, pair = '()'): { inner: string; end: number } {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    if (src[i] === pair[0]) depth++;
    else if (src[i] === pair[1] && --depth === 0) return { inner: src.slice(open + 1, i), end: i };
  }
  throw new Error(`unbalanced ${pair} at offset ${open}`);
}

/** Splits on commas that are not nested in brackets. */
function splitTop(list: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(list.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(list.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

function collectTypes(sources: string[], table: TypeTable) {
  for (const src of sources) {
    for (const m of src.matchAll(/\bstruct\s+(\w+)\s*\{/g)) {
      const body = balanced(src, m.index + m[0].length - 1, '{}').inner;
      const members = body
        .split(';')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean)
        .map((decl) => {
          const at = decl.lastIndexOf(' ');
          return { type: decl.slice(0, at), name: decl.slice(at + 1) };
        });
      table.structs.set(m[1]!, members);
    }
    for (const m of src.matchAll(/\benum\s+(\w+)\s*\{/g)) table.enums.add(m[1]!);
    for (const m of src.matchAll(/\btype\s+(\w+)\s+is\s+(\w+)\s*;/g)) table.valueTypes.set(m[1]!, m[2]!);
    for (const m of src.matchAll(/^(\w+)\s*:\s*constant\(\w+\)\s*=\s*(\d+)/gm)) table.constants.set(m[1]!, m[2]!);
    for (const m of src.matchAll(/\b(?:contract|interface|library)\s+(\w+)/g)) table.contracts.add(m[1]!);
  }
}

const ELEMENTARY = /^(address|bool|string|bytes\d*|u?int\d*|u?fixed[\dx]*)$/;

/** One Solidity type as an ABI type: contracts and interfaces are addresses, enums uint8, structs tuples. */
function abiType(raw: string, table: TypeTable, seen: string[] = []): string {
  let type = raw.replace(/\s+/g, ' ').trim().replace(/^address payable$/, 'address');
  const arrays = type.match(/(\[[^\]]*\])*$/)?.[0] ?? '';
  type = type.slice(0, type.length - arrays.length).trim();
  const suffix = arrays.replace(/\[(\w+)\]/g, (all, n: string) => (/^\d+$/.test(n) ? all : `[${table.constants.get(n) ?? n}]`));
  if (type === 'uint') type = 'uint256';
  if (type === 'int') type = 'int256';
  if (ELEMENTARY.test(type)) return type + suffix;
  const base = type.split('.').pop()!;
  if (table.valueTypes.has(base)) return abiType(table.valueTypes.get(base)!, table) + suffix;
  if (table.enums.has(base)) return 'uint8' + suffix;
  const members = table.structs.get(base);
  if (members) {
    if (seen.includes(base)) throw new Error(`recursive struct ${base}`);
    return `(${members.map((m) => `${abiType(m.type, table, [...seen, base])} ${m.name}`).join(', ')})${suffix}`;
  }
  if (!table.contracts.has(base)) table.assumed.add(base);
  return 'address' + suffix; // a contract or interface type
}

/** A parameter declaration without its data location: `uint256[] memory amounts` -> `uint256[] amounts`. */
function abiParam(decl: string, table: TypeTable): string {
  const words = decl.replace(/\s+/g, ' ').trim().replace(/\s*\[/g, '[').split(' ').filter((w) => !['memory', 'calldata', 'storage', 'payable', 'indexed'].includes(w));
  const last = words[words.length - 1]!;
  const named = words.length > 1 && /^[A-Za-z_$][\w$]*$/.test(last);
  const type = (named ? words.slice(0, -1) : words).join(' ');
  return named ? `${abiType(type, table)} ${last}` : abiType(type, table);
}

function solidityFunctions(src: string, name: string, table: TypeTable): Extracted[] {
  const found: Extracted[] = [];
  for (const m of src.matchAll(new RegExp(`\\bfunction\\s+${name}\\s*\\(`, 'g'))) {
    const params = balanced(src, m.index + m[0].length - 1);
    const tailEnd = src.slice(params.end).search(/[{;]/);
    const tail = src.slice(params.end + 1, params.end + tailEnd);
    const returnsAt = tail.search(/\breturns\s*\(/);
    const modifiers = returnsAt < 0 ? tail : tail.slice(0, returnsAt);
    const mutability = modifiers.match(/\b(view|pure|payable)\b/)?.[1];
    let outputs = '';
    if (returnsAt >= 0) {
      const open = params.end + 1 + returnsAt + tail.slice(returnsAt).indexOf('(');
      outputs = splitTop(balanced(src, open).inner).map((p) => abiParam(p, table)).join(', ');
    }
    const inputs = splitTop(params.inner).map((p) => abiParam(p, table)).join(', ');
    const abi = `function ${name}(${inputs})${mutability ? ` ${mutability}` : ''}${outputs ? ` returns (${outputs})` : ''}`;
    found.push({ name, abi, line: lineOf(src, m.index), kind: 'function' });
  }
  return found;
}

/** The getter Solidity generates for `T public name`, `mapping(K => V) public name` and `T[] public name`. */
function solidityGetters(src: string, name: string, table: TypeTable): Extracted[] {
  const found: Extracted[] = [];
  const re = new RegExp(`^[ \\t]*([\\w.]+(?:\\s*\\([^;]*?\\))?(?:\\s*\\[[^\\]]*\\])*)\\s+((?:(?:public|constant|immutable|override(?:\\([^)]*\\))?)\\s+)+)${name}\\s*[;=]`, 'gm');
  for (const m of src.matchAll(re)) {
    if (!/\bpublic\b/.test(m[2]!)) continue;
    let type = m[1]!.trim();
    const inputs: string[] = [];
    for (;;) {
      const map = type.match(/^mapping\s*\(\s*([\w.]+)(?:\s+(\w+))?\s*=>\s*(.*?)(?:\s+\w+)?\s*\)$/s);
      if (map) {
        // Solidity >= 0.8.18 names the getter's parameter after a named mapping key.
        inputs.push(map[2] ? `${abiType(map[1]!, table)} ${map[2]}` : abiType(map[1]!, table));
        type = map[3]!.trim();
        continue;
      }
      const arr = type.match(/^(.*)\[[^\]]*\]$/s);
      if (arr) {
        inputs.push('uint256');
        type = arr[1]!.trim();
        continue;
      }
      break;
    }
    const members = table.structs.get(type.split('.').pop()!);
    // A struct getter returns its members one by one, leaving out arrays and mappings.
    const outputs = members
      ? members.filter((s) => !/\[|mapping/.test(s.type)).map((s) => `${abiType(s.type, table)} ${s.name}`)
      : [abiType(type, table)];
    const abi = `function ${name}(${inputs.join(', ')}) view returns (${outputs.join(', ')})`;
    found.push({ name, abi, line: lineOf(src, m.index + m[0].search(/\S/)), kind: 'state variable' });
  }
  return found;
}

function vyperType(raw: string, table: TypeTable): string {
  const t = raw.trim();
  const arr = t.match(/^(.*)\[(\w+)\]$/);
  if (arr && !/^(String|Bytes|DynArray)$/.test(arr[1]!)) return `${vyperType(arr[1]!, table)}[${table.constants.get(arr[2]!) ?? arr[2]}]`;
  if (/^String\[/.test(t)) return 'string';
  if (/^Bytes\[/.test(t)) return 'bytes';
  const dyn = t.match(/^DynArray\[(.*),\s*\w+\]$/);
  if (dyn) return `${vyperType(dyn[1]!, table)}[]`;
  if (t === 'decimal') return 'int168';
  return ELEMENTARY.test(t) ? t : 'address';
}

function vyperFunctions(src: string, name: string, table: TypeTable): Extracted[] {
  const found: Extracted[] = [];
  // A top-level `def` carries its mutability as a decorator; one indented in an `interface` block after
  // the colon (`    def ratio() -> uint256: view`).
  for (const m of src.matchAll(new RegExp(`^([ \\t]*)def\\s+${name}\\s*\\(`, 'gm'))) {
    const params = balanced(src, m.index + m[0].length - 1);
    const ret = src.slice(params.end + 1).match(/^\s*(?:->\s*([^:\n]+?))?\s*:[ \t]*(\w*)/);
    const decorators = src.slice(0, m.index).split('\n').reverse().slice(1);
    const decorated = decorators.slice(0, decorators.findIndex((l) => !l.trim().startsWith('@'))).find((l) => /@(view|pure|payable)/.test(l));
    const mutability = m[1] ? (ret?.[2] && /^(view|pure|payable)$/.test(ret[2]) ? `@${ret[2]}` : undefined) : decorated;
    const inputs = splitTop(params.inner).map((p) => {
      const [argName, argType] = p.split(':').map((s) => s.trim());
      return `${vyperType(argType!.split('=')[0]!, table)} ${argName}`;
    });
    const rawOut = ret?.[1]?.trim();
    const outputs = !rawOut ? [] : rawOut.startsWith('(') ? splitTop(rawOut.slice(1, -1)).map((t) => vyperType(t, table)) : [vyperType(rawOut, table)];
    const mut = mutability?.trim().slice(1);
    const abi = `function ${name}(${inputs.join(', ')})${mut ? ` ${mut}` : ''}${outputs.length ? ` returns (${outputs.join(', ')})` : ''}`;
    found.push({ name, abi, line: lineOf(src, m.index), kind: 'function' });
  }
  for (const m of src.matchAll(new RegExp(`^${name}\\s*:\\s*public\\((.*)\\)\\s*$`, 'gm'))) {
    let type = m[1]!.trim();
    const inputs: string[] = [];
    for (;;) {
      const map = type.match(/^HashMap\[\s*([^,]+),\s*(.*)\]$/);
      if (map) {
        inputs.push(vyperType(map[1]!, table));
        type = map[2]!.trim();
        continue;
      }
      const arr = type.match(/^(.*)\[\w+\]$/);
      if (arr && !/^(String|Bytes|DynArray)$/.test(arr[1]!)) {
        inputs.push('uint256');
        type = arr[1]!.trim();
        continue;
      }
      break;
    }
    found.push({ name, abi: `function ${name}(${inputs.join(', ')}) view returns (${vyperType(type, table)})`, line: lineOf(src, m.index), kind: 'state variable' });
  }
  return found;
}

/** The file and the files it imports by relative path, so their structs and enums resolve too. */
function withImports(gitDir: string, commit: string, path: string, depth = 3): string[] {
  const seen = new Set<string>();
  const visit = (file: string, left: number) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (left === 0 || file.endsWith('.vy')) return;
    let text: string;
    try {
      text = readAt(gitDir, commit, file);
    } catch {
      return; // an import that is not in the snapshot (a remapped library)
    }
    for (const m of text.matchAll(/^\s*import\s+(?:[^;]*?from\s+)?["'](\.{1,2}\/[^"']+)["']/gm)) visit(posix.normalize(posix.join(posix.dirname(file), m[1]!)), left - 1);
  };
  visit(path, depth);
  return [...seen];
}

export function extract(gitDir: string, commit: string, path: string, names: string[], typesFrom: string[] = []): Extracted[] {
  const vyper = path.endsWith('.vy');
  const src = stripComments(readAt(gitDir, commit, path), vyper);
  const table: TypeTable = { structs: new Map(), enums: new Set(), valueTypes: new Map(), constants: new Map(), contracts: new Set(), assumed: new Set() };
  const others = [...new Set([...typesFrom, ...withImports(gitDir, commit, path)])].filter((p) => p !== path);
  const texts = others.flatMap((p) => {
    try {
      return [stripComments(readAt(gitDir, commit, p), p.endsWith('.vy'))];
    } catch {
      return [];
    }
  });
  collectTypes([...texts, src], table);
  return names.flatMap((name) => {
    table.assumed.clear();
    const found = vyper ? vyperFunctions(src, name, table) : [...solidityFunctions(src, name, table), ...solidityGetters(src, name, table)];
    for (const f of found) parseAbiItem(f.abi); // throws if viem would not accept it
    const assumedContracts = table.assumed.size ? [...table.assumed] : undefined;
    if (assumedContracts) console.error(`${path}: ${name}: took ${assumedContracts.join(', ')} for contract types (no struct, enum or contract declaration found)`);
    const none: Extracted = { name, abi: '', line: 0, kind: 'function' };
    return found.length ? found.map((f): Extracted => (assumedContracts ? { ...f, assumedContracts } : f)) : [none];
  });
}

type Fixture = {
  repo: string;
  commit: string;
  contracts: {
    contract: string;
    repo?: string;
    commit?: string;
    path: string;
    typesFrom?: string[];
    functions: { abi: string; line: number; extracted: string; repo?: string; commit?: string; path?: string; typesFrom?: string[] }[];
  }[];
};

const mirrorOf = (repo: string) => `${process.env.STAKELENS_MIRRORS ?? '/work/.mirror'}/${repo.replace('/', '+')}/repo`;

/**
 * Checks (or, with update, rewrites) the ABI and line of every function a fixture marks as extracted
 * by this script. In update mode a placeholder such as `"abi": "function getRate"` is filled in.
 */
function check(files: string[], update: boolean): number {
  let failures = 0;
  for (const file of files) {
    const fixture = JSON.parse(readFileSync(file, 'utf8')) as Fixture;
    for (const contract of fixture.contracts) {
      for (const fn of contract.functions) {
        if (fn.extracted !== SCRIPT) continue;
        const name = fn.abi.match(/^function (\w+)/)![1]!;
        const got = extract(mirrorOf(fn.repo ?? contract.repo ?? fixture.repo), fn.commit ?? contract.commit ?? fixture.commit, fn.path ?? contract.path, [name], fn.typesFrom ?? contract.typesFrom ?? []);
        const same = got.find((g) => g.abi === fn.abi && g.line === fn.line);
        if (same) continue;
        if (update && got.length === 1 && got[0]!.line > 0) {
          fn.abi = got[0]!.abi;
          fn.line = got[0]!.line;
          continue;
        }
        failures++;
        console.error(`${file}: ${contract.contract}.${name}: recorded ${fn.abi} @${fn.line}; source has ${got.map((g) => `${g.abi} @${g.line}`).join(' | ')}`);
      }
    }
    if (update) writeFileSync(file, `${JSON.stringify(fixture, null, 2)}\n`);
    console.log(`${file}: ${update ? 'updated' : 'checked'}`);
  }
  return failures;
}

function main(argv: string[]) {
  if (argv[0] === '--verify' || argv[0] === '--update') {
    const failures = check(argv.slice(1), argv[0] === '--update');
    if (failures) {
      console.error(`${failures} recorded declarations differ from the source`);
      process.exit(1);
    }
    return;
  }
  const opts: Record<string, string[]> = { '--git-dir': [], '--commit': [], '--path': [], '--types-from': [] };
  const names: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i]!;
    if (key in opts) opts[key]!.push(argv[++i] ?? '');
    else names.push(key);
  }
  const [gitDir, commit, path] = [opts['--git-dir']![0], opts['--commit']![0], opts['--path']![0]];
  if (!gitDir || !commit || !path || names.length === 0) {
    console.error('usage: extract-from-source.ts --git-dir <dir> --commit <sha> --path <file> [--types-from <file>]... <name>...');
    process.exit(2);
  }
  const out = extract(gitDir, commit, path, names, opts['--types-from']);
  process.stdout.write(`${JSON.stringify({ commit, path, functions: out }, null, 2)}\n`);
  if (out.some((f) => f.line === 0)) process.exit(1);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) main(process.argv.slice(2));
