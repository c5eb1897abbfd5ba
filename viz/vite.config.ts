import { defineConfig } from 'vite';

// The viewer is a static site: `vite build` (npm run build:viz) writes viz/dist, which `shopfloor view`
// serves and which can be hosted anywhere. The engine is bundled into the Web Worker from ../src.
export default defineConfig({
  root: import.meta.dirname,
  base: './',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1500 },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
  resolve: {
    // @datadog/sketches-js requires protobufjs only to serialise a sketch, which the engine never does;
    // the stub keeps the bundle free of an unresolvable import.
    alias: { 'protobufjs/minimal': `${import.meta.dirname}/src/engine/no-protobuf.ts` },
  },
});
