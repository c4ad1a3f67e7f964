import { defineConfig } from "tsup";

// d3-array is ESM-only: the CJS build bundles it (and its dependency internmap) so that
// `require("emis-equity")` works without require(esm). `clean` is false everywhere: the
// configs run in parallel and the build script removes dist first. Each ESM entry gets
// a `@ts-self-types` banner naming its own .d.ts, which Deno needs to find the types.
const common = { sourcemap: true, clean: false, target: "node20", outDir: "dist" } as const;
export default defineConfig([
  { ...common, entry: { index: "src/index.ts" }, format: ["esm"], dts: true, banner: { js: '// @ts-self-types="./index.d.ts"' } },
  { ...common, entry: { node: "src/node.ts" }, format: ["esm"], dts: true, banner: { js: '// @ts-self-types="./node.d.ts"' } },
  { ...common, entry: { cli: "src/cli/bin.ts" }, format: ["esm"], dts: false },
  { ...common, entry: { index: "src/index.ts", node: "src/node.ts" }, format: ["cjs"], dts: true, noExternal: ["d3-array", "internmap"] },
]);
