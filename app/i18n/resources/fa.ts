// The fa message catalogues, one import per namespace (app/i18n/config.ts lists them).
import common from '../locales/fa/common.json'
import shop from '../locales/fa/shop.json'
import product from '../locales/fa/product.json'
import search from '../locales/fa/search.json'
import cart from '../locales/fa/cart.json'
import account from '../locales/fa/account.json'
import orders from '../locales/fa/orders.json'
import seller from '../locales/fa/seller.json'
import admin from '../locales/fa/admin.json'
import email from '../locales/fa/email.json'
import validation from '../locales/fa/validation.json'
import pages from '../locales/fa/pages.json'

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
}
