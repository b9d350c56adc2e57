/**
 * Ready-made surveys. The IKM questionnaire follows the annex of PermenPAN-RB 14/2017: a
 * respondent profile, then one question per element with four answers scored 1 (worst) to 4
 * (best), and room for a suggestion. Its words live in messages.ts, so each reader sees them in
 * their language; the rows keep the Indonesian words for the raw data.
 */
import type { SurveyQuestionKind, SurveyServiceUnit } from '../db/schema.ts';
import type { MessageKey } from '../platform/i18n.ts';
import type { IkmElement } from './ikm.ts';

export interface TemplateChoice {
  value: string;
  label: MessageKey;
}

export interface TemplateQuestion {
  code: string;
  kind: SurveyQuestionKind;
  prompt: MessageKey;
  required: boolean;
  options: TemplateChoice[];
  ikmElement?: IkmElement;
  templateKey?: string;
}

export interface TemplateSection {
  key: string;
  title: MessageKey;
  questions: TemplateQuestion[];
}

/** Four answers, the worst scored 1 and the best 4, as the regulation's annex orders them. */
const four = (labels: [MessageKey, MessageKey, MessageKey, MessageKey]): TemplateChoice[] =>
  labels.map((label, i) => ({ value: String(i + 1), label }));

function element(
  n: IkmElement,
  prompt: MessageKey,
  labels: [MessageKey, MessageKey, MessageKey, MessageKey],
): TemplateQuestion {
  return { code: `u${n}`, kind: 'single', prompt, required: true, options: four(labels), ikmElement: n };
}

const serviceChoices: Record<SurveyServiceUnit, TemplateChoice[]> = {
  aspiration: [
    { value: 'submit', label: 'survey.tpl.service.submit' },
    { value: 'follow', label: 'survey.tpl.service.follow' },
    { value: 'other', label: 'survey.tpl.service.other' },
  ],
  information: [
    { value: 'request', label: 'survey.tpl.service.request' },
    { value: 'objection', label: 'survey.tpl.service.objection' },
    { value: 'other', label: 'survey.tpl.service.other' },
  ],
  aspiration_room: [
    { value: 'meet', label: 'survey.tpl.service.meet' },
    { value: 'desk', label: 'survey.tpl.service.desk' },
    { value: 'other', label: 'survey.tpl.service.other' },
  ],
};

