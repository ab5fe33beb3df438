import { ImportFormatError, type ImportFileSummary, type StreamingParser } from '../import-types.js';
import type { ImportTally } from '../import-tally.js';
import { JsonSyntaxError, StreamingJsonReader, type JsonPathPattern, type JsonValue } from './streaming-json.js';

/** What a JSON export format supplies: which arrays to stream, and what to do with their elements. */
export interface JsonExportHandler {
  /** Arrays whose elements arrive one by one (see StreamingJsonReader). */
  readonly streamArrays: readonly JsonPathPattern[];
  /**
   * Reads one element of a streamed array into the sink, counting in `tally`.
   * @param line the line where the element ends, for the report
   */
  element(element: JsonValue, patternIndex: number, ancestors: readonly JsonValue[], line: number): void;
  /** Called once with the document (streamed elements left out) after the last element. */
  finish(root: JsonValue): void;
}

/**
 * A StreamingParser for a JSON export: streams the text through a StreamingJsonReader,
 * turns syntax errors into `file:line` messages, and ends with the tally's summary.
 */
export class JsonExportParser implements StreamingParser {
  private readonly reader: StreamingJsonReader;

  /**
   * @param format the format id reported (`prometheus`, `cloudwatch`)
   * @param emptyReason what to say when the file holds no data point at all
   */
  constructor(
    private readonly format: string,
    private readonly handler: JsonExportHandler,
    private readonly tally: ImportTally,
    private readonly emptyReason: string,
  ) {
    this.reader = new StreamingJsonReader({
      streamArrays: handler.streamArrays,
      onElement: (element, patternIndex, ancestors) => handler.element(element, patternIndex, ancestors, this.reader.currentLine),
    });
  }

  push(text: string): void {
    try {
      this.reader.push(text);
    } catch (error) {
      throw asFormatError(error);
    }
  }

  end(): ImportFileSummary {
    let root: JsonValue;
    try {
      root = this.reader.end();
    } catch (error) {
      throw asFormatError(error);
    }
    this.handler.finish(root);
    return this.tally.summary(this.format, this.reader.currentLine, this.emptyReason);
  }
}

function asFormatError(error: unknown): unknown {
  if (error instanceof JsonSyntaxError) return new ImportFormatError(error.line, `not valid JSON (column ${error.column}): ${error.reason}`);
  return error;
}
