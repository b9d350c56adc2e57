/**
 * The design system's parts that are not form fields: buttons, banners, tags, the summary list,
 * tabs, breadcrumbs and the back link. Pages use these and never the classes behind them (the
 * lint, lint/design-system.grit, refuses a page that does), so a part's look and states are set
 * once, here and in main.css. /kelola/komponen shows each in its states.
 */
import type { ComponentChildren } from 'preact';

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'link';

const buttonClass: Record<ButtonVariant, string | undefined> = {
  primary: undefined,
  secondary: 'secondary',
  warning: 'danger',
  link: 'link-button',
};

/** A button of a form: primary unless told (one primary action a form, GOV.UK's rule). */
export function Button({
  variant = 'primary',
  type = 'submit',
  name,
  value,
  disabled,
  label,
  children,
}: {
  variant?: ButtonVariant;
  type?: 'submit' | 'button';
  name?: string;
  value?: string;
  disabled?: boolean;
  /** A name for screen readers when the visible text is not enough ("Hapus" of what). */
  label?: string | undefined;
  children: ComponentChildren;
}) {
  return (
    <button type={type} class={buttonClass[variant]} name={name} value={value} disabled={disabled} aria-label={label}>
      {children}
    </button>
  );
}

/** A link that starts an action and so looks like a button ("Kirim aspirasi", "Unduh"). */
export function ButtonLink({
  href,
  variant = 'primary',
  download,
  children,
}: {
  href: string;
  variant?: 'primary' | 'secondary';
  download?: boolean;
  children: ComponentChildren;
}) {
  return (
    <a class={variant === 'primary' ? 'button' : 'button secondary'} href={href} download={download}>
      {children}
    </a>
  );
}

export type BannerTone = 'success' | 'important' | 'warning' | 'error';

/**
 * A notification banner: success after something was done (announced as a status), important for
 * what the reader must know, warning before something that cannot be undone, error for a problem
 * the reader must fix that is not one field's (the lines of a refused file).
 */
export function Banner({
  tone,
  title,
  level = 2,
  id,
  children,
}: {
  tone: BannerTone;
  title?: string | undefined;
  /** The title's heading level where the banner sits in a section (h3). */
  level?: 2 | 3;
  id?: string;
  children: ComponentChildren;
}) {
  const headingId = id === undefined ? undefined : `${id}-title`;
  const Heading = level === 3 ? 'h3' : 'h2';
  return (
    <section
      class={`banner banner-${tone}`}
      id={id}
      role={tone === 'success' ? 'status' : tone === 'error' ? 'alert' : undefined}
      aria-labelledby={title === undefined ? undefined : headingId}
    >
      {title === undefined ? null : <Heading id={headingId}>{title}</Heading>}
      {children}
    </section>
  );
}

/**
 * What a colour means, the same on every page: neutral (received, waiting), active (being worked
 * on), done (finished, in force), stopped (refused, cancelled, blocked, late). The word is always
 * written: colour is never the only carrier of the meaning.
 */
export type TagTone = 'neutral' | 'active' | 'done' | 'stopped';

export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: ComponentChildren }) {
  return <span class={tone === 'neutral' ? 'badge' : `badge badge-${tone}`}>{children}</span>;
}

/**
 * Key and value pairs ("Kode pelacakan: ASP-2026-000123"), from rows (a row with no value is left
 * out) or from dt/dd pairs a page writes itself when a value needs more than text.
 */
export function SummaryList({
  rows = [],
  children,
}: {
  rows?: [string, ComponentChildren][];
  children?: ComponentChildren;
}) {
  return (
    <dl class="facts">
      {children}
      {rows.map(([key, value]) =>
        value === undefined || value === null || value === '' ? null : (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ),
      )}
    </dl>
  );
}

export interface NavItem {
  href: string;
  label: ComponentChildren;
  current?: boolean;
  key?: string;
}

/** Links in a named navigation landmark, the current one marked for screen readers. */
function NavLinks({ label, items, ordered }: { label: string; items: NavItem[]; ordered: boolean }) {
  const links = items.map((item) => (
    <li key={item.key ?? item.href}>
      <a href={item.href} aria-current={item.current === true ? 'page' : undefined}>
        {item.label}
      </a>
    </li>
  ));
  return <nav aria-label={label}>{ordered ? <ol class="breadcrumb">{links}</ol> : <ul class="tabs">{links}</ul>}</nav>;
}

/** Views of the same thing (list, week, month; years): one is current. */
export function Tabs({ label, items }: { label: string; items: NavItem[] }) {
  return <NavLinks label={label} items={items} ordered={false} />;
}

/** Where the page sits in a hierarchy (budget accounts, programmes), the current level marked. */
export function Breadcrumbs({ label, items }: { label: string; items: NavItem[] }) {
  return <NavLinks label={label} items={items} ordered />;
}

/** The way back to the page a person came from, above the heading. */
export function BackLink({ href, children }: { href: string; children: ComponentChildren }) {
  return (
    <a class="back-link" href={href}>
      {children}
    </a>
  );
}
