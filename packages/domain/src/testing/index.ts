export * from './fake-twilio.ts';
export * from './legacy-secrets.ts';
export * from './sending-company.ts';
export * from './test-database.ts';
export * from './test-services.ts';
