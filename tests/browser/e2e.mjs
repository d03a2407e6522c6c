// Real-browser end-to-end checks of the generated site (see README.md in this folder).
//
// Builds the demo site (the repository root), the `large` fixture (21 partner cities), the
// `mini` fixture (hosted under /partner/), the `multilingual` one, the `hub` (whose network's
// sources a small server in this process answers while it builds) and the `hostile` fixture
// (desktop only, no vnu), serves each on 127.0.0.1, and drives Debian's Chromium headless
// through playwright-core at four widths: axe-core (WCAG 2.2 A and AA), the layout as drawn
// (layout.mjs: split words, narrow values, long lines, header and footer, map labels and
// markers), console errors, requests to other hosts, broken links, keyboard reachability with
// visible focus, the menu button, the map/calendar/.ics interactions, event lists that stay
// current by the visitor's date, screenshots (as wide as the window, not blank), and the Nu
// Html Checker over every generated HTML file.
//
//   node e2e.mjs                         everything
//   node e2e.mjs --site mini             one site only (demo | large | mini | multilingual | relative | photos | hub | hostile)
//   node e2e.mjs --page /map/            only pages whose address (below the site root) starts
//                                        with this; may be repeated; skips vnu and interactions
//   node e2e.mjs --no-vnu --keep         skip the Nu Html Checker / keep the built sites
//
// Environment: TWINSITE_BIN (the twinsite binary; default $CARGO_TARGET_DIR/release/twinsite,
// built with `cargo build --release` when missing), CHROMIUM (default /usr/bin/chromium).
// The last line of output is `N passed, M failed`; the exit status is 1 when anything failed.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { PNG } from 'pngjs';

import { brokenWords, headerAndFooter, longLines, mapKey, mapProblems, narrowValues, photoProblems, repeatedChips, sourceLines } from './layout.mjs';
import { searchChecks } from './search.mjs';
import { serve } from './serve.mjs';

// The binary's messages in English, whatever the machine's locale (the checks read none of
// them, but failures print them).
process.env.TWINSITE_LANG = 'en';
const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const NOW = '2026-11-21';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
// Every page is drawn and measured at four widths. The keyboard walk and the link check do not
// depend on the width much and are slow, so they run at the two widths marked `full`; the
// screenshots are taken at those two as well.
const WIDTHS = [
  { name: 'desktop', width: 1280, height: 900, full: true },
  { name: 'tablet', width: 768, height: 1024 },
  { name: 'phone', width: 390, height: 844, full: true, phone: true },
  { name: 'small-phone', width: 320, height: 640, phone: true },
];
const SHOT_DIR = path.join(REPO, 'target', 'screenshots');
// A screenshot with fewer colours than this shows no page (see the screenshot check).
const SHOT_MIN_COLOURS = 16;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

// ---------------------------------------------------------------- options

const argv = process.argv.slice(2);
const opts = { sites: [], pages: [], vnu: true, keep: false };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  if (a === '--site') opts.sites.push(argv[++i]);
  else if (a === '--page') opts.pages.push(argv[++i]);
  else if (a === '--no-vnu') opts.vnu = false;
  else if (a === '--keep') opts.keep = true;
  else if (a === '-h' || a === '--help') {
    console.log(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n\n')[0]);
    process.exit(0);
  } else {
    console.error(`unknown argument ${a}; try --help`);
    process.exit(2);
  }
}
const partial = opts.pages.length > 0;

// ---------------------------------------------------------------- results

let passed = 0;
let failed = 0;
const failures = [];

const stdout = (line) => console.log(line);

function report(name, ok, detail = '', ms = null, out = stdout) {
  const took = ms === null ? '' : ` (${ms} ms)`;
  if (ok) {
    passed++;
    out(`ok    ${name}${took}`);
  } else {
    failed++;
    failures.push(name);
    out(`FAIL  ${name}${took}`);
    if (detail) out(indent(String(detail).trimEnd(), '      '));
  }
}

function indent(s, pre) {
  return s
    .split('\n')
    .map((l) => pre + l)
    .join('\n');
}

/** Runs `fn`; a thrown error is a failure of `name`. `fn` returns [ok, detail] or nothing (= ok). */
async function check(name, fn, out = stdout) {
  return checkAll(name, fn, out);
}

async function checkAll(name, fn, out) {
  const t0 = Date.now();
  try {
    const r = await fn();
    if (Array.isArray(r)) report(name, r[0], r[1], Date.now() - t0, out);
    else report(name, true, '', Date.now() - t0, out);
  } catch (e) {
    report(name, false, e?.stack || String(e), Date.now() - t0, out);
  }
}

function fatal(msg) {
  console.error(`\nerror: ${msg}`);
  report('suite setup', false, msg);
  finish();
}

