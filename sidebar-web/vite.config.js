import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'

// Served by the Quarkus app (Quinoa) under /sidebar/; the API is same-origin.
export default defineConfig({
  base: '/sidebar/',
  plugins: [vue()],
  build: {
    outDir: 'dist',
    target: 'es2019',
    cssCodeSplit: true,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/api': 'http://localhost:8080', '/auth': 'http://localhost:8080' },
  },
})
