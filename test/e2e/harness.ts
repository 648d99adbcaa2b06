/**
 * Browser test harness: the built pane (dist/) in Chromium (Debian's, or the
 * one shipped by the npm package @sparticuz/chromium: test/support/browser.js), against
 * the in-page Office host double (demo/officeDouble/, shared with `npm run demo`) served in place of
 * Office.js. Nothing leaves the machine: every request that is not for the
 * local server is aborted, the Office.js CDN one is answered with the double.
 *
 *   const harness = useBrowserHarness();           // beforeAll / afterAll
 *   const pane = await harness().openTaskpane({ state, displayLanguage: "en-US" });
 *   await pane.page.getByRole("heading", { name: "Recouvre" }).waitFor();
 *   await pane.screenshot("cases");
 *   await pane.reopen();                           // the workbook stays, the pane restarts
 *
 * `now` fixes the page's clock (Playwright's clock, installed before any page
 * script runs): `new Date()` / `Date.now()` return that instant, timers keep
 * running. Keep it through reopen(); move it with pane.setNow().
 */
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { type Browser, type BrowserContext, type Locator, type Page, type Route } from "playwright-core";
import { launchChromium as launchBrowser } from "../support/browser";
import type { ActionResult, OfficeDoubleApi, OfficeDoubleConfig, RangeSnapshot, WorkbookState } from "../../demo/officeDouble/types";

export type { WorkbookState, OfficeDoubleApi, OfficeDoubleConfig } from "../../demo/officeDouble/types";

/** Per-test-file timeout for browser tests. */
export const E2E_TIMEOUT = 60_000;

const ROOT = path.resolve(__dirname, "..", "..");
/** The build under test: dist/, or RECOUVRE_DIST to test another build output. */
export const DIST_DIR = process.env.RECOUVRE_DIST ? path.resolve(process.env.RECOUVRE_DIST) : path.join(ROOT, "dist");
export const SCREENSHOT_DIR = path.join(ROOT, "test-output", "screenshots");
const DOUBLE_DIR = path.join(ROOT, "demo", "officeDouble");
/** Concatenated in this order to make the served office.js. */
export const DOUBLE_FILES = ["excel-enums.js", "engine.js", "office-double.js"];
export const OFFICE_JS_HOST = "appsforoffice.microsoft.com";

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
};

/** A page with only the double, for testing the double itself (no build needed). */
const BLANK_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Office double</title>
<script src="https://${OFFICE_JS_HOST}/lib/1/hosted/office.js"></script></head><body><div id="container"></div></body></html>`;

/** The double's source, read once per process. */
let doubleSource: string | null = null;
export function officeDoubleSource(): string {
  if (doubleSource === null) doubleSource = DOUBLE_FILES.map((f) => `/* ---- ${f} ---- */\n` + readFileSync(path.join(DOUBLE_DIR, f), "utf8")).join("\n");
  return doubleSource;
}

/** Static server for dist/ on 127.0.0.1, random port. */
export async function startStaticServer(root = DIST_DIR): Promise<{ server: Server; baseUrl: string }> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url || "/", "http://127.0.0.1");
      let pathname = decodeURIComponent(url.pathname);
      if (pathname === "/__e2e/blank.html") {
        res.writeHead(200, { "content-type": MIME[".html"], "cache-control": "no-store" });
        res.end(BLANK_PAGE);
        return;
      }
      if (pathname.endsWith("/")) pathname += "index.html";
      const file = path.normalize(path.join(root, pathname));
      if (!file.startsWith(root + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      res.writeHead(200, { "content-type": MIME[path.extname(file)] || "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, baseUrl: `http://127.0.0.1:${port}/` };
}

/** Debian's Chromium, or the npm package's (test/support/browser.js decides; RECOUVRE_BROWSER=bundled forces the latter). */
export function launchChromium(): Promise<Browser> {
  return launchBrowser();
}

export interface OpenPaneOptions {
  /** The workbook the pane opens on. Default: one empty sheet "Feuil1". */
  state?: WorkbookState;
  /** Office.context.displayLanguage, "fr-FR" by default. */
  displayLanguage?: string;
  theme?: OfficeDoubleConfig["theme"];
  /** Delay of every context.sync() round trip in ms. */
  latencyMs?: number;
  /** Task pane size; Excel's default pane is about 350 px wide. */
  viewport?: { width: number; height: number };
  /** Page under dist/ (default "taskpane.html"). */
  page?: string;
  /** false: Office.context and Excel exist before Office is ready (default true, as with the real Office.js). */
  strictStartup?: boolean;
  /**
   * The page's "now", fixed before any page script runs (Playwright's
   * page.clock.setFixedTime): a Date, or a string; "2026-03-16" alone means
   * noon local time that day, so the date is the same in every time zone.
   * Date.now() then stays fixed: do not wait in the page on Date.now() passing.
   * Default: the real clock.
   */
  now?: Date | string;
}

