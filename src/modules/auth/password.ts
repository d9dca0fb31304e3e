import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1): ~30 ms here, affordable per login.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);
/** A null hash (an account without a local password) costs the same check and never matches. */
export const verifyPassword = async (hashed: string | null, password: string) =>
  (await verify(hashed ?? DUMMY_HASH, password).catch(() => false)) && hashed !== null;

// A hash of a random password nobody knows, with the same parameters: checking an unknown login
// costs as much as checking a known one, so the answer time does not reveal which logins exist.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$by/+Pdh0+PsKZCFScLbmAg$iALu+v4UJUxBtv96xx2VX6JBr7+3o93Pr0QSGeejCGA';

/** Checks a password against the user's hash, or against the dummy hash when there is no such user. */
export async function verifyPasswordOf(user: { passwordHash: string | null } | undefined, password: string) {
  return verifyPassword(user?.passwordHash ?? null, password);
}

export function passwordProblem(password: string): string | null {
  if (password.length < 8) return 'Пароль должен быть не короче 8 символов';
  if (password.length > 200) return 'Пароль слишком длинный';
  return null;
}
