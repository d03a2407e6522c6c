// A tiny static file server for the browser suite, bound to 127.0.0.1 only.
//
//   import { serve } from './serve.mjs';
//   const s = await serve({ root: '/tmp/out', prefix: '/partner/' });
//   s.url        // http://127.0.0.1:PORT/partner/
//   s.log        // [{ method, path, status, type }] of every request served
//   await s.close();
//
// Or from the command line, to look at a build by hand:
//   node serve.mjs <dir> [--prefix /partner/] [--port 8000]
//
// Folders are served from their index.html, a folder address without the trailing slash is
// redirected, unknown paths get the site's 404.html with status 404, and .ics files are sent as
// `text/calendar; charset=utf-8` (what a real host should do, and what the suite checks).

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
};

export function contentType(file) {
  return TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

async function isFile(p) {
  try {
    return (await fs.stat(p)).isFile();
  } catch {
    return false;
  }
}

async function isDir(p) {
  try {
    return (await fs.stat(p)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Serves `root` under `prefix` (default `/`) on 127.0.0.1. `port: 0` picks a free port.
 * Resolves once listening.
 */
export async function serve({ root, prefix = '/', port = 0 } = {}) {
  if (!prefix.startsWith('/')) prefix = '/' + prefix;
  if (!prefix.endsWith('/')) prefix += '/';
  const rootAbs = path.resolve(root);
  const log = [];

  const server = http.createServer(async (req, res) => {
    const entry = { method: req.method, path: req.url, status: 0, type: '' };
    log.push(entry);
    const send = (status, type, body, extra = {}) => {
      entry.status = status;
      entry.type = type;
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return send(405, 'text/plain; charset=utf-8', 'method not allowed\n', { Allow: 'GET, HEAD' });
      }
      const url = new URL(req.url, 'http://127.0.0.1');
      let p;
      try {
        p = decodeURIComponent(url.pathname);
      } catch {
        return send(400, 'text/plain; charset=utf-8', 'bad request\n');
      }
      const notFound = async () => {
        const page = path.join(rootAbs, '404.html');
        if (await isFile(page)) return send(404, TYPES['.html'], await fs.readFile(page));
        return send(404, 'text/plain; charset=utf-8', 'not found\n');
      };
      if (p + '/' === prefix) {
        return send(301, 'text/plain; charset=utf-8', '', { Location: prefix + url.search });
      }
      if (!p.startsWith(prefix) || p.includes('\0')) return notFound();
      const rel = p.slice(prefix.length);
      const file = path.resolve(rootAbs, '.' + path.posix.sep + rel);
      if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) return notFound();
      if (await isDir(file)) {
        if (!p.endsWith('/')) {
          return send(301, 'text/plain; charset=utf-8', '', { Location: url.pathname + '/' + url.search });
        }
        const index = path.join(file, 'index.html');
        if (await isFile(index)) return send(200, TYPES['.html'], await fs.readFile(index));
        return notFound();
      }
      if (await isFile(file)) return send(200, contentType(file), await fs.readFile(file));
      return notFound();
    } catch (e) {
      return send(500, 'text/plain; charset=utf-8', `server error: ${e}\n`);
    }
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const actual = server.address().port;
  return {
    port: actual,
    origin: `http://127.0.0.1:${actual}`,
    url: `http://127.0.0.1:${actual}${prefix}`,
    prefix,
    root: rootAbs,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

// Command line: node serve.mjs <dir> [--prefix /partner/] [--port 8000]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const prefix = opt('--prefix', '/');
  const port = Number(opt('--port', '8000'));
  const root = args[0];
  if (!root) {
    console.error('usage: node serve.mjs <dir> [--prefix /partner/] [--port 8000]');
    process.exit(2);
  }
  const s = await serve({ root, prefix, port });
  console.log(`serving ${s.root} at ${s.url} (Ctrl+C to stop)`);
}
