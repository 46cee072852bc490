import { HttpResponse, http, type RequestHandler } from 'msw';
import { ddfDocument, DDF_MEDIA_TYPE } from './ddf-documents.js';
import { DDF_FILES, DEFAULT_DEV_INFO, ddfUrls } from './device-tree.js';
import type { ReferenceClient } from './reference-client.js';

/**
 * The reference client's DDFs (section 6.4) over HTTP: `GET /ddf/<file>` answers the DDF of the MO
 * that file names, written afresh from the tree, or 404. Read-only and free of secrets, like a
 * manufacturer's published DDF; it is served next to the HTTP notification endpoint.
 */
export function ddfHandlers(client: ReferenceClient, origin: string): RequestHandler[] {
  const moidOf = new Map(Object.entries(DDF_FILES).map(([moid, file]) => [file, moid]));
  return [
    http.get(`${origin}/ddf/:file`, ({ params }) => {
      const moid = typeof params.file === 'string' ? moidOf.get(params.file) : undefined;
      const document =
        moid === undefined
          ? undefined
          : ddfDocument(client.tree, moid, { man: DEFAULT_DEV_INFO.man, mod: DEFAULT_DEV_INFO.mod }, client.faults);
      if (document === undefined) return HttpResponse.json({ error: 'no such DDF' }, { status: 404 });
      return new HttpResponse(document, { headers: { 'content-type': `${DDF_MEDIA_TYPE}; charset=utf-8` } });
    }),
  ];
}

/** Points every MOS `DDF` link of the client at `base` (a URL ending in `/`), where it serves its DDFs. */
export function publishDdfs(client: ReferenceClient, base: string): void {
  for (const [moid, url] of Object.entries(ddfUrls(base))) client.tree.setDdf(moid, url);
}
