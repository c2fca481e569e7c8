import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkLockfile, checkRepository, LockFile } from '../../scripts/check-lockfile';

/** The offline dependency check (issue #14 point 11) on the real lock files and on doctored copies of them. */
describe('check-lockfile', () => {
  const root = join(__dirname, '../..');
  const real = (): LockFile => JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as LockFile;

  it('passes the committed package-lock.json and web/package-lock.json', () => {
    expect(checkRepository(root)).toEqual([]);
  });

  it('fails when a new package with an install script appears', () => {
    const lock = real();
    lock.packages!['node_modules/left-pad-postinstall'] = {
      version: '1.0.0', integrity: 'sha512-AAAA', hasInstallScript: true,
    };

    expect(checkLockfile(lock, 'package-lock.json')).toEqual([
      'package-lock.json: left-pad-postinstall@1.0.0 runs an install script and is not in APPROVED_INSTALL_SCRIPTS',
    ]);
  });

  it('fails when a package is resolved from git or another host, or asked for by URL', () => {
    const lock = real();
    lock.packages!['node_modules/jws'] = { version: '4.0.1', resolved: 'git+ssh://git@github.com/someone/jws.git#0123abc' };
    lock.packages!['node_modules/qs'] = { ...lock.packages!['node_modules/qs'], resolved: 'https://npm.example.com/qs/-/qs-6.17.1.tgz' };
    lock.packages!['']!.dependencies = { ...lock.packages!['']!.dependencies, helmet: 'github:someone/helmet' };

    const problems = checkLockfile(lock, 'package-lock.json');

    expect(problems).toHaveLength(3);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('jws@4.0.1 is resolved from git+ssh://'),
      expect.stringContaining('qs@6.17.1 is resolved from https://npm.example.com/'),
      expect.stringContaining('asks for helmet from "github:someone/helmet"'),
    ]));
  });

  it('fails for a tarball dependency that carries no integrity', () => {
    const lock = real();
    lock.packages!['node_modules/vendored'] = { version: '0.1.0' };

    expect(checkLockfile(lock, 'x')).toEqual(['x: vendored@0.1.0 has no sha512 integrity (a git, URL or path dependency?)']);
  });
});
