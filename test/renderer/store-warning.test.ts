import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sayCoded } from '../../renderer/app/coded.ts';
import { chooseLanguage } from '../../renderer/app/language.ts';
import { notStoredWarning } from '../../service/run-store/store-warnings.ts';
import { useTempDir } from '../helpers/tmp.ts';
import { loadCatalogue } from '../../renderer/app/catalogues.ts';

// Chinese is a chunk of its own (renderer/app/catalogues.ts): loaded once here, so chooseLanguage switches within its call.
beforeAll(() => loadCatalogue('zh-CN'));

/** Why a finished run was not kept in the run store, said in both languages (a real SQLite busy error, and another reason passed on as SQLite wrote it). */

const tempDir = useTempDir();

describe('the run store’s warning by code', () => {
  afterEach(() => chooseLanguage('en'));

  it('a workspace another connection holds for writing: busy, in English and in Chinese', () => {
    const file = join(tempDir(), 'ws.sqlite');
    const holder = new Database(file);
    const writer = new Database(file, { timeout: 0 });
    try {
      holder.exec('CREATE TABLE t (x INTEGER); BEGIN IMMEDIATE');
      let error: unknown = null;
      try {
        writer.exec('INSERT INTO t VALUES (1)');
      } catch (caught) {
        error = caught;
      }
      const warning = notStoredWarning(error);
      expect(warning.code).toBe('runStore.notStoredBusy');
      expect(warning.message).toBe(
        'The run was not stored in the workspace (the workspace was busy: an import or another program was writing to it for more than 5 s); its results below are complete',
      );
      void chooseLanguage('zh-CN');
      expect(sayCoded(warning)).toBe('本次运行未保存到工作区（工作区繁忙：导入或其他程序写入超过 5 秒）；下方结果完整。');
    } finally {
      holder.exec('ROLLBACK');
      writer.close();
      holder.close();
    }
  });

  it('another reason as SQLite wrote it, inside the sentence of the chosen language', () => {
    const warning = notStoredWarning(new Error('database or disk is full'));
    expect(sayCoded(warning)).toBe('The run was not stored in the workspace (database or disk is full); its results below are complete.');
    void chooseLanguage('zh-CN');
    expect(sayCoded(warning)).toBe('本次运行未保存到工作区（database or disk is full）；下方结果完整。');
  });
});
