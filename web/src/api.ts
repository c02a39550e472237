/** Typed client of the Rasid HTTP API (see the API contract); one instance per page load. */

export interface Actor {
  name: string;
  kind: string;
  country: string | null;
  org: string | null;
  title: string | null;
  side: string;
  entity: string | null;
}

export interface EventRow {
  id: number;
  event: string;
  action: string;
  mode: string | null;
  date: string | null;
  day: string | null;
  countries: string[];
  organizations: string[];
  location: { name: string; country: string | null } | null;
  contexts: string[];
  confidence: number;
  negated: boolean;
  actors: Actor[];
  sourceCount: number;
  sources: string[];
  snippet: string | null;
  review?: string | null;
}

export interface AuditEntry {
  at: string;
  user: string;
  action: string;
  entity: string;
  before: unknown;
  after: unknown;
}

export interface EventDetail extends EventRow {
  rules: string[];
  cameo: string | null;
  quadClass?: string | null;
  sourcesDetail: Array<{
    document: string; name: string; title: string | null; outlet: string | null; url: string | null;
    published: string | null; storyId: number | null; storyIndex: number | null;
  }>;
  evidence: Array<{ document: string; doc: string; text: string; start: number; end: number }>;
  merges: Array<{ kept: number; merged: number | null; document: string | null; reason: string; at: string }>;
  audit?: AuditEntry[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface DocumentView {
  id: string;
  name: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  text: string;
  furniture: Array<{ start: number; end: number; rule: string }>;
  stories: Array<{ index: number; start: number; end: number; headline: string | null; dateline?: unknown }>;
  mentions: Array<{ start: number; end: number; type: string; country: string | null; org: string | null; actor: string | null }>;
  events: Array<{ id: number; event: string; action: string; evidence: Array<{ start: number; end: number }> }>;
}

export interface ActorSummary {
  id: string;
  name: string;
  kind: string;
  country: string | null;
  aliases: string[];
  discovered: boolean;
  events: number;
}

export interface ActorProfile {
  id: string;
  name: string;
  nameEn?: string | null;
  kind: string;
  country: string | null;
  aliases: string[];
  roles: Array<{ office: string; institution?: string | null; country?: string | null; from?: string | null; to?: string | null }>;
  discovered: boolean;
  events: EventRow[];
}

export type ByType = Record<string, number>;

export interface Relations {
  country: string;
  partners: Array<{ party: string; kind: 'country' | 'organization'; events: number; byType: ByType; lastDate: string | null }>;
  byType: ByType;
  byAction: ByType;
  byContext: ByType;
  timeline: Array<{ month: string; byType: ByType }>;
  topActors: Array<{ id: string; name: string; events: number }>;
}

export interface Dyad {
  a: string;
  b: string;
  events: EventRow[];
  timeline: Array<{ month: string; byType: ByType }>;
}

export interface AppConfig {
  focusCountry: string;
  readsRequireLogin: boolean;
  user: { name: string; role: string } | null;
  csrfToken?: string;
}

export interface Job {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  progress: { documents: number; stories: number; events: number; errors: number };
  /** File names of the inputs. */
  inputs?: string[];
  summary?: { errors?: Array<{ message: string }> } & Record<string, unknown>;
  /** Why the job failed as a whole. */
  error?: string;
}

export interface Stats {
  documents: number;
  stories: number;
  events: number;
  sources: number;
  byType: Array<{ type: string; events: number }>;
  byCountry: Array<{ country: string; events: number }>;
}

/** Event filters of GET /api/events (all optional). */
export interface EventQuery {
  country?: string;
  dyad?: string;
  type?: string;
  action?: string;
  context?: string;
  actor?: string;
  place?: string;
  since?: string;
  until?: string;
  source?: string;
  q?: string;
  review?: string;
  sort?: string;
  limit?: number;
  offset?: number;
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

export function queryString(params: object): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

export class Api {
  /** CSRF token of the session (from GET /api/config or the login answer). */
  csrfToken: string | undefined;

  constructor(private readonly base = '') {}

  private async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    if (method !== 'GET' && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const res = await fetch(this.base + path, { method, headers, body: payload, credentials: 'same-origin' });
    const text = await res.text();
    let data: unknown = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      data = null;
    }
    if (!res.ok) {
      const err = (data as { error?: { code?: string; message?: string } } | null)?.error;
      throw new ApiError(res.status, err?.code ?? 'internal', err?.message ?? `${res.status} ${res.statusText}`);
    }
    return data as T;
  }

  config = () => this.request<AppConfig>('GET', '/api/config');
  stats = () => this.request<Stats>('GET', '/api/stats');
  events = (q: EventQuery) => this.request<Page<EventRow>>('GET', `/api/events${queryString(q)}`);
  event = (id: number | string) => this.request<EventDetail>('GET', `/api/events/${encodeURIComponent(id)}`);
  document = (id: string) => this.request<DocumentView>('GET', `/api/documents/${encodeURIComponent(id)}`);
  actors = (q: { q?: string; kind?: string; country?: string; limit?: number; offset?: number }) =>
    this.request<Page<ActorSummary>>('GET', `/api/actors${queryString(q)}`);
  actor = (id: string) => this.request<ActorProfile>('GET', `/api/actors/${encodeURIComponent(id)}`);
  relations = (iso3: string, q: { since?: string; until?: string } = {}) =>
    this.request<Relations>('GET', `/api/countries/${encodeURIComponent(iso3)}/relations${queryString(q)}`);
  dyad = (a: string, b: string, q: { since?: string; until?: string } = {}) =>
    this.request<Dyad>('GET', `/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}${queryString(q)}`);
  audit = (entity: string) => this.request<AuditEntry[]>('GET', `/api/audit${queryString({ entity })}`);
  job = (id: string) => this.request<Job>('GET', `/api/jobs/${encodeURIComponent(id)}`);

  async login(name: string, password: string): Promise<AppConfig> {
    const res = await this.request<{ csrfToken?: string; user?: AppConfig['user'] } | null>('POST', '/api/login', { name, password });
    if (res?.csrfToken) this.csrfToken = res.csrfToken;
    const config = await this.config();
    if (config.csrfToken) this.csrfToken = config.csrfToken;
    return config;
  }

  logout = () => this.request<unknown>('POST', '/api/logout');
  review = (id: number, action: 'confirm' | 'reject') => this.request<unknown>('POST', `/api/events/${id}/review`, { action });
  correct = (id: number, patch: Record<string, unknown>) => this.request<unknown>('PATCH', `/api/events/${id}`, patch);
  /** Starts an ingest job of pasted text; resolves with the job. */
  ingestText = (text: string, title?: string) => this.request<{ job: Job }>('POST', '/api/ingest', { text, title }).then((r) => r.job);
  /** Starts an ingest job of uploaded files (multipart); resolves with the job. */
  ingestFiles = (files: FileList | File[]) => {
    const form = new FormData();
    for (const f of Array.from(files)) form.append('files', f, f.name);
    return this.request<{ job: Job }>('POST', '/api/ingest', form).then((r) => r.job);
  };
}
