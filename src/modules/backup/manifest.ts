import { z } from 'zod';

// manifest.json — the first entry of the archive: what is inside and how to check it. Every other entry
// is listed here with its SHA-256; a table's entry also with its row count and columns. The checksums,
// the migration level and the version of Opora are taken by src/modules/archive (shared with the region
// export); the format itself is the backup's own.

export const FORMAT = 'opora-backup';
export const FORMAT_VERSION = 1;
export const MANIFEST = 'manifest.json';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
// Entry names are made by the backup; a restore never writes outside its directory because of one.
const entryName = z.string().regex(/^(db\/[a-z0-9_]+\.copy|files\/[A-Za-z0-9._-]+)$/);

export const manifestSchema = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(FORMAT_VERSION),
  oporaVersion: z.string(),
  createdAt: z.string(),
  engine: z.enum(['pglite', 'postgres']),
  engineVersion: z.string(),
  migration: z.object({ index: z.number().int(), tag: z.string(), createdAt: z.number(), hash: z.string() }),
  /** Where the files lived (a directory or file_blobs); a restore puts them into the target's storage. */
  fileStorage: z.enum(['local', 'database']),
  tables: z.array(
    z.object({
      name: z.string().regex(/^[a-z0-9_]+$/),
      entry: entryName,
      columns: z.array(z.string().regex(/^[a-z0-9_]+$/)),
      rows: z.number().int().nonnegative(),
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  sequences: z.array(
    z.object({
      name: z.string(),
      table: z.string(),
      column: z.string(),
      lastValue: z.string().regex(/^-?\d+$/),
      isCalled: z.boolean(),
    }),
  ),
  files: z.array(
    z.object({
      key: z.string().regex(/^[A-Za-z0-9._-]+$/),
      entry: entryName,
      bytes: z.number().int().nonnegative(),
      sha256,
    }),
  ),
  /** Keys that `files` rows name but the storage did not have when the backup was made. */
  missingFiles: z.array(z.string()),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type TableEntry = Manifest['tables'][number];
export type FileEntry = Manifest['files'][number];

export const tableEntry = (name: string) => `db/${name}.copy`;
export const fileEntry = (key: string) => `files/${key}`;
