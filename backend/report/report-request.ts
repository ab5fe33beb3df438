import type { ReportRequest, ReportSettings } from '../../shared/api/report-schema.js';
import type { ReportParameters, SignOff } from '../../shared/report/report-types.js';
import type { WorkspaceDb } from '../workspace/open-workspace.js';
import { getMeta, setMeta } from '../workspace/open-workspace.js';
import { reportSettingsSchema } from '../../shared/api/report-schema.js';
import { DEFAULT_PARAMETERS, type AssembleOptions } from './assemble-report.js';

/** A Report screen request as the options `readReportData` takes. */
export function assembleOptionsOf(request: ReportRequest, workspaceFile: string): Omit<AssembleOptions, 'onProgress'> {
  const parameters: ReportParameters = {
    sections: request.sections,
    horizon: request.horizon ?? null,
    confidence: request.confidence ?? DEFAULT_PARAMETERS.confidence,
    pricing: request.pricing ?? DEFAULT_PARAMETERS.pricing,
    seed: request.seed ?? DEFAULT_PARAMETERS.seed,
  };
  const signOff: SignOff | undefined = request.signOff;
  return { workspaceFile, parameters, title: request.title === undefined || request.title.trim() === '' ? undefined : request.title, signOff };
}

const KEY = 'report_settings';

/** The Report screen's last choices; null when none were saved or they no longer validate. */
export function loadReportSettings(db: WorkspaceDb): ReportSettings | null {
  const raw = getMeta(db, KEY);
  if (raw === undefined) return null;
  try {
    const parsed = reportSettingsSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveReportSettings(db: WorkspaceDb, settings: ReportSettings): ReportSettings {
  setMeta(db, KEY, JSON.stringify(settings));
  return settings;
}
