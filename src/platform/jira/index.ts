/**
 * The app's Jira client: typed wrappers over `requestJira` / `requestGraph` for exactly the calls
 * the app makes. The only code that calls Jira. Failures are JiraErrors: `retryable` for 429,
 * 5xx and unreachable (with Retry-After), permanent otherwise.
 */
import type { JiraClient } from '../../app/ports/jira';
import { addAttachment, attachments } from './jira-attachments';
import { addInternalComment, addPublicReply, recentComments } from './jira-comments';
import { searchWorkItems, userProfile } from './jira-customers';
import { myPermissions } from './jira-permissions';
import { assignableUsers, currentUserId, displayName, requestTypes, serviceDesk, serviceDesks, teamFieldId } from './jira-spaces';
import { teamMembers } from './jira-teams';
import { createRequest, editIssue, getIssue, searchIssues, setAssignee } from './jira-work-items';

export const jira: JiraClient = {
  serviceDesk,
  serviceDesks,
  requestTypes,
  assignableUsers,
  teamFieldId,
  teamMembers,
  displayName,
  currentUserId,
  myPermissions,
  createRequest,
  editIssue,
  setAssignee,
  getIssue,
  searchIssues,
  addInternalComment,
  addPublicReply,
  recentComments,
  userProfile,
  searchWorkItems,
  addAttachment,
  attachments
};
