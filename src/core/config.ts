import { newLineCounter, parseDocument } from './util/yaml';
import type { SectionKind } from './model/types';
import { isKnownZone } from './model/time';
import { DEFAULT_REQUIRED_SECTIONS, resolveSectionKind, SECTION_DEFINITIONS } from './model/sections';
import { blameConfigErrors } from './rules/blameWording';
import { catastrophicPatternMessage, isCatastrophicPattern } from './blame/userPatterns';
import { RULES } from './rules/index';
import { slowGlobErrors } from './files/selection';
import { RULE_IDS, type ResolvedConfig, type RuleId, type RuleSetting } from './rules/types';

/** Keys shared by VS Code settings (`postmortem.<key>`) and `.postmortemrc.yaml`. */
export interface UserConfig {
  rules?: Partial<Record<string, string>>;
  requiredSections?: string[];
  blameWording?: { extraPatterns?: string[]; allow?: string[] };
  filePatterns?: string[];
  maxFileSize?: number;
  timezone?: string;
}

/**
 * Settings that carry patterns, globs, paths or text matched against documents. Restricted Mode
 * (an untrusted workspace) ignores their workspace and folder values: package.json lists them in
 * `capabilities.untrustedWorkspaces.restrictedConfigurations`, and the extension reads only the
 * user's own value for them while the workspace is untrusted.
 */
export const RESTRICTED_SETTINGS = [
  'postmortem.filePatterns',
  'postmortem.folder',
  'postmortem.blameWording.extraPatterns',
  'postmortem.blameWording.allow',
  'postmortem.glossary.extraTerms',
] as const;

export const CONFIG_FILE_NAME = '.postmortemrc.yaml';
export const CONFIG_FILE_NAMES = ['.postmortemrc.yaml', '.postmortemrc.yml'];
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export interface ConfigResult {
  config: ResolvedConfig;
  filePatterns: string[];
  maxFileSize?: number;
  timezone?: string;
  /** Human-readable problems with the configuration; each is reported once. */
  errors: string[];
}

export function defaultConfig(): ResolvedConfig {
  return {
    rules: Object.fromEntries(RULES.map((r) => [r.id, r.defaultSeverity])) as Record<RuleId, RuleSetting>,
    requiredSections: [...DEFAULT_REQUIRED_SECTIONS],
    blameWording: { extraPatterns: [], allow: [] },
  };
}

/** Reads `.postmortemrc.yaml`; never throws. */
export function parseConfigFile(text: string, fileName = CONFIG_FILE_NAME): { config: UserConfig; errors: string[]; value?: unknown } {
  const errors: string[] = [];
  let value: unknown;
  try {
    const lineCounter = newLineCounter();
    const doc = parseDocument(text, { prettyErrors: false, lineCounter });
    for (const error of doc.errors) errors.push(`${fileName}: ${error.message.split('\n')[0]} (line ${lineCounter.linePos(error.pos[0]).line})`);
    if (doc.errors.length) return { config: {}, errors };
    value = doc.toJS();
  } catch (error) {
    return { config: {}, errors: [`${fileName}: ${(error as Error).message}`] };
  }
  if (value === null || value === undefined) return { config: {}, errors };
  if (typeof value !== 'object' || Array.isArray(value)) return { config: {}, errors: [`${fileName}: expected a mapping of settings (rules, requiredSections, blameWording, ...)`] };
  return { config: validateUserConfig(value as Record<string, unknown>, fileName, errors), errors, value };
}

