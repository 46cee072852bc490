import { ASYNC_RESULT_PATH_SEGMENT } from './readings.js';
import type { ServerUrls } from './server-state.js';

/**
 * Placeholders an admin caller may write in queued command parameters, so a trigger needs not
 * know the server's ports: `{{dm}}` the DM endpoint, `{{repo}}` and `{{web}}` the repository and
 * web bases, `{{cont}}` a fresh CONT URI bound to the device (§5.3.8), `{{async}}` the URI where
 * the asynchronous result of this very command is expected (§5.3.5, §5.4.1).
 */
export const COMMAND_TEMPLATES = ['{{dm}}', '{{repo}}', '{{web}}', '{{cont}}', '{{async}}'] as const;

export interface TemplateContext {
  urls: ServerUrls;
  /** A new CONT URI bound to the device. */
  contUri: () => string;
  /** The id the command will be queued under. */
  commandId: string;
}

/** The URI at which the reference server accepts the Package#1 carrying a command's asynchronous result. */
export function asyncResultUri(urls: ServerUrls, commandId: string): string {
  return `${urls.dm}/${ASYNC_RESULT_PATH_SEGMENT}/${encodeURIComponent(commandId)}`;
}

/**
 * Expands the placeholders of one queued command. `["CONT"]` alone is shorthand for
 * `["CONT", "{{cont}}"]`: CONT to a fresh session URI of this server.
 */
export function expandCommandTemplates(command: readonly string[], context: TemplateContext): string[] {
  const entry = command.length === 1 && command[0] === 'CONT' ? ['CONT', '{{cont}}'] : [...command];
  return entry.map((value, index) => {
    if (index === 0) return value;
    return value
      .replaceAll('{{dm}}', context.urls.dm)
      .replaceAll('{{repo}}', context.urls.repo)
      .replaceAll('{{web}}', context.urls.web)
      .replaceAll('{{async}}', asyncResultUri(context.urls, context.commandId))
      .replace(/\{\{cont\}\}/g, () => context.contUri());
  });
}
