import { pathToFileURL } from 'node:url';
import { relative, sep } from 'node:path';
import { RULES } from '../core/rules/index';
import type { FileFindings } from './lintCommand';

declare const __VERSION__: string | undefined;

const DOCS = 'https://github.com/postmortem-tools/postmortem/blob/main/docs/rules.md';

/** SARIF 2.1.0 for GitHub code scanning: one run, every rule with help text, findings with regions. */
export function toSarif(results: FileFindings[]) {
  const level = { error: 'error', warning: 'warning', info: 'note', off: 'none' } as const;
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'postmortem',
            informationUri: 'https://github.com/postmortem-tools/postmortem',
            version: typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev',
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/(^|-)(\w)/g, (_m, _d, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: rule.rationale },
              helpUri: `${DOCS}#${rule.id}`,
              help: {
                text: `${rule.rationale}\n\nInstead of:\n${rule.bad.shown}\n\nWrite:\n${rule.good.shown}`,
                markdown: `${rule.rationale}\n\n**Instead of**\n\n\`\`\`markdown\n${rule.bad.shown}\n\`\`\`\n\n**Write**\n\n\`\`\`markdown\n${rule.good.shown}\n\`\`\``,
              },
              defaultConfiguration: { level: level[rule.defaultSeverity] },
            })),
          },
        },
        results: results.flatMap(({ file, findings }) =>
          findings.map((f) => ({
            ruleId: f.rule,
            ruleIndex: RULES.findIndex((r) => r.id === f.rule),
            level: level[f.severity],
            message: { text: f.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: artifactUri(file) },
                  region: {
                    startLine: f.range.start.line + 1,
                    startColumn: f.range.start.character + 1,
                    endLine: f.range.end.line + 1,
                    endColumn: Math.max(f.range.end.character + 1, f.range.start.line === f.range.end.line ? f.range.start.character + 2 : 1),
                  },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}

function artifactUri(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? pathToFileURL(file).href : rel.split(sep).join('/');
}
