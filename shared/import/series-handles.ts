import type { ImportSink, SeriesKind } from './import-types.js';
import { seriesName } from './series-naming.js';

/**
 * Declares each distinct series of a file once, however many times it appears (a
 * series split over several result elements, pages or tables), and returns its handle.
 */
export class SeriesHandles {
  private readonly handles = new Map<string, number>();

  constructor(private readonly sink: ImportSink) {}

  /**
   * @param base the series' base name (`up`, `CPUUtilization`)
   * @param labels identity labels; the name becomes `base{k="v",…}`
   * @param unit a unit symbol from the catalog ('' when unknown)
   * @param origin where in the file it came from, for the report
   */
  handle(base: string, labels: Readonly<Record<string, string>>, unit: string, origin: string, kind: SeriesKind = 'gauge'): number {
    const name = seriesName(base, labels);
    let handle = this.handles.get(name);
    if (handle === undefined) {
      handle = this.sink.declareSeries({ name, unit, labels, origin, kind });
      this.handles.set(name, handle);
    }
    return handle;
  }
}
