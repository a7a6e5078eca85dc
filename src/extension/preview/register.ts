import { feature, type Feature } from '../commands';
import { guardCommand } from '../logging';
import type { Services } from '../services';
import { TimelinePreviewManager } from './manager';


/**
 * Timeline preview: a webview beside (or instead of) the editor that draws the incident timeline from
 * the analyzer's model, updates live as the author types, and exports SVG/PNG.
 */
export function registerTimelinePreview(services: Services): Feature {
  const { logger } = services;
  const manager = new TimelinePreviewManager(services);
  return feature(manager, {
    showTimeline: (uri?: unknown) => guardCommand(logger, 'Open Timeline Preview', () => manager.show(uri, false)),
    showTimelineToSide: (uri?: unknown) => guardCommand(logger, 'Open Timeline Preview to the Side', () => manager.show(uri, true)),
    toggleTimelineLock: () => guardCommand(logger, 'Toggle Timeline Preview Lock', () => manager.toggleLock()),
    exportTimeline: (format?: unknown) => guardCommand(logger, 'Export Timeline', () => manager.export(format)),
  });
}
