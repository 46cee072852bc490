import {
  carriesQueued,
  expectArrival,
  expectAsQueued,
  expectCommandWellFormed,
  expectPackage2,
  expectParameterCount,
  queuedPositions,
  reportOf,
  untilReported,
  type Package2View,
} from '../../fixtures/server-target/checks.js';
import { test } from '../../fixtures/server-target/index.js';
import { HARNESS_MOID } from '../../fixtures/server-target/protocol.js';
import { precondition } from '../../fixtures/verify.js';

const REQUIREMENT = {
  type: 'requirement',
  description:
    'The DM Server MUST support the whole ClientURI scheme: an x-name "(x)" for the MO instance or a node, resolved through nv query fields, the wildcard "*" for all instances or all nodes of a level, and the query fields lv, nv and cv; with a wildcard the client returns one MO data entry per match (6.1.1, 6.1.2)',
};

/**
 * GETs whose ClientURIs use the extended forms on dmct's harness MO (one instance, Data/{Name,
 * Count, Empty}): "*" and "(x)" for the instance — the harness MO has no unnamed node below its
 * root, where a node-level "*" or "(x)" would match (6.1.1.2) — and the lv query.
 */
const EXTENDED_FORMS: readonly (readonly string[])[] = [
  ['GET', `${HARNESS_MOID}/*/Data/Name`],
  ['GET', `${HARNESS_MOID}/(x)/Data/Name?nv=(x)/Data/Count:3`],
  ['GET', `${HARNESS_MOID}//Data?lv=1`],
];

/** How many parameters GET takes is the rule of 5.3.6, judged there; this scenario judges the forms of the ClientURIs that came. */
const COUNT_RULE = '5.3.6/get';

/** A ClientURI parameter with a query, an x-name or a wildcard (§6.1.1). */
function usesExtendedForm(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('urn:') && /[?*]|\([A-Za-z]\)/.test(value);
}

/** Whether a Package#2 carries a command one of whose ClientURIs uses an extended form. */
function carriesExtendedForm(package2: Package2View): boolean {
  return package2.CMD.some((entry) => entry.slice(1).some(usesExtendedForm));
}

test.describe('6.1 ClientURI', () => {
  test(
    'ClientURIs with x-names, nv and lv queries and wildcards arrive as meant and their multi-part results are accepted',
    { tag: ['@6.1/client-uri-forms'], annotation: [REQUIREMENT] },
    async ({ device, server }) => {
      if (!server.configured('queuePackage2')) {
        // No trigger: a command with such a ClientURI the server sends of its own accord is judged.
        const transcript = await device.session(untilReported(carriesExtendedForm));
        const arrival = expectArrival(
          transcript,
          carriesExtendedForm,
          { trigger: 'queuePackage2', prompted: false, what: 'a ClientURI with a query, an x-name or a wildcard' },
          { rule: 'the server sends an extended ClientURI' },
        );
        for (const [index, entry] of arrival.package2.CMD.entries()) {
          if (entry.slice(1).some(usesExtendedForm) && typeof entry[0] === 'string') {
            expectCommandWellFormed({ CMD: [entry] }, entry[0], {
              seq: arrival.seq,
              rule: `CMD/${index} has well-formed parameters`,
              parameters: 'ClientURI',
            });
          }
        }
        const report = reportOf(arrival, transcript, { rule: 'the server accepts the results of commands with extended ClientURIs' });
        expectPackage2(report.reply, {
          rule: 'the server accepts the Package#3 carrying the results of commands with extended ClientURIs and answers with a Package#2',
        });
        return;
      }
      await server.queuePackage2({ CMD: EXTENDED_FORMS });
      const transcript = await device.session(untilReported(carriesQueued(EXTENDED_FORMS)));
      const arrival = expectArrival(
        transcript,
        carriesQueued(EXTENDED_FORMS),
        { trigger: 'queuePackage2', prompted: true, what: 'the queued GETs' },
        { rule: 'the server sends the queued GETs' },
      );
      const positions = queuedPositions(arrival.package2, EXTENDED_FORMS) ?? [];
      const entries = positions.map((index) => ({ entry: arrival.package2.CMD[index] ?? [], index }));
      entries.forEach(({ entry, index }, n) => {
        expectCommandWellFormed({ CMD: [entry] }, 'GET', {
          seq: arrival.seq,
          rule: `GET (CMD/${index}) has a well-formed ClientURI`,
          parameters: 'ClientURI',
          countRule: COUNT_RULE,
        });
        expectAsQueued(entry, EXTENDED_FORMS[n] ?? [], {
          seq: arrival.seq,
          rule: `the ClientURI arrives as queued, its x-names, queries and wildcards kept (CMD/${index})`,
          countRule: COUNT_RULE,
        });
      });
      expectParameterCount(entries, COUNT_RULE, { seq: arrival.seq, rule: 'each queued GET has its ClientURI' });
      positions.forEach((at) => {
        const status = arrival.round.outcomes?.[at]?.status?.sc;
        precondition(status === 200, {
          seq: arrival.seq,
          precondition: `dmct's device resolves the ClientURI of CMD/${at} and returns its data (200)`,
          observed: `status ${status ?? 'none'}`,
        });
      });
      const report = reportOf(arrival, transcript, { rule: 'the server accepts the results of GETs with extended ClientURIs' });
      expectPackage2(report.reply, {
        rule: 'the server accepts the Package#3 carrying one MO data entry per wildcard match and answers with a Package#2',
      });
    },
  );
});
