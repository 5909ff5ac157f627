// A tiny static server for the playground bundle (build/web) on 127.0.0.1:${PORT:-8000}.
// It sends a Content-Security-Policy, the cross-origin isolation headers (COOP/COEP, which make
// SharedArrayBuffer available, so input() can block the engine's worker until the learner answers)
// and the right MIME types for wasm and JavaScript modules.
//
//   node web/serve.mjs            serves build/web and prints the URL
//   ANOLE_ISOLATION=0 node web/serve.mjs   the same without COOP/COEP (plain static hosting)
//   import { startServer } ...    the same, in-process (the e2e tests use PORT 0 for a free port)

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const defaultRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'build', 'web');

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.py': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

// Maps a URL path to a file under root, refusing anything that would escape it.
function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const stats = statSync(file);
    if (stats.isDirectory()) return resolveFile(root, path.posix.join(decoded, 'index.html'));
    return stats.isFile() ? { file, size: stats.size } : null;
  } catch {
    return null;
  }
}

// No eval of any kind: scripts and workers come from this origin only, and WebAssembly may be
// compiled ('wasm-unsafe-eval' allows exactly that, not JavaScript eval). Styles may be inline:
// CodeMirror and xterm.js inject <style> elements and style attributes, and the overlay colors
// its marks with style attributes.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'self'",
].join('; ');

// isolation: false leaves out COOP/COEP, as plain static hosting would (the page then falls back
// to replaying the program for input(); see web/protocol.js).
export function startServer({
  root = defaultRoot, port = Number(process.env.PORT ?? 8000), host = '127.0.0.1',
  isolation = process.env.ANOLE_ISOLATION !== '0',
} = {}) {
  const server = createServer((request, response) => {
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    if (isolation) {
      response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
      response.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    }
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    response.setHeader('Cache-Control', 'no-cache');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { 'Content-Type': 'text/plain' }).end('method not allowed\n');
      return;
    }
    const found = resolveFile(root, request.url ?? '/');
    if (!found) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found\n');
      return;
    }
    const type = MIME_TYPES[path.extname(found.file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'Content-Type': type, 'Content-Length': found.size });
    if (request.method === 'HEAD') response.end();
    else createReadStream(found.file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolve({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startServer();
  console.log(`Anole playground: ${url}`);
}
