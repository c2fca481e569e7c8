import { INestApplication, ParseIntPipe, ParseUUIDPipe } from '@nestjs/common';
import { GUARDS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ParameterObject, ResponseObject, SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ACCESS_KEY, type AccessRule } from '../../auth/access.decorator';
import { describeValidatedModels } from './openapi-validation';
import { CommonErrorCode } from '../errors/common.errors';

export const OPENAPI_PATH = 'api/docs'; // JSON at /api/docs-json
const BEARER = 'bearer';
const USCC_PATH_PATTERN = '^[0-9A-HJ-NP-RTUW-Ya-hj-np-rtuw-y]{18}$';

/** What the document needs to know about a handler that @nestjs/swagger does not read by itself. */
interface RouteFacts {
  isPublic: boolean;
  throttled: boolean;
  /** Path parameters whose pipe fixes their shape (ParseUUIDPipe → uuid, ParseIntPipe → integer). */
  pathShapes: Record<string, SchemaObject>;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: '请求参数不正确（VALIDATION_FAILED、USCC_INVALID 等；details.fields 列出每个字段）',
  401: '未登录或令牌无效（UNAUTHENTICATED）',
  403: '无权执行该操作（FORBIDDEN 等）',
  404: '所指的资源不存在或不属于本机构（*_NOT_FOUND）',
  409: '与当前状态冲突（WRONG_STAGE、DEADLINE_PASSED、TASK_NOT_CLAIMED、DUPLICATE 等）',
  413: '请求内容过大（PAYLOAD_TOO_LARGE：JSON 请求体上限 100 KB，上传文件上限见 UPLOAD_MAX_BYTES）',
  415: '不支持的文件类型',
  422: '业务规则不允许（CALENDAR_YEAR_UNKNOWN 等）',
  429: '请求过于频繁（TOO_MANY_REQUESTS）',
  503: '依赖服务（数据库、Temporal、Redis）暂不可用，或案件流程未及时应答（SERVICE_UNAVAILABLE、CASE_BUSY）；按 Retry-After 稍后重试，写操作重试前先刷新确认',
};

/** Serves the OpenAPI document at /api/docs (UI) and /api/docs-json, complete with error responses and security. */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_PATH, app, () => createOpenApiDocument(app));
}

/**
 * The whole document. It reads only metadata, so an app created with `{ preview: true }` (nothing instantiated, no
 * database) gives the same document as the running API: scripts/generate-api-types.ts relies on that.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  describeValidatedModels();
  const config = new DocumentBuilder()
    .setTitle('edu-credit API')
    .setDescription('教育信用监管系统接口。错误一律为 {code, message, details}：code 供程序判断，message 为中文说明。')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER)
    .build();
  return completeDocument(SwaggerModule.createDocument(app, config), routeFacts(app));
}

/** operationId (`Controller_method`, @nestjs/swagger's default) → the handler's access rule and guards. */
function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const reflector = app.get(Reflector);
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const rule = reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, controller]);
        const guards = [
          ...(reflector.get<unknown[]>(GUARDS_METADATA, controller) ?? []),
          ...(reflector.get<unknown[]>(GUARDS_METADATA, handler) ?? []),
        ];
        facts.set(`${controller.name}_${name}`, {
          isPublic: !!rule && 'public' in rule,
          throttled: guards.some((g) => typeof g === 'function' && g.prototype instanceof ThrottlerGuard),
          pathShapes: pathShapes(Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}),
        });
      }
    }
  }
  return facts;
}

function pathShapes(args: Record<string, { data?: unknown; pipes?: unknown[] }>): Record<string, SchemaObject> {
  const shapes: Record<string, SchemaObject> = {};
  for (const [key, arg] of Object.entries(args)) {
    if (!key.startsWith(`${RouteParamtypes.PARAM}:`) || typeof arg.data !== 'string') continue;
    if (arg.pipes?.some((p) => p instanceof ParseUUIDPipe)) shapes[arg.data] = { type: 'string', format: 'uuid' };
    if (arg.pipes?.some((p) => p instanceof ParseIntPipe)) shapes[arg.data] = { type: 'integer' };
  }
  return shapes;
}

/** The error statuses an operation can answer, from what it takes and who may call it. */
function errorStatuses(path: string, method: string, op: OperationObject, facts: RouteFacts | undefined): number[] {
  const statuses = new Set<number>();
  const takesInput = !!op.requestBody || (op.parameters?.length ?? 0) > 0;
  if (takesInput) statuses.add(400);
  if (!facts?.isPublic) [401, 403].forEach((s) => statuses.add(s));
  if (takesInput) statuses.add(404); // a path id, or a USCC or id in the query or body that names nothing
  if (method !== 'get') statuses.add(409);
  if (method !== 'get' || takesInput) statuses.add(422); // a read can be refused too (CALENDAR_YEAR_UNKNOWN for a date)
  if (facts?.throttled) statuses.add(429);
  const content = (op.requestBody as { content?: object } | undefined)?.content ?? {};
  if (op.requestBody) statuses.add(413); // any body past its limit (100 KB of JSON, an upload's UPLOAD_MAX_BYTES)
  if ('multipart/form-data' in content) statuses.add(415);
  statuses.add(503); // every route reaches PostgreSQL, Redis or Temporal
  return [...statuses];
}

/** Adds the shared error body, the error responses and the bearer requirement to every operation. */
export function completeDocument(doc: OpenAPIObject, facts: Map<string, RouteFacts>): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas ??= {};
  doc.components.schemas.ErrorBody = {
    type: 'object',
    required: ['code', 'message'],
    properties: {
      code: { type: 'string', description: '稳定的机器码，如 USCC_INVALID、TASK_NOT_CLAIMED', example: CommonErrorCode.VALIDATION_FAILED },
      message: { type: 'string', description: '给人看的中文说明', example: '统一社会信用代码不符合 GB 32100-2015 校验规则' },
      details: {
        type: 'object',
        nullable: true,
        description: '补充信息；校验失败时 fields 列出每个字段',
        properties: {
          fields: {
            type: 'array',
            items: {
              type: 'object',
              properties: { field: { type: 'string' }, constraint: { type: 'string' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  };
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (typeof op !== 'object' || !op.responses) continue;
      const route = facts.get(op.operationId ?? '');
      op.security = route?.isPublic ? [] : [{ [BEARER]: [] }];
      for (const p of (op.parameters ?? []) as ParameterObject[]) {
        const shape = p.in === 'path' ? route?.pathShapes[p.name] : undefined;
        if (shape) p.schema = { ...p.schema, ...shape };
        if (p.in === 'path' && p.name === 'uscc') p.schema = { ...p.schema, pattern: USCC_PATH_PATTERN }; // AppValidationPipe
      }
      for (const status of errorStatuses(path, method, op, route)) {
        const declared = op.responses[status] as ResponseObject | undefined;
        op.responses[status] = { ...declared, description: declared?.description ?? ERROR_DESCRIPTIONS[status], content: errorContent };
      }
      // every failure goes through AllExceptionsFilter, whatever a library declared (terminus' 503, say)
      for (const [status, response] of Object.entries(op.responses) as [string, ResponseObject][]) {
        if (Number(status) >= 400) response.content = errorContent;
      }
    }
  }
  return doc;
}
