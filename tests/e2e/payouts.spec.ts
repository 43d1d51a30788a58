import { prisma } from '~/infra/db.server.ts'
import { postAdjustment } from '~/services/finance/payouts.server.ts'
import { createUser } from '../support/fixtures.ts'
import { createSeller } from '../support/shop-fixtures.ts'
import { expect, randomClientIp, signInContext, test } from './fixtures.ts'

// A seller's payout from end to end: the bank account saved in Persian without JavaScript (a
// mistyped IBAN answered at its field first), a payout asked for in English (too much refused at
// the field), the admin marking it paid with the bank's reference, and the seller seeing it paid.

test.afterAll(async () => {
  await prisma.$disconnect()
})

test('a seller saves their IBAN without JavaScript, asks for a payout, the admin pays it and the seller sees it', async ({
  browser,
}) => {
  const seller = await createSeller('Parvaneh')
  const admin = await createUser({ roles: ['SHOPPER', 'ADMIN'] })
  // $50.00 available (as the release after a return window would leave it).
  await postAdjustment(seller.shop.id, { key: `e2e-${seller.shop.id}`, amount: 5000, memo: 'e2e' })
  const newContext = async (userId: string, javaScriptEnabled: boolean) => {
    const context = await browser.newContext({
      javaScriptEnabled,
      extraHTTPHeaders: { 'X-Forwarded-For': randomClientIp() },
    })
    await signInContext(context, userId)
    return context
  }

  // Persian, no JavaScript: the bank account form.
  const plain = await newContext(seller.user.id, false)
  const fa = await plain.newPage()
  await fa.goto('/fa/sell/finances')
  await expect(fa.getByRole('heading', { name: 'امور مالی', level: 1 })).toBeVisible()
  await expect(fa.getByText('ابتدا حساب بانکی خود را', { exact: false })).toBeVisible()
  await fa.getByLabel('نام صاحب حساب').fill('پروانه فروشنده')
  await fa.getByLabel('شمارهٔ شبا (IBAN)').fill('IR82 0540 1026 8002 0817 9090 03')
  await fa.getByRole('button', { name: 'ذخیرهٔ حساب بانکی' }).click()
  const iban = fa.getByLabel('شمارهٔ شبا (IBAN)')
  await expect(iban).toHaveAttribute('aria-invalid', 'true')
  await expect(
    fa.getByText('رقم‌های کنترلی این شماره جور درنمی‌آید', { exact: false }),
  ).toBeVisible()
  await expect(iban).toHaveValue('IR82 0540 1026 8002 0817 9090 03')
  // Persian digits are read as the same number.
  await iban.fill('IR۸۲ ۰۵۴۰ ۱۰۲۶ ۸۰۰۲ ۰۸۱۷ ۹۰۹۰ ۰۲')
  await fa.getByRole('button', { name: 'ذخیرهٔ حساب بانکی' }).click()
  await expect(fa.getByText('حساب بانکی ذخیره شد.')).toBeVisible()
  await expect(fa.getByText('IR82 0540 1026 8002 0817 9090 02')).toBeVisible()
  await expect(fa.getByLabel('مبلغ')).toBeVisible()
  await plain.close()

  // English, with JavaScript: the payout request.
  const sellerContext = await newContext(seller.user.id, true)
  const page = await sellerContext.newPage()
  await page.goto('/sell/finances')
  await expect(page.getByTestId('balance-available')).toHaveText('$50.00')
  const amount = page.getByLabel('Amount')
  await amount.fill('80')
  await page.getByRole('button', { name: 'Request payout' }).click()
  await expect(
    page.getByText('You can ask for at most $50.00, your available balance.'),
  ).toBeVisible()
  await expect(amount).toHaveAttribute('aria-invalid', 'true')
  await amount.fill('30')
  await page.getByRole('button', { name: 'Request payout' }).click()
  await expect(page.getByText('Payout requested.', { exact: false })).toBeVisible()
  await expect(page.getByTestId('balance-available')).toHaveText('$20.00')
  await expect(page.getByTestId('payout-status')).toHaveText('Requested, not paid yet')

  // The admin pays it.
  const adminContext = await newContext(admin.id, true)
  const adminPage = await adminContext.newPage()
  await adminPage.goto('/admin/payouts')
  const row = adminPage.getByTestId('admin-payout-row').filter({ hasText: seller.shop.name })
  await expect(row).toContainText('$30.00')
  await row.getByLabel(`Bank reference for ${seller.shop.name}`).fill('TRX-E2E-7')
  await row.getByRole('button', { name: 'Mark paid' }).click()
  await expect(
    adminPage.getByText(`The payout to ${seller.shop.name} is marked paid.`),
  ).toBeVisible()
  await expect(row).toBeHidden()
  await adminContext.close()

  // The seller sees it paid, and in the ledger.
  await page.reload()
  await expect(page.getByTestId('payout-status')).toHaveText('Paid · reference TRX-E2E-7')
  await expect(page.getByTestId('balance-available')).toHaveText('$20.00')
  await expect(page.getByTestId('ledger-row').filter({ hasText: 'Payout' })).toHaveCount(1)
  await sellerContext.close()
})
