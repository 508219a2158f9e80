// Runs a TeaVM JavaScript build (app.js, ES2015 module) under Node 18 or newer.
// System.out goes to console.log (stdout); an uncaught Java exception makes node exit non-zero.
// usage: node run-js.mjs <dir-with-app.js> [args for main...]
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "target/js");
const app = await import(pathToFileURL(`${dir}/app.js`).href);
app.main(process.argv.slice(3));
