import type { Fault } from '../../../../src/reference/faults/index.js';
import { DEFAULT_EDITION, itemsHoldingRules, loadEdition } from '../../../../src/scr/index.js';

/** The items of the seed edition (the mutant runs use it) that hold the rule a fault switch breaks. */
export function brokenItems(fault: Fault): string[] {
  return itemsHoldingRules(loadEdition(DEFAULT_EDITION), fault.role, [fault.breaks]);
}
