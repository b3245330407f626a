// Every IPC message is checked for where it came from: the top frame of our one window, showing a
// page of ours. A frame that navigated elsewhere, an iframe or another webContents gets nothing.
import { isAppUrl } from './app-url';

/** The parts of an IpcMainEvent / IpcMainInvokeEvent the check reads. */
export interface IpcSenderInfo {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

export function isTrustedSender(event: IpcSenderInfo, ourContents: unknown, devServerUrl: string | undefined): boolean {
  const frame = event.senderFrame;
  if (ourContents === undefined || event.sender !== ourContents) return false;
  if (!frame || frame.parent !== null) return false;
  return isAppUrl(frame.url, devServerUrl);
}
