/** The Electron binary's path, or undefined where it could not be installed. */
export function electronBinary(): string | undefined;
export function electronVersion(): string | undefined;
