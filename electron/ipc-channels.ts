/** IPC channel names between preload and main. One channel per contract method (`api:<method>`). */
export const apiChannel = (method: string): string => `api:${method}`;
/** Main → renderer: backend events. */
export const EVENT_CHANNEL = 'api:event';
/** Renderer → main: show the open dialog and stage the chosen files for import. */
export const PICK_IMPORT_FILES_CHANNEL = 'dialog:pick-import-files';
/** Renderer → main: show the open dialog for a workspace and open it. */
export const PICK_WORKSPACE_CHANNEL = 'dialog:open-workspace';
/** Renderer → main: show the save dialog and create a new workspace there. */
export const CREATE_WORKSPACE_CHANNEL = 'dialog:create-workspace';
/** The origin the UI is served from in the desktop app. */
export const APP_ORIGIN = 'app://headroom';
