import { describe, expect, it } from 'vitest';
import { toServiceSettings } from './service-settings';

describe('toServiceSettings', () => {
  it('defaults to slim and docker, with the source saying so', () => {
    expect(toServiceSettings()).toEqual({
      runtime: { value: 'slim', source: 'default' },
      buildMode: { value: 'docker', source: 'default' },
      nativeOnAlpine: false,
    });
  });

  it('takes the options, naming them as the source', () => {
    expect(toServiceSettings({ runtime: 'distroless', buildMode: 'copy-output', nativeOnAlpine: true })).toEqual({
      runtime: { value: 'distroless', source: 'options.runtime' },
      buildMode: { value: 'copy-output', source: 'options.buildMode' },
      nativeOnAlpine: true,
    });
  });
});
