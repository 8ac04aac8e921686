// Where `pnpm start` asks the server whether it is ready: /readyz wherever the server serves it (its internal
// METRICS_PORT listener, or the public one, behind METRICS_TOKEN when set). A production-like run that serves
// /readyz nowhere is waited for on /healthz, which answers once the server has migrated and listens.
export interface ReadinessProbe {
  url: string;
  headers: Record<string, string>;
}

export function readinessProbe(serverUrl: string, env: NodeJS.ProcessEnv): ReadinessProbe {
  const headers: Record<string, string> = env.METRICS_TOKEN ? { authorization: `Bearer ${env.METRICS_TOKEN}` } : {};
  if (env.METRICS_PORT) return { url: `http://${env.METRICS_HOST || '127.0.0.1'}:${env.METRICS_PORT}/readyz`, headers };
  if (env.METRICS_TOKEN || env.NODE_ENV === 'development' || env.NODE_ENV === 'test') return { url: `${serverUrl}/readyz`, headers };
  return { url: `${serverUrl}/healthz`, headers: {} };
}
