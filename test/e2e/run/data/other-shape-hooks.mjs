/**
 * The module trigger of the other-shape server's claims (test/unit/run/foreign-target.test.ts):
 * queuePackage2 maps dmct's Package#2 onto the server's `script` API ({"pkg": {"cmd": [...]}}).
 */
export async function queuePackage2(input, { signal }) {
  const response = await fetch(`${input.adminUrl}/units/${encodeURIComponent(input.devId)}/script`, {
    method: 'POST',
    headers: { 'x-api-key': input.adminToken, 'content-type': 'application/json' },
    body: JSON.stringify({ pkg: { cmd: input.package2.CMD } }),
    signal,
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`script: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}
