import type { Server } from "node:http";

export declare const DEMO_DIR: string;
/** Serves dist-demo/ on 127.0.0.1; `url` is "http://localhost:<port>/". */
export declare function startDemoServer(options?: { port?: number; root?: string; strictPort?: boolean }): Promise<{ server: Server; url: string }>;
