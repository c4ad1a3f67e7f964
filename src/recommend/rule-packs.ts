import type { RulePackInput } from "../models/recommendation-rule";
import defaultPack from "./packs/default.json";
import bhutanPack from "./packs/bhutan.json";

/**
 * The default rule pack: international norms (UIS parity band for SDG 4.5.1, SDG 4.a.1
 * infrastructure, SDG 4.c.1 trained teachers, SDG 17.18 disaggregation) and the
 * profile's national norms (PTR). Data (JSON, `src/recommend/packs/default.json`),
 * validated by `parseRules` when used.
 * @example recommend({ table, profile }, defaultRules)
 */
export const defaultRules: RulePackInput = defaultPack as RulePackInput;

/**
 * The Bhutan rule pack: PTR 1:18 by dzongkhag, identification of children with
 * disabilities, nomadic highland communities, boys' dropout by dzongkhag, class size
 * (`src/recommend/packs/bhutan.json`). Use with the default pack: `[defaultRules, bhutanRules]`.
 */
export const bhutanRules: RulePackInput = bhutanPack as RulePackInput;
