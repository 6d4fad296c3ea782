import { readConfig } from 'node-only';

export default readConfig;
