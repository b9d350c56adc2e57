/**
 * Form parts in the GOV.UK manner: an error summary at the top whose links jump to the fields,
 * the message beside each field, and the submitted values kept. Every form carries its CSRF token.
 */
import type { PageContext } from '../page-context.ts';

export type FieldErrors = Partial<Record<string, string>>;

export function ErrorSummary({ ctx, errors }: { ctx: PageContext; errors: FieldErrors }) {
  const entries = Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined);
  if (entries.length === 0) return null;
  return (
    <div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabIndex={-1}>
      <h2 id="error-summary-title">{ctx.t('form.errorTitle')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CsrfField({ token }: { token: string }) {
  return <input type="hidden" name="_csrf" value={token} />;
}

export interface TextFieldProps {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search' | 'date';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  /** The phone keyboard to offer: digits (numeric), digits with the decimal comma (decimal). */
  inputMode?: 'numeric' | 'decimal' | 'text';
  disabled?: boolean;
}

export function TextField({
  name,
  label,
  type = 'text',
  value,
  error,
  hint,
  autocomplete,
  required,
  maxLength,
  inputMode,
  disabled,
}: TextFieldProps) {
  const described = [hint === undefined ? undefined : `${name}-hint`, error === undefined ? undefined : `${name}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for={name}>{label}</label>
      {hint === undefined ? null : (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage name={name} error={error} />
      <input
        id={name}
        name={name}
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={described === '' ? undefined : described}
      />
    </div>
  );
}

export function CheckboxField({
  name,
  label,
  checked,
  error,
}: {
  name: string;
  label: string;
  checked: boolean;
  error?: string | undefined;
}) {
  return (
    <div class={error === undefined ? 'field checkbox' : 'field checkbox field-error'}>
      <FieldMessage name={name} error={error} />
      <input
        id={name}
        name={name}
        type="checkbox"
        value="yes"
        checked={checked}
        aria-describedby={error === undefined ? undefined : `${name}-error`}
      />
      <label for={name}>{label}</label>
    </div>
  );
}

/** A message shown once after a redirect (POST-redirect-GET), passed as ?pesan=key. */
export function Notice({ text }: { text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <p class="result" role="status">
      {text}
    </p>
  );
}

/** A select of a filter form (GET): "all" first, then the options, the current one selected. */
export function FilterSelect({
  ctx,
  name,
  label,
  value,
  options,
}: {
  ctx: PageContext;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
}) {
  return (
    <div class="field">
      <label for={`f-${name}`}>{label}</label>
      <select id={`f-${name}`} name={name}>
        <option value="">{ctx.t('aspiration.filter.all')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={value === o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A file input with its label, hint and message, the message tied to the input for screen readers. */
export function FileField({
  name,
  label,
  hint,
  error,
  accept,
  multiple,
}: {
  name: string;
  label: string;
  hint?: string | undefined;
  error: string | undefined;
  accept: string;
  multiple?: boolean;
}) {
  const described = [hint === undefined ? undefined : `${name}-hint`, error === undefined ? undefined : `${name}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for={name}>{label}</label>
      {hint === undefined ? null : (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage name={name} error={error} />
      <input
        id={name}
        name={name}
        type="file"
        accept={accept}
        multiple={multiple}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={described === '' ? undefined : described}
      />
    </div>
  );
}

/** The message beside a field, linked from it by aria-describedby. */
export function FieldMessage({ name, error }: { name: string; error: string | undefined }) {
  return error === undefined ? null : (
    <p class="error-text" id={`${name}-error`}>
      {error}
    </p>
  );
}

export function TextArea({
  name,
  id = name,
  label,
  value,
  error,
  hint,
  rows = 6,
  maxLength,
}: {
  name: string;
  id?: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  hint?: string;
  rows?: number;
  maxLength?: number;
}) {
  const described = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`]
    .filter(Boolean)
    .join(' ');
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for={id}>{label}</label>
      {hint === undefined ? null : (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage name={id} error={error} />
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={described === '' ? undefined : described}
      >
        {value ?? ''}
      </textarea>
    </div>
  );
}
