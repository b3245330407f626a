// The page's only way to the backend: `window.candor`, a handful of functions over fixed channels.
// ipcRenderer itself never reaches the page, and handler names are checked here before anything is
// sent (the main process checks them again; the page is untrusted). Sandboxed preloads run as
// CommonJS, so this file is bundled to out/preload/index.cjs.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  fail,
  HANDLER_NAMES,
  type CandorBridge,
  type CandorEvent,
  type FlushReport,
  type HandlerArg,
  type HandlerName,
  type HandlerValue,
  type Result,
} from '../../core/api';
import { IPC, type ChoosePathOptions } from './channels';

const knownHandlers: ReadonlySet<string> = new Set(HANDLER_NAMES);

const bridge = {
  invoke<K extends HandlerName>(name: K, arg: HandlerArg<K>): Promise<Result<HandlerValue<K>>> {
    if (typeof name !== 'string' || !knownHandlers.has(name)) {
      return Promise.resolve(
        fail({
          code: 'unknown-handler',
          message: `There is no handler named "${String(name)}". Known handlers: ${HANDLER_NAMES.join(', ')}.`,
        }),
      );
    }
    return ipcRenderer.invoke(IPC.invoke, name, arg) as Promise<Result<HandlerValue<K>>>;
  },

  on(listener: (event: CandorEvent) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('candor.on needs a function to call with each event.');
    const forward = (_event: IpcRendererEvent, payload: CandorEvent) => listener(payload);
    ipcRenderer.on(IPC.event, forward);
    return () => {
      ipcRenderer.removeListener(IPC.event, forward);
    };
  },

  flushed(report?: FlushReport): void {
    // Only the known fields, whatever else the object carries.
    ipcRenderer.send(
      IPC.flushed,
      report ? { saved: report.saved === true, ...(typeof report.problem === 'string' ? { problem: report.problem } : {}) } : undefined,
    );
  },

  choosePath(options: ChoosePathOptions): Promise<string | null> {
    // Only the known fields are sent, whatever else the object carries.
    const request: ChoosePathOptions = { kind: options?.kind };
    if (options?.defaultPath !== undefined) request.defaultPath = options.defaultPath;
    if (options?.purpose !== undefined) request.purpose = options.purpose;
    return ipcRenderer.invoke(IPC.choosePath, request) as Promise<string | null>;
  },
} satisfies CandorBridge & { choosePath(options: ChoosePathOptions): Promise<string | null> };

contextBridge.exposeInMainWorld('candor', bridge);
