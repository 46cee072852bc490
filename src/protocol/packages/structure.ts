import { UNKNOWN_MEMBER_SEVERITY } from '../interpretations/packages.js';
import { compileSchema, type SchemaValidator, type SchemaViolation } from '../json-schema.js';
import { genericAlertSchema, type GenericAlert } from '../schemas/generic-alert.schema.js';
import { moDataSchema, type MoData } from '../schemas/mo-data.schema.js';
import { package1Schema, type Package1 } from '../schemas/package1.schema.js';
import { package2Schema, type Package2 } from '../schemas/package2.schema.js';
import { package3Schema, type Package3 } from '../schemas/package3.schema.js';
import type { Violation } from '../violation.js';

/** The JSON documents of §7.2.1 that dmct validates. */
export interface DocumentTypes {
  package1: Package1;
  package2: Package2;
  package3: Package3;
  'mo-data': MoData;
  'generic-alert': GenericAlert;
}

/** One of the JSON documents of §7.2.1. */
export type DocumentKind = keyof DocumentTypes;

/** The section of the approved text that defines each document's JSON format. */
export const DOCUMENT_SECTIONS: Readonly<Record<DocumentKind, string>> = {
  package1: '7.2.1.1',
  package2: '7.2.1.2',
  package3: '7.2.1.3',
  'mo-data': '7.2.1.4',
  'generic-alert': '7.2.1.5',
};

type Validators = { [K in DocumentKind]: SchemaValidator<DocumentTypes[K]> };
let validators: Validators | undefined;

function compiled(): Validators {
  if (validators) return validators;
  // The package schemas refer to the Generic Alert schema by $id, so it must be known first.
  const genericAlert = compileSchema<GenericAlert>(genericAlertSchema);
  validators = {
    'generic-alert': genericAlert,
    package1: compileSchema<Package1>(package1Schema),
    package2: compileSchema<Package2>(package2Schema),
    package3: compileSchema<Package3>(package3Schema),
    'mo-data': compileSchema<MoData>(moDataSchema),
  };
  return validators;
}

interface NamedRule {
  keyword: string;
  pointer: RegExp;
  rule: string;
  section: string;
}

const ALERT = '(?:^|/Alert/\\d+)';
const alertRule = (keyword: string, member: string, rule: string, section = '5.4'): NamedRule => ({
  keyword,
  pointer: new RegExp(`${ALERT}/${member}$`),
  rule,
  section,
});

