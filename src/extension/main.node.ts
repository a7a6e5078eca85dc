import * as path from 'node:path';
import type * as vscode from 'vscode';
import { activateShared } from './extension.shared';
import { registerRepositoryEvents } from './repositoryEvents';
import { WorkerBackend } from './workerBackend';

export function activate(context: vscode.ExtensionContext) {
  return activateShared(context, {
    host: 'node',
    createBackend: (logger) => new WorkerBackend(path.join(context.extensionPath, 'dist', 'analysisWorker.cjs'), (message, error) => logger.error(message, error)),
  }, [registerRepositoryEvents]);
}

export function deactivate(): void {}
