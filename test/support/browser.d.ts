import type { Browser, LaunchOptions } from "playwright-core";

export declare const CHROMIUM_ARGS: readonly string[];
export declare const DEBIAN_CHROMIUM: string;
export interface ChromiumChoice {
  readonly executablePath: string;
  /** CHROMIUM_PATH, Debian's /usr/bin/chromium, or the one of the npm package @sparticuz/chromium. */
  readonly source: "CHROMIUM_PATH" | "debian" | "npm";
}
export declare function resolveChromium(env?: NodeJS.ProcessEnv): Promise<ChromiumChoice>;
export declare function launchChromium(options?: LaunchOptions): Promise<Browser>;
