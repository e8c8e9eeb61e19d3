import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests drive the real renderer against the real studio server (see fixtures.ts).
 * Browsers: Debian's Chromium, never a downloaded one; WebGL through SwiftShader so the 3D view
 * renders on machines without a GPU.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.ts$/,
  outputDir: process.env.ATELIER_E2E_OUTPUT ?? '../../test-results',
  // One worker: the CI machine has two cores, and each worker runs its own server.
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [['list'], ['html', { outputFolder: '../../playwright-report', open: 'never' }]] : [['list']],
  use: {
    viewport: { width: 1440, height: 900 },
    actionTimeout: 10_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-sandbox'],
    },
  },
});
