// Entry point of the web language server: a Web Worker started by the web client (vscode.dev,
// github.dev, code-server's web extension host). Files come through the editor (web-environment.ts).

import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { PlanLanguageServer } from './server';
import { webEnvironment } from './web-environment';

// The worker's global scope (the project compiles without the DOM library).
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0];

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
new PlanLanguageServer(connection, webEnvironment(connection)).start();
