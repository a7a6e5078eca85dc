import * as vscode from 'vscode';

/** One output channel ("Postmortem") for the whole extension; passed to features, never created ad hoc. */
export class Logger implements vscode.Disposable {
  private readonly channel = vscode.window.createOutputChannel('Postmortem', { log: true });

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string, error?: unknown): void {
    this.channel.error(`${message}${error ? `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` : ''}`);
  }

  show(): void {
    this.channel.show(true);
  }

  dispose(): void {
    this.channel.dispose();
  }
}

/**
 * Runs a provider or command body; a failure is logged and (for commands) shown once, and never
 * propagates into the extension host, so other documents keep working.
 */
export function guard<T>(logger: Logger, what: string, fallback: T, body: () => T): T {
  try {
    return body();
  } catch (error) {
    logger.error(`${what} failed`, error);
    return fallback;
  }
}

/** Async twin of `guard` for providers that await the analysis. */
export async function guardAsync<T>(logger: Logger, what: string, fallback: T, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    logger.error(`${what} failed`, error);
    return fallback;
  }
}

export async function guardCommand(logger: Logger, what: string, body: () => unknown): Promise<void> {
  try {
    await body();
  } catch (error) {
    logger.error(`${what} failed`, error);
    const choice = await vscode.window.showErrorMessage(`Postmortem: ${what} failed: ${error instanceof Error ? error.message : String(error)}`, 'Show Log');
    if (choice === 'Show Log') logger.show();
  }
}
