import { createHash, createHmac, randomBytes } from 'node:crypto';

// Tokens of answering links. A token is 144 random bits (24 base64url characters: a short QR code);
// a teacher's personal token is kept as its SHA-256 only, so a leaked table lets nobody answer by it.
// (An anonymous school link also keeps its token in the clear, for printing the sheet again: whoever
// holds it can only answer as one more anonymous pupil or parent — ADR 0020.) Sessions hash with an HMAC
// of the server's secret; links cannot, because the demo loader creates links without that secret —
// and for a random 144-bit token a keyless hash is as hard to invert (docs/decisions/0020-anonymous-answers.md).

export const newToken = () => randomBytes(18).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{24}$/;

/**
 * The respondent id of an anonymous device on a link: the same device gives the same id, which the
 * unique index of risk_responses then refuses a second time. Derived, so no device id is stored.
 */
export function deviceRespondentId(secret: string, linkId: string, deviceId: string): string {
  return asUuid(createHmac('sha256', secret).update(`device:${linkId}:${deviceId}`).digest());
}

/** The one respondent id of a school's director in a campaign: a second director answer is refused. */
export function directorRespondentId(campaignId: string, schoolId: string): string {
  return asUuid(createHash('sha256').update(`director:${campaignId}:${schoolId}`).digest());
}

/** A client address as an HMAC: the rate limit counts addresses without storing any. */
export const ipKey = (secret: string, ip: string) =>
  createHmac('sha256', secret).update(`ip:${ip}`).digest('base64url').slice(0, 22);

function asUuid(bytes: Buffer): string {
  const b = Buffer.from(bytes.subarray(0, 16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40; // shaped as a version-4 uuid: it only has to be unique
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