function finish() {
  console.log('');
  if (failures.length) {
    console.log('failed checks:');
    for (const f of failures) console.log(`  - ${f}`);
    console.log('');
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

// ---------------------------------------------------------------- prerequisites

function findBinary() {
  if (process.env.TWINSITE_BIN) return process.env.TWINSITE_BIN;
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(REPO, process.env.CARGO_TARGET_DIR)
    : path.join(REPO, 'target');
  return path.join(target, 'release', 'twinsite');
}

function ensureBinary() {
  const bin = findBinary();
  if (fs.existsSync(bin)) return bin;
  if (process.env.TWINSITE_BIN) fatal(`TWINSITE_BIN=${bin} does not exist`);
  console.log(`==> ${bin} is missing; running cargo build --release`);
  const r = spawnSync('cargo', ['build', '--release', '--locked'], { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0 || !fs.existsSync(bin)) fatal('cargo build --release failed; see above');
  return bin;
}

function ensureTools() {
  if (!fs.existsSync(CHROMIUM)) {
    fatal(
      `Chromium not found at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ` +
        '(bash .ci/test.sh does that), or point CHROMIUM at a Chromium binary.',
    );
  }
  if (opts.vnu && !partial) {
    const j = spawnSync('java', ['-version'], { encoding: 'utf8' });
    if (j.error || j.status !== 0) {
      fatal('Java not found: the Nu Html Checker needs Java 11 or newer (apt-get install -y default-jre-headless).');
    }
  }
}

// ---------------------------------------------------------------- building and serving

/** Runs a program without blocking the event loop, so the suite's own servers keep answering it. */
function run(cmd, args) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    p.on('error', (e) => resolve({ status: null, stdout, stderr: `${stderr}${e}` }));
    p.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

async function buildSite(bin, site, tmp) {
  if (site.prepare) site = { ...site, ...(await site.prepare(tmp, bin)) };
  const out = path.join(tmp, site.name);
  const server = await serve({ root: out, prefix: site.prefix });
  const args = ['build', '--root', site.root, '--output', out, '--now', NOW];
  if (site.relative) args.push('--relative');
  else if (site.prefix !== '/') args.push('--base-url', server.url);
  const t0 = Date.now();
  const r = await run(bin, args);
  const ok = r.status === 0;
  report(`${site.name}: twinsite ${args.join(' ')}`, ok, `${r.stdout}\n${r.stderr}`);
  if (!ok) {
    await server.close();
    await site.network?.server.close();
    return null;
  }
  console.log(`      built in ${Date.now() - t0} ms, served at ${server.url}`);
  if (site.network) {
    // A source that fails is only a warning, and the build goes on without its events.
    report(`${site.name}: the build fetched every network source and warned of nothing`, sourcesFetched(site.network) && !/warning/i.test(r.stdout + r.stderr), `${describeFeedLog(site.network)}\n${r.stdout}\n${r.stderr}`);
  }
  return { ...site, out, server };
}

/** The Python with Pillow: TWINSITE_TEST_PYTHON, else target/test-python (made by .ci/test.sh), else python3. */
function python() {
  if (process.env.TWINSITE_TEST_PYTHON) return process.env.TWINSITE_TEST_PYTHON;
  const venv = path.join(REPO, 'target', 'test-python', 'bin', 'python3');
  return fs.existsSync(venv) ? venv : 'python3';
}

/** A copy of the large fixture with photos on some of its pages; returns its root. */
function withPhotos(tmp) {
  const root = path.join(tmp, 'photos-src');
  fs.cpSync(path.join(REPO, 'tests', 'fixtures', 'large'), root, { recursive: true });
  const r = spawnSync(python(), [path.join(REPO, 'tests', 'tools', 'photos.py'), 'site', root], { encoding: 'utf8' });
  if (r.status !== 0) fatal(`tests/tools/photos.py could not make the photos (Pillow is needed; bash .ci/test.sh installs it into target/test-python):\n${r.stderr}`);
  return { root };
}

/**
 * A server on 127.0.0.1 that answers fixed addresses (path and query) with fixed bodies, as a
 * network's sources do, and logs every request with its User-Agent.
 */
async function feedServer(routes) {
  const log = [];
  const server = http.createServer((req, res) => {
    const route = routes.find((r) => r.path === req.url);
    log.push({ method: req.method, path: req.url, agent: req.headers['user-agent'] ?? '', status: route ? 200 : 404 });
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('not found\n');
    }
    res.writeHead(200, { 'Content-Type': route.type, 'Content-Length': route.body.length });
    res.end(req.method === 'HEAD' ? undefined : route.body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    routes,
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Whether each of the sources was asked for once, by twinsite, and answered. */
function sourcesFetched(network) {
  const log = network.server.log;
  return log.length === network.server.routes.length && network.server.routes.every((r) => log.some((e) => e.path === r.path && e.status === 200 && e.agent.startsWith('twinsite/')));
}

function describeFeedLog(network) {
  const lines = network.server.log.map((e) => `${e.method} ${e.path} → ${e.status} (${e.agent})`);
  return `requests to the sources' server:\n${lines.join('\n') || '(none)'}`;
}

/**
 * The hub fixture with a `network:` of two sources served from 127.0.0.1 while it builds: the
 * Deutsch-Polnische Gesellschaft's Nextcloud calendar (a recurring event, a three-day trip, a
 * long title, an event without a link, a tentative and a cancelled one) and the events.json of
 * the mini site, built here as the Lyon circle's own site. Returns the root, the server
 * (closed with the site) and every link the sources give to their events.
 */
async function withNetwork(tmp, bin) {
  const root = path.join(tmp, 'hub-src');
  fs.cpSync(path.join(REPO, 'tests', 'fixtures', 'hub'), root, { recursive: true });
  const mini = path.join(tmp, 'hub-lyon-site');
  const r = await run(bin, ['build', '--root', path.join(REPO, 'tests', 'fixtures', 'mini'), '--output', mini, '--now', NOW]);
  if (r.status !== 0) fatal(`the mini site, the hub's second source, did not build:\n${r.stdout}\n${r.stderr}`);
  const ics = fs.readFileSync(path.join(REPO, 'tests', 'fixtures', 'network', 'nextcloud-verein.ics'));
  const json = fs.readFileSync(path.join(mini, 'data', 'events.json'));
  const sources = [
    {
      name: 'Deutsch-Polnische Gesellschaft',
      association: 'dpg',
      cities: ['krakau'],
      path: '/remote.php/dav/public-calendars/k7Hq2RtWm9XpLs4B?export',
      type: 'text/calendar; charset=utf-8',
      body: ics,
    },
    { name: 'Freundeskreis Lyon', association: 'freundeskreis-lyon', cities: ['lyon'], path: '/partner/data/events.json', type: 'application/json', body: json },
  ];
  const server = await feedServer(sources);
  const entries = sources.map((s) => [
    `  - name: ${JSON.stringify(s.name)}`,
    `    url: ${JSON.stringify(server.origin + s.path)}`,
    `    association: ${s.association}`,
    `    cities: [${s.cities.join(', ')}]`,
  ]);
  fs.appendFileSync(path.join(root, 'site.yaml'), ['network:', ...entries.flat(), ''].join('\n'));
  // The links each source gives: the URL property of the calendar's events (unfolded) and
  // the url of each event of events.json.
  const unfolded = ics.toString('utf8').replace(/\r?\n[ \t]/g, '');
  const links = [...unfolded.matchAll(/^URL(?:;[^:\r\n]*)?:(.+)$/gm)].map((m) => m[1].trim());
  for (const e of JSON.parse(json).events) if (e.url) links.push(e.url);
  return { root, network: { server, names: sources.map((s) => s.name), links } };
}

/** The page addresses (relative to the site root) to visit, one per page type. */
function pagesOf(site) {
  const exists = (rel) => fs.existsSync(path.join(site.out, rel));
  const firstChild = (dir) => {
    const base = path.join(site.out, dir);
    if (!fs.existsSync(base)) return null;
    const kids = fs
      .readdirSync(base, { withFileTypes: true })
      .filter((d) => d.isDirectory() && fs.existsSync(path.join(base, d.name, 'index.html')))
      .map((d) => d.name)
      .sort();
    return kids.length ? `${dir}${kids[0]}/` : null;
  };
  // The calendar month of --now if it has events, else the first month with events.
  const [y, m] = NOW.split('-');
  const months = [];
  for (const yy of fs.existsSync(path.join(site.out, 'calendar')) ? fs.readdirSync(path.join(site.out, 'calendar')).sort() : []) {
    if (!/^\d{4}$/.test(yy)) continue;
    for (const mm of fs.readdirSync(path.join(site.out, 'calendar', yy)).sort()) months.push(`calendar/${yy}/${mm}/`);
  }
  const withEvents = months.filter((p) => exists(`${p}index.html`) && fs.readFileSync(path.join(site.out, p, 'index.html'), 'utf8').includes('has-events'));
  const month = withEvents.find((p) => p === `calendar/${y}/${m}/`) ?? withEvents[0] ?? 'calendar/';
  const plain = site.plainPages.find((p) => exists(`${p}/index.html`));
  const noPlain = site.plainPages.length === 0;
  const list = site.onlyPages ?? [
    ['home', ''],
    ['city list', 'cities/'],
    ['city', site.prefer?.city ?? firstChild('cities/')],
    ['association list', 'associations/'],
    ['association', site.prefer?.association ?? firstChild('associations/')],
    ['event list', 'events/'],
    ['event', site.prefer?.event ?? firstChild('events/')],
    ['calendar', month],
    ['map', 'map/'],
    ['news list', 'news/'],
    ['news item', firstChild('news/')],
    ['topic list', 'topics/'],
    ['topic', firstChild('topics/')],
    ...(noPlain ? [] : [['plain page', plain ? `${plain}/` : null]]),
    ['404', '404.html'],
    ['missing page', 'no-such-page/', 404],
  ];
  for (const extra of site.extraPages ?? []) list.push(extra);
  const pages = [];
  for (const [type, rel, status = 200] of list) {
    if (rel === null || (status === 200 && !exists(rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel))) {
      report(`${site.name}: page type "${type}" exists in the build`, false, `no output for ${rel ?? type}`);
      continue;
    }
    pages.push({ type, rel, status });
  }
  if (!partial) return pages;
  // `--page /` is the home page alone; anything else matches by prefix.
  return pages.filter((p) => opts.pages.some((want) => (want === '/' ? p.rel === '' : ('/' + p.rel).startsWith(want.startsWith('/') ? want : '/' + want))));
}

// ---------------------------------------------------------------- the Nu Html Checker

function startVnu(dirs) {
  const jar = path.join(HERE, 'node_modules', 'vnu-jar', 'build', 'dist', 'vnu.jar');
  if (!fs.existsSync(jar)) {
    return Promise.resolve({ error: `${jar} is missing; run npm ci --prefix tests/browser` });
  }
  return new Promise((resolve) => {
    const args = ['-jar', jar, '--errors-only', '--skip-non-html', '--format', 'gnu', ...dirs];
    const p = spawn('java', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('error', (e) => resolve({ error: String(e) }));
    p.on('close', (code) => resolve({ code, out }));
  });
}

// ---------------------------------------------------------------- in-page helpers

/** Every address the page refers to, resolved: links, resources, SVG links. */
function collectRefs() {
  const refs = [];
  const add = (kind, el, raw) => {
    if (raw == null || raw === '') return;
    try {
      refs.push({ kind, tag: el.tagName.toLowerCase(), raw, url: new URL(raw, document.baseURI).href });
    } catch {
      refs.push({ kind, tag: el.tagName.toLowerCase(), raw, url: null });
    }
  };
  for (const el of document.querySelectorAll('a[href], area[href]')) add('link', el, el.getAttribute('href'));
  for (const el of document.querySelectorAll('svg a')) add('link', el, el.getAttribute('href') ?? el.getAttribute('xlink:href'));
  for (const el of document.querySelectorAll('link[href]')) {
    const rel = (el.getAttribute('rel') || '').toLowerCase().split(/\s+/);
    // canonical/og addresses name the public host; alternate/prev/next are links, the rest load.
    const kind = rel.some((r) => ['stylesheet', 'icon', 'preload', 'modulepreload', 'manifest'].includes(r)) ? 'resource' : 'link';
    if (rel.includes('canonical')) continue;
    add(kind, el, el.getAttribute('href'));
  }
  for (const el of document.querySelectorAll('[src]')) add('resource', el, el.getAttribute('src'));
  for (const el of document.querySelectorAll('[srcset]')) {
    for (const part of el.getAttribute('srcset').split(',')) add('resource', el, part.trim().split(/\s+/)[0]);
  }
  for (const el of document.querySelectorAll('object[data]')) add('resource', el, el.getAttribute('data'));
  return refs;
}

/** Describes document.activeElement and whether its focus is visible. */
function describeFocus() {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return null;
  const cs = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const isSvg = el instanceof SVGElement;
  const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
  // box-shadow is not painted on SVG elements, so only count it for HTML ones.
  const shadow = !isSvg && cs.boxShadow && cs.boxShadow !== 'none';
  const label = (el.getAttribute('aria-label') || el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 60);
  let sel = el.tagName.toLowerCase();
  if (el.closest('svg') && sel !== 'svg') sel = 'svg ' + sel;
  else if (el.closest('table.month')) sel = 'table.month ' + sel;
  else if (el.closest('.month-list')) sel = '.month-list ' + sel;
  return {
    sel,
    label,
    href: el.getAttribute('href'),
    visible: rect.width > 0 && rect.height > 0,
    isSvg,
    indicator: outline ? 'outline' : shadow ? 'box-shadow' : 'none',
  };
}

/** The events of a network's sources on the page (those with a "Quelle: …" line), as listed. */
function remoteEvents() {
  const text = (el) => (el?.textContent ?? '').trim().replace(/\s+/g, ' ');
  return [...document.querySelectorAll('main li.event')]
    .filter((li) => li.querySelector('.meta.source'))
    .map((li) => ({
      title: text(li.querySelector('.event-title')),
      source: text(li.querySelector('.meta.source')),
      links: [...li.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      shown: li.getClientRects().length > 0,
    }));
}

/**
 * What is wrong with the remote events of a page: a source in `want` none of whose events is
 * shown (or none with its link), a source line that names no source, a link that is not one its
 * source gave (an http(s) address elsewhere; the events have no page on this site).
 */
function remoteProblems(events, want, network, origin) {
  const problems = [];
  const line = (name) => `Quelle: ${name}`;
  for (const name of want) {
    const shown = events.filter((e) => e.shown && e.source === line(name));
    if (!shown.length) problems.push(`no event of ${name} is shown with "${line(name)}"`);
    else if (!shown.some((e) => e.links.length)) problems.push(`no event of ${name} links to its source`);
  }
  for (const e of events) {
    if (!network.names.some((n) => e.source === line(n))) problems.push(`"${e.title}": the source line reads "${e.source}"`);
    for (const href of e.links) {
      if (!/^https?:\/\//i.test(href) || href.startsWith(origin) || !network.links.includes(href)) problems.push(`"${e.title}" links to ${href}, not to the event at its source`);
    }
  }
  return [...new Set(problems)];
}

/**
 * SVG links often show focus by restyling their shapes rather than with an outline. Compares
 * the pixels around the focused element with and without focus, then puts focus back (which
 * keeps the Tab order going from there).
 */
async function svgFocusIndicator(page) {
  const handle = await page.evaluateHandle(() => document.activeElement);
  try {
    const clip = await handle.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const x = Math.max(0, r.x + window.scrollX - 6);
      const y = Math.max(0, r.y + window.scrollY - 6);
      return { x, y, width: r.width + 12, height: r.height + 12 };
    });
    const shot = () => page.screenshot({ clip, fullPage: true, animations: 'disabled', caret: 'hide' });
    const focused = await shot();
    await handle.evaluate((el) => el.blur());
    const plain = await shot();
    await handle.evaluate((el) => el.focus());
    return focused.equals(plain) ? 'none' : 'restyled';
  } finally {
    await handle.dispose();
  }
}

// ---------------------------------------------------------------- link checking (shared cache)

const fetchCache = new Map();

async function fetchOnce(url) {
  if (!fetchCache.has(url)) {
    fetchCache.set(
      url,
      (async () => {
        try {
          const r = await fetch(url, { redirect: 'follow' });
          const type = r.headers.get('content-type') || '';
          const body = type.startsWith('text/html') ? await r.text() : (await r.arrayBuffer(), '');
          return { status: r.status, type, body };
        } catch (e) {
          return { status: 0, type: '', body: '', error: String(e) };
        }
      })(),
    );
  }
  return fetchCache.get(url);
}

function hasId(html, id) {
  const esc = id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`\\s(?:id|name)=(?:"${esc}"|'${esc}'|${esc}(?=[\\s>/]))`).test(html);
}

async function checkRefs(site, refs, pageUrl, pageIds) {
  const problems = [];
  let checked = 0;
  for (const r of refs) {
    if (!r.url) {
      problems.push(`unparsable address ${JSON.stringify(r.raw)} on <${r.tag}>`);
      continue;
    }
    const u = new URL(r.url);
    if (['mailto:', 'tel:'].includes(u.protocol)) continue;
    if (u.protocol === 'data:' && r.kind === 'resource') continue;
    if (u.protocol !== 'http:' && u.protocol !== 'https:') {
      problems.push(`unexpected scheme in ${r.raw} on <${r.tag}>`);
      continue;
    }
    if (u.origin !== site.server.origin) {
      if (r.kind === 'resource') problems.push(`<${r.tag}> loads ${r.url} from another host`);
      continue; // a plain link to another site: fine, and not followed
    }
    const target = u.href.split('#')[0];
    const frag = u.hash ? decodeURIComponent(u.hash.slice(1)) : '';
    checked++;
    if (target === pageUrl.split('#')[0] && frag) {
      if (!pageIds.includes(frag)) problems.push(`${r.raw}: no element with id "${frag}" on this page`);
      continue;
    }
    const res = await fetchOnce(target);
    if (res.status !== 200) {
      problems.push(`${r.raw} (<${r.tag}>): HTTP ${res.status}${res.error ? ' ' + res.error : ''}`);
    } else if (frag && res.type.startsWith('text/html') && !hasId(res.body, frag)) {
      problems.push(`${r.raw}: the target page has no element with id "${frag}"`);
    }
  }
  return { problems, checked };
}

// ---------------------------------------------------------------- one page at one width

async function visitPage(browser, site, pg, vp) {
  const t0 = Date.now();
  const lines = [];
  const out = (l) => lines.push(l);
  const check = (name, fn) => checkAll(name, fn, out);
  const label = `${site.name} ${vp.name} /${pg.rel} (${pg.type})`;
  const url = site.server.url + pg.rel;
  const context = await browser.newContext({
    viewport: { width: vp.width, height: vp.height },
    acceptDownloads: true,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  const consoleErrors = [];
  const foreign = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const loc = m.location()?.url || '';
    // The browser logs the 404 of the main document itself; that status is what we asked for.
    if (pg.status === 404 && loc === url && /status of 404/.test(m.text())) return;
    consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  page.on('dialog', (d) => {
    consoleErrors.push(`a script opened a ${d.type()} dialog: ${JSON.stringify(d.message())}`);
    d.dismiss().catch(() => {});
  });
  page.on('websocket', (ws) => foreign.push(`websocket ${ws.url()}`));
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === site.server.origin) return route.continue();
    foreign.push(`${route.request().resourceType()} ${u.href}`);
    return route.abort('blockedbyclient');
  });
  if (site.today) await page.clock.setFixedTime(new Date(`${site.today}T12:00:00`));

  try {
    let resp;
    await check(`${label}: loads with HTTP ${pg.status}`, async () => {
      resp = await page.goto(url, { waitUntil: 'load' });
      return [resp && resp.status() === pg.status, `got HTTP ${resp?.status()}`];
    });
    if (!resp) return;

    await check(`${label}: axe WCAG 2.2 A/AA`, async () => {
      const { AxeBuilder } = await import('@axe-core/playwright');
      const r = await new AxeBuilder({ page }).withTags(TAGS).analyze();
      const lines = r.violations.map((v) => {
        const nodes = v.nodes
          .slice(0, 4)
          .map((n) => `    ${n.target.join(' ')}\n      ${(n.failureSummary || '').replace(/\n/g, '\n      ')}`)
          .join('\n');
        const more = v.nodes.length > 4 ? `\n    … and ${v.nodes.length - 4} more` : '';
        return `${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n${nodes}${more}`;
      });
      return [r.violations.length === 0, lines.join('\n')];
    });

    // Links and resources (same origin fetched; other hosts must not be loaded).
    if (vp.full) await check(`${label}: links and resources resolve`, async () => {
      const refs = await page.evaluate(collectRefs);
      const ids = await page.evaluate(() => [...document.querySelectorAll('[id], a[name]')].map((e) => e.id || e.getAttribute('name')));
      const { problems } = await checkRefs(site, refs, page.url(), ids);
      return [problems.length === 0, problems.join('\n')];
    });

    if (vp.full) await check(`${label}: keyboard reaches everything with visible focus`, async () => {
      const stops = [];
      const want = [];
      if (pg.type === 'map') want.push('svg a');
      if (pg.type === 'calendar') {
        const hasTableLinks = await page.evaluate(() => {
          const a = document.querySelector('table.month a');
          return !!a && a.getClientRects().length > 0;
        });
        if (vp.name === 'desktop' || hasTableLinks) want.push('table.month a');
        else if (await page.locator('.month-list a').count()) want.push('.month-list a');
      }
      const cap = 400;
      await page.evaluate(() => document.activeElement?.blur?.());
      for (let i = 0; i < cap; i++) {
        await page.keyboard.press('Tab');
        const f = await page.evaluate(describeFocus);
        if (!f) break; // focus left the document (wrapped to the browser UI)
        if (stops.length && stops[0].sel === f.sel && stops[0].href === f.href && stops[0].label === f.label && i > 2) break;
        if (f.isSvg && f.visible && f.indicator === 'none') f.indicator = await svgFocusIndicator(page);
        stops.push(f);
      }
      const bad = stops.filter((s) => !s.visible || s.indicator === 'none');
      const missing = want.filter((w) => !stops.some((s) => s.sel.startsWith(w)));
      const detail = [
        ...bad.map((s) => `focus not visible on <${s.sel}> "${s.label}" (${s.visible ? 'no outline/box-shadow' : 'zero size'})`),
        ...missing.map((w) => `Tab never reaches ${w} (${stops.length} stops)`),
      ];
      if (!stops.length) detail.push('nothing on the page takes keyboard focus');
      return [detail.length === 0, detail.join('\n')];
    });

    await check(`${label}: fits the window width (no sideways scrolling)`, async () => {
      const r = await page.evaluate(() => {
        const vw = document.documentElement.clientWidth;
        const over = [];
        for (const el of document.body.querySelectorAll('*')) {
          const rect = el.getBoundingClientRect();
          if (rect.right <= vw + 1 || rect.width === 0) continue;
          // Inside a scroll container (e.g. a wide table in .table-wrap) overflow is fine.
          let p = el.parentElement;
          let clipped = false;
          while (p && p !== document.body) {
            const o = getComputedStyle(p).overflowX;
            if (o === 'auto' || o === 'scroll' || o === 'hidden' || o === 'clip') {
              clipped = true;
              break;
            }
            p = p.parentElement;
          }
          if (clipped || (el.parentElement && over.includes(el.parentElement))) continue;
          over.push(el);
        }
        const name = (el) => `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.classList.length ? '.' + [...el.classList].join('.') : ''}`;
        return { width: document.documentElement.scrollWidth, vw, over: over.slice(0, 5).map((e) => `${name(e)} reaches ${Math.round(e.getBoundingClientRect().right)}px`) };
      });
      return [r.width <= r.vw, `page is ${r.width}px wide in a ${r.vw}px window\n${r.over.join('\n')}`];
    });

    if (site.remote?.[pg.rel]) {
      await check(`${label}: events of ${site.remote[pg.rel].join(' and ')} shown with "Quelle: …" and linked to their source`, async () => {
        const problems = remoteProblems(await page.evaluate(remoteEvents), site.remote[pg.rel], site.network, site.server.origin);
        return [problems.length === 0, problems.join('\n')];
      });
    }

    await check(`${label}: no console errors or script dialogs`, async () => [consoleErrors.length === 0, consoleErrors.join('\n')]);
    await check(`${label}: no requests to other hosts`, async () => [foreign.length === 0, foreign.join('\n')]);

    await layoutChecks(page, label, vp, check);

    if (vp.full) {
      await check(`${label}: screenshot as wide as the window, with the page drawn in it`, async () => {
        await page.evaluate(() => document.activeElement?.blur?.());
        await page.mouse.move(0, 0);
        const file = path.join(SHOT_DIR, `${site.name}-${pg.type.replace(/[^a-z0-9]+/gi, '-')}-${vp.width}.png`);
        const png = await page.screenshot({ path: file, fullPage: true });
        out(`      wrote ${path.relative(REPO, file)}`);
        // Text alone is drawn with smoothed edges in dozens of shades (the pages have over a
        // thousand colours); a blank or single-colour picture means nothing was drawn.
        const { width, height, data } = PNG.sync.read(png);
        const colours = countColours(data, SHOT_MIN_COLOURS);
        const problems = [];
        if (width !== vp.width) problems.push(`the screenshot is ${width} px wide in a ${vp.width} px window`);
        if (height < vp.height) problems.push(`the screenshot is ${height} px tall in a ${vp.height} px window`);
        if (colours < SHOT_MIN_COLOURS) problems.push(`the screenshot has ${colours} colour(s), fewer than ${SHOT_MIN_COLOURS}: the page was not drawn`);
        return [problems.length === 0, problems.join('\n')];
      });
    }
  } finally {
    await context.close();
    out(`      (${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
    console.log(lines.join('\n'));
  }
}

/** The number of distinct colours in RGBA pixel data (as pngjs decodes), counted up to `enough`. */
function countColours(data, enough) {
  const seen = new Set();
  for (let i = 0; i + 3 < data.length && seen.size < enough; i += 4) seen.add(data.readUInt32BE(i));
  return seen.size;
}

/** What a visitor sees, measured: words, definition lists, lines, header, footer, maps, calendar. */
async function layoutChecks(page, label, vp, check) {
  await page.evaluate(() => document.activeElement?.blur?.());
  const run = async (name, fn, arg) => {
    await check(`${label}: ${name}`, async () => {
      const problems = await page.evaluate(fn, arg);
      return [problems.length === 0, problems.join('\n')];
    });
  };
  await run('no short word split across lines, no number parted from its unit', brokenWords);
  await run('definition list values at least 10 characters wide', narrowValues);
  await run('lines of running text at most 90 characters', longLines);
  await run(vp.phone ? 'header at most 30 % of the first screen, footer at the bottom, headings in steps' : 'footer at the bottom, headings in steps, calendar links on one line', headerAndFooter, vp.phone ? 0.3 : 0);
  await run('map labels apart, beside their own marker, legible, markers tappable', mapProblems, 11);
  await run('numbered map markers named in the key, every city in the table', mapKey);
  await run('each event once per week row of the month grid', repeatedChips);
  await run('photos: width and height set, drawn in their shape, the right size loaded', photoProblems);
  await run('events from other sites: the source line drawn apart from its neighbours, titles wrapped in their column', sourceLines);
}

// ---------------------------------------------------------------- interactions

async function interactions(browser, site) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const foreign = [];
  await context.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin === site.server.origin) return route.continue();
    foreign.push(u.href);
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  const base = site.server.url;
  try {
    await check(`${site.name}: clicking a map marker opens the city page`, async () => {
      await page.goto(base + 'map/');
      const marker = page.locator('svg a').first();
      const href = await marker.getAttribute('href');
      const name = await marker.getAttribute('aria-label');
      await Promise.all([page.waitForURL((u) => u.href !== base + 'map/'), marker.click()]);
      const now = new URL(page.url());
      const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
      const ok = now.pathname.startsWith(site.prefix + 'cities/') && now.pathname.length > (site.prefix + 'cities/').length;
      const title = (name || '').split(',')[0].trim();
      return [ok && h1.includes(title), `marker ${name} → ${href}; landed on ${now.pathname}, h1 "${h1}"`];
    });

    await check(`${site.name}: calendar next/previous links change the month`, async () => {
      await page.goto(base + 'calendar/');
      const caption = async () => (await page.locator('table.month caption').textContent())?.trim();
      const first = await caption();
      const detail = [`start: ${first}`];
      await Promise.all([page.waitForLoadState('load'), page.locator('.month-nav a[rel=next]').click()]);
      await page.waitForURL((u) => !u.href.endsWith('/calendar/'));
      const next = await caption();
      detail.push(`after "next": ${next} (${new URL(page.url()).pathname})`);
      const before = page.url();
      await page.locator('.month-nav a[rel=prev]').click();
      await page.waitForURL((u) => u.href !== before);
      const back = await caption();
      detail.push(`after "previous": ${back} (${new URL(page.url()).pathname})`);
      await page.locator('.month-nav a[rel=prev]').click();
      await page.waitForURL((u) => u.href !== before && !u.href.endsWith(new URL(before).pathname));
      const prev = await caption();
      detail.push(`after "previous" again: ${prev}`);
      const ok = first && next && prev && next !== first && back === first && prev !== first && prev !== next;
      return [ok, detail.join('\n')];
    });

    await check(`${site.name}: "add to calendar" downloads a text/calendar file`, async () => {
      const rel = site.pages.find((p) => p.type === 'event').rel;
      await page.goto(base + rel);
      const link = page.locator('a[download]').first();
      const href = await link.getAttribute('href');
      const from = site.server.log.length;
      const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
      const file = await download.path();
      const body = fs.readFileSync(file, 'utf8');
      const served = site.server.log.slice(from).filter((e) => e.path.split('?')[0].endsWith('.ics'));
      const type = served.at(-1)?.type ?? '(no .ics request reached the server)';
      const ok =
        href.endsWith('.ics') &&
        served.length > 0 &&
        served.at(-1).status === 200 &&
        type.startsWith('text/calendar') &&
        body.startsWith('BEGIN:VCALENDAR') &&
        /END:VCALENDAR\r?\n?$/.test(body);
      return [ok, `href ${href}, served as "${type}" (HTTP ${served.at(-1)?.status}), file ${download.suggestedFilename()} starts ${JSON.stringify(body.slice(0, 30))}`];
    });

    await check(`${site.name}: interactions made no requests to other hosts`, async () => [foreign.length === 0, foreign.join('\n')]);
  } finally {
    await context.close();
  }
}

/**
 * Pages stay right between builds: with the visitor's clock after an event's last day, the
 * inline script takes it out of the upcoming lists (into the page's past list for its year),
 * shows "no upcoming events" when none are left, and marks the event's own page as past.
 * Without JavaScript the page stays exactly as built.
 */
async function freshness(browser, site) {
  const base = site.server.url;
  const at = async (iso, rel, js = true) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: js });
    const page = await context.newPage();
    if (js) await page.clock.setFixedTime(new Date(`${iso}T12:00:00`));
    await page.goto(base + rel);
    const state = await page.evaluate(() => {
      const shown = (el) => !!el && el.getClientRects().length > 0;
      const items = [...document.querySelectorAll('[data-upcoming] li[data-end]')];
      return {
        upcoming: items.filter(shown).map((li) => ({ end: li.dataset.end, repeats: li.hasAttribute('data-repeats') })),
        all: items.length,
        ends: items.map((li) => li.dataset.end),
        none: [...document.querySelectorAll('[data-upcoming] .no-upcoming')].some(shown),
        headings: [...document.querySelectorAll('[data-upcoming] .month-heading')].filter(shown).length,
        moved: [...document.querySelectorAll('[data-past] li.is-past')].filter(shown).length,
        pastBadge: shown(document.querySelector('.event-page .past-event')),
        registration: shown(document.querySelector('.event-page .registration')),
      };
    });
    await context.close();
    return state;
  };
  const dayAfter = (iso) => {
    const d = new Date(`${iso}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1);
    return d.toISOString().slice(0, 10);
  };

  await check(`${site.name}: upcoming lists drop events that are over by the visitor's date, and spare events keep the home page's list full`, async () => {
    const built = await at(NOW, '');
    const ends = built.upcoming.map((e) => e.end).sort();
    if (ends.length < 2) return [false, `the home page lists ${ends.length} upcoming events; the check needs two`];
    const spares = built.all - built.upcoming.length;
    if (spares < 1) return [false, `the home page holds no spare events (${built.all} in all); the check needs some`];
    const later = dayAfter(ends[0]);
    const after = await at(later, '');
    const left = built.ends.filter((e) => e >= later).length;
    const want = Math.min(built.upcoming.length, left);
    const ok = !built.none && !after.none && after.upcoming.length === want && want === built.upcoming.length
      && after.upcoming.every((e) => e.end >= later) && after.upcoming.some((e) => e.end > ends[ends.length - 1]);
    return [ok, `built (${NOW}): ${built.upcoming.length} shown, ${spares} spare; on ${later}: ${after.upcoming.length} shown (${want} expected), last ends ${after.upcoming.map((e) => e.end).sort().pop()}`];
  });

  await check(`${site.name}: when every event is over, the events page says so and files them under past events`, async () => {
    const built = await at(NOW, 'events/');
    const late = await at('2099-01-01', 'events/');
    const noJs = await at('2099-01-01', 'events/', false);
    const ok = built.upcoming.length > 0 && built.headings > 0 && !built.none && late.upcoming.length === 0 && late.headings === 0 && late.none && noJs.upcoming.length === built.upcoming.length && !noJs.none;
    return [ok, `built: ${built.upcoming.length} upcoming under ${built.headings} month headings; in 2099: ${late.upcoming.length} upcoming, ${late.headings} headings, "no upcoming" ${late.none ? 'shown' : 'missing'}, ${late.moved} moved to past events; without JavaScript: ${noJs.upcoming.length} upcoming`];
  });

  await check(`${site.name}: an event's own page is marked as past once its last day is over`, async () => {
    const home = await at(NOW, '');
    const once = home.upcoming.find((e) => !e.repeats);
    if (!once) return [false, 'no one-off upcoming event on the home page'];
    const page = await (async () => {
      const context = await browser.newContext();
      const p = await context.newPage();
      await p.goto(base);
      const href = await p.locator(`[data-upcoming] li[data-end="${once.end}"]:not([data-repeats]) a`).first().getAttribute('href');
      await context.close();
      return new URL(href, base).pathname.slice(new URL(base).pathname.length);
    })();
    const before = await at(NOW, page);
    const after = await at(dayAfter(once.end), page);
    const ok = !before.pastBadge && after.pastBadge && !after.registration;
    return [ok, `${page}: on ${NOW} past badge ${before.pastBadge ? 'shown' : 'hidden'}, registration ${before.registration ? 'shown' : 'none'}; on ${dayAfter(once.end)} badge ${after.pastBadge ? 'shown' : 'hidden'}, registration ${after.registration ? 'shown' : 'hidden'}`];
  });
}

/** The menu: folded behind a "Menü" button on a phone, which opens it without JavaScript; open on a desktop. */
async function menuButton(browser, site) {
  for (const vp of [WIDTHS.find((w) => w.name === 'phone'), WIDTHS.find((w) => w.name === 'desktop')]) {
    const context = await browser.newContext({ viewport: { width: vp.width, height: vp.height }, javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await check(`${site.name} ${vp.name}: the main menu ${vp.phone ? 'opens from its button' : 'is shown without a button'} (no JavaScript)`, async () => {
        await page.goto(site.server.url + 'events/');
        const links = page.locator('.site-nav a');
        const count = await links.count();
        const visible = async () => (await Promise.all([...Array(count).keys()].map((i) => links.nth(i).isVisible()))).filter(Boolean).length;
        const button = page.locator('.menu > summary');
        const before = await visible();
        const buttonShown = await button.isVisible();
        if (!vp.phone) return [count > 0 && before === count && !buttonShown, `${before} of ${count} menu links visible, button shown: ${buttonShown}`];
        await button.click();
        const after = await visible();
        const current = await page.locator('.site-nav a[aria-current]').first().textContent();
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => document.activeElement?.closest('.site-nav') !== null);
        return [
          count > 0 && before === 0 && buttonShown && after === count && focused,
          `before: ${before} of ${count} links visible; after the button: ${after}; current "${current?.trim()}"; Tab after opening reaches the menu: ${focused}`,
        ];
      });
    } finally {
      await context.close();
    }
  }
}

async function languageSwitch(browser, site) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const base = site.server.url;
  try {
    await check(`${site.name}: the language switcher leads to the same page in the chosen language`, async () => {
      await page.goto(base + 'events/brunch/');
      const detail = [];
      let ok = true;
      for (const [lang, dir] of [['fr', 'ltr'], ['he', 'rtl'], ['de', 'ltr']]) {
        await Promise.all([page.waitForLoadState('load'), page.locator(`.lang-nav a[hreflang=${lang}]`).click()]);
        const want = site.prefix + (lang === 'de' ? '' : `${lang}/`) + 'events/brunch/';
        const now = new URL(page.url()).pathname;
        const htmlLang = await page.locator('html').getAttribute('lang');
        const htmlDir = await page.locator('html').getAttribute('dir');
        const current = await page.locator('.lang-nav a[aria-current]').getAttribute('hreflang');
        const good = now === want && htmlLang === lang && htmlDir === dir && current === lang;
        ok &&= good;
        detail.push(`${lang}: ${now} (want ${want}), lang=${htmlLang} dir=${htmlDir}, current ${current}`);
      }
      return [ok, detail.join('\n')];
    });
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------- main

const SITES = [
  {
    name: 'demo',
    root: REPO,
    prefix: '/',
    plainPages: ['ueber-uns', 'impressum'],
    prefer: { city: 'cities/lyon/', event: 'events/partnerschaftsbrunch-herbst/' },
    // A recurring event and a cancelled one render differently; look at them too.
    extraPages: [['recurring event', 'events/sprachcafe/'], ['search', 'search/']],
    search: [
      { from: 'events/', query: 'Lyon', expect: 'cities/lyon/', axe: true },
      { from: '', query: '扬州', expect: 'cities/yangzhou/' },
      { from: 'cities/', query: 'Львів', expect: 'cities/lwiw/' },
    ],
    searchIndex: true,
    searchHeader: true,
  },
  {
    name: 'mini',
    // The four widths are measured on the demo and large sites; the smaller fixtures test
    // other things (a sub-path, languages) and are drawn at the two main widths.
    widths: ['desktop', 'phone'],
    root: path.join(REPO, 'tests', 'fixtures', 'mini'),
    prefix: '/partner/',
    plainPages: ['impressum', 'datenschutz'],
    extraPages: [['event archive of a past year', 'events/archive/2025/']],
    search: [{ from: 'news/', query: 'Kraków', expect: 'cities/krakow/' }],
  },
  // 21 partner cities, 16 of them in Europe close together: the map's labels, long facts
  // ("Nachhaltigkeitsziele (SDGs)", long addresses and names), a week-long exchange in the grid.
  {
    name: 'large',
    root: path.join(REPO, 'tests', 'fixtures', 'large'),
    prefix: '/',
    plainPages: ['impressum', 'datenschutz'],
    prefer: { city: 'cities/kiew/', event: 'events/partnerschaftsabend/' },
    extraPages: [
      ['city near the home town', 'cities/ludwigshafen/'],
      ['city far away', 'cities/houston/'],
      ['week-long event', 'events/jugendaustausch-krakau/'],
      ['past event', 'events/benefizkonzert/'],
    ],
  },
  // The large site with photos (made by tests/tools/photos.py with Pillow): city cards and
  // heads, an event with a gallery, a news item with a picture in its text.
  {
    name: 'photos',
    widths: ['desktop', 'phone'],
    prepare: withPhotos,
    prefix: '/',
    plainPages: [],
    onlyPages: [
      ['home with city cards', ''],
      ['city list with photos', 'cities/'],
      ['city with a photo', 'cities/kiew/'],
      ['city with a turned phone photo', 'cities/krakau/'],
      ['event with a gallery', 'events/partnerschaftsabend/'],
      ['news with a picture in the text', 'news/rueckblick-kulturwoche/'],
    ],
  },
  // A site in German, French, Polish and Hebrew: translated pages, marked fallbacks, the
  // language switcher and a right-to-left language.
  {
    name: 'multilingual',
    widths: ['desktop', 'phone'],
    root: path.join(REPO, 'tests', 'fixtures', 'multilingual'),
    prefix: '/partner/',
    plainPages: [],
    onlyPages: [
      ['French home', 'fr/'],
      ['French city (translated)', 'fr/cities/lyon/'],
      ['French city (fallback)', 'fr/cities/krakow/'],
      ['Polish event list', 'pl/events/'],
      ['Hebrew city (right to left)', 'he/cities/herzliya/'],
      ['Hebrew fallback (left to right inside)', 'he/cities/lyon/'],
      ['Hebrew calendar', 'he/calendar/2026/12/'],
      ['Hebrew map', 'he/map/'],
    ],
    switcher: true,
    search: [
      { from: 'fr/', query: 'Lyon', expect: 'fr/cities/lyon/' },
      { from: 'he/', query: 'הרצליה', expect: 'he/cities/herzliya/' },
    ],
  },
  // The demo built with relative links and uploaded into a sub-folder the build never heard of.
  {
    name: 'relative',
    root: REPO,
    prefix: '/upload/folder/',
    relative: true,
    widths: ['desktop', 'phone'],
    plainPages: [],
    onlyPages: [['search page', 'search/'], ['city', 'cities/lyon/']],
    search: [{ from: 'cities/', query: 'Lyon', expect: 'cities/lyon/' }],
  },
  // A hub: `network:` gathers a Nextcloud calendar and another twinsite site's events.json,
  // served on 127.0.0.1 while it builds. Their events join the lists and the pages of the city
  // and association each source belongs to, marked "Quelle: …" and linked to their source.
  // The visitor's clock is set to the build date, so the events built as upcoming stay so.
  {
    name: 'hub',
    widths: ['desktop', 'phone'],
    prepare: withNetwork,
    prefix: '/',
    plainPages: [],
    today: NOW,
    onlyPages: [
      ['home with remote events', ''],
      ['event list with remote events', 'events/'],
      ['city with remote events', 'cities/krakau/'],
      ['association with remote events', 'associations/freundeskreis-lyon/'],
      ['calendar with remote events', 'calendar/2026/12/'],
    ],
    // The sources whose events each page shows.
    remote: {
      '': ['Deutsch-Polnische Gesellschaft', 'Freundeskreis Lyon'],
      'events/': ['Deutsch-Polnische Gesellschaft', 'Freundeskreis Lyon'],
      'cities/krakau/': ['Deutsch-Polnische Gesellschaft'],
      'associations/freundeskreis-lyon/': ['Freundeskreis Lyon'],
    },
  },
  // Front matter full of markup and script: nothing may execute, load or break the page.
  // Its invalid values (control characters, a broken e-mail address) are escaped but still not
  // valid HTML, so the Nu Html Checker does not run on it.
  { name: 'hostile', root: path.join(REPO, 'tests', 'fixtures', 'hostile'), prefix: '/', plainPages: [], widths: ['desktop'], vnu: false, searchInert: 'alert' },
].filter((s) => !opts.sites.length || opts.sites.includes(s.name));

const started = Date.now();
let browser;
const built = [];
let tmp;

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const s of built) await s.server.close().catch(() => {});
  for (const s of built) await s.network?.server.close().catch(() => {});
  if (tmp && !opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
}
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    await cleanup();
    process.exit(130);
  });
}

try {
  if (!SITES.length) fatal(`no site matches --site ${opts.sites.join(', ')} (demo, large, mini, multilingual, relative, photos, hub, hostile)`);
  ensureTools();
  const bin = ensureBinary();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'twinsite-e2e-'));
  fs.mkdirSync(SHOT_DIR, { recursive: true });

  for (const s of SITES) {
    const b = await buildSite(bin, s, tmp);
    if (b) built.push(b);
  }
  if (opts.keep) console.log(`      keeping the built sites in ${tmp}`);

  // The Nu Html Checker runs in the background while the browser works.
  const vnuSites = built.filter((s) => s.vnu !== false);
  const vnu = opts.vnu && !partial && vnuSites.length ? startVnu(vnuSites.map((s) => s.out)) : null;

  const { chromium } = await import('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  console.log(`      ${CHROMIUM} ${browser.version()}`);

  // A small pool of pages in one browser; each visit has its own context, so they are independent.
  const jobs = [];
  for (const s of built) {
    s.pages = pagesOf(s);
    const widths = WIDTHS.filter((w) => !s.widths || s.widths.includes(w.name));
    for (const pg of s.pages) for (const vp of widths) jobs.push(() => visitPage(browser, s, pg, vp));
  }
  const workers = Math.max(1, Number(process.env.E2E_WORKERS) || 2);
  await Promise.all(
    Array.from({ length: workers }, async () => {
      while (jobs.length) await jobs.shift()();
    }),
  );
  if (!partial) for (const s of built) if (s.vnu !== false && !s.onlyPages) await interactions(browser, s);
  if (!partial) for (const s of built) if (s.switcher) await languageSwitch(browser, s);
  if (!partial) for (const s of built) if (s.name === 'demo') await menuButton(browser, s);
  if (!partial) for (const s of built) await searchChecks(browser, s, check, { tags: TAGS });
  if (!partial) for (const s of built) if (s.name === 'demo') await freshness(browser, s);
  for (const s of built) {
    if (!s.network) continue;
    await check(`${s.name}: the pages asked nothing of the network's sources (only the build did)`, async () => [sourcesFetched(s.network), describeFeedLog(s.network)]);
  }

  if (vnu) {
    await check(`Nu Html Checker: every generated HTML file (${vnuSites.map((s) => s.name).join(', ')})`, async () => {
      const r = await vnu;
      if (r.error) return [false, r.error];
      const lines = r.out.trim() ? r.out.trim().split('\n') : [];
      const tidy = lines.map((l) => {
        for (const s of built) l = l.split(`file:${s.out}`).join(`${s.name}:`).split(s.out).join(s.name);
        return l;
      });
      return [r.code === 0 && lines.length === 0, `${tidy.slice(0, 60).join('\n')}${tidy.length > 60 ? `\n… ${tidy.length - 60} more` : ''}`];
    });
  }
} catch (e) {
  report('suite', false, e?.stack || String(e));
} finally {
  await cleanup();
}
console.log(`\nbrowser suite took ${((Date.now() - started) / 1000).toFixed(1)} s`);
finish();
