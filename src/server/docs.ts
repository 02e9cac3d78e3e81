/**
 * A self-contained API reference page rendered from the OpenAPI document: no scripts, no CDN,
 * every value escaped.
 */

const escapeHtml = (s: unknown): string => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

type Json = Record<string, any>;

function schemaSummary(schema: Json | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return escapeHtml(String(schema.$ref).replace(/^#\/components\/schemas\//, ''));
  if (schema.enum) return schema.enum.map((v: unknown) => `<code>${escapeHtml(v)}</code>`).join(' ');
  const bits = [schema.type, schema.format, schema.pattern && `/${schema.pattern}/`,
    schema.minimum !== undefined && `≥ ${schema.minimum}`, schema.maximum !== undefined && `≤ ${schema.maximum}`,
    schema.default !== undefined && `default ${schema.default}`].filter(Boolean);
  return escapeHtml(bits.join(', '));
}

function parametersTable(params: Json[] | undefined): string {
  if (!params?.length) return '';
  const rows = params.map((p) => `<tr><td><code>${escapeHtml(p.name)}</code>${p.required ? ' *' : ''}</td><td>${escapeHtml(p.in)}</td><td>${schemaSummary(p.schema)}</td><td>${escapeHtml(p.description ?? p.schema?.description ?? '')}</td></tr>`);
  return `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function bodySummary(body: Json | undefined): string {
  if (!body?.content) return '';
  const kinds = Object.entries(body.content as Json).map(([type, v]) => `<code>${escapeHtml(type)}</code> ${schemaSummary((v as Json).schema)}`);
  return `<p class="body">Body: ${kinds.join(' · ')}</p>`;
}

export function docsPage(openapi: Json): string {
  const ops: string[] = [];
  for (const [path, methods] of Object.entries((openapi.paths ?? {}) as Json)) {
    for (const [method, op] of Object.entries(methods as Json)) {
      const o = op as Json;
      const codes = Object.keys(o.responses ?? {}).join(' ');
      ops.push(`<section class="op"><h2><span class="m ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code></h2>
<p>${escapeHtml(o.summary ?? '')}</p>${o.description ? `<p class="desc">${escapeHtml(o.description)}</p>` : ''}
${o.security ? '<p class="key">Needs the API key when the server has one (<code>Authorization: Bearer …</code> or <code>x-api-key</code>).</p>' : ''}
${parametersTable(o.parameters)}${bodySummary(o.requestBody)}<p class="codes">Responses: ${escapeHtml(codes)}</p></section>`);
    }
  }
  const schemas = Object.entries((openapi.components?.schemas ?? {}) as Json)
    .map(([name, s]) => `<details><summary>${escapeHtml(name)}</summary><pre>${escapeHtml(JSON.stringify(s, null, 2))}</pre></details>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Parley API</title><link rel="icon" href="data:,"><style>
body{font:15px/1.5 system-ui,sans-serif;margin:0 auto;max-width:960px;padding:2rem;color:#1d2433}
h1{margin:0 0 .25rem}.op{border:1px solid #dde2ea;border-radius:8px;padding:.75rem 1rem;margin:1rem 0}
h2{font-size:1.05rem;margin:.25rem 0}.m{display:inline-block;min-width:3.5rem;text-align:center;border-radius:4px;color:#fff;font-size:.8rem;padding:.1rem .4rem}
.m.get{background:#2f6fbd}.m.post{background:#2e8b57}table{border-collapse:collapse;width:100%;font-size:.9rem}
td,th{border-bottom:1px solid #eef1f5;padding:.25rem .5rem;text-align:left;vertical-align:top}.desc,.codes,.key{color:#55607a;font-size:.9rem}
pre{background:#f6f8fb;padding:.75rem;overflow:auto;font-size:.8rem}code{font-size:.9em}
</style></head><body><h1>${escapeHtml(openapi.info?.title ?? 'API')} <small>${escapeHtml(openapi.info?.version ?? '')}</small></h1>
<p>${escapeHtml(openapi.info?.description ?? '')}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI ${escapeHtml(openapi.openapi ?? '')}). Errors always come back as <code>{"error": {"code", "message"}}</code>. The web UI is at <a href="/">/</a>.</p>
${ops.join('\n')}<h2>Schemas</h2>${schemas}</body></html>`;
}
