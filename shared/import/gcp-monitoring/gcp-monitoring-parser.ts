import { ImportFormatError, type ImportFileSummary, type ImportSink, type StreamingParser } from '../import-types.js';
import { ImportTally } from '../import-tally.js';
import { seriesBaseFromFileName } from '../file-series-base.js';
import { JsonExportParser } from '../json/json-export-parser.js';
import { GcpMonitoringExportHandler } from './gcp-monitoring-export-handler.js';

/** Stands for "nothing read" in JsonExportParser; replaced by the handler's specific reason. */
const EMPTY = 'gcp-monitoring: no data point';
const SECOND_DOCUMENT = /more text follows the end of the JSON value/;

/**
 * Reads Google Cloud Monitoring `projects.timeSeries.list` JSON (ListTimeSeriesResponse), one
 * page or a JSON array of pages, streaming with memory bounded by the largest time series.
 * https://cloud.google.com/monitoring/api/ref_v3/rest/v3/projects.timeSeries/list
 * @throws {ImportFormatError} from push/end: invalid JSON, an error response, no data point
 * @example
 * const parser = new GcpMonitoringParser(sink, 'nat.json');
 * parser.push(listTimeSeriesJson);
 * parser.end(); // compute.googleapis.com/nat/allocated_ports{…}: 64
 */
export class GcpMonitoringParser implements StreamingParser {
  private readonly handler: GcpMonitoringExportHandler;
  private readonly json: JsonExportParser;

  /**
   * @param fileName the user's name for the file: the series name of time series without a metric type
   * @param units the user's units by series name or base name (`--unit`)
   */
  constructor(sink: ImportSink, fileName = '', units?: Readonly<Record<string, string>>) {
    const tally = new ImportTally();
    this.handler = new GcpMonitoringExportHandler(sink, tally, seriesBaseFromFileName(fileName, 'gcp-monitoring'), units);
    this.json = new JsonExportParser('gcp-monitoring', this.handler, tally, EMPTY);
  }

  push(text: string): void {
    try {
      this.json.push(text);
    } catch (error) {
      throw this.refine(error);
    }
  }

  end(): ImportFileSummary {
    try {
      return this.json.end();
    } catch (error) {
      throw this.refine(error);
    }
  }

  private refine(error: unknown): unknown {
    if (!(error instanceof ImportFormatError)) return error;
    if (error.reason === EMPTY) return new ImportFormatError(error.line, this.handler.emptyReason);
    if (SECOND_DOCUMENT.test(error.reason)) {
      return new ImportFormatError(
        error.line,
        'a second JSON document starts here (JSON lines, or pages appended one after another): the importer reads one document; put the pages in a JSON array, e.g. `jq -s . pages.json > all.json`',
      );
    }
    return error;
  }
}
