// The few globals core/ may use: they exist in every JavaScript runtime Candor runs in (Node,
// Chromium, Electron), but TypeScript lists them with the DOM or Node. Declaring them here lets
// core/ be type-checked without either, which is what keeps it pure.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean });
  decode(input?: Uint8Array): string;
}
declare const performance: { now(): number };
