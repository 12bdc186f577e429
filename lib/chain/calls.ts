import type { Abi, Address } from 'viem';

/** One contract read in a batch, in the shape viem's `multicall` takes. */
export interface ContractCall {
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
}

export type CallResult = { status: 'success'; result: unknown } | { status: 'failure'; error: Error };

/**
 * Collects the calls of many tokens into one Multicall3 batch and hands each token a way to read its
 * own results back, so plans stay independent of where their calls land in the batch.
 */
export class CallBatch {
  readonly calls: ContractCall[] = [];
  private results: CallResult[] | null = null;

  add(call: ContractCall): () => CallResult {
    const index = this.calls.push(call) - 1;
    return () => {
      const result = this.results?.[index];
      if (!result) throw new Error(`result ${index} read before the batch came back`);
      return result;
    };
  }

  settle(results: CallResult[]): void {
    if (results.length !== this.calls.length) {
      throw new Error(`Multicall3 returned ${results.length} results for ${this.calls.length} calls`);
    }
    this.results = results;
  }
}

/** Reads several values at once; the first failure's reason stands for them all (a road needs every one). */
export function readAll<T extends Record<string, () => CallResult>>(calls: T): { [K in keyof T]: unknown } | { failed: string } {
  const out: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(calls)) {
    const got = valueOf<unknown>(call(), name);
    if (!got.ok) return { failed: got.reason };
    out[name] = got.value;
  }
  return out as { [K in keyof T]: unknown };
}

/** The value of a successful call, or the reason it failed, in words for the tooltip. */
export function valueOf<T>(result: CallResult, what: string): { ok: true; value: T } | { ok: false; reason: string } {
  if (result.status === 'success') return { ok: true, value: result.result as T };
  return { ok: false, reason: `${what} failed: ${shortError(result.error)}` };
}

export function shortError(error: unknown): string {
  const e = error as { shortMessage?: string; message?: string };
  const text = (e?.shortMessage ?? e?.message ?? String(error)).split('\n')[0]!.slice(0, 160);
  const status = httpStatusOf(error);
  return status && !text.includes(String(status)) ? `${text} (HTTP ${status})` : text;
}

/** The HTTP status somewhere in an error's cause chain (viem nests the transport's error). */
export function httpStatusOf(error: unknown, depth = 0): number | undefined {
  const e = error as { status?: unknown; cause?: unknown } | null;
  if (!e || depth > 5) return undefined;
  if (typeof e.status === 'number') return e.status;
  return httpStatusOf(e.cause, depth + 1);
}
