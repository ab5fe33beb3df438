import { useRef, useState, type DragEvent } from 'react';
import type { JobState } from '../../../shared/api/types.js';
import { BackendError, type StagedImportFile } from '../../api/backend-client.js';
import { useBackend } from '../../app/backend-context.js';
import { ImportReport } from './ImportReport.js';
import { ImportDialog } from './ImportDialog.js';

interface Props {
  readonly job: JobState | undefined;
  readonly onStarted: (jobId: string) => void;
}

/** Import: choose or drop files, watch progress (and cancel), then read the report. */
export function ImportPanel({ job, onStarted }: Props) {
  const client = useBackend();
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [staging, setStaging] = useState(false);
  /** Files chosen and staged, waiting in the import dialog. */
  const [chosen, setChosen] = useState<readonly StagedImportFile[] | null>(null);

  const review = (staged: readonly StagedImportFile[]): void => {
    if (staged.length === 0) return;
    setProblem(undefined);
    setChosen(staged);
  };
  const stageAndReview = async (files: readonly File[]): Promise<void> => {
    if (files.length === 0) return;
    setStaging(true);
    try {
      review(await client.stageFiles(files));
    } catch (error) {
      setProblem(error instanceof BackendError ? error.message : String(error));
    } finally {
      setStaging(false);
    }
  };
  const choose = (): void => {
    if (client.pickImportFiles !== undefined) void client.pickImportFiles().then(review, (e: unknown) => setProblem(String(e)));
    else fileInput.current?.click();
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setDragging(false);
    void stageAndReview([...event.dataTransfer.files]);
  };
  const running = job?.status === 'running';
  return (
    <section
      className={`panel import-panel${dragging ? ' dragging' : ''}`}
      aria-label="Import"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <div className="import-row">
        <button type="button" className="primary" onClick={choose} disabled={running || staging}>
          Import files…
        </button>
        <span className="muted">
          or drop exports here: Prometheus, Grafana, CloudWatch, Datadog, Azure Monitor, Google Cloud, InfluxDB, sar, pg_stat_statements, MySQL digests, or any CSV with a time column.
        </span>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="import-input"
          accept=".csv,.tsv,.txt,.json,.gz,text/csv,text/plain,application/json"
          onChange={(e) => {
            void stageAndReview([...(e.target.files ?? [])]);
            e.target.value = '';
          }}
        />
      </div>
      {staging ? <p className="muted">Uploading…</p> : null}
      {chosen !== null ? (
        <ImportDialog
          files={chosen}
          onCancel={() => setChosen(null)}
          onStarted={(jobId) => {
            setChosen(null);
            onStarted(jobId);
          }}
        />
      ) : null}
      {running && job !== undefined ? (
        <div className="job" role="status" data-testid="import-progress">
          <span>{job.phase}</span>
          <progress max={1} value={job.fraction ?? undefined} />
          <button type="button" onClick={() => void client.call('job.cancel', { jobId: job.id })}>Cancel</button>
        </div>
      ) : null}
      {problem !== undefined ? <p className="error-text" role="alert">{problem}</p> : null}
      {job !== undefined && job.status === 'failed' ? (
        <p className="error-text" role="alert" data-testid="import-error">
          Nothing was imported. {job.error?.message}
        </p>
      ) : null}
      {job !== undefined && job.status === 'cancelled' ? <p className="muted" role="status">Import cancelled; the workspace is unchanged.</p> : null}
      {job?.status === 'done' && job.result !== null ? job.result.files.map((f) => <ImportReport key={f.file} file={f} />) : null}
    </section>
  );
}
