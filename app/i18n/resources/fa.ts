// The fa message catalogues, one import per namespace (app/i18n/config.ts lists them).
import common from '../locales/fa/common.json' with { type: 'json' }
import shop from '../locales/fa/shop.json' with { type: 'json' }
import product from '../locales/fa/product.json' with { type: 'json' }
import search from '../locales/fa/search.json' with { type: 'json' }
import cart from '../locales/fa/cart.json' with { type: 'json' }
import account from '../locales/fa/account.json' with { type: 'json' }
import orders from '../locales/fa/orders.json' with { type: 'json' }
import seller from '../locales/fa/seller.json' with { type: 'json' }
import admin from '../locales/fa/admin.json' with { type: 'json' }
import email from '../locales/fa/email.json' with { type: 'json' }
import validation from '../locales/fa/validation.json' with { type: 'json' }
import pages from '../locales/fa/pages.json' with { type: 'json' }
import notifications from '../locales/fa/notifications.json' with { type: 'json' }

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
