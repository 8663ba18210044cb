import type { InputIssue } from "../errors/index.js";
import type { RuleSet } from "../parameters/types.js";
import type { Case } from "../schemas/cases.js";
import type { MessageCatalog, Outcome } from "../trace/types.js";

/**
 * What each rule domain gives the batch: its case kind, the checks that need a rule set, the
 * computation, and its texts. Rules never import `batch/`, `audit/` or `node/`.
 */
export interface Domain<C extends Case = Case> {
  readonly kind: C["kind"];
  /** Input problems that only a rule set can reveal (e.g. a structure type the rates table does not know); paths relative to the case. */
  readonly checkCase?: (facts: C, ruleSet: RuleSet) => InputIssue[];
  /** The outcome of one valid case. */
  readonly compute: (facts: C, ruleSet: RuleSet) => Outcome;
  readonly messages: MessageCatalog;
}
