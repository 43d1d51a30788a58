import type en from './resources/en.ts'

// Keys are checked against the English catalogues: `t('no.such.key')` fails the type check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common'
    resources: typeof en
  }
}
