import { useState } from 'react';
import type { WorkspaceInfo } from '../../shared/api/types.js';
import { BackendError } from '../api/backend-client.js';
import { formatBytes, formatCount } from '../format/format-number.js';
import { useBackend } from './backend-context.js';
import { useBackendQuery } from './use-backend-query.js';

/** The open workspace, and the ways to open another or start a new one. */
export function WorkspaceBar({ workspace, revision }: { workspace: WorkspaceInfo | null; revision: number }) {
  const client = useBackend();
  const [dialog, setDialog] = useState<'open' | 'new' | null>(null);
  const [path, setPath] = useState('');
  const [problem, setProblem] = useState<string>();
  const recent = useBackendQuery('workspace.recent', {}, String(revision));

  const run = async (action: () => Promise<unknown>): Promise<void> => {
    try {
      await action();
      setDialog(null);
      setProblem(undefined);
    } catch (error) {
      setProblem(error instanceof BackendError ? error.message : String(error));
    }
  };
  const open = (): void => {
    if (client.pickWorkspace !== undefined) void run(() => client.pickWorkspace?.() ?? Promise.resolve());
    else setDialog('open');
  };
  const create = (): void => {
    if (client.createWorkspaceWithDialog !== undefined) void run(() => client.createWorkspaceWithDialog?.() ?? Promise.resolve());
    else setDialog('new');
  };
  return (
    <header className="workspace-bar">
      <div className="workspace-title">
        {workspace === null ? (
          <strong>No workspace open</strong>
        ) : (
          <>
            <strong data-testid="workspace-name">{workspace.name}</strong>
            <span className="muted" title={workspace.path}>
              {formatCount(workspace.seriesCount)} series · {formatCount(workspace.pointCount)} points · {formatBytes(workspace.sizeBytes)}
            </span>
          </>
        )}
      </div>
      <div className="workspace-actions">
        <button type="button" onClick={open}>Open…</button>
        <button type="button" onClick={create}>New…</button>
      </div>
      {dialog !== null ? (
        <div className="dialog" role="dialog" aria-label={dialog === 'open' ? 'Open workspace' : 'New workspace'}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void run(() => client.call(dialog === 'open' ? 'workspace.open' : 'workspace.create', { path }));
            }}
          >
            <label>
              {dialog === 'open' ? 'Workspace file' : 'New workspace file'}
              <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/me/capacity.headroom" />
            </label>
            <button type="submit" className="primary">{dialog === 'open' ? 'Open' : 'Create'}</button>
            <button type="button" onClick={() => setDialog(null)}>Cancel</button>
          </form>
          {dialog === 'open' && (recent.data ?? []).length > 0 ? (
            <ul className="recent">
              {(recent.data ?? []).map((r) => (
                <li key={r.path}>
                  <button type="button" className="link" disabled={!r.exists} onClick={() => void run(() => client.call('workspace.open', { path: r.path }))}>
                    {r.name}
                  </button>
                  <span className="muted"> {r.path}{r.exists ? '' : ' (missing)'}</span>
                </li>
              ))}
            </ul>
          ) : null}
          {problem !== undefined ? <p className="error-text" role="alert">{problem}</p> : null}
        </div>
      ) : null}
    </header>
  );
}
