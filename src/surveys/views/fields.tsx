/**
 * One survey question as form fields, the same on the answering screen and in the staff's
 * preview: choices as radios or checkboxes, a scale side by side, a matrix as one small group of
 * radios per row (a grid of radios does not fit a 360 px phone).
 */
import type { PageContext } from '../../platform/page-context.ts';
import { Checkboxes, FieldGroup, Radios, TextArea, TextField } from '../../platform/views/form.tsx';
import { fieldOf, LONG_TEXT_MAX, type Question, SHORT_TEXT_MAX } from '../service.ts';

/** What the person sent or answered before, per field: one value, or several for checkboxes. */
export type FieldValues = Partial<Record<string, string | string[]>>;

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const many = (v: string | string[] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

export function QuestionField({
  ctx,
  question,
  values,
  errors,
}: {
  ctx: PageContext;
  question: Question;
  values: FieldValues;
  errors: Partial<Record<string, string>>;
}) {
  const { t } = ctx;
  const name = fieldOf(question);
  const legend = question.required ? question.prompt : `${question.prompt} ${t('survey.optional')}`;
  const hint = question.help === '' ? undefined : question.help;
  switch (question.kind) {
    case 'single':
    case 'likert4':
    case 'likert5':
      return (
        <Radios
          name={name}
          legend={legend}
          hint={hint}
          error={errors[name]}
          value={one(values[name])}
          options={question.options}
        />
      );
    case 'multiple':
      return (
        <Checkboxes
          name={name}
          legend={legend}
          hint={hint}
          error={errors[name]}
          values={many(values[name])}
          options={question.options}
        />
      );
    case 'number':
      return (
        <TextField
          name={name}
          label={legend}
          hint={hint}
          error={errors[name]}
          value={one(values[name])}
          inputMode="numeric"
          maxLength={10}
          width={5}
        />
      );
    case 'short_text':
      return (
        <TextField
          name={name}
          label={legend}
          hint={hint}
          error={errors[name]}
          value={one(values[name])}
          maxLength={SHORT_TEXT_MAX}
        />
      );
    case 'long_text':
      return (
        <TextArea
          name={name}
          label={legend}
          hint={hint}
          error={errors[name]}
          value={one(values[name])}
          maxLength={LONG_TEXT_MAX}
        />
      );
    case 'matrix':
      return (
        <FieldGroup legend={legend} hint={hint}>
          {question.rows.map((row) => {
            const rowName = fieldOf(question, row.value);
            return (
              <Radios
                key={row.value}
                name={rowName}
                legend={row.label}
                error={errors[rowName]}
                value={one(values[rowName])}
                options={question.options}
              />
            );
          })}
        </FieldGroup>
      );
  }
}
