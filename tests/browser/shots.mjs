// Screenshots of chosen pages of a built site, for looking at a design change by hand.
//   node shots.mjs <built-site-dir> <out-dir> <width[,width…]> <page> [page…]
// FIRST_SCREEN=1 takes only the first screen (900 px tall) instead of the whole page.
// PREFIX=/partner/ serves a site built for that sub-path.
// Pages are addresses below the site root ('' or / is the home page).
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './serve.mjs';

const [dir, outDir, widthList, ...pages] = process.argv.slice(2);
if (!dir || !outDir || !widthList) {
  console.error('usage: node shots.mjs <built-site-dir> <out-dir> <width[,width…]> <page> [page…]');
  process.exit(2);
}
const { chromium } = await import('playwright-core');
const server = await serve({ root: dir, prefix: process.env.PREFIX || '/' });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
fs.mkdirSync(outDir, { recursive: true });
try {
  for (const w of widthList.split(',').map(Number)) {
    const ctx = await browser.newContext({ viewport: { width: w, height: 900 } });
    const page = await ctx.newPage();
    for (const p of pages.length ? pages : ['']) {
      const rel = p.replace(/^\//, '');
      await page.goto(server.url + rel);
      const name = (rel.replace(/\/$/, '').replace(/[/.]/g, '_') || 'home') + `-${w}.png`;
      await page.screenshot({ path: path.join(outDir, name), fullPage: !process.env.FIRST_SCREEN });
      console.log(path.join(outDir, name));
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
