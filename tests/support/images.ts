import sharp from 'sharp'

// Test images made with sharp, and multipart bodies built by hand so that tests control every
// byte (hostile file names, wrong types, truncated files, huge bodies).

export type PhotoOptions = {
  width?: number
  height?: number
  format?: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif' | 'tiff'
  /** EXIF orientation to write (the pixels are stored unrotated, as cameras do). */
  orientation?: number
  /** Write GPS coordinates and a camera make into the EXIF. */
  gps?: boolean
  /** Left half this colour, right half white, so orientation can be checked. */
  leftColor?: { r: number; g: number; b: number }
}

export async function photo({
  width = 1200,
  height = 900,
  format = 'jpeg',
  orientation,
  gps,
  leftColor = { r: 200, g: 30, b: 40 },
}: PhotoOptions = {}) {
  const left = await sharp({
    create: { width: Math.ceil(width / 2), height, channels: 3, background: leftColor },
  })
    .png()
    .toBuffer()
  let image = sharp({
    create: { width, height, channels: 3, background: { r: 255, g: 255, b: 255 } },
  }).composite([{ input: left, left: 0, top: 0 }])
  if (gps || orientation) {
    image = image.withExif({
      IFD0: {
        Make: 'TestCam',
        Model: 'Shikposh 1',
        ...(orientation ? { Orientation: String(orientation) } : {}),
      },
      ...(gps
        ? {
            IFD3: {
              GPSLatitudeRef: 'N',
              GPSLatitude: '51/1 30/1 0/1',
              GPSLongitudeRef: 'W',
              GPSLongitude: '0/1 7/1 0/1',
            },
          }
        : {}),
    })
  }
  if (orientation) image = image.withMetadata({ orientation })
  const encoded = format === 'avif' ? image.avif({ effort: 0 }) : image.toFormat(format)
  return encoded.toBuffer()
}

export type Part = {
  field?: string
  filename?: string
  contentType?: string
  data: Buffer | string
}

/** A multipart/form-data body with exactly these parts (file names are written raw, as UTF-8). */
export function multipartBody(parts: Part[], fields: Record<string, string> = {}) {
  const boundary = `----shikposh-test-${Math.random().toString(16).slice(2)}`
  const chunks: Buffer[] = []
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    )
  }
  for (const part of parts) {
    const filename =
      part.filename === undefined ? '' : `; filename="${part.filename.replace(/"/g, '%22')}"`
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${part.field ?? 'images'}"${filename}\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data),
      Buffer.from('\r\n'),
    )
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** A POST of these files, as a browser on the same site would send it. */
export function uploadRequest(
  path: string,
  parts: Part[],
  cookie?: string,
  fields: Record<string, string> = {},
) {
  const { body, contentType } = multipartBody(parts, fields)
  const headers = new Headers({
    'Content-Type': contentType,
    'Content-Length': String(body.length),
  })
  if (cookie) headers.set('Cookie', cookie)
  return new Request(new URL(path, 'http://localhost:3000'), { method: 'POST', headers, body })
}
