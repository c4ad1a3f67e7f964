/** How a field is stored: `code` and `boolean` fill a CodeColumn, `number` a NumberColumn. */
export type FieldKind = "code" | "number" | "boolean";

/** One compiled text check, run once per distinct value (not per cell). */
export interface TextRule {
  /** Issue code when the check fails: `too-small`, `too-big`, `invalid-format`. */
  code: string;
  /** The rule in words: "at least 2 characters". */
  rule: string;
  /** True when the value passes. */
  test: (s: string) => boolean;
  /** For length rules: the accepted [min, max] length in code points. */
  lengthRange?: [number, number];
}

/** One compiled number check, run per cell. */
export interface NumberRule {
  op: "min" | "gt" | "max" | "lt" | "int" | "multipleOf";
  value: number;
}

/** The compiled checks of one schema field. */
export interface FieldSpec {
  /** Canonical field name (the schema key, and the column name in the table). */
  name: string;
  kind: FieldKind;
  /** The column must be present in the file (the field is neither optional nor defaulted). */
  required: boolean;
  /** An empty cell is accepted (optional, nullable or default). */
  emptyOk: boolean;
  /** Value stored for an empty cell or an absent column, from `z.default`. */
  defaultValue: string | number | boolean | undefined;
  /** Accepted values, from enums and literals; `null` when any value of the kind goes. */
  allowed: Array<string | number | boolean> | null;
  textRules: TextRule[];
  numberRules: NumberRule[];
  /** All the field's rules in words, for messages. */
  rule: string;
}
