// Keys written whole so tests/i18n can check every string a page shows (see README.md).

import type { LinkRole, Role } from '@clapboard/shared';

export const ROLE_NAME_KEY = {
  facilitator: 'role.facilitator',
  participant: 'role.participant',
  interpreter: 'role.interpreter',
  observer: 'role.observer',
} as const satisfies Record<Role, string>;

/** What each link lets its holder do, shown beside it when it is made. */
export const ROLE_HELP_KEY = {
  facilitator: 'share.keepPrivate',
  participant: 'create.roleHelp.participant',
  interpreter: 'create.roleHelp.interpreter',
  observer: 'create.roleHelp.observer',
} as const satisfies Record<Role, string>;

export const LINK_ROLE_KEY = {
  facilitator: 'links.role.facilitator',
  participant: 'links.role.participant',
  interpreter: 'links.role.interpreter',
  observer: 'links.role.observer',
  public: 'links.role.public',
} as const satisfies Record<LinkRole, string>;

export const ADD_LINK_KEY = {
  facilitator: 'links.add.facilitator',
  participant: 'links.add.participant',
  interpreter: 'links.add.interpreter',
  observer: 'links.add.observer',
} as const satisfies Record<Role, string>;

/** API error codes the Links panel explains; any other reads `links.error.unknown`. */
export const LINK_ERROR_KEY: Readonly<Record<string, 'links.error.LAST_FACILITATOR_LINK' | 'links.error.TOO_MANY_LINKS' | 'links.error.NOT_FOUND'>> = {
  LAST_FACILITATOR_LINK: 'links.error.LAST_FACILITATOR_LINK',
  TOO_MANY_LINKS: 'links.error.TOO_MANY_LINKS',
  NOT_FOUND: 'links.error.NOT_FOUND',
};
