// Runs axe-core (WCAG 2.1 A/AA and best practices) on one HTML file in
// headless Chromium and prints the result as JSON on stdout, with how wide
// the page is laid out against the viewport (a page wider than the screen
// scrolls sideways on a phone) and the smallest type size of the chart's
// labels; with SCREENSHOT, saves the whole page as PNG there:
//   node check.js FILE.html [WIDTH] [SCREENSHOT.png]
// Exit 0 when axe ran (whatever it found: the Rust test judges the result),
// 2 when Chromium or axe could not run.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

(async () => {
  const file = path.resolve(process.argv[2]);
  const width = Number(process.argv[3] || 1280);
  // Flags as the machine notes say: no sandbox as root, and no background
  // networking on a closed network.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto('file://' + file);
    await page.addScriptTag({ content: fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
    const result = await page.evaluate(() => axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
    }));
    const layout = await page.evaluate(() => {
      const sizes = [...document.querySelectorAll('.chart .id, .chart .value')]
        .map((e) => parseFloat(getComputedStyle(e).fontSize));
      return {
        scrollWidth: document.documentElement.scrollWidth,
        viewportWidth: window.innerWidth,
        chartLabels: sizes.length,
        smallestChartLabelPx: sizes.length ? Math.min(...sizes) : null,
      };
    });
    if (process.argv[4]) {
      await page.screenshot({ path: process.argv[4], fullPage: true });
    }
    console.log(JSON.stringify({
      layout,
      axe: result.testEngine.version,
      passes: result.passes.length,
      violations: result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
      })),
    }));
  } finally {
    await browser.close();
  }
})().catch((e) => { console.error(e); process.exit(2); });
