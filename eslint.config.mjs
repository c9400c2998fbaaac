import path from 'node:path';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The architecture of STYLE.md, enforced: only src/platform/ talks to Forge, and src/domain/
// imports nothing from outside itself (no platform, no packages, no Node built-ins).
const domainStaysPure = {
  meta: { type: 'problem', messages: { outside: "src/domain/ must not import '{{source}}': the domain is pure and imports only from src/domain/." } },
  create(context) {
    const domainRoot = path.resolve(context.cwd, 'src', 'domain');
    const check = (node) => {
      if (!node.source || typeof node.source.value !== 'string') return;
      const source = node.source.value;
      const inside = source.startsWith('.') && path.resolve(path.dirname(context.filename), source).startsWith(domainRoot);
      if (!inside) context.report({ node, messageId: 'outside', data: { source } });
    };
    return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
  }
};

export default tseslint.config(
  { ignores: ['node_modules/**', '**/build/**', '**/dist/**', 'coverage/**', 'sandbox/vendor/**', 'static/build.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', __dirname: 'readonly', require: 'readonly', module: 'writable' } },
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
      'no-restricted-imports': ['error', { patterns: [{ group: ['@forge/*'], message: 'Only src/platform/ (and the UI Kit pages in src/frontend/) may import @forge/*.' }] }]
    }
  },
  {
    files: ['src/domain/**/*.ts'],
    // Tests and their helpers may use test-only packages (fast-check); the rules they test may not.
    ignores: ['src/domain/**/*.test.ts', 'src/domain/testing/**'],
    plugins: { architecture: { rules: { 'domain-stays-pure': domainStaysPure } } },
    rules: { 'architecture/domain-stays-pure': 'error' }
  }
);