/** Stable rule ids for the schema failures a target is most likely to commit. */
const NAMED_RULES: readonly NamedRule[] = [
  alertRule('dependentRequired', 'DataType', 'alert-data-type-missing'),
  alertRule('enum', 'Mark', 'alert-mark-unknown'),
  alertRule('required', 'AlertType', 'alert-type-missing'),
  alertRule('minLength', 'AlertType', 'alert-type-empty'),
  alertRule('minLength', 'DataType', 'alert-data-type-empty'),
  alertRule('type', 'Data', 'alert-data-not-object', '7.2.1.5'),
  alertRule('type', '(?:AlertType|SourceURI|TargetURI|DataType)', 'alert-member-type', '7.2.1.5'),
  { keyword: 'type', pointer: /^\/Alert\/\d+$/, rule: 'alert-not-object', section: '7.2.1.5' },
  { keyword: 'type', pointer: /^\/Alert$/, rule: 'alert-array-type', section: '7.2.1.5' },
  { keyword: 'required', pointer: /^\/CMD$/, rule: 'package2-cmd-missing', section: '7.2.1.2' },
  { keyword: 'type', pointer: /^\/CMD$/, rule: 'package2-cmd-not-array', section: '7.2.1.2' },
  { keyword: 'type', pointer: /^\/CMD\/\d+$/, rule: 'command-not-array', section: '7.2.1.2' },
  { keyword: 'minItems', pointer: /^\/CMD\/\d+$/, rule: 'command-empty', section: '7.2.1.2' },
  { keyword: 'type', pointer: /^\/CMD\/\d+\/0$/, rule: 'command-name-not-string', section: '7.2.1.2' },
  { keyword: 'type', pointer: /^\/CMD\/\d+\/\d+$/, rule: 'command-param-not-string', section: '7.2.1.2' },
  { keyword: 'required', pointer: /^\/Status$/, rule: 'package3-status-missing', section: '7.2.1.3' },
  { keyword: 'type', pointer: /^\/Status$/, rule: 'package3-status-not-array', section: '7.2.1.3' },
  { keyword: 'type', pointer: /^\/Status\/\d+$/, rule: 'status-not-object', section: '7.2.1.3' },
  { keyword: 'required', pointer: /^\/Status\/\d+\/sc$/, rule: 'status-code-missing', section: '7.2.1.3' },
  { keyword: 'type', pointer: /^\/Status\/\d+\/sc$/, rule: 'status-code-not-integer', section: '7.2.1.3' },
  { keyword: 'type', pointer: /^\/Status\/\d+\/URI(?:\/\d+)?$/, rule: 'status-uri-type', section: '7.2.1.3' },
  { keyword: 'type', pointer: /^\/MOS(?:\/\d+)?$/, rule: 'mos-type', section: '7.2.1.1' },
  { keyword: 'required', pointer: /^\/MOS\/\d+\/\w+$/, rule: 'mos-member-missing', section: '5.2.2' },
  { keyword: 'type', pointer: /^\/MOS\/\d+\//, rule: 'mos-member-type', section: '7.2.1.1' },
  { keyword: 'minLength', pointer: /^\/MOS\/\d+\/MOID$/, rule: 'mos-moid-empty', section: '5.2.2' },
  { keyword: 'required', pointer: /^\/\d+\/ClientURI$/, rule: 'mo-data-client-uri-missing', section: '7.2.1.4' },
  { keyword: 'required', pointer: /^\/\d+\/MOData$/, rule: 'mo-data-modata-missing', section: '7.2.1.4' },
  { keyword: 'type', pointer: /^\/\d+\/MOData$/, rule: 'mo-data-modata-not-object', section: '7.2.1.4' },
  { keyword: 'type', pointer: /^\/\d+(?:\/\w+)?$/, rule: 'mo-data-member-type', section: '7.2.1.4' },
];

const kebab = (text: string): string => text.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

function toViolation(kind: DocumentKind, found: SchemaViolation): Violation {
  const applicable =
    kind === 'mo-data' ? NAMED_RULES.filter((r) => r.rule.startsWith('mo-data')) : NAMED_RULES.filter((r) => !r.rule.startsWith('mo-data'));
  const pointer = found.rule === 'dependentRequired' ? `${found.pointer}/DataType` : found.pointer;
  const named = applicable.find((candidate) => candidate.keyword === found.rule && candidate.pointer.test(pointer));
  if (found.pointer === '' && found.rule === 'type') {
    const expected = kind === 'mo-data' ? 'an array' : 'an object';
    return {
      rule: `${kind}-root-type`,
      section: DOCUMENT_SECTIONS[kind],
      severity: 'error',
      message: `the document must be ${expected}`,
      pointer,
    };
  }
  return {
    rule: named?.rule ?? `${kind}-schema-${kebab(found.rule)}`,
    section: named?.section ?? DOCUMENT_SECTIONS[kind],
    severity: 'error',
    message: found.message,
    pointer,
  };
}

/** The members the schemas define for each object shape, read from the schemas themselves. */
const MEMBERS = {
  package1: Object.keys(package1Schema.properties),
  supportedMo: Object.keys(package1Schema.$defs.SupportedMo.properties),
  package2: Object.keys(package2Schema.properties),
  package3: Object.keys(package3Schema.properties),
  status: Object.keys(package3Schema.$defs.Status.properties),
  alert: Object.keys(genericAlertSchema.properties),
  moDataEntry: Object.keys(moDataSchema.$defs.MoDataEntry.properties),
};

function unknownMembers(object: object, known: readonly string[], pointer: string, section: string): Violation[] {
  return Object.keys(object)
    .filter((key) => !known.includes(key))
    .map((key) => ({
      rule: 'unknown-member',
      section,
      severity: UNKNOWN_MEMBER_SEVERITY,
      message: `member ${JSON.stringify(key)} is not defined by the text`,
      pointer: `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`,
    }));
}

/**
 * Validates a parsed JSON value against the schema of its document kind (§7.2.1). Returns the
 * typed value when the structure is valid, every schema failure as a violation with a stable rule
 * id, and `unknown-member` notes for members the text does not define (whether or not the rest is valid).
 */
export function checkStructure<K extends DocumentKind>(kind: K, value: unknown): { value?: DocumentTypes[K]; violations: Violation[] } {
  const validate = compiled()[kind] as SchemaValidator<DocumentTypes[K]>;
  const result = validate(value);
  if (!result.ok) return { violations: [...result.violations.map((found) => toViolation(kind, found)), ...undefinedMembers(kind, value)] };
  return { value: result.value, violations: undefinedMembers(kind, result.value) };
}

/** A plain JSON object (not an array, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The objects of an array member, with their pointers; whatever else the invalid document holds there is skipped. */
function objectsOf(value: unknown, pointer: string): { object: Record<string, unknown>; pointer: string }[] {
  return Array.isArray(value) ? value.flatMap((item, i) => (isObject(item) ? [{ object: item, pointer: `${pointer}/${i}` }] : [])) : [];
}

function unknownMembersIn(value: unknown, pointer: string, known: readonly string[], section: string): Violation[] {
  return objectsOf(value, pointer).flatMap(({ object, pointer: at }) => unknownMembers(object, known, at, section));
}

/**
 * Members the text does not define, at every level of a document: walked leniently, so they are
 * noted in a document whose structure is invalid too, where they may explain the failure (a
 * `Status` member where `CMD` was due, `sc` spelt otherwise).
 */
function undefinedMembers(kind: DocumentKind, value: unknown): Violation[] {
  if (kind === 'mo-data') return unknownMembersIn(value, '', MEMBERS.moDataEntry, '7.2.1.4');
  if (!isObject(value)) return [];
  switch (kind) {
    case 'package1':
      return [
        ...unknownMembers(value, MEMBERS.package1, '', '7.2.1.1'),
        ...unknownMembersIn(value.MOS, '/MOS', MEMBERS.supportedMo, '7.2.1.1'),
        ...unknownMembersIn(value.Alert, '/Alert', MEMBERS.alert, '7.2.1.5'),
      ];
    case 'package2':
      return unknownMembers(value, MEMBERS.package2, '', '7.2.1.2');
    case 'package3':
      return [
        ...unknownMembers(value, MEMBERS.package3, '', '7.2.1.3'),
        ...unknownMembersIn(value.Status, '/Status', MEMBERS.status, '7.2.1.3'),
        ...unknownMembersIn(value.Alert, '/Alert', MEMBERS.alert, '7.2.1.5'),
      ];
    default:
      return unknownMembers(value, MEMBERS.alert, '', '7.2.1.5');
  }
}
