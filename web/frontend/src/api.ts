// The typed client of CareLoop's REST API (see GET /api/openapi.json). Errors come back as RFC 9457
// problem+json; the client turns them into ApiError with the server's detail, and a 401 on any call
// but login tells the app that the session is gone.

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  field?: string;
  /** a 422 listing several errors (e.g. an invalid diagram: {file, elementId, code, message}) */
  errors?: unknown[];
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${problem.status}`);
    this.status = problem.status;
    this.problem = problem;
  }
}

export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

const CSRF_KEY = 'careloop.csrf';

export class ApiClient {
  private csrf: string | null;

  constructor(
    private readonly fetchFn: Fetch,
    private readonly onUnauthorized: () => void,
    private readonly store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null = null,
  ) {
    this.csrf = store?.getItem(CSRF_KEY) ?? null;
  }

  setCsrf(token: string | null): void {
    this.csrf = token;
    if (token) this.store?.setItem(CSRF_KEY, token);
    else this.store?.removeItem(CSRF_KEY);
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  /** A multipart form (file uploads) answered with JSON. */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>('POST', path, form);
  }

  /** A read answered with text (e.g. XML). */
  async getText(path: string): Promise<string> {
    return (await this.send('GET', path, undefined, '*/*')).text();
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send(method, path, body, 'application/json');
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }

  private async send(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept };
    const form = typeof FormData !== 'undefined' && body instanceof FormData;
    if (body !== undefined && !form) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && this.csrf) headers['X-CSRF-Token'] = this.csrf;
    let res: Response;
    try {
      res = await this.fetchFn(path, {
        method,
        headers,
        body: body === undefined ? undefined : form ? (body as FormData) : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw new ApiError({ status: 0, title: 'network' });
    }
    if (res.status === 401 && !path.endsWith('/auth/login')) {
      this.onUnauthorized();
    }
    if (!res.ok) {
      throw new ApiError(await readProblem(res));
    }
    return res;
  }
}

async function readProblem(res: Response): Promise<Problem> {
  try {
    const p = (await res.json()) as Partial<Problem>;
    return { status: res.status, title: p.title, detail: p.detail, field: p.field, errors: p.errors };
  } catch {
    return { status: res.status, title: res.statusText };
  }
}

/** Query string from the set values only. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== null && v !== undefined && v !== '' && v !== false) q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
