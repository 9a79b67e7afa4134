import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `REQSTLY_BACKEND=http://localhost:8080 npm run dev` proxies /rest and /auth
// to a running stack, so the dev server is one origin like production.
const backend = process.env.REQSTLY_BACKEND;
const proxy = backend
  ? {
      '/rest': { target: backend, changeOrigin: false },
      '/auth': { target: backend, changeOrigin: false },
    }
  : undefined;

export default defineConfig({
  // The React Compiler runs as a Babel plugin inside @vitejs/plugin-react.
  plugins: [react({ babel: { plugins: [['babel-plugin-react-compiler', {}]] } })],
  build: {
    outDir: 'dist',
    target: 'es2022',
    sourcemap: true,
    // index.html stays free of inline scripts and styles (strict CSP).
    modulePreload: { polyfill: false },
  },
  server: { host: '127.0.0.1', proxy },
  preview: { host: '127.0.0.1', proxy },
});
