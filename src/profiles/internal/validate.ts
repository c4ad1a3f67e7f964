import { Profile } from "../../models/profile";
import { EmisDefinitionError } from "../../models/errors";

/**
 * Validates a merged profile with `Profile.safeParse`; on failure throws an
 * EmisDefinitionError (`invalid-profile`) whose message names the first failing field
 * as a dotted path (`norms.0.value`) and whose details list every issue.
 */
export function validateProfile(candidate: unknown, caller: string): Profile {
  const result = Profile.safeParse(candidate);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.map(String).join(".") || "(root)", message: i.message }));
  const first = issues[0];
  throw new EmisDefinitionError(
    "invalid-profile",
    `${caller}: profile field ${first.field} is invalid (${first.message}); fix it in the profile JSON`,
    { field: first.field, issues },
  );
}
