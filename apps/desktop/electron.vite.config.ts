// Builds the three Electron processes. The preload is CommonJS because sandboxed preloads cannot load ES modules.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { contentSecurityPolicy } from './src/shared/content-security-policy.ts';

/** The page's policy before sign-in, written from the same function the tests check (not copied by hand). */
const contentSecurityPolicyMeta = (): Plugin => ({
  name: 'switchboard-content-security-policy',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(null, 'meta') },
      injectTo: 'head-prepend',
    },
  ],
});

export default defineConfig({
  main: {
    build: { outDir: 'out/main', rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } } },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    // Relative asset paths so the same build loads from file:// in Electron and from any static server.
    base: './',
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      minify: true,
      rollupOptions: { input: resolve(__dirname, 'src/renderer/index.html') },
    },
    plugins: [contentSecurityPolicyMeta(), react()],
  },
});
