// Real Chromium (the Debian package) driven by playwright-core, and axe-core run inside its pages.
// Chromium's background services are switched off: this machine has no internet, and without the
// flags it keeps retrying its update and sync servers. Each launch gets a fresh temporary profile.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Without Chromium (`apt-get install chromium`) the browser tests are skipped with a message, so that
 * `npm test` works on a fresh machine; under CI=true (`.ci/run` installs it) they run, and fail if
 * it is missing.
 */
export const runBrowserTests = (): boolean => {
  if (existsSync(CHROMIUM)) return true;
  if (['1', 'true'].includes((process.env.CI ?? '').toLowerCase())) return true;
  console.warn(`${CHROMIUM} not found (apt-get install chromium); skipping the browser tests`);
  return false;
};

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's WCAG 2 A/AA checks on the page as it is now; returns the serious and critical
 * violations. axe is evaluated through the DevTools protocol, so the page's CSP (no inline
 * scripts) stays on while it runs.
 */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run(o: object): Promise<{ violations: unknown[] }> } })
      .axe;
    const result = await axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] } });
    return result.violations as Array<{
      id: string;
      impact: string | null;
      help: string;
      nodes: Array<{ target: string[] }>;
    }>;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(' ')),
    }));
}
