declare const __HEADROOM_VERSION__: string | undefined;

/** The version from package.json, injected by the build (and by the Vitest config). */
export const APP_VERSION: string = typeof __HEADROOM_VERSION__ === 'string' ? __HEADROOM_VERSION__ : '0.0.0-dev';
