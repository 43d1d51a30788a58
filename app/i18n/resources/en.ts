// The en message catalogues, one import per namespace (app/i18n/config.ts lists them).
import common from '../locales/en/common.json'
import shop from '../locales/en/shop.json'
import product from '../locales/en/product.json'
import search from '../locales/en/search.json'
import cart from '../locales/en/cart.json'
import account from '../locales/en/account.json'
import orders from '../locales/en/orders.json'
import seller from '../locales/en/seller.json'
import admin from '../locales/en/admin.json'
import email from '../locales/en/email.json'
import validation from '../locales/en/validation.json'
import pages from '../locales/en/pages.json'

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
