import type { z } from 'zod';

// Both archives carry a manifest.json (the backup's first entry, the region export's last): JSON checked
// against the format's own Zod schema before anything in the archive is believed.

export type ParsedManifest<T> =
  | { ok: true; manifest: T }
  | { ok: false; stage: 'json' | 'schema'; why: string };

export function parseManifest<S extends z.ZodType>(body: Uint8Array, schema: S): ParsedManifest<z.infer<S>> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(body).toString('utf8'));
  } catch (e) {
    return { ok: false, stage: 'json', why: (e as Error).message };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, stage: 'schema', why: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}` };
  }
  return { ok: true, manifest: parsed.data };
}
