/** Table types for Kysely: one interface per table, matching the migrations. */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamps = {
  created_at: ColumnType<Date, Date | undefined, Date>;
  updated_at: ColumnType<Date, Date | undefined, Date>;
};
type Id = Generated<number>;

export interface CouncilTable extends Timestamps {
  id: Id;
  slug: string;
  name: string;
  region_name: string;
  province: string;
  region_code: string;
  period: string;
  seats: number;
  address: string;
  email: string | null;
  phone: string | null;
  timezone: ColumnType<string, string | undefined, string>;
  verify_days: ColumnType<number, number | undefined, number>;
  suggestion_min_accuracy: ColumnType<number, number | undefined, number>;
}

export interface DapilTable extends Timestamps {
  id: Id;
  council_id: number;
  number: number;
  seats: number;
}

export interface KecamatanTable extends Timestamps {
  id: Id;
  council_id: number;
  dapil_id: number | null;
  code: string;
  slug: string;
  name: string;
  lat: number | null;
  lon: number | null;
}

export interface KelurahanTable extends Timestamps {
  id: Id;
  kecamatan_id: number;
  code: string;
  slug: string;
  name: string;
  postal_code: string | null;
  lat: number | null;
  lon: number | null;
}

export interface FraksiTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  name: string;
  parties: ColumnType<string[], string[] | undefined, string[]>;
  seats: number;
}

export type BodyKind = 'pimpinan' | 'komisi' | 'bamus' | 'banggar' | 'bapemperda' | 'bk' | 'pansus';

export interface BodyTable extends Timestamps {
  id: Id;
  council_id: number;
  kind: BodyKind;
  slug: string;
  name: string;
  short_name: string;
  field: string | null;
  sort_order: ColumnType<number, number | undefined, number>;
}

export interface MemberTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  name: string;
  gender: 'L' | 'P' | null;
  party: string;
  fraksi_id: number | null;
  fraksi_role: string | null;
  dapil_id: number | null;
  photo_path: string | null;
  biography: string | null;
  active: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface BodyMembershipTable extends Timestamps {
  id: Id;
  body_id: number;
  member_id: number;
  role: string;
  sort_order: ColumnType<number, number | undefined, number>;
}

export type Role = 'citizen' | 'staff' | 'member' | 'moderator' | 'administrator' | 'ppid';

export interface AppUserTable extends Timestamps {
  id: Id;
  email_lookup: string;
  email_sealed: string;
  name_sealed: string;
  phone_sealed: string | null;
  password_hash: string | null;
  role: Role;
  member_id: number | null;
  status: ColumnType<'invited' | 'active' | 'disabled', 'invited' | 'active' | 'disabled' | undefined>;
  email_verified_at: Date | null;
  totp_sealed: string | null;
  totp_enabled_at: Date | null;
  totp_last_step: number | null;
  consent_version: string | null;
  consent_at: Date | null;
  consent_withdrawn_at: Date | null;
}

export interface UserSessionTable extends Timestamps {
  id: Id;
  token_hash: string;
  user_id: number;
  mfa_passed: ColumnType<boolean, boolean | undefined, boolean>;
  ip: string | null;
  user_agent: string | null;
  last_seen_at: ColumnType<Date, Date | undefined, Date>;
  expires_at: Date;
}

export type TokenPurpose = 'verify_email' | 'reset_password' | 'invitation';

