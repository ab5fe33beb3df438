/** Builds a wide metrics CSV: `timestamp,<names…>` with one row per step, values from `value(i, column)`. */
export function metricCsv(options: {
  readonly columns: readonly string[];
  readonly rows: number;
  readonly startMs?: number;
  readonly stepMs?: number;
  readonly value?: (row: number, column: number) => number | string;
}): string {
  const start = options.startMs ?? Date.UTC(2024, 0, 1);
  const step = options.stepMs ?? 60_000;
  const value = options.value ?? ((row: number, column: number) => row + column / 10);
  const lines = [['timestamp', ...options.columns].join(',')];
  for (let i = 0; i < options.rows; i++) {
    lines.push([new Date(start + i * step).toISOString().replace('.000Z', 'Z'), ...options.columns.map((_, c) => String(value(i, c)))].join(','));
  }
  return `${lines.join('\n')}\n`;
}
