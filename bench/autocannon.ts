/** autocannon, the load generator of the HTTP benchmarks, typed for the calls they make (it ships no types). */
import { createRequire } from 'node:module';

export interface LoadRequest {
  method: 'POST';
  path?: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Seconds of load ... */
  duration?: number;
  /** ... or this many requests in all. */
  amount?: number;
  /** Requests per second across all connections; unlimited when omitted. */
  overallRate?: number;
  /** One request sent again and again ... */
  method?: 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** ... or these, each connection cycling through them in order. */
  requests?: LoadRequest[];
}

export interface LoadResult {
  /** Seconds the load actually ran. */
  duration: number;
  '2xx': number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Milliseconds from each request's send to its response. */
  latency: { p50: number; p99: number; max: number };
}

export const autocannon = createRequire(__filename)('autocannon') as (options: LoadOptions) => Promise<LoadResult>;
