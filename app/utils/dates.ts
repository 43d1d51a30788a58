// UTC dates for pages not yet on the shared formatter (app/i18n/format.ts, `useFormat()`), which
// shows dates in the store's time zone and the page's language. Delete once nothing uses it.

const UTC_DATE_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

const UTC_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
})

/** "20 Nov 2026, 22:41:05 UTC" */
export function formatUtcDateTime(value: Date | string) {
  return `${UTC_DATE_TIME.format(new Date(value))} UTC`
}

/** "20 Nov 2026" */
export function formatUtcDate(value: Date | string) {
  return UTC_DATE.format(new Date(value))
}
