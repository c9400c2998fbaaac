/**
 * The demo site of `npm start` and of the tests: two service spaces, one created after the app
 * was installed (SUP, live chat on by default) and one before (HR, off by default), a Support
 * team for SUP's Team field, agents, space admins, a site admin and two portal customers.
 * Account ids are readable stand-ins for Atlassian's opaque ones.
 */
import type { SiteFixture, SiteUser } from './site-model';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The demo's history is relative to the moment its site is made (`now`, virtual time), so it
 * reads the same on any date: the app was installed 30 days before, SUP created after that
 * (8 days before now), HR long before (about 20 months).
 */
export function demoAppInstalledAt(now: number): number {
  return now - 30 * DAY_MS;
}

export const SUPPORT_TEAM_ID = '0d3d8c8e-5f2a-4b6e-9a43-1c2b7f0e5a11';

/** The request type the demo uses for chat work items in SUP. */
export const SUP_CHAT_REQUEST_TYPE_ID = '10';

const SERVICE_REQUEST = '10003';
const INCIDENT = '10004';

function staff(accountId: string, displayName: string, email: string, timeZone = 'Europe/London'): SiteUser {
  return { accountId, displayName, emailAddress: `${email}@acme-corp.example`, accountType: 'atlassian', active: true, timeZone };
}

/** An agent the tests, the bench and the soak add to the site beside the demo's: its email is its account id. */
export function extraStaff(accountId: string, displayName = accountId, timeZone = 'UTC'): SiteUser {
  return staff(accountId, displayName, accountId, timeZone);
}

function customer(accountId: string, displayName: string, email: string, emailVisible = true): SiteUser {
  return {
    accountId,
    displayName,
    emailAddress: email,
    accountType: 'customer',
    active: true,
    timeZone: 'America/New_York',
    ...(emailVisible ? {} : { emailVisible: false })
  };
}

export function demoSite(now: number): SiteFixture {
  return {
    users: [
      staff('admin', 'Morgan Lee', 'morgan.lee'),
      staff('admin-sup', 'Priya Shah', 'priya.shah'),
      staff('admin-hr', 'Tomás García', 'tomas.garcia', 'Europe/Madrid'),
      staff('agent-ana', 'Ana Souza', 'ana.souza', 'America/Sao_Paulo'),
      staff('agent-ben', 'Ben Carter', 'ben.carter'),
      staff('agent-chen', 'Chen Wei', 'chen.wei', 'Asia/Singapore'),
      staff('agent-hana', 'Hana Kobayashi', 'hana.kobayashi', 'Asia/Tokyo'),
      customer('customer-dana', 'Dana Whitfield', 'dana.whitfield@example.net'),
      // Eli's profile hides the email address (profile visibility): nobody but Eli sees it.
      customer('customer-eli', 'Eli Novak', 'eli.novak@example.org', false)
    ],
    siteAdmins: ['admin'],
    teams: [{ id: SUPPORT_TEAM_ID, displayName: 'Support team', members: ['agent-ana', 'agent-ben', 'agent-chen'] }],
    projects: [
      {
        id: '10000',
        key: 'HR',
        name: 'Human resources',
        projectTypeKey: 'service_desk',
        createdAt: now - 600 * DAY_MS,
        leadAccountId: 'admin-hr',
        roles: {
          Administrators: ['admin-hr'],
          'Service Desk Team': ['agent-hana', 'agent-ben'],
          'Service Desk Customers': ['customer-dana', 'customer-eli']
        },
        serviceDeskId: '1',
        requestTypes: [
          {
            id: '20',
            name: 'Ask a question',
            description: 'Ask HR anything about policies, pay or benefits.',
            issueTypeId: SERVICE_REQUEST
          },
          { id: '21', name: 'Request time off', description: 'Book leave or ask about your allowance.', issueTypeId: SERVICE_REQUEST },
          { id: '22', name: 'Chat with HR', description: 'A live conversation with the HR team.', issueTypeId: SERVICE_REQUEST }
        ]
      },
      {
        id: '10001',
        key: 'SUP',
        name: 'Support',
        projectTypeKey: 'service_desk',
        createdAt: now - 8 * DAY_MS,
        leadAccountId: 'admin-sup',
        roles: {
          Administrators: ['admin-sup'],
          'Service Desk Team': ['agent-ana', 'agent-ben', 'agent-chen'],
          'Service Desk Customers': ['customer-dana', 'customer-eli']
        },
        serviceDeskId: '2',
        requestTypes: [
          { id: SUP_CHAT_REQUEST_TYPE_ID, name: 'Chat', description: 'A live chat with a support agent.', issueTypeId: SERVICE_REQUEST },
          {
            id: '11',
            name: 'Get IT help',
            description: 'Get assistance for general IT problems and questions.',
            issueTypeId: SERVICE_REQUEST
          },
          { id: '12', name: 'Report a system problem', description: 'Let us know if something is broken.', issueTypeId: INCIDENT }
        ]
      }
    ]
  };
}
