import { useBackendQuery } from '../../app/use-backend-query.js';
import { ImportReport } from './ImportReport.js';

/** Every file imported into this workspace, newest first: the provenance a report cites. */
export function ImportHistory({ revision }: { revision: number }) {
  const history = useBackendQuery('import.history', {}, String(revision));
  if (history.error !== undefined) return <p className="error-text">{history.error}</p>;
  const records = history.data ?? [];
  if (records.length === 0) return <p className="empty">No files imported into this workspace yet.</p>;
  return (
    <div className="history">
      {records.map((r) => (
        <ImportReport key={r.id} file={r} when={r.importedAt} />
      ))}
    </div>
  );
}
