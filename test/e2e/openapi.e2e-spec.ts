import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, type AccessRule } from '../../src/auth/access.decorator';
import { createTestApp, TestApp } from '../support/app';

interface Operation {
  operationId: string;
  parameters?: { name: string; in: string; schema?: object }[];
  requestBody?: { content: Record<string, { schema?: { $ref?: string; properties?: object } }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
  security?: Record<string, string[]>[];
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, Record<string, unknown>>; required?: string[] }> };
}
interface Route {
  key: string; // 'GET /api/cases/{caseNo}'
  isPublic: boolean;
  takesBody: boolean;
}

const ERROR_BODY = '#/components/schemas/ErrorBody';
const join = (...parts: string[]) => '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');

/** The document a client generator or the API fuzzer reads must describe the API that is actually running. */
describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: Document;
  let routes: Route[];
  const operations = () => Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })));
  const operation = (key: string) => operations().find((o) => o.key === key)!.op;

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await t.http().get('/api/docs-json').expect(200)).body;
    routes = discoverRoutes();
  });
  afterAll(() => t.close());

  /** Every handler of the running app with its HTTP method and path (as access-rules.e2e-spec.ts finds them). */
  function discoverRoutes(): Route[] {
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    return t.app.get(DiscoveryService).getControllers().flatMap((wrapper) => {
      const proto = Object.getPrototypeOf(wrapper.instance);
      const base = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) as string;
      return scanner.getAllMethodNames(proto).flatMap((name) => {
        const handler = proto[name];
        const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
        if (path === undefined) return [];
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
        const rule = reflector.getAllAndOverride<AccessRule>(ACCESS_KEY, [handler, wrapper.metatype as object]);
        const args = Reflect.getMetadata(ROUTE_ARGS_METADATA, wrapper.metatype as object, name) ?? {};
        return [{
          key: `${method} ${join('api', base, path).replace(/:(\w+)/g, '{$1}')}`,
          isPublic: !!rule && 'public' in rule,
          takesBody: Object.keys(args).some((k) => k.startsWith(`${RouteParamtypes.BODY}:`)),
        }];
      });
    });
  }

  it('describes every route of the running app, and nothing else', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.map((r) => r.key).sort()).toEqual(operations().map((o) => o.key).sort());
  });

  it('gives every route that takes a body a request schema', () => {
    const bodyless = routes.filter((r) => r.takesBody).filter((r) => {
      const content = operation(r.key).requestBody?.content['application/json'];
      const ref = content?.schema?.$ref?.split('/').pop();
      return !ref || !doc.components.schemas[ref]?.properties;
    });
    expect(bodyless.map((r) => r.key)).toEqual([]);
    for (const upload of ['POST /api/portal/uploads', 'POST /api/institutions/import']) {
      expect(operation(upload).requestBody?.content['multipart/form-data']?.schema?.properties).toHaveProperty('file');
    }
  });

  it('asks for a bearer token on every route except the public ones', () => {
    for (const r of routes) expect([r.key, operation(r.key).security]).toEqual([r.key, r.isPublic ? [] : [{ bearer: [] }]]);
    expect(routes.filter((r) => r.isPublic).map((r) => r.key)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'GET /api/health']));
  });

  it('declares the error body for the errors each operation can answer', () => {
    for (const { key, op } of operations()) {
      const route = routes.find((r) => r.key === key)!;
      const expected = [
        ...(op.parameters?.length || op.requestBody ? ['400', '404', '422'] : []),
        ...(route.isPublic ? [] : ['401', '403']),
        ...(key.startsWith('GET ') ? [] : ['409', '422']),
        ...(op.requestBody ? ['413'] : []), // a body past its limit: 100 KB of JSON, an upload's UPLOAD_MAX_BYTES
        '503', // an outage of PostgreSQL, Redis or Temporal: "try again", not "contact the administrator"
      ];
      expect([key, Object.keys(op.responses)]).toEqual([key, expect.arrayContaining(expected)]);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) >= 400) expect([key, status, response.content?.['application/json']?.schema?.$ref]).toEqual([key, status, ERROR_BODY]);
      }
    }
    expect(doc.components.schemas.ErrorBody.required).toEqual(['code', 'message']);
    expect(Object.keys(operation('POST /api/auth/login').responses)).toEqual(expect.arrayContaining(['401', '429']));
  });

  // a client generator or the fuzzer can check an answer only against a declared schema (README, "API conventions")
  it('describes the 2xx answer of every operation (or answers 204)', () => {
    // JSON, or a file (a document's PDF or .docx) described as binary content of its own type
    const typed = (op: Operation) => Object.entries(op.responses)
      .some(([status, r]) => status === '204' || (status.startsWith('2') && Object.values(r.content ?? {}).some((c) => !!c.schema)));
    expect(operations().filter(({ op }) => !typed(op)).map((o) => o.key)).toEqual([]);
    expect(operation('GET /api/documents/{id}/pdf').responses['200'].content).toEqual({ 'application/pdf': { schema: { type: 'string', format: 'binary' } } });
    expect(operation('GET /api/tasks').responses['200'].content?.['application/json'].schema?.$ref).toBe('#/components/schemas/WorklistPageDto');
  });

  it('carries the validation rules of request bodies and queries into their schemas', () => {
    const openCase = doc.components.schemas.OpenCaseDto;
    expect(openCase.required).toEqual(expect.arrayContaining(['uscc', 'behaviourCode', 'facts', 'source']));
    expect(openCase.properties).toMatchObject({
      uscc: { pattern: '^[0-9A-HJ-NP-RTUW-Y]{18}$' },
      behaviourCode: { pattern: '^[A-Z]{2,5}-\\d{3}$' },
      facts: { minLength: 10, maxLength: 5000 },
      source: { enum: expect.arrayContaining(['complaint', 'inspection']) },
    });
    const pageSize = operation('GET /api/cases').parameters!.find((p) => p.name === 'pageSize');
    expect(pageSize).toMatchObject({ in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100 } });
    expect(operation('POST /api/tasks/{id}/claim').parameters).toEqual([expect.objectContaining({ name: 'id', schema: { type: 'string', format: 'uuid' } })]);
    const complete = doc.components.schemas.CompleteTaskDto;
    expect(complete.required).toEqual(['summary']);
    expect(complete.properties?.measures).toMatchObject({ type: 'array', maxItems: 20 });
  });
});
