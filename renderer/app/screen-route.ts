import { useEffect, useState } from 'react';

/**
 * Screens are addressed by the URL fragment — `#forecast/cpu_pct` — so that the back
 * button, a reload and a bookmark (browser mode) land where the user was.
 */

export type ScreenId = 'data' | 'workload' | 'forecast' | 'headroom' | 'scalability' | 'compare' | 'dr' | 'report';

export const SCREENS: readonly { readonly id: ScreenId; readonly label: string }[] = [
  { id: 'data', label: 'Data' },
  { id: 'workload', label: 'Workload' },
  { id: 'forecast', label: 'Forecast' },
  { id: 'headroom', label: 'Headroom' },
  { id: 'scalability', label: 'Scalability' },
  { id: 'compare', label: 'Compare' },
  { id: 'dr', label: 'DR' },
  { id: 'report', label: 'Report' },
];

export interface ScreenRoute {
  readonly screen: ScreenId;
  /** The series the screen shows, when the fragment names one. */
  readonly series: string | undefined;
}

/** Parses `#screen/series-name` (the series part URI-encoded). */
export function parseScreenRoute(hash: string): ScreenRoute {
  const [screenPart = '', ...rest] = hash.replace(/^#/, '').split('/');
  const screen = SCREENS.find((s) => s.id === screenPart)?.id ?? 'data';
  const seriesPart = rest.join('/');
  let series: string | undefined;
  try {
    series = seriesPart === '' ? undefined : decodeURIComponent(seriesPart);
  } catch {
    series = undefined;
  }
  return { screen, series };
}

/** The fragment of a screen, optionally for one series. */
export function screenHref(screen: ScreenId, series?: string): string {
  return series === undefined ? `#${screen}` : `#${screen}/${encodeURIComponent(series)}`;
}

/** The current route, following hash changes. */
export function useScreenRoute(): ScreenRoute {
  const [route, setRoute] = useState(() => parseScreenRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseScreenRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
