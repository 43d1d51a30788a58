// Finds physical (left/right) direction in Tailwind classes and inline styles, so layouts
// mirror in right-to-left pages through logical properties (docs/decisions/015-i18n.md).

const VARIANTS = String.raw`(?:[\w\[\]&:@/.=>~+*()#,-]+:)*!?`
const SPACE = String.raw`(?:\d+(?:\.\d+)?(?:\/\d+)?|px|auto|full|\[[^\]\s]+\]|\([^)\s]+\))`
const RADIUS = String.raw`(?:none|xs|sm|md|lg|xl|2xl|3xl|4xl|full|\[[^\]\s]+\]|\([^)\s]+\))`
const BORDER = String.raw`(?:\d+|[a-z]+(?:-\d+)?(?:\/\d+)?|\[[^\]\s]+\]|\([^)\s]+\))`

const RULES = [
  [String.raw`-?(?:scroll-)?m[lr]-${SPACE}`, 'ms-/me- (scroll-ms-/scroll-me-)'],
  [String.raw`(?:scroll-)?p[lr]-${SPACE}`, 'ps-/pe- (scroll-ps-/scroll-pe-)'],
  [String.raw`-?(?:left|right)-${SPACE}`, 'start-/end-'],
  [String.raw`border-[lr](?:-${BORDER})?`, 'border-s/border-e'],
  [String.raw`rounded-(?:[lr]|tl|tr|bl|br)(?:-${RADIUS})?`, 'rounded-s/e, rounded-ss/se/es/ee'],
  [String.raw`text-(?:left|right)`, 'text-start/text-end'],
  [String.raw`(?:float|clear)-(?:left|right)`, 'float-start/float-end'],
]

const TOKEN = new RegExp(
  String.raw`(?<=^|[\s"'\`{])${VARIANTS}(?:${RULES.map(([pattern]) => `(${pattern})`).join('|')})(?=$|[\s"'\`}])`,
  'g',
)

/** Each physical direction class in `text` with the logical one to use instead. */
export function findPhysicalClasses(text) {
  const found = []
  for (const match of text.matchAll(TOKEN)) {
    const index = match.slice(1).findIndex((group) => group !== undefined)
    found.push({ className: match[0], use: RULES[index][1], index: match.index })
  }
  return found
}

const PHYSICAL_STYLE = {
  left: 'insetInlineStart',
  right: 'insetInlineEnd',
  marginLeft: 'marginInlineStart',
  marginRight: 'marginInlineEnd',
  paddingLeft: 'paddingInlineStart',
  paddingRight: 'paddingInlineEnd',
  borderLeft: 'borderInlineStart',
  borderRight: 'borderInlineEnd',
  borderLeftWidth: 'borderInlineStartWidth',
  borderRightWidth: 'borderInlineEndWidth',
  borderLeftColor: 'borderInlineStartColor',
  borderRightColor: 'borderInlineEndColor',
  borderTopLeftRadius: 'borderStartStartRadius',
  borderTopRightRadius: 'borderStartEndRadius',
  borderBottomLeftRadius: 'borderEndStartRadius',
  borderBottomRightRadius: 'borderEndEndRadius',
}

/** CSS declarations with a physical side, for stylesheets. */
export const PHYSICAL_CSS =
  /(?:^|[\s;{])((?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?:-\w+)?|(?:left|right)\s*:|border-(?:top|bottom)-(?:left|right)-radius|text-align\s*:\s*(?:left|right)|float\s*:\s*(?:left|right))/g

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Refuse left/right in classes and styles; use logical start/end' },
    schema: [],
    messages: {
      physicalClass: '"{{className}}" is physical: use {{use}} so the layout mirrors in RTL.',
      physicalStyle: 'style.{{name}} is physical: use {{use}} so the layout mirrors in RTL.',
    },
  },
  create(context) {
    function check(node, text) {
      for (const { className, use } of findPhysicalClasses(text))
        context.report({ node, messageId: 'physicalClass', data: { className, use } })
    }
    return {
      Literal(node) {
        if (typeof node.value !== 'string') return
        const parent = node.parent
        if (parent?.type === 'ImportDeclaration' || parent?.type === 'ExportNamedDeclaration')
          return
        check(node, node.value)
      },
      TemplateElement(node) {
        check(node, node.value.cooked ?? node.value.raw)
      },
      JSXAttribute(node) {
        if (node.name.name !== 'style') return
        const value = node.value?.type === 'JSXExpressionContainer' ? node.value.expression : null
        if (value?.type !== 'ObjectExpression') return
        for (const property of value.properties) {
          if (property.type !== 'Property') continue
          const name =
            property.key.type === 'Identifier'
              ? property.key.name
              : property.key.type === 'Literal'
                ? String(property.key.value)
                : null
          if (name && name in PHYSICAL_STYLE)
            context.report({
              node: property,
              messageId: 'physicalStyle',
              data: { name, use: PHYSICAL_STYLE[name] },
            })
        }
      },
    }
  },
}

/** @type {import('eslint').ESLint.Plugin} */
const plugin = { rules: { 'physical-direction': rule } }
export default plugin
