import { useBackendQuery } from '../../app/use-backend-query.js';
import { formatCount, formatNumber } from '../../format/format-number.js';

/** Load tests (concurrency vs throughput), the input of scalability fits. */
export function LoadTestsTable({ revision }: { revision: number }) {
  const tests = useBackendQuery('loadTest.list', {}, String(revision));
  if (tests.error !== undefined) return <p className="error-text">{tests.error}</p>;
  if ((tests.data ?? []).length === 0) return <p className="empty">No load tests in this workspace.</p>;
  return (
    <div>
      {(tests.data ?? []).map((test) => (
        <section key={test.name} className="reference-block">
          <h3>{test.name}</h3>
          <p className="muted">{test.description}</p>
          <table className="data-table compact">
            <thead>
              <tr>
                <th className="num">Concurrency</th>
                <th className="num">Throughput (/s)</th>
                <th className="num">Latency (ms)</th>
              </tr>
            </thead>
            <tbody>
              {test.points.map((p) => (
                <tr key={p.concurrency}>
                  <td className="num">{p.concurrency}</td>
                  <td className="num">{formatCount(Math.round(p.throughput))}</td>
                  <td className="num">{p.latencyMs === null ? '—' : formatNumber(p.latencyMs)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

/** The instance catalog: sizes, limits and prices, with the date and the nature of the prices. */
export function CatalogTable({ revision }: { revision: number }) {
  const catalog = useBackendQuery('catalog.list', {}, String(revision));
  if (catalog.error !== undefined) return <p className="error-text">{catalog.error}</p>;
  const rows = catalog.data ?? [];
  if (rows.length === 0) return <p className="empty">No instance catalog in this workspace.</p>;
  const notes = [...new Set(rows.map((r) => `${r.priceNote} (prices as of ${r.pricesAsOf}, ${r.currency})`))];
  return (
    <section className="reference-block">
      {notes.map((n) => (
        <p key={n} className="price-note">{n}</p>
      ))}
      <table className="data-table compact">
        <thead>
          <tr>
            <th>Provider</th>
            <th>Class</th>
            <th className="num">vCPU</th>
            <th className="num">Memory (GiB)</th>
            <th className="num">Max IOPS</th>
            <th className="num">Max MiB/s</th>
            <th className="num">Max conns</th>
            <th className="num">On-demand /h</th>
            <th className="num">Committed /h</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.provider}/${r.instanceClass}`}>
              <td>{r.provider}</td>
              <td>{r.instanceClass}</td>
              <td className="num">{r.vcpu}</td>
              <td className="num">{r.memoryGiB}</td>
              <td className="num">{formatCount(r.maxIops)}</td>
              <td className="num">{formatCount(r.maxThroughputMiBps)}</td>
              <td className="num">{formatCount(r.maxConnections)}</td>
              <td className="num">{r.onDemandPerHour.toFixed(3)}</td>
              <td className="num">{r.committedPerHour.toFixed(3)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
