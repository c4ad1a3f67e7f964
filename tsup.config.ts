import { defineConfig } from "tsup";

// Two configs because d3-array is ESM-only: the CJS build bundles it (and its
// dependency internmap) so `require("emis-equity")` works without require(esm).
// clean is false in both: the configs run in parallel (the build script removes dist).
const entry = { index: "src/index.ts", node: "src/node.ts", cli: "src/cli/main.ts" };
export default defineConfig([
  {
    entry,
    format: ["esm"],
    dts: { entry: { index: "src/index.ts", node: "src/node.ts" } },
    sourcemap: true,
    clean: false,
    target: "node20",
    outDir: "dist",
    // Deno does not pick up a .d.ts beside a .js file by itself.
    banner: { js: '// @ts-self-types="./index.d.ts"' },
  },
  {
    entry: { index: "src/index.ts", node: "src/node.ts" },
    format: ["cjs"],
    dts: true,
    sourcemap: true,
    clean: false,
    target: "node20",
    outDir: "dist",
    noExternal: ["d3-array", "internmap"],
  },
]);
