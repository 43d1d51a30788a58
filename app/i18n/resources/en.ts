// The en message catalogues, one import per namespace (app/i18n/config.ts lists them).
import common from '../locales/en/common.json' with { type: 'json' }
import shop from '../locales/en/shop.json' with { type: 'json' }
import product from '../locales/en/product.json' with { type: 'json' }
import search from '../locales/en/search.json' with { type: 'json' }
import cart from '../locales/en/cart.json' with { type: 'json' }
import account from '../locales/en/account.json' with { type: 'json' }
import orders from '../locales/en/orders.json' with { type: 'json' }
import seller from '../locales/en/seller.json' with { type: 'json' }
import admin from '../locales/en/admin.json' with { type: 'json' }
import email from '../locales/en/email.json' with { type: 'json' }
import validation from '../locales/en/validation.json' with { type: 'json' }
import pages from '../locales/en/pages.json' with { type: 'json' }
import notifications from '../locales/en/notifications.json' with { type: 'json' }

export default {
  common,
  shop,
  product,
  search,
  cart,
  account,
  orders,
  seller,
  admin,
  email,
  validation,
  pages,
  notifications,
}
