export const store = { name: 'store via @/store' };
