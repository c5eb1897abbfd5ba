export { byStationPriority, CREW_RULES, firstRequested } from './crew-rules.js';
export { byPriority, DISPATCH_RULES, edd, fifo, spt } from './dispatch-rules.js';
export { fifoTransport, nearestIdle, TRANSPORT_RULES } from './transport-rules.js';
