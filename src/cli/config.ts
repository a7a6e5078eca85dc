import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigResult, parseConfigFile, resolveConfig } from '../core/config';
import { readText } from './files';

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
  return { ...result, errors: [...parsed.errors, ...result.errors], file };
}
