/** Date columns recognised on real exports, as the pickers offer them (first 200 rows read). */
import { readFileSync } from 'node:fs';
import type { Table } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import ingestFile from '../../../../nodes/ingest.file';
import { describeColumns } from '../../../../src/core/table/column-hints';
import { runNode } from '../../../helpers/run-node';
import { sharedData } from '../../../helpers/shared-data';

const FILES = {
  marketing: 'marketing_campaign_customer_personality/marketing_campaign.csv',
  live: 'fb_live_sellers_thailand/Live.csv',
  college: 'snap_college_msg/CollegeMsg.txt',
  instagram: 'instagram_post_metrics/Instagram data.csv',
  amazon: 'amazon_qa_appliances/qa_Appliances.csv',
  pfizer: 'pfizer_vaccine_tweets/vaccination_tweets.csv',
};
const data = sharedData(...Object.values(FILES));

async function dateColumns(file: string, bytes: Uint8Array = readFileSync(data.path(file))): Promise<string[]> {
  const { outputs } = await runNode(ingestFile, {}, { path: file }, { files: { [file]: bytes } });
  return describeColumns(outputs.out as Table)
    .filter((c) => c.dates)
    .map((c) => c.name);
}

describe.skipIf(!data.available)('date columns of real files', () => {
  it('marketing_campaign: Dt_Customer, and no numeric column (ID, Year_Birth, Income…)', async () => {
    expect(await dateColumns(FILES.marketing)).toEqual(['Dt_Customer']);
  });
  it('Live.csv: status_published ("4/22/2018 6:00"), not status_id', async () => {
    expect(await dateColumns(FILES.live)).toEqual(['status_published']);
  });
  it('CollegeMsg: the epoch-seconds "time", not the ids src and dst', async () => {
    // The file separates its values with spaces, which the reader does not split on: commas instead.
    const commas = new TextEncoder().encode(readFileSync(data.path(FILES.college), 'utf8').replaceAll(' ', ','));
    expect(await dateColumns(FILES.college, commas)).toEqual(['time']);
  });
  it('Instagram: "Date" (ISO days)', async () => {
    expect(await dateColumns(FILES.instagram)).toEqual(['Date']);
  });
  it('Amazon Q&A: the epoch "unixTime"; "Jun 27, 2014" is not a form the reader knows, so answerTime is not offered', async () => {
    expect(await dateColumns(FILES.amazon)).toEqual(['unixTime']);
  });
  it('Pfizer tweets: user_created and date ("2020-12-20 06:06:44"), not the 19-digit id', async () => {
    expect(await dateColumns(FILES.pfizer)).toEqual(['user_created', 'date']);
  });
});
