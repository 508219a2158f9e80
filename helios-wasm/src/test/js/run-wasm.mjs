// Runs a TeaVM WebAssembly GC build (app.wasm + app.wasm-runtime.mjs) under Node 24 or newer.
// Node 20 cannot run wasm-gc. System.out goes to console.log (stdout), System.err to stderr, and an
// uncaught Java exception makes node exit non-zero.
// usage: node run-wasm.mjs <dir-with-app.wasm> [args for main...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "target/wasm-gc");
const { load } = await import(pathToFileURL(`${dir}/app.wasm-runtime.mjs`).href);
const teavm = await load(`${dir}/app.wasm`); // under Node, load() reads the path with node:fs
teavm.exports.main(process.argv.slice(3));
