import { startDesktopApp } from './desktop-app';

void startDesktopApp();
