// The part of autocannon 9 the load bench uses (the package ships no types).
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';

  export type Request = { method?: string; path: string; headers?: Record<string, string>; body?: string };

  export interface Client extends EventEmitter {
    setRequests(requests: Request[]): void;
    requestIterator: { currentRequest: Request };
    on(event: 'response', listener: (status: number, bytes: number, durationMs: number) => void): this;
  }

  export type Options = {
    url: string;
    connections?: number;
    duration?: number;
    timeout?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    requests?: Request[];
    setupClient?: (client: Client) => void;
  };

  export type Result = {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    statusCodeStats: Record<string, { count: number }>;
    requests: { average: number; total: number; sent: number };
    latency: { p50: number; p99: number; average: number; max: number };
  };

  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