/** The IKM questionnaire for one service unit. */
export function ikmTemplate(unit: SurveyServiceUnit): TemplateSection[] {
  return [
    {
      key: 'profile',
      title: 'survey.tpl.section.profile',
      questions: [
        {
          code: 'umur',
          kind: 'single',
          prompt: 'survey.tpl.age.prompt',
          required: false,
          templateKey: 'age',
          options: [
            { value: 'u17', label: 'survey.tpl.age.u17' },
            { value: '17-25', label: 'survey.tpl.age.17' },
            { value: '26-35', label: 'survey.tpl.age.26' },
            { value: '36-45', label: 'survey.tpl.age.36' },
            { value: '46-55', label: 'survey.tpl.age.46' },
            { value: '56+', label: 'survey.tpl.age.56' },
          ],
        },
        {
          code: 'jenis_kelamin',
          kind: 'single',
          prompt: 'survey.tpl.sex.prompt',
          required: false,
          templateKey: 'sex',
          options: [
            { value: 'l', label: 'survey.tpl.sex.male' },
            { value: 'p', label: 'survey.tpl.sex.female' },
          ],
        },
        {
          code: 'pendidikan',
          kind: 'single',
          prompt: 'survey.tpl.education.prompt',
          required: false,
          templateKey: 'education',
          options: [
            { value: 'sd', label: 'survey.tpl.education.primary' },
            { value: 'smp', label: 'survey.tpl.education.junior' },
            { value: 'sma', label: 'survey.tpl.education.senior' },
            { value: 'diploma', label: 'survey.tpl.education.diploma' },
            { value: 's1', label: 'survey.tpl.education.bachelor' },
            { value: 's2', label: 'survey.tpl.education.master' },
          ],
        },
        {
          code: 'pekerjaan',
          kind: 'single',
          prompt: 'survey.tpl.occupation.prompt',
          required: false,
          templateKey: 'occupation',
          options: [
            { value: 'asn', label: 'survey.tpl.occupation.civil' },
            { value: 'swasta', label: 'survey.tpl.occupation.private' },
            { value: 'wirausaha', label: 'survey.tpl.occupation.business' },
            { value: 'pelajar', label: 'survey.tpl.occupation.student' },
            { value: 'rumah_tangga', label: 'survey.tpl.occupation.home' },
            { value: 'lainnya', label: 'survey.tpl.occupation.other' },
          ],
        },
        {
          code: 'layanan',
          kind: 'single',
          prompt: 'survey.tpl.service.prompt',
          required: false,
          templateKey: 'service',
          options: serviceChoices[unit],
        },
      ],
    },
    {
      key: 'procedure',
      title: 'survey.tpl.section.procedure',
      questions: [
        element(1, 'survey.ikm.u1.prompt', [
          'survey.ikm.fit.1',
          'survey.ikm.fit.2',
          'survey.ikm.fit.3',
          'survey.ikm.fit.4',
        ]),
        element(2, 'survey.ikm.u2.prompt', [
          'survey.ikm.u2.1',
          'survey.ikm.u2.2',
          'survey.ikm.u2.3',
          'survey.ikm.u2.4',
        ]),
        element(3, 'survey.ikm.u3.prompt', [
          'survey.ikm.u3.1',
          'survey.ikm.u3.2',
          'survey.ikm.u3.3',
          'survey.ikm.u3.4',
        ]),
      ],
    },
    {
      key: 'result',
      title: 'survey.tpl.section.result',
      questions: [
        element(4, 'survey.ikm.u4.prompt', [
          'survey.ikm.u4.1',
          'survey.ikm.u4.2',
          'survey.ikm.u4.3',
          'survey.ikm.u4.4',
        ]),
        element(5, 'survey.ikm.u5.prompt', [
          'survey.ikm.fit.1',
          'survey.ikm.fit.2',
          'survey.ikm.fit.3',
          'survey.ikm.fit.4',
        ]),
        element(6, 'survey.ikm.u6.prompt', [
          'survey.ikm.u6.1',
          'survey.ikm.u6.2',
          'survey.ikm.u6.3',
          'survey.ikm.u6.4',
        ]),
      ],
    },
    {
      key: 'staff',
      title: 'survey.tpl.section.staff',
      questions: [
        element(7, 'survey.ikm.u7.prompt', [
          'survey.ikm.u7.1',
          'survey.ikm.u7.2',
          'survey.ikm.u7.3',
          'survey.ikm.u7.4',
        ]),
        element(8, 'survey.ikm.u8.prompt', [
          'survey.ikm.u8.1',
          'survey.ikm.u8.2',
          'survey.ikm.u8.3',
          'survey.ikm.u8.4',
        ]),
        element(9, 'survey.ikm.u9.prompt', [
          'survey.ikm.u9.1',
          'survey.ikm.u9.2',
          'survey.ikm.u9.3',
          'survey.ikm.u9.4',
        ]),
      ],
    },
    {
      key: 'suggestion',
      title: 'survey.tpl.section.suggestion',
      questions: [
        {
          code: 'saran',
          kind: 'long_text',
          prompt: 'survey.tpl.suggestion.prompt',
          required: false,
          templateKey: 'suggestion',
          options: [],
        },
      ],
    },
  ];
}

/** The words of a ready-made question, found in its template by what the stored row says it is. */
export function templateQuestion(
  template: readonly TemplateSection[],
  q: { ikm_element: number | null; template_key: string | null },
) {
  return template
    .flatMap((section) => section.questions)
    .find(
      (question) =>
        (q.ikm_element !== null && question.ikmElement === q.ikm_element) ||
        (q.template_key !== null && question.templateKey === q.template_key),
    );
}

/** The words of a ready-made section, found in its template by its key. */
export function templateSection(template: readonly TemplateSection[], key: string | null) {
  return key === null ? undefined : template.find((s) => s.key === key);
}
