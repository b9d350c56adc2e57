/**
 * Form parts in the GOV.UK manner: an error summary at the top whose links jump to the fields,
 * the message beside each field, and the submitted values kept. Every form carries its CSRF token.
 */
import type { ComponentChildren } from 'preact';
import type { PageContext } from '../page-context.ts';
import { Banner } from './components.tsx';

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

/** How wide a text input is drawn, in characters it is meant for (GOV.UK's width classes). */
export type FieldWidth = 20 | 10 | 5 | 3;
const widthClass = (width: FieldWidth | undefined) => (width === undefined ? undefined : `width-${width}`);

export interface TextFieldProps {
  name: string;
  /** The element id, when the page has another field of the same name (filters use f-*). */
  id?: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'tel' | 'search' | 'date' | 'time' | 'month';
  value?: string | undefined;
  error?: string | undefined;
  hint?: string | undefined;
  autocomplete?: string;
  required?: boolean;
  maxLength?: number;
  /** The phone keyboard to offer: digits (numeric), digits with the decimal comma (decimal). */
  inputMode?: 'numeric' | 'decimal' | 'text';
  disabled?: boolean;
  width?: FieldWidth;
}

export function TextField({
  name,
  id = name,
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
  width,
}: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        name={name}
        class={widthClass(width)}
        type={type as 'text'}
        value={type === 'password' ? undefined : value}
        autocomplete={autocomplete}
        required={required}
        maxLength={maxLength}
        inputMode={inputMode}
        disabled={disabled}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(id, hint, error)}
      />
    </FieldFrame>
  );
}

