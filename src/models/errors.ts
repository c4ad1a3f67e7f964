/**
 * Typed errors. Every error carries a stable kebab-case `code`; check it with
 * {@link isEmisError} rather than `instanceof`, which fails across package copies.
 */

/** One rejected value or rule violation, shaped like a zod issue plus its location. */
export interface EmisIssue {
  /** Stable kebab-case code, e.g. `invalid-enum`, `missing-column`, `duplicate-id`. */
  code: string;
  /** File name or source label, when known. */
  file?: string;
  /** 1-based data row (header is row 0), when known. */
  row?: number;
  /** Column name, when known. */
  column?: string;
  /** The rule broken, in words: "one of male, female, unknown". */
  rule: string;
  /** The offending raw value, as read. */
  value?: unknown;
  /** Short human message naming the fix. */
  message: string;
}

/** Base class: `code`, message and structured `details`. */
export class EmisError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = "EmisError";
    this.code = code;
    this.details = details;
  }
}

/** Invalid arguments to a function (wrong type, empty input, negative weight...). */
export class EmisInputError extends EmisError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = "EmisInputError";
  }
}

/** Rows rejected in strict mode, or an unreadable file; `issues` lists them all. */
export class EmisValidationError extends EmisError {
  readonly issues: EmisIssue[];
  constructor(code: string, message: string, issues: EmisIssue[], details: Record<string, unknown> = {}) {
    super(code, message, { ...details, issues });
    this.name = "EmisValidationError";
    this.issues = issues;
  }
}

/** An indicator, profile or rule definition that cannot be used as written. */
export class EmisDefinitionError extends EmisError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = "EmisDefinitionError";
  }
}

/** Records that do not join up: orphans, duplicate ids, totals that do not reconcile. */
export class EmisIntegrityError extends EmisError {
  constructor(code: string, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.name = "EmisIntegrityError";
  }
}

/**
 * True when `e` is an emis-equity error (checks the `code` and `details` shape, not the
 * prototype, so it works across duplicated package copies and realms).
 * @example isEmisError(new EmisInputError("empty-input", "gini requires at least one value")) // true
 */
export function isEmisError(e: unknown): e is EmisError {
  return (
    typeof e === "object" &&
    e !== null &&
    typeof (e as { code?: unknown }).code === "string" &&
    typeof (e as { details?: unknown }).details === "object" &&
    e instanceof Error
  );
}
