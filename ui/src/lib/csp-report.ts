// Content-Security-Policy violations seen by this window, kept for diagnosis: logged to the
// console and collected in `window.__raccordoCspViolations`, which the end-to-end XSS battery
// reads to prove that no injected string even tried to run. The CSP itself does the blocking.

export interface CspViolation {
  directive: string;
  blocked: string;
  sample: string;
}

declare global {
  interface Window {
    __raccordoCspViolations?: CspViolation[];
  }
}

export function recordCspViolations(target: Window = window): void {
  const seen: CspViolation[] = [];
  target.__raccordoCspViolations = seen;
  target.document.addEventListener('securitypolicyviolation', (event) => {
    const v = { directive: event.violatedDirective, blocked: event.blockedURI, sample: event.sample };
    seen.push(v);
    console.warn('CSP violation', v);
  });
}
