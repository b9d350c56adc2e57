/**
 * Who may do what: named permissions granted to roles. Every route declares either 'public' or
 * one of these names (config.access); the guard in auth.ts enforces it before the handler runs.
 */
import type { Role } from '../db/schema.ts';

export const roles: readonly Role[] = ['citizen', 'staff', 'member', 'moderator', 'administrator', 'ppid'];

/** Roles that act for the council: they must use two-factor sign-in and get shorter sessions. */
export const officialRoles: readonly Role[] = ['staff', 'member', 'moderator', 'administrator', 'ppid'];

export const grants = {
  /** See and change one's own account, sessions and personal data. */
  'account.self': ['citizen', 'staff', 'member', 'moderator', 'administrator', 'ppid'],
  /** Enter the back office at all. */
  'backoffice.enter': ['staff', 'member', 'moderator', 'administrator', 'ppid'],
  /** Invite users, change their roles, disable them. */
  'users.manage': ['administrator'],
  /** See the aspirations inbox: staff all of it, members what was forwarded to their dapil or komisi. */
  'aspiration.read': ['staff', 'member', 'administrator'],
  /** Verify, reject, merge, forward, refer and resolve aspirations; enter those received offline. */
  'aspiration.triage': ['staff', 'administrator'],
  /** Publish a response, record a follow-up action, add an internal note. */
  'aspiration.respond': ['staff', 'member', 'administrator'],
  /** Publish, change and cancel meetings; record their documents, minutes and attendance. */
  'agenda.publish': ['staff', 'administrator'],
  /** Add regulations to the legal documents repository and record their status and links. */
  'regulations.manage': ['staff', 'administrator'],
  /** Import the regional budget (APBD) from the region's files. */
  'budget.import': ['staff', 'administrator'],
  /** Set how a budget file is published: the share of change warned about, a second officer. */
  'budget.rules': ['administrator'],
  /** Record programmes and projects, report their progress with photos, link meetings to them. */
  'projects.manage': ['staff', 'administrator'],
  /** Open public consultations, split their text into sections, enter offline input, write the report. */
  'consultations.manage': ['staff', 'administrator'],
  /** Comment on a consultation, reply, support a comment, give one's view of a section. */
  'consultations.take-part': ['citizen', 'staff', 'member', 'moderator', 'administrator'],
  /** See reported and held comments; hide, restore or let them through. */
  'consultations.moderate': ['moderator', 'staff', 'administrator'],
  /** Start a forum thread and reply in it. */
  'forum.take-part': ['citizen', 'staff', 'member', 'moderator', 'administrator'],
  /** Link a forum thread to a consultation or a meeting. */
  'forum.link': ['member', 'staff', 'administrator'],
  /** See reported forum posts; hide, restore, or dismiss the reports. */
  'forum.moderate': ['moderator', 'staff', 'administrator'],
  /** Make a public meeting a virtual hearing that takes questions; open and close its questions. */
  'hearings.manage': ['staff', 'administrator'],
  /** Approve, reject and merge a hearing's questions; mark them answered, or file them as aspirations. */
  'hearings.moderate': ['moderator', 'staff', 'administrator'],
  /** See the chair's screen: a hearing's approved questions by support. */
  'hearings.chair': ['member', 'moderator', 'staff', 'administrator'],
  /** Ask a hearing a question with one's account. */
  'hearings.ask': ['citizen', 'staff', 'member', 'moderator', 'administrator'],
  /** Publish the aspiration room's times; see the day's queue, check people in, record conversations. */
  'appointments.desk': ['staff', 'administrator'],
  /** Record a reses: the places visited, attendance, photos and input (a member their own). */
  'reses.record': ['member', 'staff', 'administrator'],
  /** Set the council's reses periods. */
  'reses.periods': ['staff', 'administrator'],
  /** Assemble the council's pokir from aspirations, record their steps, link the projects they became. */
  'pokir.manage': ['staff', 'administrator'],
  /** Build, publish and close surveys (the IKM too); see their results any time; download raw answers. */
  'surveys.manage': ['staff', 'administrator'],
  /**
   * The dashboard of open work (a member's: their dapil and komisi) and, for staff, administrators
   * and members of the council's leadership (pimpinan), the council's week and what is rising.
   */
  'dashboard.view': ['staff', 'member', 'administrator'],
  /** See how well the category suggestions do (/kelola/wawasan). */
  'insights.read': ['staff', 'member', 'administrator'],
  /** Read and download the monthly reports (aggregate figures, as /kinerja shows them). */
  'reports.read': ['staff', 'member', 'administrator'],
  /** Keep the register of public information (Daftar Informasi Publik) at /kelola/ppid. */
  'ppid.register': ['staff', 'ppid', 'administrator'],
  /**
   * Handle requests for public information: see the applicant's identity, extend, decide, answer.
   * The PPID officer alone: the identity leaves no other role (UU 14/2008, UU 27/2022).
   */
  'ppid.requests': ['ppid'],
  /** Plan training sessions and classes, invite, take attendance, see every record and the year's totals. */
  'training.manage': ['staff', 'administrator'],
  /** Register for the council's training for officials, check in, rate it, get certificates, see one's record. */
  'training.attend': ['staff', 'member', 'moderator', 'administrator', 'ppid'],
  /** Add a short public statement to an activity on a member's page (a member their own). */
  'members.statement': ['member', 'staff', 'administrator'],
  /** Write news and press releases, add their photos and links, publish or approve them. */
  'news.publish': ['staff', 'administrator'],
  /** Edit the council's service settings: categories, targets, verification period, holidays. */
  'council.configure': ['administrator'],
  /** Issue and revoke the keys of applications that file aspirations through Open311. */
  'open311.keys': ['administrator'],
  /** Read the audit log. */
  'audit.read': ['administrator'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;
export type Access = 'public' | Permission;

export function can(role: Role | undefined, permission: Access): boolean {
  if (permission === 'public') return true;
  if (role === undefined) return false;
  return (grants[permission] as readonly Role[]).includes(role);
}

export function isOfficial(role: Role): boolean {
  return officialRoles.includes(role);
}

/** What an API token may be allowed to do; each API route that accepts tokens names one. */
export const scopes = {
  'profile:read': 'scope.profileRead',
} as const;
export type Scope = keyof typeof scopes;
