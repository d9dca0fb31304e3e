import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { ApiError, api, unwrap } from './api.js';
import type { Me, Role } from './types.js';

const MeContext = createContext<Me | null>(null);

export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside of an authenticated page');
  return me;
}

export function hasRole(me: Me, ...roles: Role[]): boolean {
  return me.assignments.some((a) => roles.includes(a.role));
}

/** Renders children for a signed-in user, `fallback` (the login page) otherwise. */
export function AuthGate({ children, fallback }: { children: ReactNode; fallback: ReactNode }) {
  const qc = useQueryClient();
  const me = useQuery({
    queryKey: ['me'],
    // The session probe answers 200 with user null when nobody is signed in: the login page opens
    // without a 401 in the browser console.
    queryFn: async () => (await unwrap(api.GET('/api/session'))).user,
    retry: false,
    staleTime: 60_000,
  });
  useEffect(() => {
    const onLost = () => qc.setQueryData(['me'], null);
    window.addEventListener('opora:unauthenticated', onLost);
    return () => window.removeEventListener('opora:unauthenticated', onLost);
  }, [qc]);
  if (me.isPending) return null;
  // 503: the server is loading the demo; its login page says so and waits.
  if (me.error && !(me.error instanceof ApiError && (me.error.status === 401 || me.error.status === 503))) {
    return <p style={{ padding: 24 }}>{me.error.message}</p>;
  }
  if (!me.data) return <>{fallback}</>;
  return <MeContext.Provider value={me.data}>{children}</MeContext.Provider>;
}
