import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';

/** Request bodies above this many bytes are refused with 413 (PROTOCOL.md "Limits"). */
export const MAX_BODY_BYTES = 1024 * 1024;
/** JSON nested deeper than this (arrays and objects) is refused with 400 before it is parsed. */
export const MAX_JSON_DEPTH = 64;

type Status = 400 | 403 | 404 | 413 | 415;

/**
 * Tiptap (3.34) injects its base stylesheet as one `<style>` element: its hash lets exactly that
 * stylesheet in, where `'unsafe-inline'` would let any in. An editor built with
 * `injectCSS: false` needs none.
 */
export const TIPTAP_STYLE_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='";
const refuse = (c: Context, status: Status, code: string, message: string) =>
  c.json({ error: { code, message, ids: [] } }, status);

/**
 * The app and the API alike: a CSP without inline script (the built app has none), no
 * framing, no MIME sniffing, no referrer. Hono's `secureHeaders` adds the rest (COOP, CORP…).
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", TIPTAP_STYLE_HASH],
      imgSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
  });

/** The request arrived over HTTPS, directly or through a proxy that says so. */
export const isHttps = (c: Context) =>
  new URL(c.req.url).protocol === 'https:' ||
  c.req.header('X-Forwarded-Proto')?.split(',')[0]?.trim().toLowerCase() === 'https';

/** This server's own origin as the browser sees it (behind a proxy: the forwarded host). */
const ownOrigin = (c: Context) => {
  const host = c.req.header('X-Forwarded-Host') ?? c.req.header('Host');
  return host ? `${isHttps(c) ? 'https' : 'http'}://${host}` : new URL(c.req.url).origin;
};

/**
 * Hono's `csrf()`: a write a browser could send from another site (a form or `text/plain`
 * body) must say it comes from this origin (`Sec-Fetch-Site: same-origin` or `Origin`); JSON
 * bodies cannot be sent cross-site without a CORS preflight, which this server never grants.
 * A bearer token is not ambient (another site cannot attach it), so such requests skip this.
 */
export function csrfProtection(allowedOrigins: readonly string[] = []): MiddlewareHandler {
  const check = csrf({
    origin: (origin, c) => origin === ownOrigin(c) || allowedOrigins.includes(origin),
  });
  return async (c, next) => {
    if (c.req.header('Authorization')) return next();
    try {
      return await check(c, next);
    } catch {
      return refuse(c, 403, 'forbidden', 'Cross-site request refused');
    }
  };
}

/** `%00` anywhere in the path or query: ids and text never hold NUL characters. */
export const rejectNulInUrl = (): MiddlewareHandler => async (c, next) => {
  if (/%00/i.test(c.req.url))
    return refuse(c, 400, 'bad-request', 'NUL characters are not allowed');
  return next();
};

export const limitBody = (maxBytes = MAX_BODY_BYTES): MiddlewareHandler =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) =>
      refuse(c, 413, 'bad-request', `Request bodies are limited to ${maxBytes} bytes`),
  });

const hasBody = (request: Request) =>
  Number(request.headers.get('Content-Length') ?? 0) > 0 ||
  request.headers.has('Transfer-Encoding');

/**
 * Every request body is JSON (415 otherwise), nested at most `MAX_JSON_DEPTH` deep, well formed,
 * and free of NUL characters and lone surrogates (which PostgreSQL refuses): 400 otherwise, with
 * PROTOCOL.md's error shape, before any route sees it.
 */
export const jsonBodies = (): MiddlewareHandler => async (c, next) => {
  if (!hasBody(c.req.raw)) return next();
  if (!/^application\/json\s*(;|$)/i.test(c.req.header('Content-Type') ?? '')) {
    return refuse(c, 415, 'bad-request', 'Request bodies must be application/json');
  }
  const problem = jsonProblem(await c.req.text());
  if (problem) return refuse(c, 400, 'bad-request', problem);
  return next();
};

/** Why a JSON text is refused, or null. The depth is measured on the text, without recursion. */
export function jsonProblem(text: string, maxDepth = MAX_JSON_DEPTH): string | null {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === 0x5c) i++;
      else if (char === 0x22) inString = false;
    } else if (char === 0x22) inString = true;
    else if (char === 0x5b || char === 0x7b) {
      if (++depth > maxDepth) return `JSON nested deeper than ${maxDepth} levels`;
    } else if (char === 0x5d || char === 0x7d) depth--;
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'Malformed JSON';
  }
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item === 'string') {
      if (item.includes('\0')) return 'NUL characters are not allowed';
      if (LONE_SURROGATE.test(item)) return 'Strings must be valid Unicode';
    } else if (Array.isArray(item)) {
      for (const inner of item) pending.push(inner);
    } else if (item && typeof item === 'object') {
      for (const [key, inner] of Object.entries(item)) pending.push(key, inner);
    }
  }
  return null;
}

const LONE_SURROGATE = /\p{Surrogate}/u;

/** Unknown `/api/*` paths, any method: a JSON 404, never the app's index.html. */
export const unknownApiPath = (c: Context) =>
  refuse(c, 404, 'not-found', `No route ${c.req.method} ${c.req.path}`);
