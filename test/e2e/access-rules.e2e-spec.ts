import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { ACCESS_KEY } from '../../src/auth/access.decorator';
import { createTestApp, TestApp } from '../support/app';

/** Deny by default is only safe if nobody forgets a rule: every route of the running app must declare one. */
describe('access rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('declares who may call every route of the running app', () => {
    const discovery = t.app.get(DiscoveryService);
    const reflector = t.app.get(Reflector);
    const scanner = new MetadataScanner();
    const routes: string[] = [];
    const undeclared: string[] = [];
    for (const wrapper of discovery.getControllers()) {
      const proto = Object.getPrototypeOf(wrapper.instance);
      for (const name of scanner.getAllMethodNames(proto)) {
        const handler = proto[name];
        if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const route = `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler)]} ${wrapper.name}.${name}`;
        routes.push(route);
        if (!reflector.getAllAndOverride(ACCESS_KEY, [handler, wrapper.metatype as object])) undeclared.push(route);
      }
    }
    expect(routes.length).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });
});
