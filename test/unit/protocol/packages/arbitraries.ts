import fc from 'fast-check';
import {
  COMMANDS,
  MARKS,
  SESSION_ALERT_TYPES,
  STATUS_CODES,
  formatClientUri,
  type ClientUri,
  type GenericAlert,
  type InstanceSelector,
  type MoData,
  type NodeSegment,
  type Package1,
  type Package2,
  type Package3,
  type ParameterKind,
} from '../../../../src/protocol/index.js';

const unreserved = fc.stringMatching(/^[A-Za-z0-9\-._~]{1,8}$/);
const xName = fc.constantFrom('a', 'b', 'x', 'y', 'Z');
export const moid = fc.stringMatching(/^urn:oma:mo:[a-z][a-z0-9-]{0,10}:[0-9]\.[0-9]$/);

const instance: fc.Arbitrary<InstanceSelector> = fc.oneof(
  unreserved.map((miid) => ({ kind: 'miid' as const, miid })),
  xName.map((name) => ({ kind: 'x-name' as const, name })),
  fc.constant({ kind: 'only' as const }),
  fc.constant({ kind: 'all' as const }),
);

const segment: fc.Arbitrary<NodeSegment> = fc.oneof(
  unreserved.filter((name) => name !== '*').map((name) => ({ kind: 'real-name' as const, name })),
  xName.map((name) => ({ kind: 'x-name' as const, name })),
  fc.constant({ kind: 'wildcard' as const }),
);

/** A parsed ClientURI with every feature of §6.1.1. */
export const clientUri: fc.Arbitrary<ClientUri> = fc.record({
  moid,
  instance,
  path: fc.array(segment, { maxLength: 5 }),
  query: fc.record(
    {
      lv: fc.integer({ min: 1, max: 1000 }),
      nv: fc.array(
        fc.record({ xName, path: fc.array(unreserved, { maxLength: 3 }), value: fc.string({ unit: 'grapheme', maxLength: 12 }) }),
        { maxLength: 3 },
      ),
      cv: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }),
      unknown: fc.array(
        fc.record(
          {
            name: fc.stringMatching(/^[a-z]{1,6}$/).filter((n) => !['lv', 'nv', 'cv'].includes(n)),
            value: fc.stringMatching(/^[A-Za-z0-9]{0,6}$/),
          },
          { requiredKeys: ['name'] },
        ),
        { maxLength: 2 },
      ),
    },
    { requiredKeys: ['nv', 'unknown'] },
  ),
});

export const clientUriText = clientUri.map(formatClientUri);
export const serverUri = fc.webUrl({ withQueryParameters: true });
const jsonObject = fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });

/** A Generic Alert the text allows (§5.4). */
export const genericAlert: fc.Arbitrary<GenericAlert> = fc
  .record(
    {
      AlertType: fc.string({ minLength: 1, maxLength: 40 }),
      SourceURI: clientUriText,
      TargetURI: clientUriText,
      Mark: fc.constantFrom(...MARKS),
      data: fc.record({ DataType: fc.string({ minLength: 1, maxLength: 20 }), Data: jsonObject }),
    },
    { requiredKeys: ['AlertType'] },
  )
  .map(({ data, ...alert }) => ({ ...alert, ...(data ?? {}) }));

const sessionAlert = fc.constantFrom(...SESSION_ALERT_TYPES).map((AlertType): GenericAlert => ({ AlertType }));

export const package1: fc.Arbitrary<Package1> = fc.record(
  {
    MOS: fc.array(fc.record({ DDF: serverUri, MOID: moid, MIID: fc.array(unreserved, { maxLength: 3 }) }), { maxLength: 3 }),
    Alert: fc.tuple(sessionAlert, fc.array(genericAlert, { maxLength: 2 })).map(([first, rest]) => [first, ...rest]),
  },
  { requiredKeys: ['Alert'] },
);

const parameterValue = (kind: ParameterKind): fc.Arbitrary<string> =>
  kind === 'ServerURI' ? serverUri : kind === 'ClientURI' ? clientUriText : moid;

const command = fc
  .constantFrom(...COMMANDS.filter((c) => c.name !== 'END'))
  .chain((spec) =>
    fc
      .tuple(...spec.params.map((param) => fc.array(parameterValue(param.name), { minLength: param.min, maxLength: param.max ?? 3 })))
      .map((groups) => [spec.name, ...groups.flat()] as [string, ...string[]]),
  );

export const package2: fc.Arbitrary<Package2> = fc
  .tuple(fc.array(command, { minLength: 1, maxLength: 6 }), fc.boolean())
  .map(([CMD, end]) => ({ CMD: end ? [...CMD, ['END'] as [string]] : CMD }));

const statusCode = fc.oneof(fc.constantFrom(...STATUS_CODES.map((s) => s.code)), fc.integer({ min: 1000, max: 1999 }));

export const package3: fc.Arbitrary<Package3> = fc.record(
  {
    Status: fc.array(fc.record({ sc: statusCode, URI: fc.array(clientUriText, { maxLength: 2 }) }, { requiredKeys: ['sc'] }), {
      maxLength: 6,
    }),
    Alert: fc.array(genericAlert, { maxLength: 2 }),
  },
  { requiredKeys: ['Status'] },
);

export const moData: fc.Arbitrary<MoData> = fc.array(
  fc.record(
    { ClientURI: clientUriText, MOData: jsonObject, DDF: serverUri, CV: fc.string({ maxLength: 8 }) },
    { requiredKeys: ['ClientURI', 'MOData'] },
  ),
  { maxLength: 4 },
);
