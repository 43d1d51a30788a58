// `npm run bench:images [-- --count 12 --concurrency 1 --width 4000 --height 3000]`
// Generates a batch of 12-megapixel photo-like JPEGs with sharp (kept in the system's temporary
// folder for the next run), then, in a fresh process so memory figures are its own, runs them
// through the upload pipeline as uploads do (the same checks, recipe and pipeline semaphore)
// and prints throughput, per-variant bytes and milliseconds, and peak memory.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { Semaphore } from '~/infra/semaphore.server.ts'
import { inspectUpload } from '~/services/media/assets.server.ts'
import {
  ENCODERS,
  PRODUCT_RECIPE,
  processImage,
  type ProcessedImage,
} from '~/services/media/pipeline.server.ts'
import { PRODUCT_IMAGE_RULES } from '~/services/media/product-images.server.ts'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '12' },
    concurrency: {
      type: 'string',
      default:
        process.env.MEDIA_CONCURRENCY ??
        String(Math.max(1, Math.floor(availableParallelism() / 2))),
    },
    width: { type: 'string', default: '4000' },
    height: { type: 'string', default: '3000' },
    measure: { type: 'boolean', default: false },
  },
})
const count = Number(values.count)
const concurrency = Number(values.concurrency)
const width = Number(values.width)
const height = Number(values.height)
const megapixels = (width * height) / 1e6

/** A deterministic pseudo-random sequence, so every run benchmarks the same photos. */
function random(seed: number) {
  let state = seed
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0
    return state / 2 ** 32
  }
}

/**
 * Something with the statistics of a product photo: soft shapes and gradients (garments on a
 * backdrop), fine detail from sensor-like grain, saved as a camera would (JPEG q90, EXIF).
 */
async function syntheticPhoto(seed: number) {
  const rnd = random(seed)
  const w = Math.round(width / 4)
  const h = Math.round(height / 4)
  let shapes = ''
  for (let i = 0; i < 40; i++) {
    const hue = Math.round(rnd() * 360)
    shapes += `<ellipse cx="${rnd() * w}" cy="${rnd() * h}" rx="${20 + rnd() * w * 0.3}" ry="${20 + rnd() * h * 0.3}" fill="hsl(${hue},${30 + rnd() * 50}%,${25 + rnd() * 55}%)" opacity="${0.35 + rnd() * 0.6}"/>`
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#e8ded2"/><stop offset="1" stop-color="#6b5646"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${shapes}</svg>`
  const base = await sharp(Buffer.from(svg))
    .removeAlpha()
    .resize(width, height, { kernel: 'cubic' })
    .blur(1.2)
    .raw()
    .toBuffer()
  // Grain made here rather than by libvips' gaussnoise, which takes seconds at this size.
  const noise = Buffer.alloc(width * height * 3)
  for (let i = 0; i < noise.length; i++)
    noise[i] = 128 + Math.round((rnd() + rnd() + rnd() - 1.5) * 24)
  const grain = await sharp(noise, { raw: { width, height, channels: 3 } })
    .blur(0.6)
    .raw()
    .toBuffer()
  return sharp(base, { raw: { width, height, channels: 3 } })
    .composite([{ input: grain, raw: { width, height, channels: 3 }, blend: 'overlay' }])
    .withExif({ IFD0: { Make: 'Shikposh', Model: 'Bench' } })
    .jpeg({ quality: 90 })
    .toBuffer()
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

const folder = path.join(tmpdir(), 'shikposh-bench-images', `${width}x${height}`)
const files = Array.from({ length: count }, (_, i) => path.join(folder, `photo-${i + 1}.jpg`))

if (!values.measure) {
  const missing = files.filter((file) => !existsSync(file))
  if (missing.length) {
    console.log(
      `Generating ${missing.length} photos of ${width} × ${height} (${megapixels.toFixed(1)} MP) in ${folder}…`,
    )
    const generationStarted = performance.now()
    await mkdir(folder, { recursive: true })
    for (const file of missing) await writeFile(file, await syntheticPhoto(files.indexOf(file) + 1))
    console.log(`  done in ${((performance.now() - generationStarted) / 1000).toFixed(1)} s\n`)
  }
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, ...process.argv.slice(2), '--measure'],
    { stdio: 'inherit' },
  )
  process.exit(child.status ?? 1)
}

