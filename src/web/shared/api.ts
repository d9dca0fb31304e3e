// The typed client of the Opora API: same-origin fetch with the session cookie; errors carry the
// server's Russian message and code so that pages can show them as they are.
export type ApiErrorBody = {
  error: { code: string; message: string; fields?: { field: string; message: string }[] };
};

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { field: string; message: string }[] = [],
  ) {
    super(message);
  }
  get isConflict() {
    return this.status === 409;
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const init: RequestInit = { method, credentials: 'same-origin', headers: {} };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { 'Content-Type': 'application/json' };
  }
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    throw new ApiError(0, 'NETWORK', 'Нет связи с сервером. Проверьте подключение и повторите.');
  }
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => null)) as ApiErrorBody | null;
  if (res.status === 401 && !url.startsWith('/api/auth/'))
    window.dispatchEvent(new Event('opora:unauthenticated'));
  throw new ApiError(
    res.status,
    data?.error.code ?? 'HTTP',
    data?.error.message ?? `Ошибка сервера (${res.status})`,
    data?.error.fields,
  );
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body?: unknown) => request<T>('POST', url, body ?? {}),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  del: <T>(url: string) => request<T>('DELETE', url),
  upload: <T>(url: string, file: File) => {
    const fd = new FormData();
    fd.append('file', file);
    return request<T>('POST', url, fd);
  },
};

export function qs(params: Record<string, string | number | undefined | null>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && v !== '') p.set(k, String(v));
  const s = p.toString();
  return s ? `?${s}` : '';
}
