import type { OpenAPIObject } from '@nestjs/swagger';
import { apiTypesDrift, openApiDocumentOffline, REGENERATE_HINT, renderApiTypes } from '../../scripts/api-types';
import { createTestApp, TestApp } from '../support/app';

/**
 * The web console's API types (web/src/api/schema.d.ts) are generated from the OpenAPI document and checked in; a
 * server change that is not regenerated must fail here, with the diff, before it reaches the console as an empty cell.
 */
describe('Generated web API types', () => {
  let t: TestApp;
  let served: OpenAPIObject;

  beforeAll(async () => {
    t = await createTestApp();
    served = (await t.http().get('/api/docs-json').expect(200)).body as OpenAPIObject;
  });
  afterAll(() => t.close());

  it('are generated from the same document the running API serves (the generator needs no database)', async () => {
    expect(await openApiDocumentOffline()).toEqual(served);
  });

  it('match the checked-in web/src/api/schema.d.ts', async () => {
    const drift = apiTypesDrift(await renderApiTypes(served));
    expect(drift ? `${REGENERATE_HINT}\n\n${drift}` : 'up to date').toBe('up to date');
  });

  it('report a response field the server drops, with the line that changed', async () => {
    const changed = structuredClone(served);
    const caseView = changed.components!.schemas!.CaseViewDto as { properties: Record<string, unknown>; required: string[] };
    delete caseView.properties.stageLabel;
    caseView.required = caseView.required.filter((f) => f !== 'stageLabel');
    expect(apiTypesDrift(await renderApiTypes(changed))).toMatch(/^-\s+stageLabel: string;$/m);
  });
});
