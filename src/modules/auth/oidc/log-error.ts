import { AppError } from '../../../lib/errors.js';
import { OidcSignInError } from './errors.js';

// What of a failed OIDC sign-in goes to the server's log: the error's type, code and message, cut short,
// and the same of its cause — never the objects hanging on them. openid-client puts the provider's
// response body (which may carry claims: names, e-mails) into `cause` of its ResponseBodyError, and a
// refusal of the linking rule names the login; the log holds no personal data (src/lib/log.ts).

type Logged = { type: string; code?: string; message?: string; cause?: Logged };

const MESSAGE_MAX = 200;

export function oidcLogError(e: unknown, depth = 0): Logged {
  if (!(e instanceof Error)) return { type: typeof e };
  const code = e instanceof OidcSignInError ? e.code : (e as { code?: unknown }).code;
  const out: Logged = { type: e.name, ...(typeof code === 'string' ? { code } : {}) };
  // Our own messages are Russian texts for people, some quoting the login (the linking refusals): not logged.
  if (!(e instanceof OidcSignInError) && !(e instanceof AppError))
    out.message = e.message.slice(0, MESSAGE_MAX);
  if (e.cause instanceof Error && depth < 2) out.cause = oidcLogError(e.cause, depth + 1);
  return out;
}
