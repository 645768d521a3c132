import type Router from '@koa/router';
import { openApiDocument } from '@memberflow/shared/api/openapi';
import { referenceRoutes } from '@memberflow/shared/api/reference-routes';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { notFound } from './http-error.ts';
import { mountRoute } from './mount-route.ts';

const require = createRequire(import.meta.url);
const version = (require('../../package.json') as { version: string }).version;
// Swagger UI's own build, served from this server: the page works offline and under our CSP
// (scripts from 'self' only, hence the initializer as a file rather than an inline script).
const uiDir = (require('swagger-ui-dist') as { getAbsoluteFSPath(): string }).getAbsoluteFSPath();

const assets: Record<string, { file?: string; text?: string; type: string }> = {
  'swagger-ui.css': { file: 'swagger-ui.css', type: 'text/css' },
  'swagger-ui-bundle.js': { file: 'swagger-ui-bundle.js', type: 'application/javascript' },
  'init.js': {
    text: "window.ui = SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#reference', deepLinking: true, tryItOutEnabled: false });\n",
    type: 'application/javascript',
  },
};

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Memberflow API reference</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css">
</head>
<body>
<div id="reference"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body>
</html>
`;

/** GET /api/openapi.json (made once from the contracts) and the reference page at /api/docs. */
export function referenceApi(router: Router): void {
  let doc: Record<string, unknown> | null = null;
  mountRoute(router, referenceRoutes.openApi, async () => (doc ??= openApiDocument({ version })));
  mountRoute(router, referenceRoutes.docsPage, async ({ ctx }) => {
    ctx.type = 'text/html';
    return page;
  });
  const cache = new Map<string, string>();
  mountRoute(router, referenceRoutes.docsAsset, async ({ params, ctx }) => {
    // Own keys only: 'valueOf' or 'constructor' are not reference files.
    const asset = Object.hasOwn(assets, params.file!) ? assets[params.file!] : undefined;
    if (!asset) throw notFound(`Reference file ${params.file}`);
    ctx.type = asset.type;
    // The assets are immutable for a given install: let browsers keep them a day.
    ctx.set('Cache-Control', 'public, max-age=86400');
    if (asset.text) return asset.text;
    let text = cache.get(asset.file!);
    if (text === undefined) cache.set(asset.file!, (text = readFileSync(path.join(uiDir, asset.file!), 'utf8')));
    return text;
  });
}
