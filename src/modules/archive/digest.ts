import { createHash } from 'node:crypto';

// The checksums of both archives' manifests: every entry is listed with its SHA-256 and size (a backup's
// table also with its row count, one line per row in COPY text), taken while the entry is written and
// taken again while it is read.

export const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

export type Measured = { sha256: string; bytes: number; rows: number };

/** SHA-256, size and line count of a stream of chunks. */
export class Digest {
  private hash = createHash('sha256');
  bytes = 0;
  rows = 0;
  update(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.bytes += chunk.length;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) this.rows++;
  }
  result(): Measured {
    return { sha256: this.hash.digest('hex'), bytes: this.bytes, rows: this.rows };
  }
}

/** Reads a stream to its end, measuring it; `each` sees every chunk. */
export async function measure(
  stream: AsyncIterable<Buffer>,
  each?: (chunk: Buffer) => void,
): Promise<Measured> {
  const d = new Digest();
  for await (const chunk of stream) {
    d.update(chunk);
    each?.(chunk);
  }
  return d.result();
}

/** Passes a stream through, measuring it; `done` gets the measure when the stream ends. */
export async function* tap(
  stream: AsyncIterable<Buffer>,
  done: (m: Measured) => void,
): AsyncGenerator<Buffer> {
  const d = new Digest();
  for await (const chunk of stream) {
    d.update(chunk);
    yield chunk;
  }
  done(d.result());
}

/** What the manifest says an entry is: its checksum, size, and (where counted) its rows. */
export type Expected = { sha256: string; bytes: number; rows?: number };

export type Mismatch =
  | { kind: 'size'; got: number; want: number }
  | { kind: 'checksum' }
  | { kind: 'rows'; got: number; want: number };

/** How an entry differs from its manifest line, first the size, then the checksum, then the rows; null: it does not. */
export function mismatch(
  got: { sha256: string; bytes: number; rows?: number },
  want: Expected,
): Mismatch | null {
  if (got.bytes !== want.bytes) return { kind: 'size', got: got.bytes, want: want.bytes };
  if (got.sha256 !== want.sha256) return { kind: 'checksum' };
  if (want.rows !== undefined && got.rows !== want.rows)
    return { kind: 'rows', got: got.rows ?? 0, want: want.rows };
  return null;
}
