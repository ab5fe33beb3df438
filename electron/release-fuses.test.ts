import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * Electron security checklist §19: the release build flips Electron's fuses so that the
 * shipped binary cannot be turned into a general-purpose Node (ELECTRON_RUN_AS_NODE,
 * NODE_OPTIONS, --inspect) or made to run code from outside its integrity-checked asar.
 * electron-builder applies them from electron-builder.yml; this pins them, so weakening
 * one is a visible change in review. (The flat `key: value` block is read without a YAML
 * library on purpose.)
 */
const config = readFileSync(new URL('../electron-builder.yml', import.meta.url), 'utf8');

function block(name: string): Record<string, string> {
  const lines = config.split('\n');
  const start = lines.findIndex((line) => line === `${name}:`);
  if (start === -1) throw new Error(`electron-builder.yml has no ${name} block`);
  const entries: Record<string, string> = {};
  for (const line of lines.slice(start + 1)) {
    const match = /^ {2}(\w+): (.+)$/.exec(line);
    if (match?.[1] === undefined || match[2] === undefined) break;
    entries[match[1]] = match[2].trim();
  }
  return entries;
}

describe('release build fuses (electron-builder.yml)', () => {
  it('turn off every way to run the app as something else, and check the asar', () => {
    expect(block('electronFuses')).toEqual({
      runAsNode: 'false',
      enableCookieEncryption: 'true',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableEmbeddedAsarIntegrityValidation: 'true',
      onlyLoadAppFromAsar: 'true',
      loadBrowserProcessSpecificV8Snapshot: 'false',
      grantFileProtocolExtraPrivileges: 'false',
    });
  });

  it('pack the app into an asar (what the integrity fuse checks)', () => {
    expect(config).toMatch(/^asar: true$/m);
  });
});
