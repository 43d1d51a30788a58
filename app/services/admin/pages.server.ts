import type { ContentPageInput } from '~/services/pages/content.ts'
import { updateContentPage } from '~/services/pages/content-pages.server.ts'
import { updateSizeGuide, type SizeGuideInput } from '~/services/pages/size-guides.server.ts'
import { recordAudit } from '~/services/audit/audit.server.ts'

// The admin's commands on the store's pages and size guides: the pages service does the change
// and its `within` hook writes the audit entry in the same transaction.

type Admin = { id: string; email: string }

export function updateContentPageAsAdmin(admin: Admin, slug: string, input: ContentPageInput) {
  return updateContentPage(slug, input, {
    within: (tx, { before, after }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'page.update',
        target: { type: 'PAGE', id: after.id, label: after.title },
        details: {
          slug: after.slug,
          version: after.version,
          changed: (['title', 'titleFa', 'body', 'bodyFa'] as const).filter(
            (field) => before?.[field] !== after[field],
          ),
          before: { title: before?.title ?? null, titleFa: before?.titleFa ?? null },
          after: { title: after.title, titleFa: after.titleFa },
        },
      }),
  })
}

export function updateSizeGuideAsAdmin(admin: Admin, code: string, input: SizeGuideInput) {
  return updateSizeGuide(code, input, {
    within: (tx, { scale, before, after }) =>
      recordAudit(tx, {
        actor: admin,
        action: 'size-guide.update',
        target: { type: 'SIZE_SCALE', id: scale.id, label: scale.name },
        details: { code: scale.code, before, after },
      }),
  })
}
