import type { INestApplication } from '@nestjs/common';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_KEY, AccessRule, OWN_DATA_KEY } from '../../src/auth/access.decorator';

export interface AppRoute {
  method: string;
  /** Full path as Express sees it, with `:params`, e.g. `/api/cases/:caseNo`. */
  path: string;
  handler: string;
  rule: AccessRule | undefined;
  /** `@OwnDataOnly(param)`: institution accounts may use it only for their own row named by that parameter. */
  ownData: string | undefined;
}

const join = (...parts: (string | undefined)[]) =>
  `/${parts.flatMap((p) => (p ?? '').split('/')).filter(Boolean).join('/')}`;

/** Every route of the running app, read from Nest's own metadata, with the access rule it declares. */
export function routesOf(app: INestApplication, prefix = 'api'): AppRoute[] {
  const discovery = app.get(DiscoveryService);
  const reflector = app.get(Reflector);
  const scanner = new MetadataScanner();
  const routes: AppRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const proto = Object.getPrototypeOf(wrapper.instance);
    const base = Reflect.getMetadata(PATH_METADATA, wrapper.metatype as object) as string | string[] | undefined;
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = proto[name];
      const own = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (own === undefined) continue;
      for (const b of [base].flat()) {
        for (const p of [own].flat()) {
          routes.push({
            method: RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number],
            path: join(prefix, b, p),
            handler: `${wrapper.name}.${name}`,
            rule: reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [handler, wrapper.metatype as object]),
            ownData: reflector.get<string | undefined>(OWN_DATA_KEY, handler),
          });
        }
      }
    }
  }
  return routes;
}

/** `:name` placeholders of a path, in order. */
export const paramsOf = (path: string): string[] => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]);
