// The IPC surface of the main process: one handler channel, one event channel, the flush answer and
// the native path dialog. Arguments are validated by invokeHandler (the renderer is untrusted).
import { ipcMain, type BrowserWindow } from 'electron';
import { z } from 'zod';
import { fail, type CandorEvent, type FlushReport, type Handlers, type Result } from '../../core/api';
import { invokeHandler } from '../services/handlers';
import { IPC } from '../preload/channels';
import { isTrustedSender, type IpcSenderInfo } from './ipc-sender';

const ChoosePathSchema = z
  .object({
    kind: z.enum(['open', 'save']),
    defaultPath: z.string().min(1).max(4096).optional(),
    purpose: z.enum(['workspace', 'export', 'import']).optional(),
  })
  .strict();

const FlushReportSchema = z.object({ saved: z.boolean(), problem: z.string().max(2000).optional() }).strict();

export interface IpcOptions {
  handlers: Handlers;
  window: () => BrowserWindow | undefined;
  devServerUrl?: string;
  /** after every handler call, so the title and menu follow the session */
  afterInvoke: (name: unknown, result: Result<unknown>) => void;
  flushed: (report?: FlushReport) => void;
  choosePath: (options: z.infer<typeof ChoosePathSchema>) => Promise<string | null>;
}

export function registerIpc(options: IpcOptions): () => void {
  const trusted = (event: IpcSenderInfo) => {
    const win = options.window();
    return isTrustedSender(event, win && !win.isDestroyed() ? win.webContents : undefined, options.devServerUrl);
  };

  ipcMain.handle(IPC.invoke, async (event, name: unknown, arg: unknown): Promise<Result<unknown>> => {
    if (!trusted(event)) {
      return fail({
        code: 'forbidden',
        message: `Refused "${String(name)}": the request did not come from Candor's own page. Reload the window and try again.`,
      });
    }
    const result = await invokeHandler(options.handlers, name, arg);
    options.afterInvoke(name, result);
    return result;
  });

  ipcMain.handle(IPC.choosePath, async (event, arg: unknown): Promise<string | null> => {
    if (!trusted(event)) return null;
    const parsed = ChoosePathSchema.safeParse(arg);
    if (!parsed.success) {
      // A programming error in the page, not a user action: reject so it shows up in the console.
      throw new Error(`choosePath takes { kind: 'open' | 'save', defaultPath?: string }: ${z.prettifyError(parsed.error)}`);
    }
    return options.choosePath(parsed.data);
  });

  const onFlushed = (event: IpcSenderInfo, arg?: unknown) => {
    if (!trusted(event)) return;
    // Only the known fields, bounded: the report ends up in a native dialog.
    const report = FlushReportSchema.safeParse(arg);
    options.flushed(report.success ? report.data : undefined);
  };
  ipcMain.on(IPC.flushed, onFlushed);

  return () => {
    ipcMain.removeHandler(IPC.invoke);
    ipcMain.removeHandler(IPC.choosePath);
    ipcMain.removeListener(IPC.flushed, onFlushed);
  };
}

/** Sends an event to the window; false when there is no page to receive it. */
export function sendEvent(win: BrowserWindow | undefined, event: CandorEvent): boolean {
  if (!win || win.isDestroyed()) return false;
  const contents = win.webContents;
  if (contents.isDestroyed() || contents.isCrashed()) return false;
  contents.send(IPC.event, event);
  return true;
}
