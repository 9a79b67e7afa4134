import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The SPA's map (web/README.md, "Structure"): shared folders at the bottom,
// feature folders above them, the app on top. Imports point one way only:
// shared code never imports a feature, a feature imports another only where
// listed here, and nothing but main.tsx imports the app.
const SHARED = ['api', 'router', 'ui'];
const FEATURES = {
  auth: ['passkeys'],
  passkeys: [],
  sessions: ['auth'],
  settings: ['passkeys', 'sessions', 'notifications'],
  notifications: [],
  attachments: [],
  requests: ['attachments'],
  admin: ['requests'],
};

const folder = (name) => `./src/${name}`;
const boundaryZones = [
  // Shared code knows no feature and not the app.
  ...SHARED.map((name) => ({
    target: folder(name),
    from: [...Object.keys(FEATURES), 'app'].map(folder),
    message: 'Shared code (api/, router/, ui/) must not import a feature or the app.',
  })),
  // A feature imports the features it lists, shared code, nothing else.
  ...Object.entries(FEATURES).map(([name, allowed]) => ({
    target: folder(name),
    from: [
      ...Object.keys(FEATURES).filter((other) => other !== name && !allowed.includes(other)),
      'app',
    ].map(folder),
    message: `${name}/ may import only ${[...allowed, ...SHARED].join(', ')} (eslint.config.js).`,
  })),
];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'coverage', 'src/api/schema.gen.ts'] },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [js.configs.recommended, ...tseslint.configs.strictTypeChecked],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.browser,
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js'] })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      // Types come from the generated schema or from checks, never from an assertion.
      '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }],
      'import-x/no-restricted-paths': ['error', { zones: boundaryZones }],
      'import-x/no-cycle': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs}'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
);
