// Every integration suite; runner.ts imports this after exposing mocha's globals.
import './diagnostics.test';
import './languageFeatures.test';
import './codeActions.test';
import './commands.test';
import './markdown.test';
import './workspaceFiles.test';
import './insights.test';
import './repositoryEvents.test';
import './trustedPatterns.test';
import './responsiveness.test';
