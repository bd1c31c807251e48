import { z } from 'zod';
import { booleanInput, choiceInput } from './inputs.js';
import type { FailOn } from './report.js';

/**
 * Inputs every action shares: how its report is published and when the step fails. Spread into
 * each action's input schema; action.yml declares them too (the agreement test checks it).
 */
export function reportingInputs(action: string, failOn: 'findings' | 'verdict' = 'findings') {
  return {
    'fail-on':
      failOn === 'findings'
        ? choiceInput('fail-on', ['error', 'warning', 'never'] as const)
            .prefault('error')
            .describe('Which findings fail the step: error, warning (errors and warnings) or never.')
        : choiceInput('fail-on', ['fail', 'inconclusive', 'never'] as const)
            .prefault('fail')
            .describe('Which verdicts fail the step: fail, inconclusive (fail or inconclusive) or never.'),
    'report-path': z.string().prefault(`mlops-reports/${action}.json`).describe('Where to write the JSON report, relative to the workspace.'),
    'github-token': z.string().optional().describe('Token for the pull-request comment and check run; defaults to the job token.'),
    comment: booleanInput('comment').prefault('true').describe('Post or update one sticky comment on the pull request.'),
    'check-run': booleanInput('check-run').prefault('false').describe('Also create a check run with the report.'),
    'upload-report': choiceInput('upload-report', ['auto', 'always', 'never'] as const)
      .prefault('auto')
      .describe('Upload the report as an artifact: auto (when the summary is cut or the token is read-only), always or never.'),
  };
}

export interface ReportingOptions {
  failOn: FailOn;
  reportPath: string;
  githubToken?: string;
  comment: boolean;
  checkRun: boolean;
  uploadReport: 'auto' | 'always' | 'never';
}

export function reportingOptions(inputs: {
  'fail-on': FailOn;
  'report-path': string;
  'github-token'?: string;
  comment: boolean;
  'check-run': boolean;
  'upload-report': 'auto' | 'always' | 'never';
}): ReportingOptions {
  return {
    failOn: inputs['fail-on'],
    reportPath: inputs['report-path'],
    githubToken: inputs['github-token'],
    comment: inputs.comment,
    checkRun: inputs['check-run'],
    uploadReport: inputs['upload-report'],
  };
}
