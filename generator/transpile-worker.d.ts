/** The types of transpile-worker.js (plain JavaScript, so that it runs in a worker thread without a loader). */
export declare function transpile(file: { path: string; contents: string }): { js: string; dts: string; problems: string[] };
