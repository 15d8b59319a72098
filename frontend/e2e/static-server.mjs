// The built SPA served as production's nginx serves it (containers/web/nginx.conf), for the Lighthouse step of
// the browser tests: text gzipped, /assets/* cached for a year as immutable, index.html revalidated, client-side
// routes falling back to index.html, the same security headers, and /api/ passed on to the backend with the
// browser's Host (so the backend sees a same-origin request, as behind nginx) and its answers gzipped too.
// `vite preview` sends none of this: no compression, no caching headers.
//
// Usage: node e2e/static-server.mjs --port 14174 --root dist --api http://127.0.0.1:18080
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { createGzip, gzipSync } from 'node:zlib';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
const SECURITY_HEADERS = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};
// nginx.conf's gzip_types (text/html is always compressed by nginx) and gzip_min_length.
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|problem\+json|manifest\+json)|image\/svg\+xml)/;
const MIN_GZIP_BYTES = 1024;

function acceptsGzip(req) {
  return /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
}

/** Starts the server; resolves with it once it listens. */
export function serveCompressed({ port, host = '127.0.0.1', root, api }) {
  const rootDir = resolve(root);
  const indexPath = join(rootDir, 'index.html');
  if (!existsSync(indexPath)) throw new Error(`${indexPath} is missing: build the SPA first`);
  const apiUrl = new URL(api);
  // Every file is read (and compressed) at start: a rebuild of dist/ while this runs does not mix two builds.
  const cache = new Map();
  for (const entry of readdirSync(rootDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) file(join(entry.parentPath ?? entry.path, entry.name));
  }

  function file(path) {
    let entry = cache.get(path);
    if (!entry) {
      const body = readFileSync(path);
      const type = TYPES[extname(path)] ?? 'application/octet-stream';
      const stat = statSync(path);
      entry = {
        body,
        type,
        gzipped: COMPRESSIBLE.test(type) && body.length >= MIN_GZIP_BYTES ? gzipSync(body, { level: 6 }) : null,
        etag: `"${Math.floor(stat.mtimeMs / 1000).toString(16)}-${stat.size.toString(16)}"`,
        lastModified: stat.mtime.toUTCString(),
      };
      cache.set(path, entry);
    }
    return entry;
  }

  function sendFile(req, res, path, headers) {
    const entry = file(path);
    const head = { ...headers, 'Content-Type': entry.type, ETag: entry.etag, 'Last-Modified': entry.lastModified };
    if (entry.gzipped) head.Vary = 'Accept-Encoding';
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, head).end();
      return;
    }
    const gzip = entry.gzipped && acceptsGzip(req);
    const body = gzip ? entry.gzipped : entry.body;
    if (gzip) head['Content-Encoding'] = 'gzip';
    head['Content-Length'] = body.length;
    res.writeHead(200, head);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /** /api/ to the backend, as nginx's proxy_pass with `proxy_set_header Host $host` and `gzip_proxied any`. */
  function proxy(req, res) {
    const headers = { ...req.headers };
    headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';
    headers['x-forwarded-proto'] = 'http';
    const upstream = httpRequest(
      { protocol: apiUrl.protocol, hostname: apiUrl.hostname, port: apiUrl.port, method: req.method, path: req.url, headers },
      (answer) => {
        const out = { ...answer.headers };
        const type = String(answer.headers['content-type'] ?? '');
        const length = Number(answer.headers['content-length'] ?? Number.POSITIVE_INFINITY);
        const gzip =
          acceptsGzip(req) && !answer.headers['content-encoding'] && COMPRESSIBLE.test(type) && length >= MIN_GZIP_BYTES &&
          answer.statusCode !== 204 && answer.statusCode !== 304 && req.method !== 'HEAD';
        if (gzip) {
          delete out['content-length'];
          out['content-encoding'] = 'gzip';
          out.vary = out.vary ? `${out.vary}, Accept-Encoding` : 'Accept-Encoding';
        }
        res.writeHead(answer.statusCode ?? 502, out);
        (gzip ? answer.pipe(createGzip({ level: 1 })) : answer).pipe(res);
      },
    );
    upstream.on('error', (error) => {
      if (res.headersSent) res.destroy(error);
      else res.writeHead(502, { 'Content-Type': 'text/plain' }).end(`bad gateway: ${error.message}`);
    });
    req.pipe(upstream);
  }

  const server = createServer((req, res) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request');
      return;
    }
    if (pathname.startsWith('/api/')) {
      proxy(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = normalize(join(rootDir, pathname));
    const inside = path === rootDir || path.startsWith(rootDir + sep);
    const found = inside && cache.has(path);
    if (pathname.startsWith('/assets/')) {
      // location /assets/: `expires 1y` and `Cache-Control: public, immutable`; no fallback to the app shell.
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
        return;
      }
      sendFile(req, res, path, {
        'Cache-Control': 'public, max-age=31536000, immutable',
        Expires: new Date(Date.now() + 31_536_000_000).toUTCString(),
        'X-Content-Type-Options': 'nosniff',
      });
      return;
    }
    // location /: try_files $uri /index.html, revalidated on every visit.
    sendFile(req, res, found ? path : indexPath, { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' });
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, host: { type: 'string' }, root: { type: 'string' }, api: { type: 'string' } },
  });
  const server = await serveCompressed({
    port: Number(values.port ?? 14174),
    host: values.host ?? '127.0.0.1',
    root: values.root ?? 'dist',
    api: values.api ?? 'http://127.0.0.1:18080',
  });
  const { address, port } = server.address();
  console.log(`serving ${resolve(values.root ?? 'dist')} gzipped on http://${address}:${port}, /api/ to ${values.api}`);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
