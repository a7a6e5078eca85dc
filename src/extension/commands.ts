// The one command table: every feature hands its handlers here (id → handler) instead of registering
// them itself, like VS Code's CommandManager or rust-analyzer's createCommands. Ids are in commandIds.ts.
import * as vscode from 'vscode';
import { COMMAND_IDS, type CommandName } from './commandIds';
import type { Logger } from './logging';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments come from VS Code untyped
export type CommandHandler = (...args: any[]) => unknown;
export type CommandTable = Partial<Record<CommandName, CommandHandler>>;

/** What a feature returns: its resources, and the commands it handles. */
export interface Feature extends vscode.Disposable {
  readonly commands?: CommandTable;
}

export function feature(disposable: vscode.Disposable, commands?: CommandTable): Feature {
  return { dispose: () => disposable.dispose(), ...(commands ? { commands } : {}) };
}

/** Registers the merged table; an id without a handler, or with two, is a bug reported in the log. */
export function registerCommandTable(tables: CommandTable[], logger: Logger): vscode.Disposable {
  const table: CommandTable = {};
  for (const part of tables) {
    for (const [name, handler] of Object.entries(part) as Array<[CommandName, CommandHandler]>) {
      if (table[name]) logger.error(`Command ${COMMAND_IDS[name]} has two handlers; the first is kept`);
      else table[name] = handler;
    }
  }
  const registrations: vscode.Disposable[] = [];
  for (const name of Object.keys(COMMAND_IDS) as CommandName[]) {
    const handler = table[name];
    if (!handler) logger.error(`Command ${COMMAND_IDS[name]} has no handler (its feature did not start)`);
    // A command whose feature failed to start still answers, with a message instead of "command not found".
    const run = handler ?? (() => void vscode.window.showErrorMessage(`Postmortem: ${COMMAND_IDS[name]} is not available; see the Postmortem log.`));
    registrations.push(vscode.commands.registerCommand(COMMAND_IDS[name], run));
  }
  return vscode.Disposable.from(...registrations);
}
