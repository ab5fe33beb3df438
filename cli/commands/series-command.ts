import { listSeries } from '../../backend/workspace/series-catalog.js';
import { requiredString, type Command } from '../command.js';
import { openForReading } from '../open-for-reading.js';
import { formatDuration } from '../../shared/time/format-duration.js';

export const seriesCommand: Command = {
  name: 'series',
  summary: 'List the series in a workspace: name, unit, points, time range, resolution and gaps.',
  usage: 'series --workspace <w> [--json]',
  allowPositionals: false,
  options: {
    workspace: { type: 'string', short: 'w', valueName: 'file.headroom', description: 'the workspace to read' },
    json: { type: 'boolean', description: 'print JSON: [{"name","unit","points","start","end","resolutionSeconds",…}]' },
  },
  async run(parsed) {
    const db = openForReading(requiredString(parsed, 'workspace', 'series'));
    try {
      const series = listSeries(db);
      if (parsed.values['json'] === true) {
        process.stdout.write(`${JSON.stringify(series, null, 2)}\n`);
        return 0;
      }
      if (series.length === 0) {
        process.stdout.write('The workspace holds no series yet; add some with `headroom import`.\n');
        return 0;
      }
      const rows = series.map((s) => [
        s.name,
        s.unit,
        s.points.toLocaleString('en-US'),
        s.start,
        s.end,
        s.resolutionSeconds === null ? '—' : formatDuration(s.resolutionSeconds),
        s.gapCount === 0 ? 'none' : `${s.gapCount} (${formatDuration(s.gapSeconds)})`,
      ]);
      const header = ['series', 'unit', 'points', 'start', 'end', 'resolution', 'gaps'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
      const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
      process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
      return 0;
    } finally {
      db.close();
    }
  },
};
