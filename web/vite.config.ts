import babel from '@rolldown/plugin-babel';
import react, { reactCompilerPreset } from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The React Compiler runs as a Babel preset next to @vitejs/plugin-react
// (Vite 8 / Rolldown: the plugin itself no longer takes a babel option).
export default defineConfig({
  plugins: [react(), babel({ presets: [reactCompilerPreset()] })],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // index.html must stay free of inline scripts and styles (strict CSP).
    modulePreload: { polyfill: false },
  },
  server: {
    host: '127.0.0.1',
  },
  preview: {
    host: '127.0.0.1',
  },
});
