import packageJson from '../package.json';

/** The product's name and version as published, read once from package.json at build time. */
export const productName = 'Messages Workbench';
export const productVersion: string = packageJson.version;
