import { stringify } from '../util/yaml';
import { SECTION_DEFINITIONS } from '../model/sections';

/** File-name slug: lower case ASCII words joined by hyphens (accents folded, at most 60 characters). */
export function slugify(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'incident';
}

/** A YAML scalar that reads back as exactly `value` ("- rollback", "yes", "a: b" are quoted). */
function yamlScalar(value: string): string {
  return stringify(value, { lineWidth: 0 }).trimEnd();
}

/** A new post-mortem: front matter and every standard section with a short, blameless hint. */
export function scaffoldPostmortem(options: { title: string; severity: string; date: string }): string {
  const title = options.title.replace(/\s+/g, ' ').trim();
  const sections = SECTION_DEFINITIONS.filter((d) => d.scaffold)
    .map((d) => `## ${d.label}\n\n${d.skeleton}\n`)
    .join('\n');
  return `---
title: ${yamlScalar(title)}
severity: ${options.severity}
status: draft
date: ${options.date}
authors: []
started:
detected:
mitigated:
resolved:
impact:
review:
---

# ${title}

${sections}`;
}
