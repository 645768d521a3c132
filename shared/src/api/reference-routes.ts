import { defineRoute } from './route-contract.ts';

/** The API's own description and its browsable reference page: public, they hold no data. */
export const referenceRoutes = {
  openApi: defineRoute<Record<string, unknown>>()({
    method: 'GET',
    path: '/api/openapi.json',
    access: 'public',
    summary: 'This API as an OpenAPI 3.1 document',
    description: 'Generated from the route contracts the server mounts, so every route is in it once.',
  }),
  docsPage: defineRoute<string>()({
    method: 'GET',
    path: '/api/docs',
    access: 'public',
    produces: 'text/html',
    summary: 'A browsable reference of this API (Swagger UI, served from this server)',
  }),
  docsAsset: defineRoute<string>()({
    method: 'GET',
    path: '/api/docs/:file',
    access: 'public',
    produces: '*/*',
    summary: "The reference page's scripts and styles",
  }),
};
