/**
 * Serves the built demonstration (dist-demo/) over plain HTTP on this
 * machine only (127.0.0.1). `node demo/server.js` (what `npm run demo` runs
 * after the build) prints the address to open; the screenshots script and the
 * browser test start it with startDemoServer().
 *
 * CommonJS on purpose: Node runs it as it is and Jest requires it unchanged.
 */
/* global URL */
"use strict";
const { readFile } = require("node:fs/promises");
const { existsSync } = require("node:fs");
const { createServer } = require("node:http");
const path = require("node:path");

const DEMO_DIR = path.resolve(__dirname, "..", "dist-demo");
const DEFAULT_PORT = 3100;

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
};

/** The same policy as the page's own meta tag: nothing but this server, so no Microsoft Graph and no sign-in. */
const CSP = "default-src 'self'; script-src 'self' 'unsafe-eval'; connect-src 'self' data: blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; form-action 'none'";

function handler(root) {
  return async (req, res) => {
    try {
      const url = new URL(req.url || "/", "http://127.0.0.1");
      let pathname = decodeURIComponent(url.pathname);
      if (pathname.endsWith("/")) pathname += "index.html";
      const file = path.normalize(path.join(root, pathname));
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "cache-control": "no-store", "content-security-policy": CSP });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("introuvable");
    }
  };
}

/**
 * Starts the server; port 0 picks a free one. A port already taken moves to
 * the next one (up to 20 tries) when `port` was not asked for explicitly.
 * @returns {Promise<{ server: import("node:http").Server, url: string }>}
 */
async function startDemoServer({ port = DEFAULT_PORT, root = DEMO_DIR, strictPort = false } = {}) {
  if (!existsSync(path.join(root, "index.html"))) {
    throw new Error(`${path.relative(process.cwd(), root) || root}/index.html manque : construisez d'abord la démonstration (npm run build:demo).`);
  }
  for (let attempt = 0; ; attempt++) {
    const server = createServer(handler(root));
    try {
      await new Promise((resolve, reject) => {
        server.once("error", reject);
        server.listen(port === 0 ? 0 : port + attempt, "127.0.0.1", resolve);
      });
      const { port: actual } = server.address();
      return { server, url: `http://localhost:${actual}/` };
    } catch (error) {
      server.close();
      if (error.code !== "EADDRINUSE" || strictPort || port === 0 || attempt >= 19) throw error;
    }
  }
}

module.exports = { DEMO_DIR, startDemoServer };

if (require.main === module) {
  const asked = process.env.PORT ? Number(process.env.PORT) : undefined;
  startDemoServer({ port: asked ?? DEFAULT_PORT, strictPort: asked !== undefined })
    .then(({ url }) => {
      console.log(`Démonstration de Recouvre : ouvrez ${url}`);
      console.log(`(thème sombre : ${url}?theme=dark ; volet en anglais : ${url}?lang=en). Ctrl+C pour arrêter.`);
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
