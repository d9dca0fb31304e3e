import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';

// «Можно войти с учётной записью домена» under the login form when the server signs in through LDAP
// (issue 17 §2). The list of ways of signing in, GET /api/auth/methods ({ oidc: […], ldap: boolean }),
// belongs to the OIDC part; until it is there (404) or while it fails, the hint is simply not shown —
// hence a plain fetch read defensively rather than the typed client.
async function directoryOffered(): Promise<boolean> {
  const res = await fetch('/api/auth/methods', { headers: { accept: 'application/json' } });
  if (!res.ok) return false;
  const body: unknown = await res.json().catch(() => null);
  return typeof body === 'object' && body !== null && 'ldap' in body && body.ldap === true;
}

export function LdapHint() {
  const offered = useQuery({
    queryKey: ['auth-methods', 'ldap-hint'],
    queryFn: directoryOffered,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  });
  if (offered.data !== true) return null;
  return (
    <Text size="sm" c="dimmed" data-testid="ldap-hint">
      Можно войти с учётной записью домена.
    </Text>
  );
}
