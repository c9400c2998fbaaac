/**
 * JSM's answers as zod schemas written from JSM's REST reference (`ServiceDeskDTO`,
 * `RequestTypeDTO`, `CustomerRequestDTO`, `CommentDTO`, `PagedDTO`, `ErrorResponse`). jira.js 5.4
 * types these (with `_links` renamed `Links`) but has no zod schemas. Strict, like the spec's DTOs.
 */
import { z } from 'zod';

export const ServiceDeskDate = z.strictObject({ iso8601: z.string(), jira: z.string(), friendly: z.string(), epochMillis: z.number().int() });

export const ServiceDeskUser = z.strictObject({
  accountId: z.string(), name: z.string().optional(), key: z.string().optional(), emailAddress: z.string().optional(),
  displayName: z.string(), active: z.boolean(), timeZone: z.string(),
  _links: z.strictObject({ jiraRest: z.string(), avatarUrls: z.record(z.string(), z.string()), self: z.string() })
});

export const ServiceDesk = z.strictObject({
  id: z.string(), projectId: z.string(), projectName: z.string(), projectKey: z.string(), _links: z.strictObject({ self: z.string() })
});

export const RequestType = z.strictObject({
  _expands: z.array(z.string()), id: z.string(), _links: z.strictObject({ self: z.string() }), name: z.string(), description: z.string(),
  helpText: z.string(), issueTypeId: z.string(), serviceDeskId: z.string(), portalId: z.string(), groupIds: z.array(z.string()),
  icon: z.strictObject({ id: z.string(), _links: z.strictObject({ iconUrls: z.record(z.string(), z.string()) }) })
});

const RequestLinks = z.strictObject({ jiraRest: z.string(), web: z.string(), agent: z.string(), self: z.string() });

export const CustomerRequestStatus = z.strictObject({ status: z.string(), statusCategory: z.enum(['NEW', 'INDETERMINATE', 'DONE', 'UNDEFINED']), statusDate: ServiceDeskDate });

export const CustomerRequest = z.strictObject({
  _expands: z.array(z.string()), issueId: z.string(), issueKey: z.string(), requestTypeId: z.string(), serviceDeskId: z.string(),
  createdDate: ServiceDeskDate, reporter: ServiceDeskUser.optional(),
  requestFieldValues: z.array(z.strictObject({ fieldId: z.string(), label: z.string(), value: z.unknown(), renderedValue: z.strictObject({ html: z.string() }).optional() })),
  currentStatus: CustomerRequestStatus, _links: RequestLinks
});

/** The platform's Request Type field value (`customfield_10010`), which embeds JSM objects. */
export const RequestTypeFieldValue = z.strictObject({ _links: RequestLinks, requestType: RequestType, currentStatus: CustomerRequestStatus });

export const RequestComment = z.strictObject({
  _expands: z.array(z.string()), id: z.string(), body: z.string(), public: z.boolean(), author: ServiceDeskUser,
  created: ServiceDeskDate, _links: z.strictObject({ self: z.string() })
});

export const paged = <T extends z.ZodType>(item: T) =>
  z.strictObject({
    size: z.number().int(), start: z.number().int(), limit: z.number().int(), isLastPage: z.boolean(), values: z.array(item),
    _expands: z.array(z.string()).optional(),
    _links: z.strictObject({ base: z.string(), context: z.string(), self: z.string(), next: z.string().optional(), prev: z.string().optional() })
  });

export const PagedServiceDesk = paged(ServiceDesk);
export const PagedRequestType = paged(RequestType);
export const PagedRequestComment = paged(RequestComment);
export const PagedUser = paged(ServiceDeskUser);

export const ServiceDeskError = z.strictObject({ errorMessage: z.string(), i18nErrorMessage: z.strictObject({ i18nKey: z.string(), parameters: z.array(z.string()) }) });