const photos = await Promise.all(files.map((file) => readFile(file)))
const averageInput = photos.reduce((sum, photo) => sum + photo.length, 0) / count

// Warm up libvips and the encoders, so the first photo does not pay for loading them.
await processImage(
  await sharp({ create: { width: 800, height: 800, channels: 3, background: '#888' } })
    .jpeg()
    .toBuffer(),
  PRODUCT_RECIPE,
)

let peakRss = process.memoryUsage().rss
const baselineRss = peakRss
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
}, 20)

const pipelines = new Semaphore(concurrency)
const latencies: number[] = []
const results: ProcessedImage[] = []
let inspectMs = 0
const started = performance.now()
await Promise.all(
  photos.map(async (photo, index) => {
    const queued = performance.now()
    const inspectStarted = performance.now()
    await inspectUpload(`photo-${index + 1}.jpg`, photo, PRODUCT_IMAGE_RULES)
    inspectMs += performance.now() - inspectStarted
    results[index] = await pipelines.run(() => processImage(photo, PRODUCT_RECIPE))
    latencies.push(performance.now() - queued)
  }),
)
const elapsed = (performance.now() - started) / 1000
clearInterval(sampler)
peakRss = Math.max(peakRss, process.memoryUsage().rss)

const variants = new Map<string, { bytes: number[]; ms: number[] }>()
for (const result of results) {
  for (const variant of result.variants) {
    const key = `${variant.format} ${variant.width}`
    const entry = variants.get(key) ?? { bytes: [], ms: [] }
    entry.bytes.push(variant.data.length)
    entry.ms.push(variant.ms)
    variants.set(key, entry)
  }
}
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
const sortedLatencies = [...latencies].sort((a, b) => a - b)
const decode = mean(results.map((result) => result.decodeMs))

console.log(
  `Encoders: AVIF q${ENCODERS.avif.quality} effort ${ENCODERS.avif.effort}, WebP q${ENCODERS.webp.quality} effort ${ENCODERS.webp.effort}, JPEG q${ENCODERS.jpeg.quality} progressive`,
)
console.log(
  `Concurrency: ${concurrency} pipeline${concurrency === 1 ? '' : 's'} (sharp threads per pipeline: ${sharp.concurrency()}), ${availableParallelism()} cores\n`,
)
console.log('| variant | mean bytes | mean ms |')
console.log('| ------- | ---------: | ------: |')
for (const [key, entry] of [...variants.entries()].sort(([a], [b]) => {
  const [formatA, widthA] = a.split(' ')
  const [formatB, widthB] = b.split(' ')
  return formatA!.localeCompare(formatB!) || Number(widthA) - Number(widthB)
})) {
  console.log(
    `| ${key.padEnd(10)} | ${kb(mean(entry.bytes)).padStart(9)} | ${mean(entry.ms).toFixed(0).padStart(5)} |`,
  )
}
const perFormat = (format: string) =>
  mean(
    results.map((result) =>
      result.variants
        .filter((variant) => variant.format === format)
        .reduce((sum, variant) => sum + variant.ms, 0),
    ),
  )
console.log(
  `\nPer photo: checks ${(inspectMs / count).toFixed(0)} ms, decode + orient + first resize ${decode.toFixed(0)} ms, AVIF ${perFormat('avif').toFixed(0)} ms, WebP ${perFormat('webp').toFixed(0)} ms, JPEG ${perFormat('jpeg').toFixed(0)} ms`,
)
console.log(
  `Total bytes stored per photo (15 variants): ${kb(mean(results.map((result) => result.variants.reduce((sum, variant) => sum + variant.data.length, 0))))} (input ${kb(averageInput)})`,
)
console.log(
  `\nThroughput: ${(count / elapsed).toFixed(2)} photos/s, ${((count * megapixels) / elapsed).toFixed(1)} MP/s (${count} photos in ${elapsed.toFixed(1)} s)`,
)
console.log(
  `Latency per photo (queue included): p50 ${(percentile(sortedLatencies, 50) / 1000).toFixed(2)} s, max ${(sortedLatencies.at(-1)! / 1000).toFixed(2)} s`,
)
console.log(
  `Memory: peak RSS ${mb(peakRss)}, ${mb(peakRss - baselineRss)} above the ${mb(baselineRss)} of the process before processing (the ${count} input photos loaded)`,
)
