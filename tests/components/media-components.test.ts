import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { describe, expect, test } from 'vitest'
import { ProductCardImage, ProductGallery } from '~/components/media/product-gallery.tsx'
import { i18nFor } from '~/i18n/i18n.server.ts'
import { ResponsiveImage } from '~/components/media/responsive-image.tsx'
import { UserAvatar } from '~/components/media/user-avatar.tsx'
import {
  orderImagesForColor,
  type ImageView,
  type ProductImageView,
} from '~/services/media/views.ts'

const view = (name: string, width = 1280, height = 1600): ImageView => ({
  width,
  height,
  placeholder: 'data:image/webp;base64,AAAA',
  srcSet: {
    avif: `/media/img/${name}/320-a.avif 320w, /media/img/${name}/640-b.avif 640w`,
    webp: `/media/img/${name}/320-c.webp 320w, /media/img/${name}/640-d.webp 640w`,
    jpeg: `/media/img/${name}/320-e.jpg 320w, /media/img/${name}/640-f.jpg 640w`,
  },
  src: `/media/img/${name}/640-f.jpg`,
})

const photo = (
  id: string,
  position: number,
  colorId: string | null,
  alt = '',
): ProductImageView => ({ id, position, alt, colorId, image: view(id) })

describe('ResponsiveImage', () => {
  test('a <picture> with AVIF and WebP sources, a JPEG fallback, sizes, width and height, lazy by default, the placeholder behind', () => {
    const html = renderToStaticMarkup(
      createElement(ResponsiveImage, { image: view('p1'), alt: 'Red dress, front', sizes: '50vw' }),
    )
    expect(html).toMatch(
      /^<picture><source type="image\/avif" srcSet="\/media\/img\/p1\/320-a.avif 320w, \/media\/img\/p1\/640-b.avif 640w" sizes="50vw"\/><source type="image\/webp"/,
    )
    expect(html).toContain('src="/media/img/p1/640-f.jpg"')
    expect(html).toContain('srcSet="/media/img/p1/320-e.jpg 320w, /media/img/p1/640-f.jpg 640w"')
    expect(html).toContain('alt="Red dress, front"')
    expect(html).toContain('width="1280" height="1600"')
    expect(html).toContain('loading="lazy"')
    expect(html).toContain('decoding="async"')
    expect(html).not.toContain('fetchpriority')
    expect(html).toContain('background-image:url(&quot;data:image/webp;base64,AAAA&quot;)')
  })

  test('priority loads eagerly with high fetch priority; a given width sets the box and keeps the aspect', () => {
    const html = renderToStaticMarkup(
      createElement(ResponsiveImage, {
        image: view('p2'),
        alt: '',
        sizes: '100vw',
        priority: true,
        width: 400,
        fit: 'contain',
      }),
    )
    expect(html).toContain('loading="eager"')
    expect(html).toContain('fetchpriority="high"')
    expect(html).toContain('width="400" height="500"')
    expect(html).toContain('object-fit:contain')
    expect(html).toContain('background-size:contain')
  })
})

describe('UserAvatar', () => {
  test('the uploaded photo when there is one, else the generated initials', () => {
    expect(
      renderToStaticMarkup(
        createElement(UserAvatar, { name: 'Elif Example', avatar: null, size: 32 }),
      ),
    ).toContain('<svg')
    const html = renderToStaticMarkup(
      createElement(UserAvatar, { name: 'Elif Example', avatar: view('a1', 512, 512), size: 32 }),
    )
    expect(html).toContain('alt="Elif Example"')
    expect(html).toContain('width="32" height="32"')
    expect(html).toContain('sizes="32px"')
  })
})

describe('gallery order', () => {
  const images = [
    photo('all-1', 0, null),
    photo('red-1', 1, 'red'),
    photo('blue-1', 2, 'blue'),
    photo('red-2', 3, 'red'),
    photo('all-2', 4, null),
  ]

  test("picking a colour shows that colour's photos first, then the ones for every colour, then the rest", () => {
    expect(orderImagesForColor(images, 'red').map((image) => image.id)).toEqual([
      'red-1',
      'red-2',
      'all-1',
      'all-2',
      'blue-1',
    ])
    expect(orderImagesForColor(images, 'blue').map((image) => image.id)).toEqual([
      'blue-1',
      'all-1',
      'all-2',
      'red-1',
      'red-2',
    ])
    expect(orderImagesForColor(images, null).map((image) => image.id)).toEqual([
      'all-1',
      'red-1',
      'blue-1',
      'red-2',
      'all-2',
    ])
    expect(orderImagesForColor(images, 'green').map((image) => image.id)).toEqual([
      'all-1',
      'all-2',
      'red-1',
      'blue-1',
      'red-2',
    ])
  })

  test('the gallery puts the picked colour first, with the first photo as the priority image and alt text from the product', () => {
    // The gallery reads its labels and the page's direction from i18next, as on a page.
    const html = renderToStaticMarkup(
      createElement(
        I18nextProvider,
        { i18n: i18nFor('en') },
        createElement(ProductGallery, { images, productTitle: 'Linen dress', colorId: 'blue' }),
      ),
    )
    const main = html.slice(html.indexOf('<figure'))
    expect(main).toContain('/media/img/blue-1/640-f.jpg')
    expect(main).toContain('fetchpriority="high"')
    expect(main).toContain('alt="Linen dress, photo 1 of 5"')
    expect(html).toContain('aria-label="Show photo 1 of 5"')
    expect((html.match(/<button/g) ?? []).length).toBe(5)
  })

  test('a product card shows the first photo (for the colour) and the second on hover', () => {
    const html = renderToStaticMarkup(
      createElement(ProductCardImage, { images, productTitle: 'Linen dress', colorId: 'red' }),
    )
    expect(html.indexOf('/media/img/red-1/')).toBeLessThan(html.indexOf('/media/img/red-2/'))
    expect(html).toContain('alt="Linen dress"')
    expect(html).toContain('alt=""')
    expect(
      renderToStaticMarkup(
        createElement(ProductCardImage, { images: [], productTitle: 'Linen dress' }),
      ),
    ).toContain('aria-label="Linen dress"')
  })
})
