import { useState, type RefObject } from 'react';
import { downloadBlob, downloadText, fileSafe } from '../app/download.js';
import { standaloneSvg, svgToPng } from './chart-export.js';

interface Props {
  /** The element around the chart (its first <svg> is the chart). */
  readonly target: RefObject<HTMLElement | null>;
  /** The file name, without extension. */
  readonly name: string;
}

/** "SVG" and "PNG" buttons that save the chart beside them, for slides and documents. */
export function ChartExport({ target, name }: Props) {
  const [error, setError] = useState<string>();
  const svg = (): SVGSVGElement | null => target.current?.querySelector('svg.recharts-surface') ?? target.current?.querySelector('svg') ?? null;
  const save = async (format: 'svg' | 'png'): Promise<void> => {
    const element = svg();
    if (element === null) return setError('nothing drawn yet');
    const text = standaloneSvg(element);
    if (format === 'svg') return downloadText(`${fileSafe(name)}.svg`, text, 'image/svg+xml');
    try {
      const { width, height } = element.getBoundingClientRect();
      downloadBlob(`${fileSafe(name)}.png`, await svgToPng(text, width, height));
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <span className="chart-export" role="group" aria-label={`Save the chart ${name}`}>
      <button type="button" className="link" onClick={() => void save('svg')} title="Save the chart as SVG (vector, for documents)">
        SVG
      </button>
      <button type="button" className="link" onClick={() => void save('png')} title="Save the chart as PNG (twice the screen size, for slides)">
        PNG
      </button>
      {error === undefined ? null : <span className="error-text">{error}</span>}
    </span>
  );
}
