import type { SwitchboardBridge } from './bridge.ts';

declare global {
  interface Window {
    /** Present in the Electron app; absent when the console runs in a plain browser. */
    switchboard?: SwitchboardBridge;
  }
}
