import { InvalidInputError } from "../../errors/index.js";
import type { EnterpriseExit } from "../../schemas/cases.js";
import type { Domain } from "../domain.js";

/** STUB — replaced by the domain's implementation. */
export const enterpriseExitDomain: Domain<EnterpriseExit> = {
  kind: "enterprise-exit",
  compute: (facts) => {
    throw new InvalidInputError([{ path: "kind", message: `case kind "${facts.kind}" is not yet supported` }]);
  },
  messages: { codes: {}, rules: {} },
};
