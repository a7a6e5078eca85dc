import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigResult, parseConfigFile, resolveConfig } from '../core/config';
import { type AnalysisOptions, analysisOptionsFor } from '../core/analyze';
import { parseDate, todayIso } from '../core/model/time';
import type { CommandIO } from './args';
import { escapeTerminal } from '../core/util/escape';
import { type FileSearch, readText, UsageError } from './files';
import { type SchemaError, validateRcFile } from './generated/schemaValidators';

/** Finds the nearest `.postmortemrc.yaml` from `start` upwards. */
export function findConfigFile(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Configuration for the CLI: `--config file`, else the nearest `.postmortemrc.yaml` from the working directory. */
export function loadCliConfig(explicit: string | undefined, cwd = process.cwd()): ConfigResult & { file?: string } {
  const file = explicit ?? findConfigFile(cwd);
  if (!file) return resolveConfig();
  const parsed = parseConfigFile(readText(file), file);
  const result = resolveConfig(parsed.config);
  const errors = [...parsed.errors, ...result.errors];
  if (parsed.value !== undefined && !validateRcFile(parsed.value)) errors.push(...schemaMessages(validateRcFile.errors ?? [], file, errors));
  return { ...result, errors, file };
}

/**
 * The schema's complaints (schemas/postmortemrc.schema.json, the one the YAML extension shows in the editor)
 * that the loader's own messages do not already explain, e.g. a malformed `agenda` entry.
 */
export function schemaMessages(schemaErrors: readonly SchemaError[], file: string, explained: readonly string[]): string[] {
  const messages = new Set<string>();
  for (const error of schemaErrors) {
    const path = error.instancePath.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (typeof error.params.additionalProperty === 'string') path.push(error.params.additionalProperty);
    const named = path.filter((p) => !/^\d+$/.test(p));
    if (named.some((key, i) => explained.some((e) => e.includes(`"${key}"`) || e.includes(`"${named.slice(0, i + 1).join('.')}"`)))) continue;
    const allowed = Array.isArray(error.params.allowedValues) ? ` (${error.params.allowedValues.join(', ')})` : '';
    const where = error.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the file';
    const what = typeof error.params.additionalProperty === 'string' ? `unknown key "${error.params.additionalProperty}"` : `${error.message ?? error.keyword}${allowed}`;
    messages.add(`${file}: ${where}: ${what} (schema)`);
  }
  return [...messages];
}

/** What every command runs with: the resolved configuration, the date "overdue" is measured against, the file patterns and the analysis options. */
export interface CommandSettings {
  settings: ConfigResult & { file?: string };
  today: string;
  /** How directories are walked: the configured `filePatterns`, relative to the config file's directory. */
  files: FileSearch;
  options: AnalysisOptions;
  /** The options for one file of a walk: its nearest `.postmortemrc.yaml` (unless `--config` was given), as the editor reads it. */
  optionsFor(file: string): AnalysisOptions;
}

/** `--config` and `--today` as every command reads them; configuration problems are printed once, on stderr. */
export function commandSettings(values: { config?: string | undefined; today?: string | undefined }, io: CommandIO, start = process.cwd()): CommandSettings {
  const today = values.today ?? (process.env.POSTMORTEM_TODAY || undefined) ?? todayIso();
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(today) ? parseDate(today, false) : undefined;
  if (!parsed?.ok) throw new UsageError(`--today expects a date YYYY-MM-DD, got '${today}'`);
  const report = (errors: readonly string[]) => {
    for (const error of errors) io.err(escapeTerminal(`postmortem: configuration: ${error}`));
  };
  const settings = loadCliConfig(values.config, start);
  report(settings.errors);
  const options = analysisOptionsFor(settings, { today });
  const byConfigFile = new Map<string | undefined, AnalysisOptions>([[settings.file, options]]);
  // A walk meets many files per folder: look upwards once per folder.
  const byFolder = new Map<string, AnalysisOptions>();
  const optionsFor = (file: string): AnalysisOptions => {
    if (values.config) return options;
    const folder = dirname(resolve(file));
    let found = byFolder.get(folder);
    if (found) return found;
    const nearest = findConfigFile(folder);
    found = byConfigFile.get(nearest);
    if (!found) {
      const own = loadCliConfig(nearest, start);
      report(own.errors);
      found = analysisOptionsFor(own, { today });
      byConfigFile.set(nearest, found);
    }
    byFolder.set(folder, found);
    return found;
  };
  return {
    settings,
    today,
    files: { patterns: settings.filePatterns, root: settings.file ? dirname(resolve(settings.file)) : start },
    options,
    optionsFor,
  };
}