/** Keeps the valid parts of a user configuration and explains the rest. */
export function validateUserConfig(raw: Record<string, unknown>, where: string, errors: string[]): UserConfig {
  const config: UserConfig = {};
  const known = new Set(['rules', 'requiredSections', 'blameWording', 'filePatterns', 'maxFileSize', 'timezone', 'glossary', 'folder', 'me', 'debounce', 'agenda', 'summary']);
  for (const key of Object.keys(raw)) {
    if (key.startsWith('rules.')) continue;
    if (!known.has(key)) errors.push(`${where}: unknown key "${key}"`);
  }
  const rules: Record<string, string> = {};
  const ruleEntries = Object.entries(isRecord(raw.rules) ? raw.rules : {}).concat(Object.entries(raw).filter(([k]) => k.startsWith('rules.')).map(([k, v]) => [k.slice(6), v]));
  if (raw.rules !== undefined && !isRecord(raw.rules)) errors.push(`${where}: "rules" should map rule ids to off, info, warning or error`);
  for (const [id, setting] of ruleEntries) {
    if (!(RULE_IDS as readonly string[]).includes(id)) errors.push(`${where}: unknown rule "${id}" (known: ${RULE_IDS.join(', ')})`);
    else if (typeof setting !== 'string' || !(SETTINGS as readonly string[]).includes(setting)) errors.push(`${where}: rule "${id}" should be off, info, warning or error, not ${JSON.stringify(setting)}`);
    else rules[id] = setting;
  }
  if (Object.keys(rules).length) config.rules = rules;
  if (raw.requiredSections !== undefined) {
    if (!isStringArray(raw.requiredSections)) errors.push(`${where}: "requiredSections" should be a list of section names`);
    else {
      const valid = raw.requiredSections.filter((name) => {
        const ok = resolveSectionKind(name) !== undefined;
        if (!ok) errors.push(`${where}: unknown section "${name}" in requiredSections (known: ${SECTION_DEFINITIONS.map((d) => d.label).join(', ')})`);
        return ok;
      });
      config.requiredSections = valid;
    }
  }
  if (raw.blameWording !== undefined) {
    if (!isRecord(raw.blameWording)) errors.push(`${where}: "blameWording" should have "extraPatterns" and/or "allow" lists`);
    else {
      const bw: UserConfig['blameWording'] = {};
      for (const key of ['extraPatterns', 'allow'] as const) {
        const list = raw.blameWording[key];
        if (list === undefined) continue;
        if (!isStringArray(list)) errors.push(`${where}: "blameWording.${key}" should be a list of strings`);
        else if (key === 'extraPatterns') {
          // Patterns that can backtrack catastrophically are refused here, where the setting is known by name.
          const setting = `${where === 'Settings' ? 'postmortem.' : ''}blameWording.extraPatterns`;
          bw[key] = list.filter((entry, index) => {
            if (!isCatastrophicPattern(entry)) return true;
            errors.push(`${where}: ${catastrophicPatternMessage(setting, index, entry)}`);
            return false;
          });
        } else bw[key] = list;
      }
      config.blameWording = bw;
    }
  }
  if (raw.filePatterns !== undefined) {
    if (!isStringArray(raw.filePatterns)) errors.push(`${where}: "filePatterns" should be a list of glob patterns`);
    else config.filePatterns = raw.filePatterns;
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize !== 'number' || !(raw.maxFileSize > 0)) errors.push(`${where}: "maxFileSize" should be a positive number of characters`);
    else config.maxFileSize = raw.maxFileSize;
  }
  if (raw.timezone !== undefined) {
    if (typeof raw.timezone !== 'string') errors.push(`${where}: "timezone" should be a string like UTC or Europe/Berlin`);
    else if (raw.timezone.trim() && !isKnownZone(raw.timezone)) errors.push(`${where}: "timezone" \`${raw.timezone}\` is not a time zone (use UTC, an offset from -14:00 to +14:00 or an IANA name); it is ignored`);
    else config.timezone = raw.timezone;
  }
  return config;
}

/** Merges defaults, then the workspace file, then editor settings (settings win). */
export function resolveConfig(...layers: Array<UserConfig | undefined>): ConfigResult {
  const config = defaultConfig();
  const errors: string[] = [];
  let filePatterns: string[] = [];
  let maxFileSize: number | undefined;
  let timezone: string | undefined;
  for (const layer of layers) {
    if (!layer) continue;
    for (const [id, setting] of Object.entries(layer.rules ?? {})) {
      if ((RULE_IDS as readonly string[]).includes(id) && (SETTINGS as readonly string[]).includes(setting as string)) config.rules[id as RuleId] = setting as RuleSetting;
    }
    if (layer.requiredSections) config.requiredSections = layer.requiredSections.map(resolveSectionKind).filter((k): k is SectionKind => k !== undefined);
    if (layer.blameWording?.extraPatterns) config.blameWording.extraPatterns = layer.blameWording.extraPatterns;
    if (layer.blameWording?.allow) config.blameWording.allow = layer.blameWording.allow;
    if (layer.filePatterns) filePatterns = layer.filePatterns;
    if (layer.maxFileSize) maxFileSize = layer.maxFileSize;
    if (layer.timezone) timezone = layer.timezone;
  }
  errors.push(...blameConfigErrors(config.blameWording.extraPatterns).map((e) => `blameWording.extraPatterns: ${e}`));
  errors.push(...slowGlobErrors(filePatterns));
  return { config, filePatterns, errors, ...(maxFileSize ? { maxFileSize } : {}), ...(timezone ? { timezone } : {}) };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
