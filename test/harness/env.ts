// Runs before every test file (jest `setupFiles`): n8n-core writes its config under
// N8N_USER_FOLDER on first use, so point it at a throwaway folder, never at $HOME.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER = mkdtempSync(join(tmpdir(), 'course-stack-n8n-'));
process.env.N8N_DIAGNOSTICS_ENABLED = 'false';
process.env.N8N_LOG_LEVEL = 'silent';
