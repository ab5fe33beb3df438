import { useMemo, useState } from 'react';
import type { JobState } from '../../../shared/api/types.js';
import { colorFor } from '../../charts/series-colors.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { ChartsPanel } from './ChartsPanel.js';
import { ImportHistory } from './ImportHistory.js';
import { ImportPanel } from './ImportPanel.js';
import { CatalogTable, LoadTestsTable } from './ReferenceTables.js';
import { SeriesTable } from './SeriesTable.js';

type Tab = 'series' | 'imports' | 'load-tests' | 'catalog';
const TABS: readonly { id: Tab; label: string }[] = [
  { id: 'series', label: 'Series' },
  { id: 'imports', label: 'Import history' },
  { id: 'load-tests', label: 'Load tests' },
  { id: 'catalog', label: 'Instance catalog' },
];

interface Props {
  readonly revision: number;
  readonly jobs: ReadonlyMap<string, JobState>;
}

/** The Data screen: import exports, see every series and its shape, chart any selection. */
export function DataScreen({ revision, jobs }: Props) {
  const seriesQuery = useBackendQuery('series.list', {}, String(revision));
  const series = useMemo(() => seriesQuery.data ?? [], [seriesQuery.data]);
  // null until the user chooses: then a sensible default selection is shown.
  const [chosen, setChosen] = useState<readonly string[] | null>(null);
  const [tab, setTab] = useState<Tab>('series');
  const [jobId, setJobId] = useState<string>();
  const job = jobId === undefined ? undefined : jobs.get(jobId);

  // Selected series that were deleted or re-imported under another name drop out.
  const selected = useMemo(() => {
    const names = new Set(series.map((s) => s.name));
    return (chosen ?? defaultSelection([...names])).filter((name) => names.has(name));
  }, [chosen, series]);

  const colors = useMemo(() => new Map(selected.map((name, i) => [name, colorFor(i)])), [selected]);
  const toggle = (name: string): void => {
    setChosen(selected.includes(name) ? selected.filter((n) => n !== name) : [...selected, name].slice(-32));
  };

  return (
    <div className="screen data-screen">
      <ImportPanel job={job} onStarted={setJobId} />
      {seriesQuery.error !== undefined ? <p className="error-text" role="alert">{seriesQuery.error}</p> : null}
      <ChartsPanel series={series} selected={selected} colors={colors} revision={revision} />
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} type="button" role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'active' : undefined} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      {tab === 'series' ? (
        <SeriesTable
          series={series}
          selected={selected}
          colors={colors}
          onToggle={toggle}
          onSelectOnly={(names) => setChosen([...names])}
        />
      ) : null}
      {tab === 'imports' ? <ImportHistory revision={revision} /> : null}
      {tab === 'load-tests' ? <LoadTestsTable revision={revision} /> : null}
      {tab === 'catalog' ? <CatalogTable revision={revision} /> : null}
    </div>
  );
}

/** CPU first when there is one (what capacity reviews look at first), else the first series. */
function defaultSelection(names: readonly string[]): string[] {
  const cpu = names.find((n) => /cpu/i.test(n));
  return [cpu ?? names[0] ?? ''].filter((n) => n.length > 0);
}
