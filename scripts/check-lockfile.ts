import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The offline dependency check (issue #14 point 11): `npm audit` cannot reach the advisory endpoint here, so this
 * guards what can be checked without the network, on both lock files:
 * - every package comes from the public registry: a `resolved` URL, when the lock file keeps one, is under
 *   REGISTRY; every entry carries a sha512 `integrity` (a git, tarball-URL or local-path dependency has none);
 *   and package.json asks for no dependency by URL, git, GitHub shorthand or path;
 * - no package runs an install script unless it is on APPROVED_INSTALL_SCRIPTS below, with the reason.
 * Usage: `node dist/scripts/check-lockfile.js` (exit 1 and one line per problem). The unit test runs it too.
 */
export const REGISTRY = 'https://registry.npmjs.org/';

/** Packages whose install script npm may run, and why each was accepted after reading the script. */
export const APPROVED_INSTALL_SCRIPTS: Record<string, string> = {
  // postinstall picks the prebuilt native binary shipped in its platform package (@swc/core-linux-x64-gnu), from the registry
  '@swc/core': 'selects the platform binding, already a registry dependency; downloads nothing',
  // protobufjs 7 (under @grpc/proto-loader, Temporal's client) checks its CLI's peer versions; it writes nothing
  protobufjs: 'postinstall only prints a version warning for pbjs/pbts',
  // node-gyp-build: loads the prebuilt binary from the package or its platform package; compiles only if none fits
  'msgpackr-extract': 'optional native accelerator of BullMQ msgpack; prebuilt binaries ship in registry packages',
  '@parcel/watcher': 'the Vite/Nest CLI file watcher (development only); node-gyp-build of a shipped prebuilt binary',
  // Nest's CLI pulls it in; its postinstall sends an anonymous usage ping, which fails harmlessly offline
  '@scarf/scarf': 'analytics ping of a development dependency; allowScripts turns it off where honoured',
};

export interface LockPackage {
  version?: string;
  resolved?: string;
  integrity?: string;
  link?: boolean;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface LockFile {
  lockfileVersion?: number;
  packages?: Record<string, LockPackage>;
}

/** The package name of a lock entry's path: `node_modules/a/node_modules/@s/b` → `@s/b`. */
export function packageName(path: string): string {
  return path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
}

/** A version range from the registry (`^1.2.0`, `1.x`, `latest`, `npm:other@1`), not a URL, git or path. */
function fromRegistry(spec: string): boolean {
  if (spec.startsWith('npm:')) return fromRegistry(spec.slice(spec.lastIndexOf('@') + 1));
  return !/[:/\\]/.test(spec);
}

/** Problems of one lock file, one line each; empty when it passes. */
export function checkLockfile(lock: LockFile, label: string): string[] {
  const problems: string[] = [];
  if (lock.lockfileVersion !== 3 || !lock.packages) return [`${label}: not an npm lockfile version 3`];
  for (const [path, pkg] of Object.entries(lock.packages)) {
    if (path === '') {
      const specs = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
      for (const [name, spec] of Object.entries(specs)) {
        if (!fromRegistry(spec)) problems.push(`${label}: package.json asks for ${name} from "${spec}", not from the registry`);
      }
      continue;
    }
    const name = packageName(path);
    if (pkg.link) {
      problems.push(`${label}: ${path} is a link to ${pkg.resolved ?? '?'}, not a registry package`);
      continue;
    }
    if (pkg.resolved !== undefined && !pkg.resolved.startsWith(REGISTRY)) {
      problems.push(`${label}: ${name}@${pkg.version ?? '?'} is resolved from ${pkg.resolved}, outside ${REGISTRY}`);
    } else if (!pkg.integrity?.startsWith('sha512-')) {
      problems.push(`${label}: ${name}@${pkg.version ?? '?'} has no sha512 integrity (a git, URL or path dependency?)`);
    }
    if (pkg.hasInstallScript && !(name in APPROVED_INSTALL_SCRIPTS)) {
      problems.push(`${label}: ${name}@${pkg.version ?? '?'} runs an install script and is not in APPROVED_INSTALL_SCRIPTS`);
    }
  }
  return problems;
}

export const LOCKFILES = ['package-lock.json', 'web/package-lock.json'];

export function checkRepository(root: string): string[] {
  return LOCKFILES.flatMap((f) => checkLockfile(JSON.parse(readFileSync(join(root, f), 'utf8')) as LockFile, f));
}

if (require.main === module) {
  // dist/scripts/check-lockfile.js or scripts/check-lockfile.ts: the repository is two or one levels up
  const root = join(__dirname, __dirname.includes('/dist/') ? '../..' : '..');
  const problems = checkRepository(root);
  for (const p of problems) console.error(p);
  if (problems.length) process.exit(1);
  console.log(`lock files clean: ${LOCKFILES.join(', ')}`);
}
