import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RESTRICTED_SETTINGS } from '../../../src/core/config';

const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  capabilities: { untrustedWorkspaces: { supported: string | boolean; restrictedConfigurations?: string[] } };
  contributes: { configuration: { properties: Record<string, { type?: string | string[]; description?: string; markdownDescription?: string; scope?: string }> } };
};

describe('contributions: Restricted Mode (untrusted workspaces)', () => {
  const untrusted = manifest.capabilities.untrustedWorkspaces;
  const properties = manifest.contributes.configuration.properties;

  it('is "limited" and restricts exactly the settings the extension reads only from the user in an untrusted workspace', () => {
    assert.equal(untrusted.supported, 'limited');
    assert.deepEqual([...(untrusted.restrictedConfigurations ?? [])].sort(), [...RESTRICTED_SETTINGS].sort());
  });

  it('every restricted setting exists', () => {
    for (const key of untrusted.restrictedConfigurations ?? []) assert.ok(properties[key], `${key} is not a contributed setting`);
  });

  it('every setting that carries patterns, globs, regexes, paths, folders or templates is restricted', () => {
    const restricted = new Set(untrusted.restrictedConfigurations);
    for (const [key, property] of Object.entries(properties)) {
      const text = `${key} ${property.description ?? ''} ${property.markdownDescription ?? ''}`;
      if (/pattern|glob|regex|path|folder|template|phrase|extraTerms/i.test(text) && property.scope !== 'application') {
        assert.ok(restricted.has(key), `${key} carries patterns, paths or templates but is not in restrictedConfigurations`);
      }
    }
  });
});