export interface OneTimeTokenTable extends Timestamps {
  id: Id;
  token_hash: string;
  user_id: number;
  purpose: TokenPurpose;
  expires_at: Date;
  used_at: Date | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'unconfigured';

export interface OutboxTable extends Timestamps {
  id: Id;
  channel: 'email' | 'sms' | 'whatsapp' | 'push';
  recipient_sealed: string;
  subject: string;
  body: string;
  status: ColumnType<OutboxStatus, OutboxStatus | undefined, OutboxStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: ColumnType<Date, Date | undefined, Date>;
  last_error: string | null;
  sent_at: Date | null;
  topic: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ScheduledJobTable extends Timestamps {
  name: string;
  last_started_at: Date;
  last_finished_at: Date | null;
  last_error: string | null;
  runs: ColumnType<number, number | undefined, number>;
  last_instance: string;
}

export interface AuditLogTable extends Timestamps {
  id: Id;
  at: Date;
  actor_user_id: number | null;
  actor_role: string;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

export interface RecoveryCodeTable extends Timestamps {
  id: Id;
  user_id: number;
  code_hash: string;
  used_at: Date | null;
}

export type DataRequestKind = 'access' | 'correction' | 'withdraw_consent' | 'erasure';

export interface DataRequestTable extends Timestamps {
  id: Id;
  user_id: number;
  kind: DataRequestKind;
  requested_at: Date;
  completed_at: Date | null;
  details: ColumnType<string, string | undefined, string>;
}

export interface ApiTokenTable extends Timestamps {
  id: Id;
  user_id: number;
  name: string;
  token_hash: string;
  scopes: string[];
  last_used_at: Date | null;
  expires_at: Date | null;
  revoked_at: Date | null;
}

export interface SignInThrottleTable extends Timestamps {
  email_lookup: string;
  failures: number;
  locked_until: Date | null;
}

export interface HolidayTable extends Timestamps {
  day: string;
  kind: 'libur_nasional' | 'cuti_bersama' | 'lokal';
  source: string;
}

export interface AspirationCategoryTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  name: string;
  name_en: string;
  komisi_id: number | null;
  target_days: number;
  sort_order: ColumnType<number, number | undefined, number>;
}

/** The base of a series' numbers for a year (platform/yearly-numbers.ts). */
export interface YearlyNumberTable {
  id: Generated<number>;
  series: string;
  year: number;
  base: ColumnType<string | number, number, number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export type AspirationKind = 'aspirasi' | 'pengaduan' | 'informasi' | 'rahasia';
export type AspirationStatus =
  | 'received'
  | 'verified'
  | 'forwarded'
  | 'resolved'
  | 'rejected'
  | 'referred'
  | 'duplicate';
export type AspirationChannel =
  | 'web'
  | 'ruang_aspirasi'
  | 'telepon'
  | 'surat'
  | 'reses'
  | 'open311'
  | 'sms'
  | 'whatsapp'
  | 'forum'
  | 'siaran';

export interface AspirationTable extends Timestamps {
  id: Id;
  council_id: number;
  code: string;
  kind: AspirationKind;
  category_id: number;
  title: string;
  description: string;
  kecamatan_id: number;
  kelurahan_id: number | null;
  dapil_id: number | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  channel: ColumnType<AspirationChannel, AspirationChannel | undefined, AspirationChannel>;
  status: ColumnType<AspirationStatus, AspirationStatus | undefined, AspirationStatus>;
  show_name: ColumnType<boolean, boolean | undefined, boolean>;
  komisi_id: number | null;
  duplicate_of_id: number | null;
  project_id: ColumnType<number | null, number | null | undefined, number | null>;
  user_id: number | null;
  access_token_hash: string;
  /** The hash of the key the sending form named, so that the same form sent twice files once. */
  submission_key_hash: ColumnType<string | null, string | null | undefined, string | null>;
  supporters: ColumnType<number, number | undefined, number>;
  received_at: ColumnType<Date, Date | undefined, Date>;
  verify_due: string;
  resolve_due: string | null;
  resolved_at: Date | null;
  rating: number | null;
  rating_comment: string | null;
  fixed_asked_at: Date | null;
  fixed_answer: boolean | null;
  /** Passages staff hid from public view (each shown as "[…]" outside the council). */
  hidden_passages: ColumnType<string[], string[] | undefined, string[]>;
  search: ColumnType<string, never, never>;
  /** The search index of what the public may read (no hidden passages, no contact details). */
  public_search: ColumnType<string, never, never>;
}

export interface AspirationReporterTable extends Timestamps {
  aspiration_id: number;
  name_sealed: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  email_lookup: string | null;
  phone_lookup: string | null;
  consent_version: string;
  consent_at: Date;
}

export interface MonthlyReportTable extends Timestamps {
  id: Id;
  council_id: number;
  /** YYYY-MM */
  month: string;
  pdf: Uint8Array;
  xlsx: Uint8Array;
  /** How many of the leadership it was mailed to. */
  recipients: ColumnType<number, number | undefined, number>;
}

export type PublicInformationCategory = 'berkala' | 'serta_merta' | 'setiap_saat' | 'dikecualikan';
export type PublicInformationForm = 'cetak' | 'elektronik' | 'keduanya';

/** An entry of the register of public information (Daftar Informasi Publik); migration 0038. */
export interface PublicInformationTable extends Timestamps {
  id: Id;
  council_id: number;
  category: PublicInformationCategory;
  title: string;
  summary: string;
  officer: string;
  form: PublicInformationForm;
  retention: string;
  location: string;
  /** A page of this portal (/anggaran) or a web address where it can be read. */
  link: string | null;
  /** For an exempted entry only: the article of UU 14/2008 and why (the consequence test). */
  exemption: string | null;
  search: ColumnType<string, never, never>;
}

export type InformationDelivery = 'lihat' | 'ambil' | 'pos' | 'email';
export type InformationDecision = 'penuh' | 'sebagian' | 'ditolak' | 'tidak_dikuasai';

/** A request for public information; the identity is sealed and erased once long closed (migration 0039). */
export interface InformationRequestTable extends Timestamps {
  id: Id;
  council_id: number;
  code: string;
  token_hash: string;
  user_id: number | null;
  name_sealed: string | null;
  address_sealed: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  identity_sealed: string | null;
  identity_erased_at: Date | null;
  information: string;
  /** Empty only on a request moved from an aspiration, until its applicant completes it. */
  purpose: string | null;
  delivery: InformationDelivery | null;
  /** The aspiration ("permintaan informasi") this request was moved from (migration 0041). */
  aspiration_code: string | null;
  /** YYYY-MM-DD in Jakarta. */
  received_on: string;
  extension_days: number | null;
  extension_reason: string | null;
  extended_at: Date | null;
  decision: InformationDecision | null;
  /** For a decision in part or a refusal: the article of UU 14/2008 (Pasal 17) and why. */
  exemption: string | null;
  answer: string | null;
  answer_link: string | null;
  answered_at: Date | null;
  answered_on: string | null;
}

/** A document (PDF) given with an answer (migration 0041). */
export interface InformationRequestDocumentTable extends Timestamps {
  id: Id;
  request_id: number;
  /** The name it was uploaded under, shown to the applicant. */
  title: string;
  file: string;
  bytes: number;
}

export type InformationRequestStepKind =
  | 'diterima'
  | 'dialihkan'
  | 'dilengkapi'
  | 'diperpanjang'
  | 'dijawab'
  | 'keberatan'
  | 'keberatan_dijawab';

/** Pasal 35 ayat (1) UU 14/2008, a to g. */
export type ObjectionReason =
  | 'pengecualian'
  | 'berkala'
  | 'tidak_ditanggapi'
  | 'tidak_sesuai'
  | 'tidak_dipenuhi'
  | 'biaya'
  | 'terlambat';

export interface InformationObjectionTable extends Timestamps {
  id: Id;
  request_id: number;
  reasons: ObjectionReason[];
  statement: string;
  filed_on: string;
  outcome: 'dikabulkan' | 'ditolak' | null;
  answer: string | null;
  answered_on: string | null;
  answered_at: Date | null;
  answered_by: number | null;
}

export interface InformationRequestStepTable extends Timestamps {
  id: Id;
  request_id: number;
  kind: InformationRequestStepKind;
  text: string | null;
  actor_user_id: number | null;
}

export type TrainingAudience = 'pejabat' | 'warga';
export type TrainingTopic =
  | 'komunikasi'
  | 'pelayanan_publik'
  | 'alat_digital'
  | 'legal_drafting'
  | 'analisis_anggaran'
  | 'literasi_digital';

export interface TrainingSessionTable extends Timestamps {
  id: Id;
  council_id: number;
  audience: TrainingAudience;
  topic: TrainingTopic;
  title: string;
  description: string;
  trainer: string;
  place: string | null;
  online_url: string | null;
  material_url: string | null;
  /** An uploaded PDF of the materials (migration 0042), and its size. */
  material_file: string | null;
  material_bytes: number | null;
  /** The published survey that evaluates it (migration 0043). */
  survey_id: number | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  registered: ColumnType<number, number | undefined, number>;
  checkin_code: string;
  cancelled_at: Date | null;
  created_by: number | null;
}

export interface TrainingRegistrationTable extends Timestamps {
  id: Id;
  session_id: number;
  user_id: number | null;
  name_sealed: string | null;
  email_sealed: string | null;
  phone_sealed: string | null;
  contact_lookup: string | null;
  token_hash: string | null;
  attended_at: Date | null;
  rating: number | null;
  feedback: string | null;
  evaluated_at: Date | null;
  certificate_code: string | null;
  reminded_at: Date | null;
  /** When the person, present, was invited to the session's evaluation survey (migration 0043). */
  survey_invited_at: Date | null;
}

/** The words of each aspiration but confidential ones, one row each, kept by triggers; see migration 0052. Read only. */
export interface AspirationWordTable {
  council_id: number;
  word: string;
  aspiration_id: number;
}

/** One row per aspiration (duplicates left out), kept by triggers; see migration 0035. Read only. */
export interface AspirationFactTable {
  aspiration_id: number;
  council_id: number;
  received_at: Date;
  received_day: string;
  month: string;
  komisi_id: number | null;
  dapil_id: number | null;
  kecamatan_id: number;
  category_id: number;
  channel: AspirationChannel;
  verified_day: string | null;
  answered_day: string | null;
  resolved_day: string | null;
  verify_days: number | null;
  answer_days: number | null;
  resolve_days: number | null;
  verified_in_target: boolean;
  resolved_in_target: boolean;
  reopened: boolean;
  rating: number | null;
  fixed_answer: boolean | null;
}

/** The facts summed per month, komisi, dapil and kecamatan, kept by a trigger; see migration 0035. */
export interface AspirationTallyTable {
  council_id: number;
  month: string;
  komisi_id: number | null;
  dapil_id: number | null;
  kecamatan_id: number;
  received: number;
  verified: number;
  verified_in_target: number;
  answered: number;
  resolved: number;
  resolved_in_target: number;
  reopened: number;
  rating_1: number;
  rating_2: number;
  rating_3: number;
  rating_4: number;
  rating_5: number;
  fixed_yes: number;
  fixed_no: number;
}

/** How many of a cell's aspirations took each number of working days to a step. */
export interface AspirationTallyDaysTable {
  council_id: number;
  month: string;
  komisi_id: number | null;
  dapil_id: number | null;
  kecamatan_id: number;
  step: 'verify' | 'answer' | 'resolve';
  days: number;
  n: number;
}

export interface CategoryModelTable extends Timestamps {
  id: Id;
  council_id: number;
  kind: 'naive-bayes' | 'logistic';
  trained_on: number;
  tested_on: number;
  tested_from: Date;
  accuracy: number;
  macro_f1: number;
  baseline: number;
  evaluation: string;
  model: string;
  training_ms: number;
}

export interface CategorySuggestionTable extends Timestamps {
  aspiration_id: number;
  model_id: number;
  category_id: number;
  confidence: number;
  because: string[];
  /** Taken or changed by an officer, or applied by the model where an administrator allowed it. */
  outcome: 'accepted' | 'corrected' | 'applied' | null;
  decided_at: Date | null;
}

export interface SpikeAlertTable extends Timestamps {
  id: Id;
  council_id: number;
  category_id: number;
  kecamatan_id: number;
  week: number;
  before: number;
  recipients: number;
}

export type NewsCategory = 'paripurna' | 'komisi' | 'reses' | 'kunjungan_kerja' | 'siaran_pers';
export type NewsStatus = 'draft' | 'review' | 'published';
export type NewsLinkKind = 'meeting' | 'regulation' | 'draft' | 'project' | 'consultation' | 'member';

export interface NewsRuleTable extends Timestamps {
  council_id: number;
  second_officer: boolean;
  updated_by: number | null;
}

export interface NewsPostTable extends Timestamps {
  id: Id;
  council_id: number;
  slug: string;
  title: string;
  summary: string;
  body_html: string;
  body_text: string;
  category: NewsCategory;
  tags: string[];
  status: NewsStatus;
  published_at: Date | null;
  corrected_at: Date | null;
  correction: string | null;
  photo_alt: string;
  author_id: number | null;
  submitted_by: number | null;
  approved_by: number | null;
  search: ColumnType<string, never, never>;
}

export interface NewsPhotoTable extends Timestamps {
  id: Id;
  post_id: number;
  position: number;
  file: string;
  width: number;
  height: number;
  bytes: number;
  caption: Generated<string>;
}

export interface MemberStatementTable extends Timestamps {
  id: Id;
  member_id: number;
  activity: string;
  body: string;
  written_by: number | null;
}

export interface NewsLinkTable extends Timestamps {
  id: Id;
  post_id: number;
  kind: NewsLinkKind;
  target_id: number;
}

export interface CategoryAutoRouteTable extends Timestamps {
  council_id: number;
  min_precision: number;
  categories: number[];
  updated_by: number | null;
}

export interface AspirationEventTable extends Timestamps {
  id: Id;
  aspiration_id: number;
  kind: string;
  public: boolean;
  actor_user_id: number | null;
  actor_member_id: number | null;
  by_reporter: ColumnType<boolean, boolean | undefined, boolean>;
  body: string | null;
  details: ColumnType<string, string | undefined, string>;
}

export interface AspirationPhotoTable extends Timestamps {
  id: Id;
  aspiration_id: number;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface AspirationSupporterTable extends Timestamps {
  id: Id;
  aspiration_id: number;
  /** Set when the supporter gave an address: one support per address. Mail goes to subscriptions. */
  email_lookup: string | null;
}

/** Attempts at something counted per key (e.g. a tracking code) in a fixed window, across addresses. */
export interface AttemptWindowTable extends Timestamps {
  key: string;
  attempts: number;
  window_start: Date;
}

export interface AnswerTemplateTable extends Timestamps {
  id: Id;
  council_id: number;
  title: string;
  body: string;
}

export interface Open311ClientTable extends Timestamps {
  id: Id;
  council_id: number;
  name: string;
  key_hash: string;
  created_by: number | null;
  last_used_at: Date | null;
  revoked_at: Date | null;
}

export type MeetingType =
  | 'paripurna'
  | 'komisi'
  | 'gabungan_komisi'
  | 'pansus'
  | 'banggar'
  | 'bamus'
  | 'bapemperda'
  | 'bk'
  | 'rapat_kerja'
  | 'rdp'
  | 'rdpu'
  | 'reses'
  | 'konsultasi_publik';

export interface MeetingTable extends Timestamps {
  id: Id;
  council_id: number;
  uid: string;
  type: MeetingType;
  body_id: number | null;
  dapil_id: number | null;
  title: string;
  agenda_items: ColumnType<string[], string[] | undefined, string[]>;
  starts_at: Date;
  ends_at: Date | null;
  place: string | null;
  online_url: string | null;
  livestream_url: string | null;
  open: boolean;
  status: ColumnType<'scheduled' | 'cancelled', 'scheduled' | 'cancelled' | undefined, 'scheduled' | 'cancelled'>;
  sequence: ColumnType<number, number | undefined, number>;
  minutes: string | null;
  decisions: string | null;
  recording_url: string | null;
  created_by: number | null;
  search: ColumnType<string, never, never>;
}

export interface MeetingRevisionTable extends Timestamps {
  id: Id;
  meeting_id: number;
  kind: string;
  changes: ColumnType<string, string | undefined, string>;
  note: string | null;
  changed_by: number | null;
}

export interface MeetingAttachmentTable extends Timestamps {
  id: Id;
  meeting_id: number;
  title: string;
  file: string;
  bytes: number;
}

export type Presence = 'hadir' | 'izin' | 'sakit' | 'tanpa_keterangan';

export interface MeetingAttendanceTable extends Timestamps {
  meeting_id: number;
  member_id: number;
  presence: Presence;
}

export type RegulationType = 'perda' | 'perwal' | 'keputusan_dprd' | 'peraturan_dprd' | 'keputusan_pimpinan';
export type RegulationStatus = 'berlaku' | 'diubah' | 'dicabut';

export interface RegulationTable extends Timestamps {
  id: Id;
  council_id: number;
  type: RegulationType;
  number: string;
  year: number;
  title: string;
  subject: string;
  enacted_on: string;
  promulgated_on: string | null;
  register: string | null;
  status: ColumnType<RegulationStatus, RegulationStatus | undefined, RegulationStatus>;
  file: string | null;
  bytes: number | null;
  text: ColumnType<string, string | undefined, string>;
  created_by: number | null;
  search: ColumnType<string, never, never>;
}

export interface RegulationRelationTable extends Timestamps {
  id: Id;
  from_id: number;
  to_id: number;
  kind: 'mengubah' | 'mencabut';
}

export type RaperdaStage = 'perencanaan' | 'penyusunan' | 'pembahasan' | 'penetapan' | 'pengundangan';

export interface RaperdaTable extends Timestamps {
  id: Id;
  council_id: number;
  propemperda_year: number;
  title: string;
  initiator: 'dprd' | 'pemerintah';
  summary: ColumnType<string, string | undefined, string>;
  stage: ColumnType<RaperdaStage, RaperdaStage | undefined, RaperdaStage>;
  body_id: number | null;
  regulation_id: number | null;
}

export interface RaperdaStepTable extends Timestamps {
  id: Id;
  raperda_id: number;
  stage: RaperdaStage;
  happened_on: string;
  note: string | null;
  meeting_id: number | null;
  created_by: number | null;
}

export interface RaperdaDocumentTable extends Timestamps {
  id: Id;
  raperda_id: number;
  stage: RaperdaStage;
  title: string;
  file: string;
  bytes: number;
}

export interface SubscriptionTable extends Timestamps {
  id: Id;
  subject_type: 'raperda' | 'project' | 'aspiration' | 'forum' | 'consultation';
  subject_id: number;
  email_sealed: string;
  email_lookup: string;
  token_hash: string;
  confirmed_at: Date | null;
}

export type ProjectStatus = 'perencanaan' | 'pengadaan' | 'berjalan' | 'terhambat' | 'selesai' | 'dibatalkan';

export interface ProjectTable extends Timestamps {
  id: Id;
  council_id: number;
  name: string;
  description: ColumnType<string, string | undefined, string>;
  opd: string;
  komisi_id: number | null;
  kecamatan_id: number;
  kelurahan_id: number | null;
  lat: number | null;
  lon: number | null;
  budget: ColumnType<number, number, number>;
  realised: ColumnType<number, number | undefined, number>;
  funding_source: string;
  year: number;
  contractor: string | null;
  starts_on: ColumnType<string | null, string | null | undefined, string | null>;
  ends_on: ColumnType<string | null, string | null | undefined, string | null>;
  progress: ColumnType<number, number | undefined, number>;
  status: ColumnType<ProjectStatus, ProjectStatus | undefined, ProjectStatus>;
  created_by: number | null;
  search: ColumnType<string, never, never>;
}

export interface ProjectUpdateTable extends Timestamps {
  id: Id;
  project_id: number;
  happened_on: ColumnType<string, string, string>;
  progress: number;
  realised: number | null;
  note: string;
  created_by: number | null;
}

export interface ProjectPhotoTable extends Timestamps {
  id: Id;
  update_id: number;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface ProjectMeetingTable extends Timestamps {
  id: Id;
  project_id: number;
  meeting_id: number;
}

export type BudgetStage = 'murni' | 'perubahan';

export interface BudgetLineTable extends Timestamps {
  id: Id;
  council_id: number;
  year: number;
  stage: BudgetStage;
  account_code: string;
  account_name: string;
  opd: ColumnType<string, string | undefined, string>;
  program_code: ColumnType<string, string | undefined, string>;
  kegiatan_code: ColumnType<string, string | undefined, string>;
  subkegiatan_code: ColumnType<string, string | undefined, string>;
  program_name: ColumnType<string, string | undefined, string>;
  kegiatan_name: ColumnType<string, string | undefined, string>;
  subkegiatan_name: ColumnType<string, string | undefined, string>;
  planned: number;
  realised: ColumnType<number, number | undefined, number>;
}

export interface BudgetUploadTable extends Timestamps {
  id: Id;
  council_id: number;
  year: number;
  stage: BudgetStage;
  file_name: string;
  lines: string;
  created_by: number | null;
  /** The officer who checked the difference and asked for it to be published (first confirmation). */
  checked_by: number | null;
  checked_at: Date | null;
}

export interface BudgetRuleTable extends Timestamps {
  id: Id;
  council_id: number;
  /** A change of a top-level total by more than this share (percent) is warned about. */
  warn_percent: number;
  /** The second confirmation must come from another officer than the first. */
  second_officer: boolean;
}

export type ConsultationKind = 'rpjmd' | 'raperda' | 'lainnya';
export type CommentStatus = 'published' | 'held' | 'hidden';
export type CommentFate = 'accepted' | 'partly' | 'rejected';
export type Stance = 'agree' | 'disagree' | 'unsure';

export interface ConsultationTable extends Timestamps {
  id: Id;
  council_id: number;
  kind: ConsultationKind;
  title: string;
  summary: string;
  body_id: number | null;
  raperda_id: number | null;
  opens_on: string;
  comments_from: string;
  comments_until: string;
  report_due: string;
  hold_first_comments: ColumnType<boolean, boolean | undefined, boolean>;
  /** Comments without an account are taken, confirmed by a link mailed to the writer. */
  email_comments: ColumnType<boolean, boolean | undefined, boolean>;
  report_summary: string | null;
  report_published_at: Date | null;
  /** What its followers were last told of its timetable; null before comments open. */
  followers_told: ColumnType<FollowersTold | null, FollowersTold | null | undefined, FollowersTold | null>;
  created_by: number | null;
}

/** The news of a consultation's timetable its followers get, each once. */
export type FollowersTold = 'comments' | 'closing-soon' | 'closing' | 'report';

export interface ConsultationSectionTable extends Timestamps {
  id: Id;
  consultation_id: number;
  position: number;
  heading: string;
  body: string;
  report: string | null;
}

export interface ConsultationMeetingTable extends Timestamps {
  id: Id;
  consultation_id: number;
  meeting_id: number;
}

export interface ConsultationCommentTable extends Timestamps {
  id: Id;
  consultation_id: number;
  section_id: number;
  parent_id: number | null;
  user_id: number | null;
  author_label: ColumnType<string, string | undefined, string>;
  origin: 'online' | 'offline';
  source: string | null;
  quote: string | null;
  body: string;
  kecamatan_id: number | null;
  status: ColumnType<CommentStatus, CommentStatus | undefined, CommentStatus>;
  hidden_reason: string | null;
  support_count: ColumnType<number, number | undefined, number>;
  open_reports: ColumnType<number, number | undefined, number>;
  fate: CommentFate | null;
  fate_reason: string | null;
  fate_at: Date | null;
  /** A comment written without an account: the writer's address, sealed, and its lookup. */
  email_sealed: ColumnType<string | null, string | null | undefined, string | null>;
  email_lookup: ColumnType<string | null, string | null | undefined, string | null>;
  /** The hash of the mailed link that confirmed it, the writer's way back to it. */
  token_hash: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Words written without an account, waiting for the writer to open the mailed link. */
export interface ConsultationPendingCommentTable extends Timestamps {
  id: Id;
  consultation_id: number;
  section_id: number;
  parent_id: number | null;
  author_label: ColumnType<string, string | undefined, string>;
  quote: string | null;
  body: string;
  kecamatan_id: number | null;
  email_sealed: string;
  email_lookup: string;
  token_hash: string;
}

export type RoomDesk = 'umum' | 'komisi' | 'anggota';
export type AppointmentStatus = 'booked' | 'cancelled' | 'checked_in' | 'no_show' | 'done';

export interface RoomSlotTable extends Timestamps {
  id: Id;
  council_id: number;
  desk: RoomDesk;
  body_id: number | null;
  member_id: number | null;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked: ColumnType<number, number | undefined, number>;
  place: string;
  cancelled_at: Date | null;
  created_by: number | null;
}

export interface AppointmentTable extends Timestamps {
  id: Id;
  council_id: number;
  slot_id: number | null;
  code: string;
  topic: string;
  aspiration_code: string | null;
  name_sealed: string;
  email_sealed: string | null;
  phone_sealed: string | null;
  token_hash: string | null;
  status: ColumnType<AppointmentStatus, AppointmentStatus | undefined, AppointmentStatus>;
  walk_in: ColumnType<boolean, boolean | undefined, boolean>;
  checked_in_at: Date | null;
  reminded_at: Date | null;
  handled_by: number | null;
}

export interface ResesPeriodTable extends Timestamps {
  id: Id;
  council_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
}

export interface ResesReportTable extends Timestamps {
  id: Id;
  council_id: number;
  period_id: number;
  member_id: number;
  dapil_id: number | null;
  summary: ColumnType<string, string | undefined, string>;
  published_at: Date | null;
  created_by: number | null;
}

export interface ResesVisitTable extends Timestamps {
  id: Id;
  report_id: number;
  visited_on: string;
  place: string;
  kelurahan_id: number | null;
  attendance: number;
  notes: ColumnType<string, string | undefined, string>;
}

export interface ResesPhotoTable extends Timestamps {
  id: Id;
  visit_id: number;
  file: string;
  width: number;
  height: number;
  bytes: number;
}

export interface ResesInputTable extends Timestamps {
  id: Id;
  report_id: number;
  visit_id: number | null;
  aspiration_code: string;
  title: string;
  created_by: number | null;
}

export type PokirStatus = 'diusulkan' | 'rkpd' | 'apbd' | 'selesai';

export interface PokirItemTable extends Timestamps {
  id: Id;
  council_id: number;
  year: number;
  title: string;
  description: ColumnType<string, string | undefined, string>;
  dapil_id: number | null;
  kecamatan_id: number;
  kelurahan_id: number | null;
  estimated_cost: ColumnType<number | null, number | null | undefined, number | null>;
  agency: string;
  status: ColumnType<PokirStatus, PokirStatus | undefined, PokirStatus>;
  project_id: number | null;
  created_by: number | null;
}

export interface HearingTable extends Timestamps {
  id: Id;
  council_id: number;
  meeting_id: number;
  questions_open: ColumnType<boolean, boolean | undefined, boolean>;
  email_questions: ColumnType<boolean, boolean | undefined, boolean>;
  created_by: number | null;
}

export type QuestionStatus = 'pending' | 'approved' | 'rejected' | 'merged';

export interface HearingQuestionTable extends Timestamps {
  id: Id;
  hearing_id: number;
  body: string;
  asker_label: string;
  user_id: number | null;
  email_sealed: string | null;
  email_lookup: string | null;
  status: ColumnType<QuestionStatus, QuestionStatus | undefined, QuestionStatus>;
  merged_into: number | null;
  votes: ColumnType<number, number | undefined, number>;
  answer: string | null;
  answer_second: number | null;
  answered_at: Date | null;
  aspiration_code: string | null;
  moderated_by: number | null;
  moderated_at: Date | null;
}

export interface HearingVoteTable {
  question_id: number;
  voter: string;
  created_at: Generated<Date>;
}

export interface HearingPendingQuestionTable {
  id: Id;
  hearing_id: number;
  body: string;
  asker_label: string;
  email_sealed: string;
  email_lookup: string;
  token_hash: string;
  created_at: Generated<Date>;
}

export interface PokirSourceTable extends Timestamps {
  id: Id;
  pokir_id: number;
  aspiration_code: string;
  title: string;
}

export interface PokirStepTable extends Timestamps {
  id: Id;
  pokir_id: number;
  status: PokirStatus;
  happened_on: string;
  note: ColumnType<string, string | undefined, string>;
  created_by: number | null;
}

export interface ConsultationSupportTable extends Timestamps {
  id: Id;
  comment_id: number;
  user_id: number;
}

export interface ConsultationReportTable extends Timestamps {
  id: Id;
  comment_id: number;
  user_id: number | null;
  reason: string;
  resolved_at: Date | null;
}

export interface ConsultationStanceTable extends Timestamps {
  id: Id;
  section_id: number;
  user_id: number;
  stance: Stance;
}

export interface ForumThreadTable extends Timestamps {
  id: Id;
  council_id: number;
  body_id: number;
  kecamatan_id: number | null;
  title: string;
  consultation_id: number | null;
  meeting_id: number | null;
  aspiration_code: string | null;
  posts: ColumnType<number, number | undefined, number>;
  last_post_at: ColumnType<Date, Date | undefined, Date>;
}

export type ForumRole = 'member' | 'staff' | 'moderator' | 'administrator';

export interface ForumPostTable extends Timestamps {
  id: Id;
  thread_id: number;
  user_id: number | null;
  author_label: ColumnType<string, string | undefined, string>;
  author_role: ForumRole | null;
  body: string;
  status: ColumnType<'published' | 'hidden', 'published' | 'hidden' | undefined, 'published' | 'hidden'>;
  hidden_reason: string | null;
  open_reports: ColumnType<number, number | undefined, number>;
}

export interface ForumReportTable extends Timestamps {
  id: Id;
  post_id: number;
  user_id: number | null;
  reason: string;
  resolved_at: Date | null;
}

export type StatementVote = 'agree' | 'disagree' | 'pass';

export interface ConsultationStatementTable extends Timestamps {
  id: Id;
  consultation_id: number;
  user_id: number | null;
  text: string;
  status: ColumnType<CommentStatus, CommentStatus | undefined, CommentStatus>;
  hidden_reason: string | null;
  agree: ColumnType<number, number | undefined, number>;
  disagree: ColumnType<number, number | undefined, number>;
  pass: ColumnType<number, number | undefined, number>;
}

export interface ConsultationStatementVoteTable extends Timestamps {
  id: Id;
  statement_id: number;
  user_id: number;
  vote: StatementVote;
}

export interface MessageOptOutTable extends Timestamps {
  /** The lookup of a number that sent STOP: no SMS or WhatsApp goes to it. */
  phone_lookup: string;
}

export interface TextMessageInTable extends Timestamps {
  id: Id;
  council_id: number;
  channel: 'sms' | 'whatsapp';
  gateway_id: string | null;
  phone_lookup: string;
  received_at: ColumnType<Date, Date | undefined, Date>;
}

export type TextConversationStep = 'kind' | 'kecamatan' | 'text' | 'confirm';

export interface TextConversationTable extends Timestamps {
  id: Id;
  council_id: number;
  channel: 'sms' | 'whatsapp';
  phone_lookup: string;
  step: TextConversationStep;
  kind: AspirationKind | null;
  kecamatan_id: number | null;
  body: string | null;
}

export interface TextConversationPhotoTable extends Timestamps {
  id: Id;
  conversation_id: number;
  data: Uint8Array;
}

export interface KioskCallTable extends Timestamps {
  id: Id;
  council_id: number;
  place: string;
  called_at: ColumnType<Date, Date | undefined, Date>;
  answered_at: Date | null;
  answered_by: number | null;
}

export interface PushSubscriptionTable extends Timestamps {
  id: Id;
  endpoint: string;
  p256dh: string;
  auth: string;
  user_id: number | null;
  staff_queue: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PushFollowTable extends Timestamps {
  id: Id;
  subscription_id: number;
  subject_type: string;
  subject_id: number;
}

export type SurveyKind = 'general' | 'ikm';
export type SurveyServiceUnit = 'aspiration' | 'information' | 'aspiration_room';
export type SurveyAudience = 'everyone' | 'service_users' | 'sample';
export type SurveyStatus = 'draft' | 'published' | 'closed';
export type SurveyQuestionKind =
  | 'single'
  | 'multiple'
  | 'likert4'
  | 'likert5'
  | 'number'
  | 'short_text'
  | 'long_text'
  | 'matrix';

export interface SurveyTable extends Timestamps {
  id: Id;
  council_id: number;
  kind: SurveyKind;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  service_unit: SurveyServiceUnit | null;
  opens_on: string;
  closes_on: string;
  audience: ColumnType<SurveyAudience, SurveyAudience | undefined, SurveyAudience>;
  anonymous: ColumnType<boolean, boolean | undefined, boolean>;
  status: ColumnType<SurveyStatus, SurveyStatus | undefined, SurveyStatus>;
  version: ColumnType<number, number | undefined, number>;
  previous_id: number | null;
  created_by: number | null;
  published_at: Date | null;
  closed_at: Date | null;
}

export interface SurveySectionTable extends Timestamps {
  id: Id;
  survey_id: number;
  position: number;
  title: string;
  intro: ColumnType<string, string | undefined, string>;
  /** A section of a ready-made survey, worded by the messages in the reader's language. */
  template_key: string | null;
}

export interface SurveyQuestionTable extends Timestamps {
  id: Id;
  survey_id: number;
  section_id: number;
  position: number;
  code: string;
  kind: SurveyQuestionKind;
  prompt: string;
  help: ColumnType<string, string | undefined, string>;
  required: ColumnType<boolean, boolean | undefined, boolean>;
  min_value: number | null;
  max_value: number | null;
  show_if_question_id: number | null;
  show_if_value: string | null;
  ikm_element: number | null;
  /** A question of a ready-made survey (the IKM's profile, its suggestion), worded by the messages. */
  template_key: string | null;
}

export interface SurveyChoiceTable extends Timestamps {
  id: Id;
  question_id: number;
  role: 'option' | 'row';
  position: number;
  value: string;
  label: string;
}

export interface SurveyResponseTable extends Timestamps {
  id: Id;
  survey_id: number;
  resume_hash: string;
  user_id: number | null;
  section_position: ColumnType<number, number | undefined, number>;
  submitted_at: Date | null;
}

export interface SurveyInvitationTable extends Timestamps {
  id: Id;
  survey_id: number;
  token_hash: string;
  source: 'aspiration' | 'appointment' | 'list' | 'training' | 'information_request';
  source_ref: string;
}

export interface SurveyParticipantTable extends Timestamps {
  id: Id;
  survey_id: number;
  user_id: number;
}

export interface SurveyAnswerTable extends Timestamps {
  id: Id;
  response_id: number;
  question_id: number;
  item: ColumnType<string, string | undefined, string>;
  value: string;
  score: number | null;
}

export interface Database {
  push_subscription: PushSubscriptionTable;
  push_follow: PushFollowTable;
  kiosk_call: KioskCallTable;
  message_opt_out: MessageOptOutTable;
  text_message_in: TextMessageInTable;
  text_conversation: TextConversationTable;
  text_conversation_photo: TextConversationPhotoTable;
  survey: SurveyTable;
  survey_section: SurveySectionTable;
  survey_question: SurveyQuestionTable;
  survey_choice: SurveyChoiceTable;
  survey_response: SurveyResponseTable;
  survey_participant: SurveyParticipantTable;
  survey_invitation: SurveyInvitationTable;
  survey_answer: SurveyAnswerTable;
  consultation_statement: ConsultationStatementTable;
  consultation_statement_vote: ConsultationStatementVoteTable;
  forum_thread: ForumThreadTable;
  forum_post: ForumPostTable;
  forum_report: ForumReportTable;
  consultation: ConsultationTable;
  consultation_section: ConsultationSectionTable;
  consultation_meeting: ConsultationMeetingTable;
  consultation_comment: ConsultationCommentTable;
  consultation_pending_comment: ConsultationPendingCommentTable;
  room_slot: RoomSlotTable;
  appointment: AppointmentTable;
  reses_period: ResesPeriodTable;
  reses_report: ResesReportTable;
  reses_visit: ResesVisitTable;
  reses_photo: ResesPhotoTable;
  reses_input: ResesInputTable;
  pokir_item: PokirItemTable;
  pokir_source: PokirSourceTable;
  pokir_step: PokirStepTable;
  hearing: HearingTable;
  hearing_question: HearingQuestionTable;
  hearing_vote: HearingVoteTable;
  hearing_pending_question: HearingPendingQuestionTable;
  consultation_support: ConsultationSupportTable;
  consultation_report: ConsultationReportTable;
  consultation_stance: ConsultationStanceTable;
  budget_line: BudgetLineTable;
  budget_upload: BudgetUploadTable;
  budget_rule: BudgetRuleTable;
  raperda: RaperdaTable;
  raperda_step: RaperdaStepTable;
  raperda_document: RaperdaDocumentTable;
  subscription: SubscriptionTable;
  project: ProjectTable;
  project_update: ProjectUpdateTable;
  project_photo: ProjectPhotoTable;
  project_meeting: ProjectMeetingTable;
  regulation: RegulationTable;
  regulation_relation: RegulationRelationTable;
  meeting: MeetingTable;
  meeting_revision: MeetingRevisionTable;
  meeting_attachment: MeetingAttachmentTable;
  meeting_attendance: MeetingAttendanceTable;
  open311_client: Open311ClientTable;
  holiday: HolidayTable;
  aspiration_category: AspirationCategoryTable;
  yearly_number: YearlyNumberTable;
  aspiration: AspirationTable;
  aspiration_reporter: AspirationReporterTable;
  aspiration_event: AspirationEventTable;
  category_model: CategoryModelTable;
  category_suggestion: CategorySuggestionTable;
  category_auto_route: CategoryAutoRouteTable;
  spike_alert: SpikeAlertTable;
  news_rule: NewsRuleTable;
  news_post: NewsPostTable;
  news_photo: NewsPhotoTable;
  news_link: NewsLinkTable;
  member_statement: MemberStatementTable;
  aspiration_fact: AspirationFactTable;
  aspiration_word: AspirationWordTable;
  aspiration_tally: AspirationTallyTable;
  aspiration_tally_days: AspirationTallyDaysTable;
  monthly_report: MonthlyReportTable;
  public_information: PublicInformationTable;
  information_request: InformationRequestTable;
  information_request_document: InformationRequestDocumentTable;
  information_request_step: InformationRequestStepTable;
  information_objection: InformationObjectionTable;
  training_session: TrainingSessionTable;
  training_registration: TrainingRegistrationTable;
  aspiration_photo: AspirationPhotoTable;
  aspiration_supporter: AspirationSupporterTable;
  attempt_window: AttemptWindowTable;
  answer_template: AnswerTemplateTable;
  council: CouncilTable;
  dapil: DapilTable;
  kecamatan: KecamatanTable;
  kelurahan: KelurahanTable;
  fraksi: FraksiTable;
  body: BodyTable;
  member: MemberTable;
  body_membership: BodyMembershipTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  one_time_token: OneTimeTokenTable;
  outbox: OutboxTable;
  scheduled_job: ScheduledJobTable;
  audit_log: AuditLogTable;
  recovery_code: RecoveryCodeTable;
  data_request: DataRequestTable;
  api_token: ApiTokenTable;
  sign_in_throttle: SignInThrottleTable;
}

export type Council = Selectable<CouncilTable>;
export type NewMember = Insertable<MemberTable>;
