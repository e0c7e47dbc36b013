import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DealFile } from '../../service/api/contract.ts';
import { readDealFile } from '../../service/files/deal-file.ts';
import { dealRunOf } from '../../service/jobs/job-manager.ts';
import { Service } from '../../service/service.ts';
import { runName } from '../../renderer/app/run-name.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { REPO_ROOT } from '../helpers/repo.ts';
import { useTempDir } from '../helpers/tmp.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/** A generated run name travels by code from the real run store to runs.list, and leaves it when the analyst names the run. */

const tempDir = useTempDir();
const deal: DealFile = readDealFile(JSON.parse(readFileSync(join(REPO_ROOT, 'templates', 'deals', 'us-auto-oc-turbo.json'), 'utf8')));

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

describe('run names in the run store, by code', () => {
  it('a generated name lists with its code (said in Chinese), a typed one and a renamed one as typed', async () => {
    const service = new Service({ transport: 'test' });
    try {
      await value(service.call('workspace.open', { path: join(tempDir(), 'ws.sqlite') }));
      for (const request of [{ deal }, { deal, scenarioOverrides: { defaultMultiplier: 2 }, runName: '我的压力测试' }]) {
        const job = await value(service.call('deal.run', request));
        expect(dealRunOf(await service.jobs.wait(job.id))?.stored?.runId).not.toBeNull();
      }
      const [typed, generated] = await value(service.call('runs.list', {}));
      expect(generated?.name).toBe(`${deal.name} on its own pool — deal’s scenario`);
      expect(generated?.nameCoded).toMatchObject({ code: 'runName.deal', params: { deal: deal.name, pool: { code: 'runName.ownPool' }, scenario: { code: 'runName.dealScenario' } } });
      expect(typed).toMatchObject({ name: '我的压力测试' });
      expect(typed?.nameCoded).toBeUndefined();

      void chooseLanguage('zh-CN');
      expect(generated && runName(generated)).toBe(`${deal.name}（交易自带资产池）— 交易文件情景`);
      expect(typed && runName(typed)).toBe('我的压力测试');

      await value(service.call('runs.rename', { id: generated?.id ?? 0, name: 'Base case' }));
      const renamed = (await value(service.call('runs.list', {}))).find((r) => r.id === generated?.id);
      expect(renamed?.nameCoded).toBeUndefined();
      expect(renamed && runName(renamed)).toBe('Base case');
    } finally {
      void chooseLanguage('en');
      await service.close();
    }
  });
});
