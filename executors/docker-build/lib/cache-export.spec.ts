import { describe, expect, it } from 'vitest';
import { checkImageOptions } from './check-image-options';
import { explainCacheExport, formatExportAttributes, toExportAttributes } from './cache-export';
import { resolveCache } from './resolve-cache';

describe('cache export attributes', () => {
  it('registry default: mode=max, one OCI image manifest (what ECR needs), never fatal', () => {
    expect(formatExportAttributes(toExportAttributes('registry'))).toBe(
      'mode=max,image-manifest=true,oci-mediatypes=true,ignore-error=true',
    );
  });

  it('cacheExport overrides the defaults in place, and reaches cache-to', () => {
    const options = {
      registry: 'quay.io/acme',
      cacheExport: 'oci-mediatypes=false, image-manifest=false,compression=zstd',
    };
    expect(resolveCache({ repository: 'quay.io/acme/api', name: 'api' }, options, { branch: 'main' }).to).toEqual([
      'type=registry,ref=quay.io/acme/api:buildcache-main,mode=max,image-manifest=false,oci-mediatypes=false,ignore-error=true,compression=zstd',
    ]);
  });

  it('validates keys, values and the combination BuildKit refuses', () => {
    expect(explainCacheExport('mode=max,ignore-error=false', 'registry')).toBeUndefined();
    expect(explainCacheExport('ref=x', 'registry')).toMatch(/cacheRef/);
    expect(explainCacheExport('mode=all', 'registry')).toMatch(/mode=all is not a valid value/);
    expect(explainCacheExport('colour=blue', 'registry')).toMatch(/colour is not one of mode, ignore-error/);
    expect(explainCacheExport('oci-mediatypes=false', 'registry')).toMatch(
      /image-manifest=true with oci-mediatypes=false/,
    );
    expect(explainCacheExport('image-manifest=true', 'gha')).toMatch(/not one of/);
    expect(explainCacheExport('mode=min', 'inline')).toMatch(/takes no cacheExport/);
  });

  it('the executor refuses a bad cacheExport or cacheRef before anything runs, naming option and project', () => {
    expect(() => checkImageOptions([{ project: 'api', options: { cacheExport: 'mode=all' } }])).toThrow(
      /option cacheExport "mode=all" \(project api\) is not valid/,
    );
    expect(() =>
      checkImageOptions([
        { project: 'api', options: { registry: 'ghcr.io/acme', cacheRef: 'ghcr.io/acme/cache:all' } },
      ]),
    ).toThrow(/option cacheRef .* \(project api\) is not valid: a cacheRef with a tag must contain \{image\}/);
    expect(() =>
      checkImageOptions([{ project: 'api', options: { registry: 'ghcr.io/acme', cacheRef: 'ghcr.io/acme/cache' } }]),
    ).not.toThrow();
  });
});
