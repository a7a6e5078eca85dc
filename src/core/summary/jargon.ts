// Jargon translation for the stakeholder summary. The first use of a glossary acronym in the whole
// summary is expanded ("SLO (service level objective)"); a few engineering terms that outsiders would
// not know get the glossary's plain-language phrase in parentheses, also once. Each term is explained
// at most once per summary, whether the explanation came from us or from the author.
// Pure TypeScript, no `vscode` import.

import type { Glossary, GlossaryMatch, GlossaryTerm } from '../glossary/index';

/**
 * Terms whose `businessPhrase` reads well in parentheses right after the term (or after the noun it
 * qualifies, listed in `heads`). Everyday words ("latency", "rollback", "timeline") and terms already
 * explained by the summary's own layout ("blast radius", "severity") are left alone.
 */
const BUSINESS_PHRASE_TERMS: Record<string, { heads?: RegExp }> = {
  p50: { heads: latencyHeads() },
  p95: { heads: latencyHeads() },
  p99: { heads: latencyHeads() },
  p999: { heads: latencyHeads() },
  'error-budget': {},
  'circuit-breaker': {},
  backpressure: {},
  'retry-storm': {},
  'thundering-herd': {},
  'load-shedding': {},
  'graceful-degradation': {},
  'cascading-failure': {},
  failover: {},
  'eventual-consistency': {},
  canary: { heads: /^(?:\s+(?:deploy(?:ment)?s?|releases?|rollouts?|builds?|hosts?|instances?))/i },
  'feature-flag': {},
  bootloader: {},
  'watchdog-timer': {},
  'packet-loss': {},
  jitter: {},
  'motion-to-photon-latency': {},
  'spatial-anchor': {},
  'gas-usage': {},
};

function latencyHeads(): RegExp {
  // "p99 latency", "p99 checkout latency", "p99 API response time": up to two words before the noun.
  return /^(?:(?:\s+[\p{L}\p{N}][\p{L}\p{N}-]{0,30}){0,2}?\s+(?:latenc(?:y|ies)|response[\s-]times?|load[\s-]times?|durations?))(?![\p{L}\p{N}])/iu;
}

export interface JargonOptions {
  /** Add plain-language phrases for the terms above (prose only; not for table cells or labels). */
  businessPhrases: boolean;
}

/** Stateful translator: one per summary, fed the summary's strings in reading order. */
export class JargonTranslator {
  private readonly explained = new Set<string>();
  /** Terms that were explained, for tests and notes. */
  readonly expansions: string[] = [];

  constructor(private readonly glossary: Glossary) {}

  translate(text: string, options: JargonOptions): string {
    if (!text) return text;
    let matches: GlossaryMatch[];
    try {
      matches = this.glossary.findAll(text);
    } catch {
      return text;
    }
    let out = '';
    let last = 0;
    for (const m of matches) {
      const term = m.term;
      if (this.explained.has(term.id)) continue;
      const acronym = isAcronymTerm(term) && /^\p{Lu}{2,}/u.test(m.text);
      const phrase = !acronym && options.businessPhrases && term.businessPhrase && BUSINESS_PHRASE_TERMS[term.id] ? term.businessPhrase : undefined;
      if (!acronym && !phrase) continue;
      const explanation = acronym ? expansionFor(term, m.text) : phrase!;
      // Already explained by the author: "SLO (our 99.9% target)" or "service level objective (SLO)".
      const after = text.slice(m.end);
      const before = text.slice(0, m.start);
      if (/^\s*\(/.test(after) || /\(\s*$/.test(before) || (acronym && term.expansion && text.toLowerCase().includes(term.expansion.toLowerCase()))) {
        this.explained.add(term.id);
        continue;
      }
      let insertAt = m.end;
      if (phrase) {
        const head = BUSINESS_PHRASE_TERMS[term.id]?.heads?.exec(after);
        if (head) insertAt = m.end + head[0].length;
        // Do not split a hyphenated compound or a possessive.
        if (/^[\p{L}\p{N}'’-]/u.test(text.slice(insertAt))) continue;
      }
      if (insertAt < last) continue;
      out += text.slice(last, insertAt) + ` (${explanation})`;
      last = insertAt;
      this.explained.add(term.id);
      this.expansions.push(`${m.text} (${explanation})`);
    }
    return out + text.slice(last);
  }
}

function isAcronymTerm(term: GlossaryTerm): boolean {
  return !!term.expansion && /\p{Lu}{2,}/u.test(term.term);
}

/** The expansion, made plural when the acronym is ("SLOs" -> "service level objectives"). */
function expansionFor(term: GlossaryTerm, written: string): string {
  const expansion = term.expansion!;
  const plural = /\p{Lu}s$/u.test(written) && !/s$/.test(expansion) && !/\bto \p{L}+$/u.test(expansion) && !/\bper \p{L}+$/u.test(expansion);
  return plural ? `${expansion}s` : expansion;
}
