// The console's screens, in navigation order. Screens a later release delivers say so instead of showing fake data.
export const SCREENS = [
  { id: 'agents', label: 'Agents', icon: '◉' },
  { id: 'templates', label: 'Templates', icon: '▤' },
  { id: 'leads', label: 'Leads', icon: '☰' },
  { id: 'conversations', label: 'Conversations', icon: '✉' },
  { id: 'campaigns', label: 'Campaigns', icon: '➤' },
  { id: 'analytics', label: 'Analytics', icon: '▦' },
  { id: 'settings', label: 'Settings', icon: '⚙' },
] as const;
export type ScreenId = (typeof SCREENS)[number]['id'];
