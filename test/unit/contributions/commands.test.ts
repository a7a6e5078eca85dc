import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { COMMAND_IDS, INTERNAL_COMMANDS } from '../../../src/extension/commandIds';
import { FIXTURES } from '../helpers';

const ROOT = join(FIXTURES, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  contributes: { commands: Array<{ command: string }>; menus: Record<string, Array<{ command?: string }>>; keybindings?: Array<{ command: string }> };
};

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('commands: one table', () => {
  it('package.json contributes exactly the user-facing commands of COMMAND_IDS', () => {
    const contributed = pkg.contributes.commands.map((c) => c.command).sort();
    const table = Object.entries(COMMAND_IDS).filter(([name]) => !INTERNAL_COMMANDS.includes(name as never)).map(([, id]) => id).sort();
    assert.deepEqual(contributed, table);
  });

  it('every command in menus and keybindings exists', () => {
    const ids = new Set<string>(Object.values(COMMAND_IDS));
    const used = [...Object.values(pkg.contributes.menus).flat(), ...(pkg.contributes.keybindings ?? [])].map((m) => m.command).filter((c): c is string => !!c && c.startsWith('postmortem.'));
    for (const id of used) assert.ok(ids.has(id), id);
  });

  it('no file but commands.ts registers a command, and no command id is written outside commandIds.ts', () => {
    for (const file of sources(join(ROOT, 'src', 'extension'))) {
      const text = readFileSync(file, 'utf8');
      if (!file.endsWith('commands.ts')) assert.doesNotMatch(text, /registerCommand\(/, file);
      if (file.endsWith('commandIds.ts')) continue;
      for (const id of Object.values(COMMAND_IDS)) assert.ok(!text.includes(`'${id}'`), `${file} writes '${id}': use COMMAND_IDS`);
    }
  });

  it('menus and keybindings of our commands also show for Markdown files the patterns make post-mortems', () => {
    const entries = [...Object.values(pkg.contributes.menus).flat(), ...(pkg.contributes.keybindings ?? [])] as Array<{ command?: string; when?: string }>;
    const ours = entries.filter((e) => e.command?.startsWith('postmortem.') && e.when?.includes('editorLangId == postmortem'));
    assert.ok(ours.length >= 5);
    for (const e of ours) assert.ok(e.when!.includes('editorLangId == markdown && postmortem.markdownPostmortem'), `${e.command}: ${e.when}`);
  });
});

