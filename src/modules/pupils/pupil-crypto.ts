import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// Pupils' names, dates of birth and pair partners are encrypted by the application (issue 14 §2,
// 152-ФЗ): a dump of the database, a replica or a backup holds no readable identity without the key.
// AES-256-GCM, a fresh 12-byte nonce per value; stored as «v1.<nonce>.<tag>.<ciphertext>» in base64url.
// The key comes from the configuration (PUPIL_DATA_KEY, or a key generated once into the data directory
// of the embedded setup — boot.ts); it is set once per process before any pupil is read or written.

let key: Buffer | null = null;

/** Sets the process's key (32 bytes). Tests and the embedded setup call it through boot.ts. */
export function setPupilKey(k: Buffer): void {
  if (k.length !== 32) throw new Error('Ключ персональных данных обучающихся — 32 байта');
  key = k;
}

function current(): Buffer {
  // A process that never configured a key (a unit test) gets a random one: what it writes it alone reads.
  if (!key) key = randomBytes(32);
  return key;
}

export function encryptPersonal(plain: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', current(), nonce);
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', nonce, cipher.getAuthTag(), body]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
    .join('.');
}

/** The plain text; throws when the value was written with another key or changed (GCM checks it). */
export function decryptPersonal(stored: string): string {
  const [v, nonce, tag, body] = stored.split('.');
  if (v !== 'v1' || !nonce || !tag || body === undefined)
    throw new Error('Неизвестный формат зашифрованного значения');
  const decipher = createDecipheriv('aes-256-gcm', current(), Buffer.from(nonce, 'base64url'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/** PUPIL_DATA_KEY as given: 64 hex digits or 32 bytes in base64. */
export function parsePupilKey(text: string): Buffer | null {
  const t = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(t)) return Buffer.from(t, 'hex');
  const b = Buffer.from(t, 'base64');
  return b.length === 32 ? b : null;
}