/** The instant for page.clock: a date-only string is noon local time that day. */
export function clockTime(now: Date | string): Date {
  const dateOnly = typeof now === "string" ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(now) : null;
  const time = dateOnly ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]), 12) : new Date(now);
  if (!Number.isFinite(time.getTime())) throw new Error(`now: « ${String(now)} » is not a date`);
  return time;
}

/** One open pane (a browser page) and its workbook. */
export class Pane {
  /** Uncaught exceptions in the page. */
  readonly pageErrors: string[] = [];
  /** console.error messages. */
  readonly consoleErrors: string[] = [];
  /** Requests that were aborted because they were leaving the machine. */
  readonly blockedRequests: string[] = [];
  private config: OfficeDoubleConfig;

  constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    private readonly url: string,
    config: OfficeDoubleConfig,
  ) {
    this.config = config;
  }

  /** Installs the routes and loads the page. */
  async start(): Promise<void> {
    this.page.on("pageerror", (error) => this.pageErrors.push(String(error && (error.stack || error.message) ? error.stack || error.message : error)));
    this.page.on("console", (msg) => {
      if (msg.type() === "error") this.consoleErrors.push(msg.text());
    });
    await this.page.route("**/*", (route) => this.route(route));
    await this.page.goto(this.url, { waitUntil: "load" });
    await this.waitForDouble();
  }

  private async route(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.hostname === OFFICE_JS_HOST) {
      const prefix = `window.__officeDoubleConfig = ${JSON.stringify(this.config)};\n`;
      await route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: prefix + officeDoubleSource() });
      return;
    }
    if ((url.hostname === "127.0.0.1" || url.hostname === "localhost") && (url.protocol === "http:" || url.protocol === "https:")) {
      await route.continue();
      return;
    }
    if (url.protocol === "data:" || url.protocol === "blob:") {
      await route.continue();
      return;
    }
    this.blockedRequests.push(url.href);
    await route.abort("blockedbyclient");
  }

  private async waitForDouble(): Promise<void> {
    await this.page.waitForFunction(() => typeof window.__officeDouble === "object" && window.__officeDouble.ready, undefined, { timeout: 15_000 });
  }

  /**
   * Waits until the locator is visible; fails at once, with the page's
   * errors, if the page throws meanwhile (rather than timing out blind).
   */
  async waitFor(locator: Locator, options: { timeout?: number; state?: "visible" | "attached" | "hidden" | "detached" } = {}): Promise<void> {
    const timeout = options.timeout ?? 20_000;
    const deadline = Date.now() + timeout;
    const seen = this.pageErrors.length;
    for (;;) {
      if (this.pageErrors.length > seen) throw new Error(`The page threw while waiting for ${locator}:\n${this.pageErrors.slice(seen).join("\n")}`);
      try {
        await locator.first().waitFor({ state: options.state ?? "visible", timeout: Math.min(250, Math.max(1, deadline - Date.now())) });
        return;
      } catch (error) {
        if (Date.now() >= deadline) {
          const errors = this.pageErrors.length ? `\nPage errors:\n${this.pageErrors.join("\n")}` : "";
          const logs = this.consoleErrors.length ? `\nConsole errors:\n${this.consoleErrors.join("\n")}` : "";
          throw new Error(`${String(error)}${errors}${logs}`);
        }
      }
    }
  }

  /**
   * Moves the page's fixed clock (see OpenPaneOptions.now). The pane reads
   * the new day on its next action; a reopen() keeps it.
   */
  async setNow(now: Date | string): Promise<void> {
    await this.page.clock.setFixedTime(clockTime(now));
  }

  /** Runs a function in the page with the double's test API. */
  double<R, A = undefined>(fn: (api: OfficeDoubleApi, arg: A) => R | Promise<R>, arg?: A): Promise<R> {
    return this.page.evaluate(
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      ([source, a]) => new Function("api", "arg", `return (${source})(api, arg);`)(window.__officeDouble, a) as any,
      [fn.toString(), arg] as const,
    ) as Promise<R>;
  }

  getState(): Promise<WorkbookState> {
    return this.page.evaluate(() => window.__officeDouble.getWorkbookState());
  }

  readRange(sheet: string, address: string): Promise<RangeSnapshot> {
    return this.page.evaluate(([s, a]) => window.__officeDouble.readRange(s, a), [sheet, address] as const);
  }

  sheetValues(sheet: string): Promise<(string | number | boolean)[][]> {
    return this.page.evaluate((s) => window.__officeDouble.sheetValues(s), sheet);
  }

  syncCount(): Promise<number> {
    return this.page.evaluate(() => window.__officeDouble.syncCount);
  }

  resetSyncCount(): Promise<void> {
    return this.page.evaluate(() => window.__officeDouble.resetSyncCount());
  }

  setSelection(sheet: string, address: string): Promise<void> {
    return this.page.evaluate(([s, a]) => window.__officeDouble.setSelection(s, a), [sheet, address] as const);
  }

  editCells(sheet: string, address: string, values: unknown[][]): Promise<void> {
    return this.page.evaluate(([s, a, v]) => window.__officeDouble.editCells(s, a, v), [sheet, address, values] as const);
  }

  /** Runs a ribbon command (Office.actions.associate) as Excel would: returns how often event.completed() was called. */
  invokeAction(name: string, options?: { timeoutMs?: number; settleMs?: number }): Promise<ActionResult> {
    return this.page.evaluate(([n, o]) => window.__officeDouble.invokeAction(n, o), [name, options] as const);
  }

  /**
   * Closes and reopens the pane on the same workbook: the page reloads, the
   * workbook (cells, tables, saved settings, runtime storage) is what it was;
   * unsaved settings and everything in the pane's memory are gone.
   * Options override the state or the host's language / theme for the new load.
   */
  async reopen(options: { state?: WorkbookState; displayLanguage?: string; theme?: OfficeDoubleConfig["theme"]; latencyMs?: number } = {}): Promise<void> {
    const state = options.state ?? (await this.getState());
    this.config = { ...this.config, ...options, state, token: randomUUID() };
    await this.page.reload({ waitUntil: "load" });
    await this.waitForDouble();
  }

  /**
   * Full-page PNG in test-output/screenshots/<name>.png; returns its path.
   * `fullPage: false` keeps what the pane shows (a modal dialog and its backdrop cover the viewport only).
   */
  async screenshot(name: string, options: { fullPage?: boolean } = {}): Promise<string> {
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const file = path.join(SCREENSHOT_DIR, name.replace(/[^\w.-]+/g, "_") + (name.endsWith(".png") ? "" : ".png"));
    await this.page.screenshot({ path: file, fullPage: options.fullPage ?? true });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}

