import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true },
  server: {
    // The runtime serves the API; in development the editor talks to it through this proxy.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
