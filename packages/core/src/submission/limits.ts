/**
 * Caps on one stored body (a message or a draft). Generous for a support note, small enough
 * that no body can exhaust a server or a client: every check is iterative and stops at these.
 */
export const BODY_LIMITS = {
  /** Nesting of nodes, the document itself at depth 1 (a list inside a list is 2 more). */
  depth: 24,
  /** Nodes and marks counted together. */
  nodes: 5_000,
  /** Characters of text and mention labels together. */
  textLength: 100_000,
  /** Characters of one attribute (a link, a mention id or label). */
  attrLength: 2_048,
  /** Different agents mentioned in one note (R6: each becomes a follower and is notified). */
  mentions: 50,
} as const;
