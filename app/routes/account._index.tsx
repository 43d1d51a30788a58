import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react'
import { ErrorList, Field } from '~/components/forms.tsx'
import { EmailTakenError, requireUser } from '~/services/accounts/auth.server.ts'
import { WrongPasswordError, getProfile, updateProfile } from '~/services/accounts/profile.server.ts'
import { ProfileSchema } from '~/services/accounts/schemas.ts'
import { redirectWithToast } from '~/services/accounts/toasts.server.ts'

export const meta: MetaFunction = () => [{ title: 'Your profile · Shikposh' }]

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request)
  return { profile: await getProfile(user.id) }
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request)
  const submission = parseWithZod(await request.formData(), { schema: ProfileSchema })
  if (submission.status !== 'success') return data(submission.reply({ hideFields: ['currentPassword'] }), { status: 400 })
  try {
    await updateProfile(user.id, submission.value)
  } catch (error) {
    if (error instanceof WrongPasswordError) {
      return data(submission.reply({ fieldErrors: { currentPassword: [error.message] }, hideFields: ['currentPassword'] }), { status: 400 })
    }
    if (error instanceof EmailTakenError) {
      return data(submission.reply({ fieldErrors: { email: [error.message] }, hideFields: ['currentPassword'] }), { status: 400 })
    }
    throw error
  }
  return redirectWithToast('/account', { message: 'Your profile was saved.' })
}

export default function ProfilePage() {
  const { profile } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const navigation = useNavigation()
  const [form, fields] = useForm({
    id: 'profile',
    lastResult,
    defaultValue: { name: profile.name, email: profile.email },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ProfileSchema }),
    shouldRevalidate: 'onBlur',
  })
  return (
    <section aria-labelledby="profile-heading">
      <h1 id="profile-heading" className="text-2xl font-bold tracking-tight">
        Profile
      </h1>
      <p className="mt-1 text-sm text-stone-600">Member since {new Date(profile.createdAt).toLocaleDateString('en', { month: 'long', year: 'numeric' })}.</p>
      <Form method="post" className="card mt-6 max-w-xl space-y-4" {...getFormProps(form)}>
        <Field label="Name" inputProps={{ ...getInputProps(fields.name, { type: 'text' }), autoComplete: 'name' }} errors={fields.name.errors} />
        <Field
          label="Email"
          inputProps={{ ...getInputProps(fields.email, { type: 'email' }), autoComplete: 'email' }}
          errors={fields.email.errors}
        />
        <Field
          label="Current password"
          inputProps={{ ...getInputProps(fields.currentPassword, { type: 'password' }), autoComplete: 'current-password' }}
          errors={fields.currentPassword.errors}
          help="Only needed when you change your email."
        />
        <ErrorList id={form.errorId} errors={form.errors} />
        <button type="submit" className="btn-primary" disabled={navigation.state === 'submitting'}>
          Save profile
        </button>
      </Form>
    </section>
  )
}
