/**
 * Asks an endpoint which chain it serves. Returns null when it is the expected chain, else what is
 * wrong in words a user can act on.
 */
export async function checkRpcEndpoint(url: string, chainId: number, timeoutMs = 6_000): Promise<string | null> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `“${url}” is not a URL`;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'the endpoint must be an http(s) URL';
  try {
    const response = await fetch(parsed, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return `the endpoint answered HTTP ${response.status}`;
    const body = (await response.json()) as { result?: unknown };
    if (typeof body.result !== 'string' || !/^0x[0-9a-f]+$/i.test(body.result)) return 'the endpoint did not answer eth_chainId';
    const served = Number(BigInt(body.result));
    return served === chainId ? null : `the endpoint serves chain ${served}, not ${chainId}`;
  } catch (error) {
    return `the endpoint did not answer (${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message})`;
  }
}
