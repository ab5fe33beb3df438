import { useEffect, useState } from 'react';
import type { AppInfo, JobState, WorkspaceInfo } from '../../shared/api/types.js';
import { useBackend } from './backend-context.js';
import { WorkspaceBar } from './WorkspaceBar.js';
import { DataScreen } from '../screens/data/DataScreen.js';
import { ForecastScreen } from '../screens/forecast/ForecastScreen.js';
import { WorkloadScreen } from '../screens/workload/WorkloadScreen.js';
import { HeadroomScreen } from '../screens/headroom/HeadroomScreen.js';
import { ScalabilityScreen } from '../screens/scalability/ScalabilityScreen.js';
import { CompareScreen } from '../screens/compare/CompareScreen.js';
import { DrScreen } from '../screens/dr/DrScreen.js';
import { ReportScreen } from '../screens/report/ReportScreen.js';
import { SCREENS, useScreenRoute } from './screen-route.js';

/** The application frame: navigation, the open workspace, and the current screen. */
export function App() {
  const client = useBackend();
  const [info, setInfo] = useState<AppInfo>();
  const [workspace, setWorkspace] = useState<WorkspaceInfo | null>(null);
  const [revision, setRevision] = useState(0);
  const [jobs, setJobs] = useState<ReadonlyMap<string, JobState>>(new Map());
  const [problem, setProblem] = useState<string>();
  const route = useScreenRoute();

  useEffect(() => {
    client.call('app.info', {}).then(
      (value) => {
        setInfo(value);
        setWorkspace(value.workspace);
      },
      (error: unknown) => setProblem(String((error as Error).message ?? error)),
    );
    return client.subscribe((event) => {
      if (event.type === 'workspace.changed') {
        setWorkspace(event.workspace);
        setRevision((r) => r + 1);
      } else if (event.type === 'job.updated') {
        setJobs((current) => new Map(current).set(event.job.id, event.job));
      }
    });
  }, [client]);

  return (
    <div className="app">
      <nav className="sidebar" aria-label="Screens">
        <div className="brand">Headroom</div>
        {SCREENS.map((screen) => (
          <a key={screen.id} className={`nav-item${route.screen === screen.id ? ' active' : ''}`} aria-current={route.screen === screen.id ? 'page' : undefined} href={`#${screen.id}`}>
            {screen.label}
          </a>
        ))}
        <div className="sidebar-foot muted">{info === undefined ? '' : `v${info.version} · ${info.host === 'electron' ? 'desktop' : 'browser mode'}`}</div>
      </nav>
      <main className="main">
        <WorkspaceBar workspace={workspace} revision={revision} />
        {problem !== undefined ? <p className="error-text" role="alert">{problem}</p> : null}
        {workspace === null ? (
          <div className="screen empty-workspace">
            <h1>Open or create a workspace</h1>
            <p>A workspace is one file (*.headroom) holding your imported metrics and everything Headroom concludes from them.</p>
          </div>
        ) : route.screen === 'workload' ? (
          <WorkloadScreen revision={revision} series={route.series} />
        ) : route.screen === 'headroom' ? (
          <HeadroomScreen revision={revision} />
        ) : route.screen === 'scalability' ? (
          <ScalabilityScreen revision={revision} />
        ) : route.screen === 'compare' ? (
          <CompareScreen revision={revision} />
        ) : route.screen === 'dr' ? (
          <DrScreen revision={revision} />
        ) : route.screen === 'report' ? (
          <ReportScreen revision={revision} />
        ) : route.screen === 'forecast' ? (
          <ForecastScreen revision={revision} series={route.series} />
        ) : (
          <DataScreen revision={revision} jobs={jobs} />
        )}
      </main>
    </div>
  );
}
