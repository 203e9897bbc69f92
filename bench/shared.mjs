// Bench data comes from the built core, so what is measured is what hosts ship.
export { generateAgents, seededRandom } from '../packages/core/dist/memory/index.js';
