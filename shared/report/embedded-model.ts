import { decodeBase64Utf8, encodeBase64Utf8 } from './base64-utf8.js';
import type { ReportModel } from './report-model.js';

/**
 * The report's model travels inside its HTML, so that `report --verify report.html` can
 * recompute it. Scripts are forbidden in a report (even JSON ones), so it rides base64 in
 * a <meta name="headroom-report"> tag, where no byte of it can be read as markup.
 */

export const EMBEDDED_MODEL_META = 'headroom-report';

/** The <meta> tag carrying the model. */
export function embeddedModelTag(model: ReportModel): string {
  return `<meta name="${EMBEDDED_MODEL_META}" content="${encodeBase64Utf8(JSON.stringify(model))}">`;
}

/**
 * The JSON text of the model embedded in a report's HTML.
 * @throws {Error} when the HTML carries no model or it is not readable
 * @example JSON.parse(extractEmbeddedModelJson(html)).meta.format // 1
 */
export function extractEmbeddedModelJson(html: string): string {
  const match = new RegExp(`<meta name="${EMBEDDED_MODEL_META}" content="([A-Za-z0-9+/=]*)">`).exec(html);
  if (match === null) throw new Error('the HTML carries no Headroom report model (was it saved from a browser or edited?)');
  try {
    return decodeBase64Utf8(match[1] ?? '');
  } catch {
    throw new Error('the report model embedded in the HTML is damaged');
  }
}
