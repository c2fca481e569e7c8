import { writeFileSync } from 'node:fs';
import { API_TYPES_FILE, apiTypesDrift, openApiDocumentOffline, REGENERATE_HINT, renderApiTypes } from './api-types';

/**
 * Writes web/src/api/schema.d.ts from the API's OpenAPI document (no database or server needed):
 *   npm run api-types            regenerate
 *   npm run api-types -- --check exit 1 with a diff when the checked-in file is stale
 */
async function main(): Promise<void> {
  const types = await renderApiTypes(await openApiDocumentOffline());
  if (process.argv.includes('--check')) {
    const drift = apiTypesDrift(types);
    if (!drift) return;
    process.stderr.write(`${REGENERATE_HINT}\n\n${drift}\n`);
    process.exitCode = 1;
    return;
  }
  writeFileSync(API_TYPES_FILE, types);
  process.stdout.write(`wrote ${API_TYPES_FILE}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
