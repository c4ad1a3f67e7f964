import { defineConfig } from "vitest/config";

// Two projects: `unit` is self-contained (a fresh clone passes it); `real` reads the
// public data sets under EMIS_DATA_DIR, which are never committed.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["tests/**/*.test.ts"],
          exclude: ["tests/real/**"],
          typecheck: { enabled: true, include: ["tests/**/*.test-d.ts"] },
        },
      },
      {
        test: {
          name: "real",
          include: ["tests/real/**/*.test.ts"],
          testTimeout: 120_000,
        },
      },
    ],
  },
});
