#!/usr/bin/env node
import { main } from "./main";

// A closed pipe (`emis-equity indicators | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
process.exitCode = main(process.argv.slice(2));
