/**
 * A fact table: equally long dimension columns (dictionary-encoded, never missing:
 * an empty or unknown code is the code `unknown`, a category of its own) and additive
 * measures (Float64; `NaN` = outcome unknown, which the engine excludes from both parts
 * of a ratio and counts in `nExcluded`).
 */
export interface FactTable {
  name: string;
  length: number;
  dims: Record<string, FactDim>;
  measures: Record<string, Float64Array>;
  /**
   * The complete code list of dimensions whose codes are closed (enums of the schema
   * or of the profile, derived yes/no dimensions): a filter naming a code outside it is
   * a definition error, not a group that happens to be empty.
   */
  codeLists?: Record<string, readonly string[]>;
  /**
   * Measures that are 1 on every row (record counts such as `enrolled`, set by
   * createDataset): the engine counts rows for them instead of reading the column.
   * Optional: for a fact without it the engine checks each measure it reads, once per
   * call. Must be true when given (a measure listed here is not read; the engine
   * checks the list's form and spot-checks 64 rows, `invalid-fact`).
   */
  ones?: readonly string[];
}

/** One dimension of a fact table: `codes[i]` indexes `dictionary`. */
export interface FactDim {
  codes: Uint32Array;
  dictionary: string[];
}

/** Code used for missing and unrecognised dimension values. */
export const UNKNOWN = "unknown";

/** Builds a dimension column incrementally, interning codes. */
export class DimBuilder {
  readonly codes: Uint32Array;
  readonly dictionary: string[] = [];
  private readonly index = new Map<string, number>();
  /** The last value interned and its code (derived dimensions repeat a few values). */
  private lastValue: string | null = null;
  private lastCode = -1;
  constructor(length: number) {
    this.codes = new Uint32Array(length);
  }
  intern(code: string): number {
    if (code === this.lastValue) return this.lastCode;
    let c = this.index.get(code);
    if (c === undefined) {
      c = this.dictionary.length;
      this.dictionary.push(code);
      this.index.set(code, c);
    }
    this.lastValue = code;
    this.lastCode = c;
    return c;
  }
  /** The code of a value (null, undefined and "" are {@link UNKNOWN}), interned on first use. */
  code(value: string | null | undefined): number {
    return this.intern(value === null || value === undefined || value === "" ? UNKNOWN : value);
  }
  set(i: number, code: string | null | undefined): void {
    this.codes[i] = this.code(code);
  }
  build(): FactDim {
    return { codes: this.codes, dictionary: this.dictionary };
  }
}
