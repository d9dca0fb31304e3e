import { ApiError, type ApiErrorBody, api, qs } from '../shared/api.js';
import type { ListDetail, ListSummary, MethodologyVersion, RunView, SchoolCard, YearData } from './types.js';

// Query keys and fetchers of the identification API (docs/identification-api.md).

export const keys = {
  years: ['assessment-years'] as const,
  methodologies: ['methodologies'] as const,
  runs: (year?: number | null) => ['identification-runs', year ?? null] as const,
  run: (id: string) => ['identification-run', id] as const,
  lists: (year?: number | null) => ['identification-lists', year ?? null] as const,
  list: (id: string) => ['identification-list', id] as const,
  school: (id: string) => ['identification-school', id] as const,
};

export const fetchers = {
  years: () => api.get<YearData[]>('/api/assessment-data/years'),
  methodologies: () => api.get<MethodologyVersion[]>('/api/methodologies'),
  runs: (year?: number | null) => api.get<RunView[]>(`/api/identification/runs${qs({ year })}`),
  run: (id: string) => api.get<RunView>(`/api/identification/runs/${id}`),
  lists: (year?: number | null) => api.get<ListSummary[]>(`/api/identification/lists${qs({ year })}`),
  list: (id: string) => api.get<ListDetail>(`/api/identification/lists/${id}`),
  school: (id: string) => api.get<SchoolCard>(`/api/identification/schools/${id}`),
};

/** PUT with a JSON body; the shared client has no `put`, errors are mapped the same way. */
export async function put<T>(url: string, body: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'PUT',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Нет связи с сервером. Проверьте подключение и повторите.');
  }
  if (res.ok) return (await res.json()) as T;
  const data = (await res.json().catch(() => null)) as ApiErrorBody | null;
  if (res.status === 401) window.dispatchEvent(new Event('opora:unauthenticated'));
  throw new ApiError(
    res.status,
    data?.error.code ?? 'HTTP',
    data?.error.message ?? `Ошибка сервера (${res.status})`,
    data?.error.fields,
  );
}
