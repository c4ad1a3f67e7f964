/**
 * Writes docs/indicators/<id>.md for every indicator of the built-in catalogue plus
 * docs/indicators/README.md (the index). Run: npx tsx scripts/build-indicator-docs.ts
 * A unit test (tests/indicators/indicator-docs.test.ts) fails when the pages are stale.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { catalogue } from "../src/indicators/catalogue";
import { indicatorIndex, indicatorPage } from "../src/indicators/indicator-docs";

const dir = join(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..", "docs", "indicators");
mkdirSync(dir, { recursive: true });
for (const f of readdirSync(dir)) if (f.endsWith(".md")) rmSync(join(dir, f));
for (const d of catalogue) writeFileSync(join(dir, `${d.id}.md`), indicatorPage(d));
writeFileSync(join(dir, "README.md"), indicatorIndex(catalogue));
console.log(`wrote ${catalogue.length} indicator pages and the index to ${dir}`);
