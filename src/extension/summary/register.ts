import { feature, type Feature } from '../commands';
import { guardCommand } from '../logging';
import type { Services } from '../services';
import { exportSummary } from './export';
import { SummaryPreviews } from './preview';


/** Stakeholder summary: export (Markdown / HTML / plain text) and a live HTML preview. */
export function registerSummaryCommands(services: Services): Feature {
  const previews = new SummaryPreviews(services);
  return feature(previews, {
    exportSummary: (arg?: unknown) => guardCommand(services.logger, 'Export Stakeholder Summary', () => exportSummary(services, arg)),
    previewSummary: (arg?: unknown) => guardCommand(services.logger, 'Preview Stakeholder Summary', () => previews.open(arg)),
  });
}
