import { describe, expect, it } from 'vitest';
import { safeError } from '../../../lib/log.js';
import { LinkRefused } from '../identities.js';
import { OidcSignInError } from './errors.js';
import { oidcLogError } from './log-error.js';

describe('oidcLogError', () => {
  it('keeps the kind of failure and drops the provider’s response body and the login', () => {
    // As openid-client's ResponseBodyError: the parsed body of the provider is its `cause`.
    const body = Object.assign(new Error('server responded with an error in the response body'), {
      name: 'ResponseBodyError',
      code: 'OAUTH_RESPONSE_BODY_ERROR',
      cause: { error: 'invalid_grant', email: 'anna@school.example', name: 'Петрова Анна' },
      response: { body: 'anna@school.example' },
    });
    const refused = new LinkRefused('unknown', 'Учётная запись «anna@school.example» не найдена в Опоре.');
    for (const e of [
      new OidcSignInError('failed', body),
      new OidcSignInError('unknown', refused, 'anna@school.example'),
    ]) {
      const logged = JSON.stringify(oidcLogError(e));
      expect(logged).not.toContain('anna@school.example');
      expect(logged).not.toContain('Петрова');
    }
    expect(oidcLogError(new OidcSignInError('failed', body))).toEqual({
      type: 'Error',
      code: 'failed',
      cause: {
        type: 'ResponseBodyError',
        code: 'OAUTH_RESPONSE_BODY_ERROR',
        message: 'server responded with an error in the response body',
      },
    });
    // What the route logged before (the cause itself, through the logger's serializer) kept the login.
    expect(JSON.stringify(safeError(new OidcSignInError('unknown', refused).cause))).toContain(
      'anna@school.example',
    );
  });
});
