export { EmisError, EmisInputError, EmisValidationError, EmisDefinitionError, EmisIntegrityError, isEmisError } from "./errors";
export type { EmisIssue } from "./errors";
export { FLAGS } from "./flags";
export type { Flag } from "./flags";
export { MISSING_CODE, codeAt, rowAt } from "./columns";
export type { CodeColumn, NumberColumn, Column, ColumnTable } from "./columns";
export { ResultRow, FlagSchema } from "./result";
export type { ResultTable } from "./result";
