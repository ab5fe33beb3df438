import type { ImportFormat } from '../format-registry.js';
import { SadfParser } from './sadf-parser.js';

/** The header line every `sadf -d` activity block starts with. */
const SIGNATURE = /^# hostname;interval;timestamp;/m;

/**
 * How sure we are that a file is `sadf -d` output (`man sadf`;
 * https://github.com/sysstat/sysstat): 0.95 when its head has a line starting
 * `# hostname;interval;timestamp;`, else 0. Cheap and never throws.
 * @example sniffSadf('# hostname;interval;timestamp;CPU;%user\n') // 0.95
 * @example sniffSadf('time,cpu\n') // 0
 */
export function sniffSadf(head: string): number {
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  return SIGNATURE.test(text) ? 0.95 : 0;
}

/**
 * sysstat `sadf -d` (sar data as semicolon-separated text). See {@link SadfParser}.
 * @example
 * const parser = sadfFormat.createParser(sink, { timeZone: 'Europe/Berlin' }, 'sa08.csv');
 * parser.push(text);
 * const summary = parser.end(); // notes say how timestamps were read, restarts, units
 */
export const sadfFormat: ImportFormat = {
  id: 'sadf',
  label: 'sysstat sadf -d (sar data, semicolon-separated)',
  sniff: (head) => sniffSadf(head),
  createParser: (sink, options) => new SadfParser(sink, { timeZone: options.timeZone, units: options.units }),
};
