// The simulator's stand-in for WhatsApp's template review. It keeps no state: the content SID it hands out
// carries when the template was submitted and what the review will decide, so the server that submits and the
// worker that polls agree without sharing memory. A body containing "simulate reject" is rejected; every other
// template is approved, each after REVIEW_MS.
import { randomBytes } from 'node:crypto';
import type { ApprovalStatus, WireContentCreateRequest } from '../../templates/twilio-content.ts';

export const SIMULATED_REVIEW_MS = 3000;
export const SIMULATED_REJECTION = 'Simulated review: the body asks for a rejection ("simulate reject")';

const APPROVE = '1';
const REJECT = '0';

function bodyOf(request: WireContentCreateRequest): string {
  return Object.values(request.types)
    .map((type) => (type && 'body' in type ? String(type.body) : ''))
    .join(' ');
}

/** HX + 12 hex digits of the submission time (ms) + the decision + 19 random hex digits: 34 characters like Twilio's. */
export function simulatedContentSid(request: WireContentCreateRequest, nowMs: number): string {
  const decision = /simulate reject/i.test(bodyOf(request)) ? REJECT : APPROVE;
  return `HX${nowMs.toString(16).padStart(12, '0')}${decision}${randomBytes(10).toString('hex').slice(0, 19)}`;
}

export function simulatedReview(contentSid: string, nowMs: number): ApprovalStatus {
  const submittedAt = Number.parseInt(contentSid.slice(2, 14), 16);
  if (!/^HX[0-9a-f]{32}$/.test(contentSid) || !Number.isFinite(submittedAt)) {
    return { status: 'rejected', rejectionReason: 'The simulator does not know this content', whatsappStatus: 'rejected' };
  }
  if (nowMs - submittedAt < SIMULATED_REVIEW_MS) return { status: 'pending', rejectionReason: null, whatsappStatus: 'pending' };
  return contentSid[14] === REJECT
    ? { status: 'rejected', rejectionReason: SIMULATED_REJECTION, whatsappStatus: 'rejected' }
    : { status: 'approved', rejectionReason: null, whatsappStatus: 'approved' };
}
