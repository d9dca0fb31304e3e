// The browser's client of the Opora API, typed from the OpenAPI document (api-schema.ts, `npm run api:types`):
// paths, parameters and bodies are checked against the routes, answers carry the routes' response types.
// Same-origin fetch with the session cookie; errors carry the server's Russian message and code so that
// pages can show them as they are.
import createClient, {
  type ClientOptions,
  type ClientPathsWithMethod,
  type MethodResponse,
} from 'openapi-fetch';
import type { paths } from './api-schema.js';

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

const NETWORK_MESSAGE = 'Нет связи с сервером. Проверьте подключение и повторите.';

/** Bodies with a file (the `multipart/form-data` routes) go as a form, the rest as JSON. */
function serializeBody(body: unknown): FormData | string {
  if (body instanceof FormData) return body;
  if (typeof body === 'object' && body !== null && Object.values(body).some((v) => v instanceof Blob)) {
    const form = new FormData();
    for (const [k, v] of Object.entries(body))
      if (v !== undefined) form.append(k, v instanceof Blob ? v : String(v));
    return form;
  }
  return JSON.stringify(body);
}

/** A client of the API; the app uses `api`, tests give their own base address and fetch. */
export function createApi(options: ClientOptions = {}) {
  const client = createClient<paths>({
    credentials: 'same-origin',
    bodySerializer: serializeBody,
    ...options,
  });
  client.use({
    onResponse({ response, schemaPath }) {
      // A refused login is an error of the form, not an ended session.
      if (response.status === 401 && !schemaPath.startsWith('/api/auth/')) {
        window.dispatchEvent(new Event('opora:unauthenticated'));
      }
      return undefined;
    },
  });
  return client;
}

export const api = createApi();

function isErrorBody(v: unknown): v is ApiErrorBody {
  if (typeof v !== 'object' || v === null || !('error' in v)) return false;
  const e = v.error;
  return typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string';
}

type Answer<T> = { data?: T; error?: unknown; response: Response };

/**
 * The data of an answer, or an ApiError with the server's message:
 * `unwrap(api.GET('/api/roadmaps/{id}', { params: { path: { id } } }))`.
 */
export async function unwrap<T>(call: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await call;
  } catch {
    throw new ApiError(0, 'NETWORK', NETWORK_MESSAGE);
  }
  if (answer.response.ok && answer.data !== undefined) return answer.data;
  const status = answer.response.status;
  const body = answer.error;
  if (isErrorBody(body)) throw new ApiError(status, body.error.code, body.error.message, body.error.fields);
  throw new ApiError(status, 'HTTP', `Ошибка сервера (${status})`);
}

type Method = 'get' | 'post' | 'patch' | 'put' | 'delete';

/**
 * What `unwrap` gives for a route: `ApiData<'/api/roadmaps/{id}', 'get'>`. openapi-fetch reads tuples as
 * arrays, so a type with a tuple must be taken from here rather than from `components['schemas']`.
 */
export type ApiData<P extends ClientPathsWithMethod<typeof api, M>, M extends Method> = MethodResponse<
  typeof api,
  M,
  P
>;

type GetParams<P extends ClientPathsWithMethod<typeof api, 'get'>> = paths[P]['get'] extends {
  parameters: { query?: infer Q; path?: infer R };
}
  ? { query?: Q; path?: R }
  : never;

/**
 * The address of a GET route for a link (file downloads, exports), checked against the API like a call:
 * `apiHref('/api/files/{id}', { path: { id } })`.
 */
export function apiHref<P extends ClientPathsWithMethod<typeof api, 'get'>>(
  route: P,
  params: GetParams<P>,
): string {
  // An optional parameter left undefined is left out (not sent as the text «undefined»).
  const values = (o: unknown): [string, string][] =>
    typeof o === 'object' && o !== null
      ? Object.entries(o)
          .filter(([, v]) => v !== undefined && v !== null)
          .map(([k, v]) => [k, String(v)])
      : [];
  let url: string = route;
  for (const [k, v] of values(params.path)) url = url.replace(`{${k}}`, encodeURIComponent(v));
  const query = new URLSearchParams(values(params.query)).toString();
  return query ? `${url}?${query}` : url;
}
