// Entry point of the desktop language server (Node; the web build starts from browser-main.ts). VS Code starts it over IPC (--node-ipc); other editors use
// `par-plan-language-server --stdio`.

import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { injectFaults } from '../engine';
import { nodeEnvironment } from './node-environment';
import { PlanLanguageServer } from './server';

// Test-only: the fault tests make a site throw in this process (test/reliability/faults.test.ts).
injectFaults(process.env.PAR_PLAN_TEST_FAULT);

const transports = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId'];
if (!process.argv.some((arg) => transports.some((t) => arg.startsWith(t)))) process.argv.push('--stdio');

new PlanLanguageServer(createConnection(ProposedFeatures.all), nodeEnvironment()).start();
