/** Every route the fake site serves (see README.md for the list and what each emulates). */
import type { RouteDef } from '../route-kit';
import { ATTACHMENT_ROUTES } from './attachment-routes';
import { COMMENT_ROUTES } from './comment-routes';
import { DIRECTORY_ROUTES } from './directory-routes';
import { ISSUE_ROUTES } from './issue-routes';
import { PERMISSION_ROUTES } from './permission-routes';
import { REQUEST_COMMENT_ROUTES } from './request-comment-routes';
import { REQUEST_ROUTES } from './request-routes';
import { SEARCH_ROUTES } from './search-routes';
import { SERVICEDESK_ROUTES } from './servicedesk-routes';

export const ALL_ROUTES: RouteDef[] = [
  ...ISSUE_ROUTES,
  ...COMMENT_ROUTES,
  ...ATTACHMENT_ROUTES,
  ...SERVICEDESK_ROUTES,
  ...REQUEST_ROUTES,
  ...REQUEST_COMMENT_ROUTES,
  ...PERMISSION_ROUTES,
  ...DIRECTORY_ROUTES,
  ...SEARCH_ROUTES
];
