import { defineConfig } from '@playwright/test';

const ci = Boolean(process.env.CI);

// Two ways to drive the same UI: Chromium against the local web mode (each web spec starts its own
// `candor serve` on a fresh temporary workspace), and the desktop app through Playwright's Electron
// support where an Electron binary is installed.
export default defineConfig({
  testDir: 'e2e',
  // The machines these run on have two cores. One worker leaves much of them idle while a test waits on
  // its server or the page (31 web tests took 4.5 min with one worker, 3.4 with two); every test has its
  // own server and workspace, so two run side by side safely. More than two only make each test slower.
  workers: 2,
  fullyParallel: false,
  forbidOnly: ci,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'web',
      testIgnore: /electron\.spec\.ts$/,
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      },
    },
    {
      name: 'electron',
      testMatch: /electron\.spec\.ts$/,
    },
  ],
});
