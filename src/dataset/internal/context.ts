import type { EmisIssue } from "../../models/errors";
import type { Profile } from "../../models/profile";
import type { DeriveOptions } from "../derive";
import type { SchoolIndex } from "./school-facts";

/** Shared state of one `createDataset` call. */
export interface BuildContext {
  profile: Profile;
  schoolDims: string[];
  schoolIndex: SchoolIndex | undefined;
  year: number | undefined;
  derive: DeriveOptions;
  issues: EmisIssue[];
}

export function orphanIssue(file: string, row: number, schoolId: string | null): EmisIssue {
  return {
    code: "orphan",
    file,
    row,
    column: "school_id",
    rule: "school_id exists in the school file",
    value: schoolId,
    message: `${file} row ${row}: school_id ${schoolId} is not in the school file; kept with unknown school dimensions — add the school or correct the id`,
  };
}
