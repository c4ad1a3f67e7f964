/**
 * Node-only entry point (`emis-equity/node`): file and stream readers. Everything in
 * the universal entry point is re-exported too, so one import serves a script.
 */
export * from "./index";
export { readCsvFile, readCsvFileChunks } from "./io/node";
