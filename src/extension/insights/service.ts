import type * as vscode from 'vscode';
import { computeInsights, type Insights } from '../../core/insights/index';
import { todayIso } from '../../core/model/time';
import type { WorkspaceIndexer } from '../workspace/indexer';

/** How long a hover waits for the first scan of the workspace before it shows what is indexed so far. */
const FIRST_SCAN_WAIT_MS = 1500;

/** Insights over the workspace index, computed when asked and kept until the index changes. */
export class WorkspaceInsights {
  private cached: Insights | undefined;
  private cachedDay: string | undefined;
  private readonly subscription: vscode.Disposable;

  constructor(readonly indexer: WorkspaceIndexer) {
    this.subscription = indexer.onDidChange(() => (this.cached = undefined));
  }

  get onDidChange(): vscode.Event<void> {
    return this.indexer.onDidChange;
  }

  /** The figures over every indexed post-mortem, as of today. */
  current(): Insights {
    const today = todayIso();
    if (!this.cached || this.cachedDay !== today) {
      this.cached = computeInsights(
        this.indexer.index.files().map((f) => f.insight),
        { today },
      );
      this.cachedDay = today;
    }
    return this.cached;
  }

  /** The figures once the first scan is done, or after a short wait with what is indexed by then. */
  async whenReady(): Promise<Insights> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.indexer.start(), new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_SCAN_WAIT_MS)))]);
    if (timer) clearTimeout(timer);
    return this.current();
  }

  /** Whether the file is one the index knows (the dashboard opens only those). */
  knows(uri: string): boolean {
    return this.indexer.index.has(uri);
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
