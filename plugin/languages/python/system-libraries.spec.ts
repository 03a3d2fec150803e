import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectPythonSystemPackages, listLockedDistributions } from './system-libraries';

const lock = (name: string, wheels: string[]) =>
  `[[package]]\nname = "${name}"\nversion = "1"\nwheels = [\n${wheels.map((wheel) => `  { url = "https://files.example/${wheel}" },`).join('\n')}\n]\n`;

describe('detectPythonSystemPackages', () => {
  it('psycopg2 in a real uv.lock (Windows wheels only): gcc + libpq-dev to build, libpq5 to run, psycopg[binary] named', () => {
    const text = readFileSync(join(__dirname, '../../../e2e/fixtures/uv-psycopg2/uv.lock'), 'utf-8');
    const [need, ...rest] = detectPythonSystemPackages(listLockedDistributions('uv.lock', text), '3.11', 'uv.lock');
    expect(rest).toEqual([]);
    expect(need).toMatchObject({ build: ['gcc', 'libpq-dev'], runtime: ['libpq5'] });
    expect(need.reason).toMatch(/^psycopg2 \(uv\.lock\) has no Linux wheel for Python 3\.11.*psycopg\[binary\]/);
  });

  it('lxml only when no wheel fits Linux and the Python in use', () => {
    const withWheel = listLockedDistributions(
      'uv.lock',
      lock('lxml', ['lxml-6.0.0-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl']),
    );
    expect(detectPythonSystemPackages(withWheel, '3.11', 'uv.lock')).toEqual([]);
    const otherPython = listLockedDistributions(
      'uv.lock',
      lock('lxml', ['lxml-6.0.0-cp312-cp312-manylinux_2_17_x86_64.whl', 'lxml-6.0.0-cp311-cp311-win_amd64.whl']),
    );
    expect(detectPythonSystemPackages(otherPython, '3.11', 'uv.lock')[0]).toMatchObject({
      build: ['gcc', 'libxml2-dev', 'libxslt1-dev'],
      runtime: ['libxml2', 'libxslt1.1'],
    });
    // A requirements file says nothing about wheels: lxml is not guessed, psycopg2 still counts.
    expect(
      detectPythonSystemPackages(
        listLockedDistributions('requirements.txt', 'lxml==6.0.0\nPsycopg2==2.9.13 --hash=sha256:00\n'),
        '3.11',
        'requirements.txt',
      ).map((need) => need.runtime),
    ).toEqual([['libpq5']]);
  });

  it('abi3 and pure wheels fit; mysqlclient from a poetry.lock (files[].file) needs the MariaDB client', () => {
    const abi3 = listLockedDistributions('uv.lock', lock('lxml', ['lxml-6.0.0-cp39-abi3-manylinux_2_28_aarch64.whl']));
    expect(detectPythonSystemPackages(abi3, '3.11', 'uv.lock')).toEqual([]);
    const poetry =
      '[[package]]\nname = "mysqlclient"\nversion = "2.2.7"\nfiles = [\n  {file = "mysqlclient-2.2.7-cp311-cp311-win_amd64.whl", hash = "sha256:00"},\n  {file = "mysqlclient-2.2.7.tar.gz", hash = "sha256:11"},\n]\n';
    expect(
      detectPythonSystemPackages(listLockedDistributions('poetry.lock', poetry), '3.11', 'poetry.lock')[0],
    ).toMatchObject({ build: ['gcc', 'default-libmysqlclient-dev', 'pkg-config'], runtime: ['libmariadb3'] });
  });
});
