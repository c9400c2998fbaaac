/**
 * JSM's objects: service desks, request types, customer requests, and the platform's status and
 * Request Type field values that describe the same things on an issue.
 */
import { adfToText } from '../adf';
import { STATUS_CATEGORIES, statusById } from '../field-catalog';
import type { IssueRecord, Project, RequestTypeDef } from '../site-model';
import { SITE_BASE_URL, type SiteState } from '../site-state';
import { serviceDeskDate } from './jira-time';
import { knownUser, renderServiceDeskUser } from './render-user';

export function renderStatus(statusId: string) {
  const status = statusById(statusId);
  const category = STATUS_CATEGORIES[status.category];
  return {
    self: `${SITE_BASE_URL}/rest/api/3/status/${status.id}`,
    description: '',
    iconUrl: `${SITE_BASE_URL}/images/icons/statuses/generic.png`,
    name: status.name,
    id: status.id,
    statusCategory: {
      self: `${SITE_BASE_URL}/rest/api/3/statuscategory/${category.id}`,
      id: category.id,
      key: status.category,
      colorName: category.colorName,
      name: category.name
    }
  };
}

export function renderServiceDesk(project: Project) {
  return {
    id: project.serviceDeskId,
    projectId: project.id,
    projectName: project.name,
    projectKey: project.key,
    _links: { self: `${SITE_BASE_URL}/rest/servicedeskapi/servicedesk/${project.serviceDeskId}` }
  };
}

export function renderRequestType(project: Project, type: RequestTypeDef) {
  return {
    _expands: ['field'],
    id: type.id,
    _links: { self: `${SITE_BASE_URL}/rest/servicedeskapi/servicedesk/${project.serviceDeskId}/requesttype/${type.id}` },
    name: type.name,
    description: type.description,
    helpText: '',
    issueTypeId: type.issueTypeId,
    serviceDeskId: project.serviceDeskId,
    portalId: project.serviceDeskId,
    groupIds: [] as string[],
    icon: {
      id: '10500',
      _links: { iconUrls: { '48x48': `${SITE_BASE_URL}/rest/api/2/universal_avatar/view/type/SD_REQTYPE/avatar/10500?size=large` } }
    }
  };
}

function currentStatus(issue: IssueRecord, now: number) {
  const status = statusById(issue.fields.statusId);
  return { status: status.name, statusCategory: status.category.toUpperCase(), statusDate: serviceDeskDate(issue.updated, now) };
}

function requestLinks(project: Project, issue: IssueRecord) {
  return {
    jiraRest: `${SITE_BASE_URL}/rest/api/2/issue/${issue.id}`,
    web: `${SITE_BASE_URL}/servicedesk/customer/portal/${project.serviceDeskId}/${issue.key}`,
    agent: `${SITE_BASE_URL}/browse/${issue.key}`,
    self: `${SITE_BASE_URL}/rest/servicedeskapi/request/${issue.id}`
  };
}

/** The Request Type field (`customfield_10010`) on a platform issue. */
export function renderRequestTypeValue(_state: SiteState, issue: IssueRecord, project: Project, now: number) {
  const type = project.requestTypes.find((t) => t.id === issue.requestTypeId);
  if (!type) return null;
  return { _links: requestLinks(project, issue), requestType: renderRequestType(project, type), currentStatus: currentStatus(issue, now) };
}

/** `CustomerRequest`, as POST /request answers. */
export function renderCustomerRequest(state: SiteState, issue: IssueRecord, project: Project, now: number) {
  const reporter = issue.fields.reporter ? renderServiceDeskUser(knownUser(state, issue.fields.reporter)) : undefined;
  const fieldValues: Array<{ fieldId: string; label: string; value: unknown; renderedValue?: { html: string } }> = [
    { fieldId: 'summary', label: 'Summary', value: issue.fields.summary }
  ];
  if (issue.fields.description) {
    const text = adfToText(issue.fields.description);
    fieldValues.push({ fieldId: 'description', label: 'Description', value: text, renderedValue: { html: `<p>${escapeHtml(text)}</p>` } });
  }
  return {
    _expands: ['participant', 'status', 'sla', 'requestType', 'serviceDesk', 'attachment', 'action', 'comment'],
    issueId: issue.id,
    issueKey: issue.key,
    requestTypeId: issue.requestTypeId ?? '',
    serviceDeskId: project.serviceDeskId,
    createdDate: serviceDeskDate(issue.created, now),
    ...(reporter ? { reporter } : {}),
    requestFieldValues: fieldValues,
    currentStatus: currentStatus(issue, now),
    _links: requestLinks(project, issue)
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br/>');
}
