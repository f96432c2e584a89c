/** Bundles the server into `outdir` (main.mjs and sqliteWorker.mjs); resolves to the path of its main.mjs. */
export function bundleServer(outdir: string): Promise<string>;
