import type { ExternalIndicator, FlowIndicator } from "../../models/indicator";
import type { ResultRow } from "../../models/result";
import type { RowMeta } from "./suppress";
import type { KindContext } from "./kind-common";
import { flowIndicatorRows } from "./flow";
import { externalIndicatorRows } from "./external";

/**
 * Computes a `flow` or `external` indicator and appends its rows and suppression
 * metadata to the call's, so they share ordering and disclosure control with the
 * ratio and distribution kinds.
 */
export function pushKindRows(def: FlowIndicator | ExternalIndicator, ctx: KindContext, rows: ResultRow[], metas: RowMeta[]): void {
  const out = def.kind === "flow" ? flowIndicatorRows(def, ctx) : externalIndicatorRows(def, ctx);
  for (let i = 0; i < out.rows.length; i++) {
    rows.push(out.rows[i]);
    metas.push(out.metas[i]);
  }
}
