// Keeps package.json's `postmortem.rules.*` settings in step with the rule metadata (one source of truth).
// Run: npx tsx scripts/sync-manifest.ts  (a unit test fails when package.json is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { RULES } from '../src/core/rules/index';

export function ruleSettings(): Record<string, unknown> {
  return Object.fromEntries(
    RULES.map((rule) => [
      `postmortem.rules.${rule.id}`,
      {
        type: 'string',
        enum: ['off', 'info', 'warning', 'error'],
        default: rule.defaultSeverity,
        markdownDescription: `${rule.description} ${rule.rationale} [Rule docs](https://github.com/postmortem-tools/postmortem/blob/main/docs/rules.md#${rule.id})`,
        scope: 'resource',
      },
    ]),
  );
}

export function syncManifest(pkg: { contributes: { configuration: { properties: Record<string, unknown> } } }) {
  const properties = Object.fromEntries(Object.entries(pkg.contributes.configuration.properties).filter(([key]) => !key.startsWith('postmortem.rules.')));
  pkg.contributes.configuration.properties = { ...properties, ...ruleSettings() };
  return pkg;
}

if (process.argv[1]?.endsWith('sync-manifest.ts')) {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  writeFileSync('package.json', `${JSON.stringify(syncManifest(pkg), null, 2)}\n`);
  console.log(`package.json: ${RULES.length} rule settings written`);
}
