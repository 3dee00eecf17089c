// Entry point of the desktop language server (Node; the web build starts from browser-main.ts). VS Code starts it over IPC (--node-ipc); other editors use
// `par-plan-language-server --stdio`.

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { nodeEnvironment } from './node-environment';
import { PlanLanguageServer } from './server';

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.some((arg) => transports.some((t) => arg.startsWith(t)))) process.argv.push('--stdio');

new PlanLanguageServer(createConnection(ProposedFeatures.all), nodeEnvironment()).start();
