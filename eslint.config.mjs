import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The architecture of STYLE.md, enforced: one dependency direction, handlers → app → domain,
// with the platform implementing the ports app declares (src/app/ports/) and one composition
// root (src/composition.ts) the only module that knows both app and platform. Only
// src/platform/ (and the UI Kit pages) talk to Forge (the @forge/* rule below); src/domain/
// imports nothing from outside itself (no platform, no packages, no Node built-ins).

// The typed operation contract (each operation's payload schema and result type), the one module
// the handlers and the frontends both import: the handlers for its schemas, the frontends for its
// types only (no schema or backend code reaches a page bundle).
const CONTRACT = ['src/contract'];

// Each layer: where it lives, what it may import (relative paths from the repo root), what it may
// import for types only, and whether it may import packages at all.
const LAYERS = [
  { name: 'src/domain/', where: ['src/domain'], may: ['src/domain'], packages: false },
  { name: 'src/app/', where: ['src/app'], may: ['src/app', 'src/domain'] },
  { name: 'src/platform/', where: ['src/platform'], may: ['src/platform', 'src/app/ports', 'src/app/app-error.ts', 'src/domain'] },
  { name: 'src/handlers/', where: ['src/handlers'], may: ['src/handlers', 'src/app', 'src/domain', 'src/composition.ts', ...CONTRACT] },
  // The contract names the use cases' results (types only) and checks payloads with the domain's lists.
  { name: 'src/contract/', where: CONTRACT, may: [...CONTRACT, 'src/domain'], typesOnly: ['src/app'] },
  { name: 'src/composition.ts', where: ['src/composition.ts'], may: ['src/app', 'src/platform', 'src/domain'] },
  { name: 'src/index.ts', where: ['src/index.ts'], may: ['src/handlers'] },
  { name: 'src/frontend/', where: ['src/frontend'], may: ['src/frontend'], typesOnly: ['src/domain', ...CONTRACT] },
  { name: 'static/', where: ['static'], may: ['static', 'src/frontend/shared'], typesOnly: ['src/domain', ...CONTRACT] }
];

const withoutExtension = (file) => file.replace(/\.(ts|tsx|js|mjs)$/, '');
const within = (target, roots, cwd) =>
  roots.some((root) => {
    const base = withoutExtension(path.resolve(cwd, root));
    return target === base || target.startsWith(base + path.sep);
  });
const typeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (node.type === 'ImportDeclaration' &&
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.importKind === 'type'));

const layersPointOneWay = {
  meta: {
    type: 'problem',
    messages: {
      outside: "{{layer}} must not import '{{source}}': it may import only {{may}} (README, How it is built).",
      typesOnly: "{{layer}} may import '{{source}}' for its types only (import type).",
      package: "{{layer}} must not import the package '{{source}}': the domain is pure and imports only from src/domain/."
    }
  },
  create(context) {
    const file = withoutExtension(context.filename);
    const layer = LAYERS.find((candidate) => within(file, candidate.where, context.cwd));
    if (!layer) return {};
    const may = [...layer.may, ...(layer.typesOnly ?? []).map((root) => `${root} (types)`)].join(', ');
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const data = { layer: layer.name, source, may };
      if (!source.startsWith('.')) {
        if (layer.packages === false) context.report({ node, messageId: 'package', data });
        return;
      }
      const target = withoutExtension(path.resolve(path.dirname(context.filename), source));
      if (within(target, layer.may, context.cwd)) return;
      if (within(target, layer.typesOnly ?? [], context.cwd)) {
        if (!typeOnly(node)) context.report({ node, messageId: 'typesOnly', data });
        return;
      }
      context.report({ node, messageId: 'outside', data });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  }
};

export default tseslint.config(
  { ignores: ['node_modules/**', '**/build/**', '**/dist/**', 'coverage/**', 'sandbox/vendor/**', 'static/build.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' }
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  {
    // Plain CommonJS files that jest loads untransformed (its config, its reporter and what that reporter asks).
    files: ['**/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' }
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/platform/**', 'src/frontend/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@forge/*'], message: 'Only src/platform/ (and the UI Kit pages in src/frontend/) may import @forge/*.' }] }
      ]
    }
  },
  {
    files: ['src/**/*.{ts,tsx}', 'static/**/*.{ts,tsx}'],
    // Tests and their helpers drive the whole app through the sandbox (and may use test-only
    // packages such as fast-check); the code they test may not.
    ignores: ['**/*.test.{ts,tsx}', '**/testing/**'],
    plugins: { architecture: { rules: { 'layers-point-one-way': layersPointOneWay } } },
    rules: { 'architecture/layers-point-one-way': 'error' }
  }
);
