/**
 * The SCR layer: Appendix B as data (table editions under scr/), the item-id grammar, the
 * requirement notation, claims files (ICS + IXIT) and the applicability of each item under them.
 */
export { applicableItems, APPLICABLE_KINDS, computeApplicability, type ApplicabilityOptions } from './applicability.js';
export { buildClaimsTemplate } from './claims-template.js';
export {
  COMMON_PLACEHOLDERS,
  loadClaims,
  loadRoleClaims,
  MAX_CLAIMS_BYTES,
  parseClaims,
  readClaimsText,
  SHELL_DELIVERY_PLACEHOLDERS,
  TRIGGER_PLACEHOLDERS,
} from './claims.js';
export {
  DEFAULT_EDITION,
  findItem,
  itemRecord,
  itemsHoldingRules,
  listEditions,
  loadEdition,
  ROLES,
  SCR_DIR,
  type Edition,
  type ScrItem,
  type ScrTableInfo,
} from './edition.js';
export { isRuleKey, RULE_KEY_PATTERN, rulesOfTags, sectionOfRule } from './rule-key.js';
export { ClaimsError, ScrInputError, ScrTableError } from './errors.js';
export {
  evaluate,
  formatRequirement,
  parseRequirement,
  referencesOf,
  RequirementSyntaxError,
  type ParseRequirementOptions,
  type Requirement,
  type SupportedItems,
} from './expression.js';
export { checkIntegrity, type IntegrityProblem, type IntegrityRow, type IntegrityRule } from './integrity.js';
export {
  isItemId,
  ItemIdSyntaxError,
  LETTER_OF_ROLE,
  normaliseItemId,
  parseItemId,
  ROLE_OF_LETTER,
  type ItemId,
  type ItemStatus,
  type NormalisedItemId,
  type RoleLetter,
  type ScrRole,
} from './item-id.js';
export type { ScrItemRecord } from './schemas/scr-item.schema.js';
export type { ApplicabilityKind, ApplicabilityReport, ClaimsFinding, ItemApplicability } from './schemas/applicability.schema.js';
export type {
  ClientIxit,
  Claims,
  DmctEndpoints,
  Hook,
  HttpTrigger,
  ManualTrigger,
  ModuleTrigger,
  NotifyOptions,
  Secret,
  ServerIxit,
  ShellTrigger,
  Trigger,
  TriggerInput,
} from './schemas/claims.schema.js';
