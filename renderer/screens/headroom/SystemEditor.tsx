import { useMemo, useState } from 'react';
import type { ApiOutput } from '../../../shared/api/contract.js';
import type { ResourceConfig, SystemConfig } from '../../../shared/capacity/system-config.js';
import { BackendError } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { useBackendQuery } from '../../app/use-backend-query.js';
import { useDraft } from '../../app/use-draft.js';

interface Props {
  readonly current: ApiOutput<'system.get'>;
  readonly onSaved: () => void;
}

const HORIZONS = ['12mo', '18mo', '24mo', '36mo'];

/** The system the verdict is about: its instance, allocated storage, and each resource's target, statistic, capacity and soft-limit flag. */
export function SystemEditor({ current, onSaved }: Props) {
  const client = useBackend();
  const catalog = useBackendQuery('catalog.list', {}, '');
  const [config, setConfig] = useState<SystemConfig>(current.config);
  const [problem, setProblem] = useState<string>();
  // Unsaved settings survive a crash: kept as a draft, offered back when the editor opens.
  const draft = useBackendQuery('draft.get', { editor: 'system' }, '');
  const [draftDismissed, setDraftDismissed] = useState(false);
  const dirty = useMemo(() => JSON.stringify(config) !== JSON.stringify(current.config), [config, current.config]);
  useDraft('system', config, dirty);
  const leftover = draft.data ?? null;
  const offerDraft = !draftDismissed && !dirty && leftover !== null && JSON.stringify(leftover.value) !== JSON.stringify(current.config);
  const setResource = (id: string, change: Partial<ResourceConfig>): void => setConfig((c) => ({ ...c, resources: c.resources.map((r) => (r.id === id ? { ...r, ...change } : r)) }));
  const instanceKey = config.instance === null ? '' : `${config.instance.provider}|${config.instance.instanceClass}`;
  const save = async (): Promise<void> => {
    try {
      await client.call('system.save', { ...config, resources: config.resources.map((r) => ({ ...r, series: [...r.series] })) });
      await client.call('draft.discard', { editor: 'system' }).catch(() => undefined);
      setProblem(undefined);
      onSaved();
    } catch (error) {
      setProblem(error instanceof BackendError ? error.message : String(error));
    }
  };
  return (
    <section className="panel system-editor" aria-label="System settings" data-testid="system-editor">
      <div className="panel-head">
        <h2>System settings</h2>
        <span className="muted">saved in the workspace; every verdict on this screen follows them</span>
      </div>
      {offerDraft ? (
        <p className="draft-banner" role="alert" data-testid="system-draft-banner">
          Unsaved settings from {leftover.savedAt.replace('T', ' ').slice(0, 19)} UTC were kept.{' '}
          <button
            type="button"
            onClick={() => {
              setConfig(leftover.value as SystemConfig);
              setDraftDismissed(true);
            }}
          >
            Restore them
          </button>{' '}
          <button
            type="button"
            onClick={() => {
              setDraftDismissed(true);
              void client.call('draft.discard', { editor: 'system' }).catch(() => undefined);
            }}
          >
            Discard
          </button>
        </p>
      ) : null}
      <div className="system-fields">
        <label>
          Name <input aria-label="System name" value={config.name} onChange={(e) => setConfig({ ...config, name: e.target.value })} />
        </label>
        <label>
          Instance{' '}
          <select
            aria-label="Instance"
            value={instanceKey}
            onChange={(e) => {
              const [provider = '', instanceClass = ''] = e.target.value.split('|');
              setConfig({ ...config, instance: e.target.value === '' ? null : { provider, instanceClass } });
            }}
          >
            <option value="">none (give capacities below)</option>
            {(catalog.data ?? []).map((i) => (
              <option key={`${i.provider}|${i.instanceClass}`} value={`${i.provider}|${i.instanceClass}`}>
                {i.instanceClass} — {i.vcpu} vCPU, {i.memoryGiB} GiB, {i.maxIops.toLocaleString('en-US')} IOPS
              </option>
            ))}
          </select>
        </label>
        <label>
          Allocated storage (GiB){' '}
          <input
            aria-label="Allocated storage (GiB)"
            className="short"
            value={config.allocatedStorageGiB ?? ''}
            placeholder="instance max"
            onChange={(e) => setConfig({ ...config, allocatedStorageGiB: e.target.value.trim() === '' ? null : Number(e.target.value) })}
          />
        </label>
        <label>
          Current peak over the last{' '}
          <input aria-label="Window (days)" className="short" value={config.windowDays} onChange={(e) => setConfig({ ...config, windowDays: Number(e.target.value) })} /> days
        </label>
        <label>
          Horizon{' '}
          <select aria-label="Runway horizon" value={config.horizon} onChange={(e) => setConfig({ ...config, horizon: e.target.value })}>
            {HORIZONS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
      </div>
      <table className="data-table compact">
        <thead>
          <tr>
            <th>resource</th>
            <th>series</th>
            <th>judged on</th>
            <th className="num">target % of capacity</th>
            <th className="num">capacity (blank: from the instance)</th>
            <th>soft limit</th>
            <th>why this target</th>
          </tr>
        </thead>
        <tbody>
          {config.resources.map((r) => (
            <tr key={r.id}>
              <td>{r.label}</td>
              <td className="name">{r.series.join(' + ')}</td>
              <td>
                <select aria-label={`${r.label} statistic`} value={r.statistic} onChange={(e) => setResource(r.id, { statistic: e.target.value as ResourceConfig['statistic'] })}>
                  <option value="p95">P95</option>
                  <option value="p99">P99</option>
                  <option value="max">max</option>
                  <option value="mean">mean</option>
                </select>
              </td>
              <td className="num">
                <input aria-label={`${r.label} target %`} className="short" value={r.targetPct} onChange={(e) => setResource(r.id, { targetPct: Number(e.target.value) })} />
              </td>
              <td className="num">
                <input
                  aria-label={`${r.label} capacity`}
                  className="short"
                  value={r.capacity ?? ''}
                  placeholder="instance"
                  onChange={(e) => setResource(r.id, { capacity: e.target.value.trim() === '' ? null : Number(e.target.value) })}
                />{' '}
                {r.unit}
              </td>
              <td>
                <input type="checkbox" aria-label={`${r.label} is a soft limit`} checked={r.artificial} onChange={(e) => setResource(r.id, { artificial: e.target.checked })} />
              </td>
              <td className="muted wrap">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="scenario-actions">
        <button type="button" className="primary" onClick={() => void save()}>
          Save and recompute
        </button>
        {problem !== undefined ? (
          <span className="error-text" role="alert">
            {problem}
          </span>
        ) : null}
      </div>
    </section>
  );
}
