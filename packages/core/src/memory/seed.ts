import type { Access, Agent, AgentRole, AgentStatus, Conversation, EndUser } from '../types';

/** Small deterministic PRNG (mulberry32): the same seed always gives the same directory. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST_NAMES = [
  'Janek',
  'Jasper',
  'Jamal',
  'James',
  'Amélie',
  'Ana',
  'Anders',
  'Ángel',
  'Aiko',
  'Beatriz',
  'Björn',
  'Carlos',
  'Chloé',
  'Dmitri',
  'Élodie',
  'Emma',
  'Fatima',
  'François',
  'Grace',
  'Hana',
  'Ines',
  'Ivan',
  'José',
  'Kenji',
  'Lars',
  'Léa',
  'Liam',
  'Lucía',
  'Maya',
  'Mohammed',
  'Noah',
  'Olga',
  'Omar',
  'Priya',
  'Rafael',
  'Renée',
  'Sofía',
  'Søren',
  'Tomás',
  'Yara',
  'Zoë',
  'Zeynep',
  'Wei',
  'Nadia',
];
const LAST_NAMES = [
  'Andersen',
  'Álvarez',
  'Bauer',
  'Brontë',
  'Chen',
  'Dubois',
  'Dvořák',
  'Eriksson',
  'García',
  'Hoffmann',
  'Ibáñez',
  'Janssen',
  'Kowalski',
  'Larsen',
  'Lefèvre',
  'Müller',
  'Nakamura',
  'Novák',
  'Okafor',
  'Öztürk',
  'Patel',
  'Pérez',
  'Quinn',
  'Rossi',
  'Šimková',
  'Silva',
  'Tanaka',
  'Urban',
  'Van Dijk',
  'Weiß',
  'Yilmaz',
  'Zhang',
  'Doe',
  'Nguyen',
  'Kim',
  'Haddad',
];
const ROLES: readonly AgentRole[] = [
  'agent',
  'agent',
  'agent',
  'admin',
  'light-agent',
  'contributor',
  'chat-only-agent',
];
const STATUSES: readonly AgentStatus[] = ['online', 'away', 'offline'];

const TEAMS = ['Billing', 'Shipping', 'Tier 2', 'Returns', 'Onboarding', 'Enterprise'];

/** `Team · first.last@example.com`, so agents who share a name can be told apart. */
const detailFor = (name: string, team: string, suffix = '') =>
  `${team} · ${name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '.')}${suffix}@example.com`;

/** A directory of `count` generated agents (ids `gen-N`), for stories and benchmarks. */
export function generateAgents(count: number, seed = 1): Agent[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, index) => {
    const name = `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`;
    return {
      kind: 'agent' as const,
      id: `gen-${index}`,
      name,
      role: pick(ROLES),
      status: pick(STATUSES),
      detail: detailFor(name, TEAMS[index % TEAMS.length]!, `.${index}`),
    };
  });
}

const agent = (
  id: string,
  name: string,
  role: AgentRole,
  status: AgentStatus = 'online',
): Agent => ({
  kind: 'agent',
  id,
  name,
  role,
  status,
  detail: detailFor(name, 'Support'),
});

/** The people the stories and tests talk about by name. */
export const demoAgents = {
  sam: agent('agent-sam', 'Sam Rivera', 'agent'),
  jane: agent('agent-jane', 'Jane Doe', 'agent', 'offline'),
  ada: agent('agent-ada', 'Ada Lindqvist', 'admin'),
  jamie: agent('agent-jamie', 'Jamie Okafor', 'agent', 'away'),
  nora: agent('agent-nora', 'Nora Blake', 'agent'),
  lee: agent('agent-lee', 'Lee Park', 'light-agent'),
  cora: agent('agent-cora', 'Cora Mills', 'contributor'),
  chad: agent('agent-chad', 'Chad Ito', 'chat-only-agent'),
} as const;

export const demoEndUsers: readonly EndUser[] = [
  { kind: 'end-user', id: 'user-janet', name: 'Janet Customer' },
  { kind: 'end-user', id: 'user-jan', name: 'Jan Kowalczyk' },
  { kind: 'end-user', id: 'user-maria', name: 'María Shopper' },
];

const conversation = (
  id: string,
  fields: Partial<Conversation> & Pick<Conversation, 'channel' | 'subject'>,
): Conversation => ({
  id,
  requesterId: 'user-janet',
  assigneeId: demoAgents.sam.id,
  followerIds: [],
  access: {},
  defaultAccess: 'edit',
  messages: [],
  version: 1,
  ...fields,
});

const noAccessForNora: Record<string, Access> = { [demoAgents.nora.id]: 'none' };

export const demoConversations: readonly Conversation[] = [
  conversation('conv-refund', {
    channel: 'messaging',
    subject: 'Refund for order #4821',
    followerIds: [demoAgents.ada.id],
    access: noAccessForNora,
  }),
  conversation('conv-printer', {
    channel: 'ticket',
    subject: 'Printer will not connect',
    assigneeId: demoAgents.ada.id,
    access: noAccessForNora,
  }),
  conversation('conv-live', { channel: 'live-chat', subject: 'Where is my parcel?' }),
  conversation('conv-readonly', {
    channel: 'messaging',
    subject: 'Invoice address change',
    assigneeId: demoAgents.ada.id,
    defaultAccess: 'view',
  }),
];

/** A few hundred agents across every role, with the named demo agents first. */
export function demoDirectory(size = 300): Agent[] {
  return [...Object.values(demoAgents), ...generateAgents(size - Object.keys(demoAgents).length)];
}
