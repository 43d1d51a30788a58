import { GeneratedAvatar } from '~/components/avatar.tsx'
import type { ImageView } from '~/services/media/views.ts'
import { ResponsiveImage } from './responsive-image.tsx'

/** The user's uploaded photo when they have one, else the generated initials avatar. */
export function UserAvatar({
  name,
  avatar,
  size = 32,
  className = '',
}: {
  name: string
  avatar: ImageView | null | undefined
  size?: number
  className?: string
}) {
  if (!avatar) return <GeneratedAvatar name={name} size={size} className={className} />
  return (
    <ResponsiveImage
      image={avatar}
      alt={name}
      sizes={`${size}px`}
      width={size}
      height={size}
      // Small and usually in view (the header): no point deferring it, nor racing the page's main image.
      loading="eager"
      pictureClassName="shrink-0"
      fit="cover"
      className={`shrink-0 rounded-full ${className}`}
    />
  )
}
