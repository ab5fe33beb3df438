import { ApiFailure, type Result } from '../shared/api/result.js';
import { isApiMethod } from '../shared/api/contract.js';
import { validateInput } from '../shared/api/validate-input.js';
import { APP_ORIGIN } from './ipc-channels.js';

/**
 * The checks every IPC call passes in the main process before anything else happens
 * (Electron security checklist §17 and §20; docs/security.md). Kept free of Electron's
 * own module so that plain Node tests exercise them (ipc-guard.test.ts); the shapes below
 * are the parts of Electron's IpcMainInvokeEvent and WebFrameMain they read.
 */

const APP = new URL(APP_ORIGIN);

/**
 * True for our own pages, `app://headroom/…`. Compared by scheme and host, not by
 * `URL.origin`: for a scheme WHATWG does not know, Node's URL gives the origin "null", so
 * an origin comparison would hold only where Electron patches URL for privileged schemes.
 */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === APP.protocol && parsed.host === APP.host && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** §15: only https links leave the app, and only to the user's browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
}

export interface SenderFrameLike {
  readonly url: string;
  /** null for a top-level frame. */
  readonly parent: unknown;
}

export interface InvokeEventLike {
  readonly sender: unknown;
  readonly senderFrame: SenderFrameLike | null;
}

/**
 * §17: a call is served only for our own window, from its top frame (not an iframe),
 * showing our own page. A frame that has gone away (senderFrame null) is refused.
 */
export function isTrustedSender(event: InvokeEventLike, window: { readonly webContents: unknown } | undefined): boolean {
  if (window === undefined || event.sender !== window.webContents) return false;
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

const refused = (error: ApiFailure): Result<never> => ({ ok: false, error: error.toApiError() });

/**
 * A contract call's arguments, checked against the contract's own zod schema before the
 * call is passed to the backend process: exactly one argument (the preload always sends
 * one), valid for that method. The backend validates again; this keeps malformed input
 * from ever reaching the process that holds the workspace.
 */
export function checkApiCall(method: string, args: readonly unknown[]): Result<unknown> {
  if (!isApiMethod(method)) return refused(new ApiFailure('not-found', `unknown method '${method}'`));
  if (args.length > 1) return refused(new ApiFailure('bad-input', `${method}: expected one argument, got ${args.length}`));
  try {
    validateInput(method, args[0]);
    return { ok: true, value: args[0] ?? {} };
  } catch (error) {
    if (error instanceof ApiFailure) return refused(error);
    throw error;
  }
}

/** The dialog channels take no arguments: the paths come from the dialog, never from the page. */
export function checkNoArguments(channel: string, args: readonly unknown[]): Result<undefined> {
  return args.length === 0 ? { ok: true, value: undefined } : refused(new ApiFailure('bad-input', `${channel} takes no arguments, got ${args.length}`));
}
