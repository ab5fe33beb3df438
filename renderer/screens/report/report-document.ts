import type { SignOff, ReportModel } from '../../../shared/report/report-types.js';
import { fileSafe } from '../../app/download.js';

/**
 * The report as the screen shows and exports it: the computed model with the title and
 * sign-off typed on the screen (they change no figure, so typing never recomputes).
 */
export function withSignOff(model: ReportModel, title: string, signOff: SignOff): ReportModel {
  return { ...model, meta: { ...model.meta, title: title.trim() === '' ? model.meta.title : title.trim() }, signOff };
}

/** `orders-db-report-2026-11-24.html` */
export function reportFileName(model: ReportModel, extension: string): string {
  return `${fileSafe(model.meta.system)}-report-${model.meta.generatedAt.slice(0, 10)}.${extension}`;
}
