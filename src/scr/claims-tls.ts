import type { SchemaViolation } from '../protocol/json-schema.js';
import type { Claims } from './schemas/claims.schema.js';

/** Largest pre-shared key, in bytes (a PSK is raw bytes, §12.2.1.1). */
export const MAX_PSK_BYTES = 64;

/**
 * Beyond the schema, the transport-security IXIT (claims `tls`, `httpAuth`; §9.2): a certificate
 * comes with its key, a literal PSK is whole hex bytes, and each field is given for the role it
 * serves (the server role's trust and credentials, the client role's CA output and expected
 * credentials), so a field that would be silently ignored is an error instead.
 */
export function checkTransportSecurity(claims: Claims): SchemaViolation[] {
  const found: SchemaViolation[] = [];
  const tls = claims.tls ?? {};
  const onlyFor = (pointer: string, role: Claims['role']) =>
    found.push({ pointer, rule: 'role', message: `applies only when the implementation under test is a ${role} (role is ${claims.role})` });
  if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
    found.push({
      pointer: tls.certFile === undefined ? '/tls/certFile' : '/tls/keyFile',
      rule: 'pair',
      message: 'certFile and keyFile are given together',
    });
  }
  const key = tls.psk?.keyHex;
  if (typeof key === 'string' && !new RegExp(`^([0-9A-Fa-f]{2}){1,${MAX_PSK_BYTES}}$`).test(key)) {
    found.push({ pointer: '/tls/psk/keyHex', rule: 'pattern', message: `is not 1 to ${MAX_PSK_BYTES} bytes of hex digits` });
  }
  if (claims.role === 'client') {
    if (tls.caFile !== undefined) onlyFor('/tls/caFile', 'server');
    if (claims.httpAuth?.send !== undefined) onlyFor('/httpAuth/send', 'server');
    if (tls.serverKeyTypes !== undefined) onlyFor('/tls/serverKeyTypes', 'server');
  } else {
    if (tls.caOutFile !== undefined) onlyFor('/tls/caOutFile', 'client');
    if (claims.httpAuth?.expect !== undefined) onlyFor('/httpAuth/expect', 'client');
  }
  return found;
}
