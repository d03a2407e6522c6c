// The site search in a real Chromium: a name typed into the header's search box leads, through
// the search page and its Pagefind index, to the page of that city; the page with its results
// passes axe; nothing is asked of another host; without JavaScript the page lists every city,
// association and event; the header's box sits where it belongs on a phone and on a wide
// screen; and a result never carries markup from the content.
//
//   import { searchChecks } from './search.mjs';
//   await searchChecks(browser, site, check, { tags, widths });
//
// `site.search` lists the searches: [{ from, query, expect }], each starting on the page
// `from` (relative to the site root) and expecting a result linking to `expect`.

import fs from 'node:fs';
import path from 'node:path';

/** A browser context that refuses (and records) every request to another origin. */
async function sameOrigin(browser, site, options) {
  const context = await browser.newContext(options);
  const foreign = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === site.server.origin) return route.continue();
    foreign.push(u.href);
    return route.abort('blockedbyclient');
  });
  return { context, foreign };
}

/** The result links on the search page, once the status line says how many there are. */
async function results(page) {
  await page.locator('[data-search-status]').filter({ hasText: /\S/ }).waitFor({ timeout: 15000 });
  return page.locator('[data-search-list] a').evaluateAll((as) => as.map((a) => a.href));
}

async function typedSearch(browser, site, check, s, tags) {
  const { context, foreign } = await sameOrigin(browser, site, { viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    errors.push(`a ${d.type()} dialog: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const base = site.server.url;
  try {
    await check(`${site.name}: searching "${s.query}" from /${s.from} finds /${s.expect} and leads there`, async () => {
      await page.goto(base + s.from);
      await page.locator('#site-search-q').fill(s.query);
      await Promise.all([page.waitForURL((u) => /\/search\/(index\.html)?$/.test(u.pathname)), page.locator('#site-search-q').press('Enter')]);
      const hrefs = await results(page);
      const want = new URL(s.expect, base).href;
      const first = hrefs[0];
      const found = hrefs.includes(want);
      const status = await page.locator('[data-search-status]').textContent();
      if (found) {
        await Promise.all([page.waitForURL(want), page.locator(`[data-search-list] a[href="${new URL(want).pathname}"]`).first().click()]);
      }
      const landed = page.url();
      return [found && first === want && landed === want && errors.length === 0, `results: ${hrefs.slice(0, 5).join(', ')}\nstatus: ${status}\nlanded on ${landed}\n${errors.join('\n')}`];
    });
    if (s.axe) {
      await check(`${site.name}: the search page with results for "${s.query}" passes axe`, async () => {
        await page.goto(`${base}search/?q=${encodeURIComponent(s.query)}`);
        await results(page);
        const { AxeBuilder } = await import('@axe-core/playwright');
        const r = await new AxeBuilder({ page }).withTags(tags).analyze();
        return [r.violations.length === 0, r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`).join('\n')];
      });
    }
    await check(`${site.name}: searching "${s.query}" asked no other host`, async () => [foreign.length === 0, foreign.join('\n')]);
  } finally {
    await context.close();
  }
}

/** Without JavaScript, the search page links every city, association and event of the build. */
async function withoutScript(browser, site, check) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    await check(`${site.name}: without JavaScript the search page lists every city, association and event`, async () => {
      await page.goto(site.server.url + 'search/');
      const shown = new Set(await page.locator('.search-index a').evaluateAll((as) => as.map((a) => new URL(a.href).pathname)));
      const prefix = new URL(site.server.url).pathname;
      const missing = [];
      let total = 0;
      for (const dir of ['cities', 'associations', 'events']) {
        const base = path.join(site.out, dir);
        for (const d of fs.readdirSync(base, { withFileTypes: true })) {
          if (!d.isDirectory() || d.name === 'archive' || !fs.existsSync(path.join(base, d.name, 'index.html'))) continue;
          total += 1;
          if (!shown.has(`${prefix}${dir}/${d.name}/`)) missing.push(`${dir}/${d.name}/`);
        }
      }
      return [total > 0 && missing.length === 0, `${total} pages, missing: ${missing.join(', ')}`];
    });
  } finally {
    await context.close();
  }
}

/**
 * The header's box: on a phone on its own row under the site title, inside the window and
 * clear of the menu button; on a wide screen on the title's row, at its end.
 */
async function headerBox(browser, site, check) {
  for (const vp of [{ name: 'phone', width: 390, height: 844 }, { name: 'small-phone', width: 320, height: 640 }, { name: 'desktop', width: 1280, height: 900 }]) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height } });
    const page = await context.newPage();
    try {
      await check(`${site.name} ${vp.name}: the header's search box sits ${vp.width < 700 ? 'under the title, clear of the menu button' : 'beside the title'}`, async () => {
        await page.goto(site.server.url + 'events/');
        const box = async (sel) => page.locator(sel).first().boundingBox();
        const [form, input, brand, button] = [await box('.site-search'), await box('#site-search-q'), await box('.brand'), await box('.menu > summary')];
        const detail = `form ${JSON.stringify(form)}, input ${JSON.stringify(input)}, brand ${JSON.stringify(brand)}, menu button ${JSON.stringify(button)}`;
        if (!form || !input || !brand) return [false, detail];
        const inside = form.x >= 0 && form.x + form.width <= vp.width + 0.5 && input.width >= 120;
        const apart = (a, b) => !b || a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        if (vp.width < 700) {
          return [inside && form.y >= brand.y + brand.height - 1 && apart(form, button) && form.y + form.height < 200, detail];
        }
        const sameRow = Math.abs(form.y + form.height / 2 - (brand.y + brand.height / 2)) < 12;
        return [inside && sameRow && form.x > brand.x + brand.width, detail];
      });
    } finally {
      await context.close();
    }
  }
}

/** A result shows the content's text as text: no element but the page's own. */
async function inertResults(browser, site, check, query) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  try {
    await check(`${site.name}: results for "${query}" show the content as text, with no markup of its own`, async () => {
      await page.goto(`${site.server.url}search/?q=${encodeURIComponent(query)}`);
      const hrefs = await results(page);
      const tags = await page.locator('[data-search-list]').evaluate((ol) => [...new Set([...ol.querySelectorAll('*')].map((e) => e.localName))].sort());
      const allowed = ['a', 'h3', 'li', 'mark', 'p'];
      const extra = tags.filter((t) => !allowed.includes(t));
      await page.waitForTimeout(300);
      return [hrefs.length > 0 && extra.length === 0 && dialogs.length === 0, `${hrefs.length} results; elements: ${tags.join(' ')}; dialogs: ${dialogs.join(' | ')}`];
    });
  } finally {
    await context.close();
  }
}

export async function searchChecks(browser, site, check, { tags }) {
  for (const s of site.search ?? []) await typedSearch(browser, site, check, s, tags);
  if (site.searchInert) await inertResults(browser, site, check, site.searchInert);
  if (site.searchIndex) await withoutScript(browser, site, check);
  if (site.searchHeader) await headerBox(browser, site, check);
}
