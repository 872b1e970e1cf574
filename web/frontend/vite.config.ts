import { defineConfig } from 'vite';
import preact from '@preact/preset-vite';

// Built into the web module's classes (classpath /app), so the jar carries it and Javalin serves it.
// No inline script or style in the output: the server's CSP is default-src 'self'.
export default defineConfig({
  plugins: [preact()],
  base: '/',
  build: {
    outDir: '../target/classes/app',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  test: {
    environment: 'jsdom',
    globals: true,
  },
});
