/** The page's calls to its server: the per-run token as a header on every call, JSON both ways. */
const token = document.querySelector<HTMLMetaElement>('meta[name="repere-page-token"]')!.content;

export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { 'X-Repere-Token': token } });
  return (await response.json()) as T;
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'X-Repere-Token': token, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  return (await response.json()) as T;
}
