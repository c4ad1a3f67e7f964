import type { EmisValidationError } from "../../src/models/errors";

/** The error `f` throws (the test fails when it does not throw). */
export function thrown(f: () => unknown): EmisValidationError {
  try {
    f();
  } catch (e) {
    return e as EmisValidationError;
  }
  throw new Error("expected a throw");
}