export class BrowserHarness {
  private readonly panes: Pane[] = [];

  private constructor(
    readonly browser: Browser,
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<BrowserHarness> {
    const { server, baseUrl } = await startStaticServer();
    try {
      const browser = await launchChromium();
      return new BrowserHarness(browser, server, baseUrl);
    } catch (error) {
      server.close();
      throw error;
    }
  }

  /** Opens the built pane (dist/taskpane.html) on a workbook. */
  async openTaskpane(options: OpenPaneOptions = {}): Promise<Pane> {
    const page = options.page ?? "taskpane.html";
    if (!existsSync(path.join(DIST_DIR, page))) throw new Error(`dist/${page} is missing: run \`npm run build\` before the browser tests.`);
    return this.open(new URL(page, this.baseUrl).href, options);
  }

  /** Opens an empty page with only the double loaded (tests of the double itself). */
  async openBlank(options: OpenPaneOptions = {}): Promise<Pane> {
    return this.open(new URL("__e2e/blank.html", this.baseUrl).href, options);
  }

  private async open(url: string, options: OpenPaneOptions): Promise<Pane> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 360, height: 720 },
      locale: options.displayLanguage ?? "fr-FR",
      deviceScaleFactor: 1,
      serviceWorkers: "block",
    });
    // Before the first navigation: the clock is installed ahead of every page script.
    if (options.now !== undefined) await context.clock.setFixedTime(clockTime(options.now));
    const page = await context.newPage();
    const config: OfficeDoubleConfig = {
      state: options.state,
      token: randomUUID(),
      displayLanguage: options.displayLanguage ?? "fr-FR",
      theme: options.theme ?? "light",
      latencyMs: options.latencyMs ?? 0,
      strictStartup: options.strictStartup ?? true,
    };
    const pane = new Pane(page, context, url, config);
    this.panes.push(pane);
    await pane.start();
    return pane;
  }

  async teardown(): Promise<void> {
    await Promise.allSettled(this.panes.map((p) => p.close()));
    await this.browser.close().catch(() => undefined);
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * Jest wiring: starts the server and Chromium before the file's tests, tears
 * them down after, and sets the file's timeout to E2E_TIMEOUT. Returns a getter.
 */
export function useBrowserHarness(): () => BrowserHarness {
  let harness: BrowserHarness | null = null;
  jest.setTimeout(E2E_TIMEOUT);
  beforeAll(async () => {
    harness = await BrowserHarness.start();
  }, E2E_TIMEOUT);
  afterAll(async () => {
    if (harness) await harness.teardown();
    harness = null;
  }, E2E_TIMEOUT);
  return () => {
    if (!harness) throw new Error("The browser harness is not started (use it inside tests).");
    return harness;
  };
}
