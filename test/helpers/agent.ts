/**
 * A person using the site through `app.inject`: keeps cookies between requests, reads the CSRF
 * token from the last form it was shown, and posts forms the way a browser does. `overHttp` gives
 * the same person a real server's address instead (a server process of its own).
 */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

/** What the agent needs of an app: to be sent a request. */
export type Target = Pick<FastifyInstance, 'inject'>;

/**
 * A server listening at `baseUrl`, reached over real HTTP with the shape `inject` answers in.
 * The client address is the connection's own (loopback); redirects are not followed.
 */
export function overHttp(baseUrl: string): Target {
  const send = async (options: InjectOptions): Promise<LightMyRequestResponse> => {
    const cookies = Object.entries((options.cookies ?? {}) as Record<string, string>)
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
    const response = await fetch(new URL(String(options.url), baseUrl), {
      method: options.method ?? 'GET',
      redirect: 'manual',
      headers: { ...(options.headers as Record<string, string>), ...(cookies === '' ? {} : { cookie: cookies }) },
      ...(options.payload === undefined ? {} : { body: options.payload as string | Uint8Array<ArrayBuffer> }),
    });
    const body = await response.text();
    const headers = Object.fromEntries(response.headers);
    const parsed = response.headers.getSetCookie().map((line) => {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const expires = attributes.map((a) => /^\s*expires=(.*)$/i.exec(a)?.[1]).find((v) => v !== undefined);
      return {
        name: pair.slice(0, at).trim(),
        value: decodeURIComponent(pair.slice(at + 1).trim()),
        ...(expires === undefined ? {} : { expires: new Date(expires) }),
      };
    });
    return {
      statusCode: response.status,
      statusMessage: response.statusText,
      headers,
      body,
      payload: body,
      rawPayload: Buffer.from(body),
      cookies: parsed,
      json: () => JSON.parse(body),
      stream: () => {
        throw new Error('not kept: the body was read as text');
      },
    } as unknown as LightMyRequestResponse;
  };
  return { inject: send } as unknown as Target;
}

export class Agent {
  readonly cookies = new Map<string, string>();
  private lastHtml = '';

  constructor(
    private readonly app: Target,
    readonly ip = '203.0.113.10',
  ) {}

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires !== undefined && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    if (String(res.headers['content-type'] ?? '').startsWith('text/html')) this.lastHtml = res.body;
    return res;
  }

  get(url: string) {
    return this.app
      .inject({ method: 'GET', url, cookies: Object.fromEntries(this.cookies), remoteAddress: this.ip })
      .then((r) => this.remember(r));
  }

  /** The CSRF token of the last page shown, as a browser would send back with the form. */
  csrf(): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastHtml)?.[1];
    if (token === undefined) throw new Error('the last page had no form with a CSRF token');
    return token;
  }

  /**
   * Posts a form; takes the token from the last page unless `_csrf` is given (or null: none). A
   * list of pairs sends a name more than once, as ticked checkboxes do.
   */
  post(url: string, form: Record<string, string> | [string, string][], options: { csrf?: string | null } = {}) {
    const token = options.csrf === undefined ? this.csrf() : options.csrf;
    const pairs = Array.isArray(form) ? form : Object.entries(form);
    const fields = token === null ? pairs : [['_csrf', token] as [string, string], ...pairs];
    return this.app
      .inject({
        method: 'POST',
        url,
        payload: new URLSearchParams(fields).toString(),
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        cookies: Object.fromEntries(this.cookies),
        remoteAddress: this.ip,
      })
      .then((r) => this.remember(r));
  }

  /** Posts a form with files (multipart/form-data), the way a browser sends a form with photos. */
  postMultipart(
    url: string,
    /** A field sent more than once (a group of checkboxes) as [name, value] pairs. */
    form: Record<string, string> | [string, string][],
    files: { field: string; filename: string; type: string; data: Buffer }[] = [],
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ) {
    const token = options.csrf === undefined ? this.csrf() : options.csrf;
    const pairs = Array.isArray(form) ? form : Object.entries(form);
    const fields: [string, string][] = token === null ? pairs : [['_csrf', token], ...pairs];
    const boundary = `----dewan${Math.random().toString(16).slice(2)}`;
    const chunks: Buffer[] = [];
    for (const [name, value] of fields) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const f of files) {
      chunks.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.data,
        Buffer.from('\r\n'),
      );
    }
    chunks.push(Buffer.from(`--${boundary}--\r\n`));
    return this.app
      .inject({
        method: 'POST',
        url,
        payload: Buffer.concat(chunks),
        headers: { ...options.headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
        cookies: Object.fromEntries(this.cookies),
        remoteAddress: this.ip,
      })
      .then((r) => this.remember(r));
  }

  /** Opens a page and submits its form in one step. */
  async submit(page: string, action: string, form: Record<string, string>) {
    await this.get(page);
    return this.post(action, form);
  }
}
