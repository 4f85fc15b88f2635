// Loads a CloudPI HTML report from a file in headless chromium with networking off, and prints as JSON what a
// reader would get: console errors, any request that tried to leave the file, rendered diagrams, and how the search
// box narrows the findings. Usage: node check.mjs REPORT.html SEARCH_TERM SCREENSHOT.png
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [report, term, screenshot] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
try {
  const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
  const outside = [];
  await context.route('**/*', route => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', message => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', error => consoleErrors.push(String(error)));
  await page.goto(pathToFileURL(report).href, { waitUntil: 'load' });

  const visible = () => page.$$eval('details.finding', all => all.filter(f => !f.hidden).length);
  const findings = await page.$$eval('details.finding', all => all.length);
  const before = await visible();
  const diagrams = await page.$$eval('details.finding svg.path-diagram', all => all.map(svg => {
    const box = svg.getBoundingClientRect();
    return { hops: svg.querySelectorAll('rect').length, width: box.width, height: box.height };
  }));
  const firstDiagramVisible = await page.$eval('details.finding[open] svg.path-diagram', svg => {
    const box = svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0;
  }).catch(() => false);
  const rawMermaid = await page.$$eval('pre.mermaid, code.language-mermaid', all => all.length);
  // The picture for people: the search bar and the first findings with their diagrams.
  await page.evaluate(() => window.scrollTo(0, document.querySelector('.controls').getBoundingClientRect().top + window.scrollY - 8));
  await page.screenshot({ path: screenshot, fullPage: false });

  await page.fill('#search', term);
  const afterSearch = await visible();
  const everyShownMatches = await page.$$eval('details.finding', (all, t) =>
    all.filter(f => !f.hidden).every(f => f.textContent.toLowerCase().includes(t.toLowerCase())), term);
  const shownText = await page.textContent('#shown');
  await page.fill('#search', '');
  await page.selectOption('#severity', '5');
  const criticalOnly = await visible();
  const criticalExpected = await page.$$eval('details.finding', all => all.filter(f => f.dataset.severity === '5').length);

  console.log(JSON.stringify({ findings, before, afterSearch, everyShownMatches, shownText, criticalOnly, criticalExpected,
    diagrams: diagrams.length, emptyDiagrams: diagrams.filter(d => d.hops < 2).length, firstDiagramVisible, rawMermaid,
    consoleErrors, outside }));
} finally {
  await browser.close();
}
