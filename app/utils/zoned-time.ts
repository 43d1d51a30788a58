// Wall-clock times in a named time zone (the store's), the same in the browser and on the
// server: sellers type discount schedules as local date-times, the database keeps instants.

const partsFormatters = new Map<string, Intl.DateTimeFormat>()

function partsFormatter(timeZone: string) {
  let format = partsFormatters.get(timeZone)
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    partsFormatters.set(timeZone, format)
  }
  return format
}

function wallClock(at: number, timeZone: string) {
  const parts = Object.fromEntries(
    partsFormatter(timeZone)
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  )
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  }
}

/** How far the zone's wall clock is ahead of UTC at that instant, in milliseconds. */
function offsetMs(at: number, timeZone: string) {
  const wall = wallClock(at, timeZone)
  const wallAsUtc = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
    wall.second,
  )
  return wallAsUtc - (at - (((at % 1000) + 1000) % 1000))
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/** `2026-12-01T09:30` in `Europe/Berlin` → the instant; null when the text is not such a date-time. */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local.trim())
  if (!match) return null
  const [, year, month, day, hour, minute, second] = match.map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  if (
    month < 1 ||
    month > 12 ||
    day < 1 ||
    day > 31 ||
    hour > 23 ||
    minute > 59 ||
    (second || 0) > 59
  )
    return null
  const guess = Date.UTC(year, month - 1, day, hour, minute, second || 0)
  const check = new Date(guess)
  if (check.getUTCDate() !== day) return null // 31 February and the like
  // Two passes settle the offset on either side of a daylight-saving change.
  const first = guess - offsetMs(guess, timeZone)
  const second2 = guess - offsetMs(first, timeZone)
  return new Date(second2)
}

/** The instant as `YYYY-MM-DDTHH:mm` on the zone's wall clock, for a datetime-local input. */
export function utcToZonedLocal(date: Date | string, timeZone: string): string {
  const at = typeof date === 'string' ? Date.parse(date) : date.getTime()
  const wall = wallClock(at, timeZone)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${wall.year}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}`
}

/** "Dec 1, 2026, 09:30" in the zone, for people. */
export function formatDateTime(date: Date | string, timeZone: string, locale = 'en-US') {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    dateStyle: 'medium',
    timeStyle: 'short',
    hourCycle: 'h23',
  }).format(typeof date === 'string' ? new Date(date) : date)
}
