/**
 * better-sqlite3 is a native module, built for one ABI at a time. Plain Node (tests,
 * CLI, browser mode) uses node_modules' own build. The desktop app runs the backend in
 * Electron's utility process, which needs a build for Electron's ABI; scripts/
 * build-native-electron.mjs makes that copy and the host passes its path here through
 * HEADROOM_SQLITE_BINDING, so one checkout serves both without rebuilding in place.
 */
export function nativeBindingPath(): string | undefined {
  const path = process.env['HEADROOM_SQLITE_BINDING'];
  return path !== undefined && path.length > 0 ? path : undefined;
}
