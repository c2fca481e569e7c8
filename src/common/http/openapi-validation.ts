import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { ApiProperty, type ApiPropertyOptions } from '@nestjs/swagger';

/*
 * The validation rules of every DTO, as OpenAPI property metadata — what the @nestjs/swagger CLI plugin's
 * class-validator shim would emit, read at run time from class-validator's own registry. The build is plain
 * `tsc` and the tests run through SWC, neither of which runs the plugin's transformer; reading the registry keeps
 * the document in step with the validators without a generated file to forget. Explicit `@ApiProperty` wins.
 */

const API_MODEL_PROPERTIES = 'swagger/apiModelProperties'; // DECORATORS.API_MODEL_PROPERTIES, not exported by the package

/** The subset of @ApiProperty options that validation rules imply. */
interface PropertyMeta {
  required?: boolean;
  type?: unknown;
  isArray?: boolean;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
}

// our own constraints (src/common/validation) as the shapes they accept
const CUSTOM: Record<string, Partial<PropertyMeta>> = {
  isUscc: { type: String, pattern: '^[0-9A-HJ-NP-RTUW-Y]{18}$', description: '统一社会信用代码（GB 32100-2015，含校验位）' },
  isIdNumber: { type: String, pattern: '^\\d{17}[\\dX]$', description: '居民身份证号码（GB 11643-1999，含校验位）' },
};

function fromRule(rule: ValidationMetadata, meta: PropertyMeta): void {
  const [a, b] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString': meta.type ??= String; break;
    case 'isBoolean': meta.type = Boolean; break;
    case 'isInt': meta.type = 'integer'; break;
    case 'isNumber': meta.type ??= Number; break;
    case 'isObject': meta.type ??= Object; break;
    case 'isIn': meta.enum = [...(a as unknown[])]; break;
    case 'isEnum': meta.enum = Object.values(a as object).filter((v) => typeof v !== 'number' || !(v in (a as object))); break;
    case 'min': meta.minimum = a as number; break;
    case 'max': meta.maximum = a as number; break;
    case 'isLength': meta.minLength = a as number; if (b !== undefined) meta.maxLength = b as number; break;
    case 'minLength': meta.minLength = a as number; break;
    case 'maxLength': meta.maxLength = a as number; break;
    case 'isNotEmpty': meta.minLength ??= 1; break;
    case 'matches': meta.pattern = (a as RegExp).source ?? String(a); break;
    case 'isUUID': meta.format = 'uuid'; break;
    case 'isEmail': meta.format = 'email'; break;
    default: Object.assign(meta, CUSTOM[rule.name ?? ''] ?? {});
  }
}

function fromArrayRule(rule: ValidationMetadata, meta: PropertyMeta): boolean {
  const [a] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isArray': meta.isArray = true; return true;
    case 'arrayMinSize': meta.minItems = a as number; return true;
    case 'arrayMaxSize': meta.maxItems = a as number; return true;
    case 'arrayNotEmpty': meta.minItems ??= 1; return true;
    default: return false;
  }
}

/** One property's rules → the metadata @ApiProperty would take. */
function describe(rules: ValidationMetadata[]): PropertyMeta {
  const meta: PropertyMeta = { required: true };
  const items: PropertyMeta = {};
  for (const rule of rules) {
    if (rule.type === ValidationTypes.CONDITIONAL_VALIDATION) meta.required = false; // @IsOptional, @ValidateIf
    if (rule.type !== ValidationTypes.CUSTOM_VALIDATION) continue;
    if (fromArrayRule(rule, meta)) continue;
    fromRule(rule, rule.each ? items : meta);
  }
  if (rules.some((r) => r.each)) {
    meta.isArray = true;
    Object.assign(meta, items); // @nestjs/swagger puts enum, pattern and lengths of an isArray property on its items
  }
  if (meta.type === undefined) delete meta.type;
  return meta;
}

/** Adds what each validated property's rules imply to its @ApiProperty metadata (creating it when absent). */
export function describeValidatedModels(): void {
  // the registry is a Map from class to its rules; class-validator has no public accessor for all of them
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, ValidationMetadata[]> };
  for (const [target, rules] of storage.validationMetadatas) {
    const byProperty = new Map<string, ValidationMetadata[]>();
    for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);
    for (const [property, own] of byProperty) {
      const derived = describe(own);
      const declared = (Reflect.getMetadata(API_MODEL_PROPERTIES, target.prototype, property) ?? {}) as PropertyMeta;
      // a type @ApiProperty only took from an unannotated initialiser (`page = 1` → Object) yields to the rules
      const type = declared.type === undefined || declared.type === Object ? (derived.type ?? declared.type) : declared.type;
      ApiProperty({ ...derived, ...declared, type } as ApiPropertyOptions)(target.prototype, property);
    }
  }
}
