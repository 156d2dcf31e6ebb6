// UrlFetchApp: a synchronous HTTP request, as the script sees it in Google, over a transport the host gives (the
// local mode's HTTP client, a function in tests). Without a transport every fetch fails as an unreachable address:
// the emulation itself never reaches the network. Redirects are followed with GET (a 302 after a POST, as Google's
// web apps answer), errors are Google's wording, and an HTTP error throws unless muteHttpExceptions is set.

import { fail, type Ctx } from './context';

export interface FetchRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | null;
}

export interface FetchResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Synchronous: one request, no redirect followed. Throws when the address cannot be reached. */
export type FetchTransport = (request: FetchRequest) => FetchResponse;

const MAX_REDIRECTS = 10;
/** Google's limits: a URL of 2 KB, a payload of 50 MB. */
const MAX_URL = 2_082;
const MAX_PAYLOAD = 50 * 1024 * 1024;

export class HTTPResponse {
  readonly _calls;
  constructor(
    ctx: Ctx,
    private readonly _response: FetchResponse,
  ) {
    this._calls = ctx.calls;
  }
  getResponseCode(): number {
    return this._response.status;
  }
  getContentText(): string {
    return this._response.body;
  }
  getHeaders(): Record<string, string> {
    return { ...this._response.headers };
  }
  getAllHeaders(): Record<string, string> {
    return { ...this._response.headers };
  }
}

interface FetchParams {
  method?: string;
  contentType?: string;
  payload?: unknown;
  headers?: Record<string, string>;
  muteHttpExceptions?: boolean;
  followRedirects?: boolean;
}

export class UrlFetchAppImpl {
  readonly _calls;
  constructor(
    private readonly _ctx: Ctx,
    private readonly _transport: FetchTransport | null,
  ) {
    this._calls = _ctx.calls;
  }

  fetch(url: string, params: FetchParams = {}): HTTPResponse {
    const target = String(url);
    if (!/^https?:\/\/[^\s/]+/i.test(target)) fail(this._ctx, `Invalid argument: ${target}`);
    if (target.length > MAX_URL) fail(this._ctx, `Limit Exceeded: URLFetch URL Length.`);
    const payload = params.payload === undefined || params.payload === null ? null : String(params.payload);
    if (payload !== null && payload.length > MAX_PAYLOAD) fail(this._ctx, 'Limit Exceeded: URLFetch POST Size.');
    let request: FetchRequest = {
      url: target,
      method: (params.method ?? (payload === null ? 'get' : 'post')).toUpperCase(),
      headers: { ...(params.headers ?? {}), ...(payload !== null && { 'Content-Type': params.contentType ?? 'application/x-www-form-urlencoded' }) },
      body: payload,
    };
    for (let redirects = 0; ; redirects++) {
      const response = this._send(request);
      const location = response.headers['location'];
      if (params.followRedirects !== false && response.status >= 300 && response.status < 400 && location && redirects < MAX_REDIRECTS) {
        request = { url: new URL(location, request.url).toString(), method: 'GET', headers: {}, body: null };
        continue;
      }
      if (response.status >= 400 && !params.muteHttpExceptions) {
        fail(this._ctx, `Request failed for ${target} returned code ${response.status}. Truncated server response: ${response.body.slice(0, 200)} (use muteHttpExceptions option to examine full response)`);
      }
      return new HTTPResponse(this._ctx, response);
    }
  }

  private _send(request: FetchRequest): FetchResponse {
    if (!this._transport) fail(this._ctx, `Address unavailable: ${request.url}`);
    try {
      const response = this._transport(request);
      return { ...response, headers: Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v])) };
    } catch {
      return fail(this._ctx, `Address unavailable: ${request.url}`);
    }
  }
}