/** The ids of a field's hint and message, for aria-describedby. */
function describedBy(id: string, hint: unknown, error: string | undefined): string | undefined {
  const ids = [hint === undefined ? undefined : `${id}-hint`, error === undefined ? undefined : `${id}-error`].filter(
    Boolean,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}

/** A field's label, hint and message around its control, marked when the value was refused. */
function FieldFrame({
  id,
  label,
  labelHidden,
  hint,
  error,
  children,
}: {
  id: string;
  label: string;
  labelHidden?: boolean | undefined;
  hint?: ComponentChildren;
  error: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <div class={error === undefined ? 'field' : 'field field-error'}>
      <label for={id} class={labelHidden === true ? 'visually-hidden' : undefined}>
        {label}
      </label>
      {hint === undefined ? null : (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage name={id} error={error} />
      {children}
    </div>
  );
}

export interface Choice {
  value: string;
  label: ComponentChildren;
  hint?: ComponentChildren;
}

/** A select with its label, hint and message; an empty first option when the field may stay empty. */
export function SelectField({
  name,
  id = name,
  label,
  hint,
  error,
  value,
  options = [],
  empty,
  required,
  labelHidden,
  children,
}: {
  name: string;
  id?: string;
  label: string;
  /** Only for screen readers, where the row around the field says what it is (a table's row). */
  labelHidden?: boolean | undefined;
  hint?: ComponentChildren;
  error?: string | undefined;
  value?: string | undefined;
  options?: { value: string; label: string; disabled?: boolean }[];
  /** Options the page writes itself (groups, options of several kinds), after `options`. */
  children?: ComponentChildren;
  /** The text of the empty first option ("— pilih —", "Semua"); none when left out. */
  empty?: string | undefined;
  required?: boolean;
}) {
  return (
    <FieldFrame id={id} label={label} labelHidden={labelHidden} hint={hint} error={error}>
      <select
        id={id}
        name={name}
        required={required}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(id, hint, error)}
      >
        {empty === undefined ? null : <option value="">{empty}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value} selected={value === o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
        {children}
      </select>
    </FieldFrame>
  );
}

/**
 * A question with choices: a fieldset whose legend asks it, its hint and message above the
 * choices, each control with its label beside it and its hint under the label (the row is the hit
 * area). The fieldset carries the name as its id, so the error summary's link lands on it.
 */
function Choices({
  kind,
  name,
  legend,
  hint,
  error,
  chosen,
  options,
  inline,
  required,
}: {
  kind: 'radio' | 'checkbox';
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  chosen: (value: string) => boolean;
  options: Choice[];
  inline?: boolean | undefined;
  required?: boolean | undefined;
}) {
  return (
    <fieldset
      id={name}
      class={[error === undefined ? 'field' : 'field field-error', inline === true ? 'inline-choice' : '']
        .join(' ')
        .trim()}
      aria-describedby={describedBy(name, hint, error)}
    >
      <legend>{legend}</legend>
      {hint === undefined ? null : (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
      <FieldMessage name={name} error={error} />
      {options.map((o) => (
        <div class={kind} key={o.value}>
          <input
            type={kind}
            id={`${name}-${o.value}`}
            name={name}
            value={o.value}
            checked={chosen(o.value)}
            required={required}
          />
          <label for={`${name}-${o.value}`}>
            {o.label}
            {o.hint === undefined ? null : <span class="hint">{o.hint}</span>}
          </label>
        </div>
      ))}
    </fieldset>
  );
}

/** One choice of several (kind of aspiration, a 1-5 rating, yes or no). */
export function Radios({
  value,
  ...question
}: {
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  value: string | undefined;
  options: Choice[];
  /** Short choices (Ya / Tidak, a 1-5 scale) side by side. */
  inline?: boolean;
  required?: boolean;
}) {
  return <Choices kind="radio" chosen={(v) => v === value} {...question} />;
}

/** Several choices of a group (scopes of a key): checkboxes under one legend, all sent under one name. */
export function Checkboxes({
  values,
  ...question
}: {
  name: string;
  legend: ComponentChildren;
  hint?: ComponentChildren;
  error?: string | undefined;
  values: readonly string[];
  options: Choice[];
}) {
  return <Choices kind="checkbox" chosen={(v) => values.includes(v)} {...question} />;
}

/** The words search box of a list's filter form (GET ?q=). */
export function FilterSearch({ label, value }: { label: string; value: string | undefined }) {
  return <TextField name="q" id="f-q" type="search" label={label} value={value ?? ''} maxLength={200} />;
}

/** Fields that belong together (one category's settings, an address) under a legend. */
export function FieldGroup({
  legend,
  hint,
  children,
}: {
  legend: ComponentChildren;
  hint?: ComponentChildren;
  children: ComponentChildren;
}) {
  return (
    <fieldset class="field">
      <legend>{legend}</legend>
      {hint === undefined ? null : <p class="hint">{hint}</p>}
      {children}
    </fieldset>
  );
}

/** A person's name and the ways to reach them (email, phone), laid out as every form asks for them. */
export function ContactFields({
  labels,
  values,
  errors,
}: {
  labels: { name: string; email: string; phone: string };
  values: Partial<Record<string, string>>;
  errors: FieldErrors;
}) {
  return (
    <>
      <TextField
        name="name"
        label={labels.name}
        value={values.name}
        error={errors.name}
        autocomplete="name"
        maxLength={120}
      />
      <TextField
        name="email"
        type="email"
        label={labels.email}
        value={values.email}
        error={errors.email}
        autocomplete="email"
        maxLength={320}
      />
      <TextField
        name="phone"
        type="tel"
        label={labels.phone}
        value={values.phone}
        error={errors.phone}
        autocomplete="tel"
        maxLength={20}
      />
    </>
  );
}

/** A row's box in a table of things to act on together, named for screen readers by its row. */
export function RowCheckbox({ name, value, label }: { name: string; value: string; label: string }) {
  return <input class="row-checkbox" type="checkbox" name={name} value={value} aria-label={label} />;
}

export function CheckboxField({
  name,
  label,
  checked,
  error,
  hint,
}: {
  name: string;
  label: string;
  checked: boolean;
  error?: string | undefined;
  hint?: string | undefined;
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
        aria-describedby={describedBy(name, hint, error)}
      />
      <label for={name}>{label}</label>
      {hint === undefined ? null : (
        <p class="hint" id={`${name}-hint`}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** A message shown once after a redirect (POST-redirect-GET), passed as ?pesan=key. */
export function Notice({ text }: { text: string | undefined }) {
  if (text === undefined) return null;
  return (
    <Banner tone="success">
      <p>{text}</p>
    </Banner>
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
    <SelectField
      name={name}
      id={`f-${name}`}
      label={label}
      value={value}
      options={options}
      empty={ctx.t('aspiration.filter.all')}
    />
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
  return (
    <FieldFrame id={name} label={label} hint={hint} error={error}>
      <input
        id={name}
        name={name}
        type="file"
        data-module="file-list"
        accept={accept}
        multiple={multiple}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(name, hint, error)}
      />
    </FieldFrame>
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
  autocomplete,
}: {
  name: string;
  id?: string;
  label: string;
  value: string | undefined;
  error: string | undefined;
  hint?: string | undefined;
  rows?: number;
  maxLength?: number;
  autocomplete?: string;
}) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        maxLength={maxLength}
        autocomplete={autocomplete}
        aria-invalid={error === undefined ? undefined : 'true'}
        aria-describedby={describedBy(id, hint, error)}
      >
        {value ?? ''}
      </textarea>
    </FieldFrame>
  );
}
