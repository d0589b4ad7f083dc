/** Headers of a JSON request with Basic auth, as the benchmarks send to the emulator. */
export function basicJsonHeaders(credentials: { apiKey: string; apiSecret: string }): Record<string, string> {
  return {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(`${credentials.apiKey}:${credentials.apiSecret}`).toString('base64')}`,
  };
}
