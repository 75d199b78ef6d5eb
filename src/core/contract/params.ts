/**
 * Node params: parsing with defaults, reading `.meta()`, and turning zod issues into sentences an
 * analyst understands.
 */
import { z } from 'zod';
import type { NodeDef, ParamMeta } from './node';
import type { Text } from './i18n';

/** The metadata of one param of a node type (title, widget…), or `{}`. */
export function paramMeta(def: NodeDef, key: string): ParamMeta {
  const field = def.params.shape[key] as z.ZodType | undefined;
  return ((field?.meta?.() as ParamMeta | undefined) ?? {}) as ParamMeta;
}

/** The param's title in English and Vietnamese, or its key. */
export function paramTitle(def: NodeDef, key: string): Text {
  return paramMeta(def, key).label ?? { en: key, vi: key };
}

const show = (v: unknown) => (typeof v === 'string' ? `"${v}"` : JSON.stringify(v));

/** One zod issue as a sentence in both languages, naming the param by its title. */
export function describeIssue(def: NodeDef, issue: z.core.$ZodIssue, value: unknown): Text {
  const key = String(issue.path[0] ?? '');
  const title = key ? paramTitle(def, key) : { en: 'the settings', vi: 'phần cài đặt' };
  const en = `"${title.en}"`,
    vi = `"${title.vi}"`;
  const got = key && value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  const gotEn = got === undefined ? '' : ` (it is ${show(got)})`;
  const gotVi = got === undefined ? '' : ` (đang là ${show(got)})`;
  switch (issue.code) {
    case 'invalid_type': {
      const names: Record<string, [string, string]> = {
        number: ['a number', 'một số'],
        int: ['a whole number', 'một số nguyên'],
        string: ['text', 'văn bản'],
        boolean: ['yes or no', 'có hoặc không'],
        array: ['a list', 'một danh sách'],
        object: ['a set of values', 'một nhóm giá trị'],
      };
      const [e, v] = names[issue.expected] ?? [issue.expected, issue.expected];
      return { en: `${en} must be ${e}${gotEn}.`, vi: `${vi} phải là ${v}${gotVi}.` };
    }
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') {
        return {
          en: `${en} needs at least ${issue.minimum} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}.`,
          vi: `${vi} cần ít nhất ${issue.minimum} ${issue.origin === 'array' ? 'mục' : 'ký tự'}.`,
        };
      }
      return { en: `${en} must be at least ${issue.minimum}${gotEn}.`, vi: `${vi} phải lớn hơn hoặc bằng ${issue.minimum}${gotVi}.` };
    case 'too_big':
      if (issue.origin === 'array' || issue.origin === 'string') {
        return {
          en: `${en} allows at most ${issue.maximum} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}.`,
          vi: `${vi} chỉ cho phép tối đa ${issue.maximum} ${issue.origin === 'array' ? 'mục' : 'ký tự'}.`,
        };
      }
      return { en: `${en} must be at most ${issue.maximum}${gotEn}.`, vi: `${vi} phải nhỏ hơn hoặc bằng ${issue.maximum}${gotVi}.` };
    case 'invalid_value':
      return {
        en: `${en} must be one of ${issue.values.map(show).join(', ')}${gotEn}.`,
        vi: `${vi} phải là một trong ${issue.values.map(show).join(', ')}${gotVi}.`,
      };
    case 'invalid_union':
      return { en: `${en} has a value that is not allowed${gotEn}.`, vi: `${vi} có giá trị không hợp lệ${gotVi}.` };
    case 'unrecognized_keys':
      return { en: `Unknown setting(s): ${issue.keys.join(', ')}.`, vi: `Cài đặt không tồn tại: ${issue.keys.join(', ')}.` };
    default:
      return { en: `${en}: ${issue.message}.`, vi: `${vi}: ${issue.message}.` };
  }
}

export type ParamsResult = { ok: true; params: Record<string, unknown> } | { ok: false; problems: Text[] };

/** Parses a node's params with its schema; unknown keys are refused so that typos are caught. */
export function parseParams(def: NodeDef, raw: Record<string, unknown>): ParamsResult {
  const unknownKeys = Object.keys(raw).filter((k) => !(k in def.params.shape));
  const parsed = def.params.safeParse(raw);
  const problems: Text[] = [];
  if (unknownKeys.length) {
    problems.push({
      en: `Unknown setting(s) ${unknownKeys.map(show).join(', ')}; this node has ${Object.keys(def.params.shape).map(show).join(', ') || 'no settings'}.`,
      vi: `Cài đặt không tồn tại ${unknownKeys.map(show).join(', ')}; nút này có ${Object.keys(def.params.shape).map(show).join(', ') || 'không có cài đặt nào'}.`,
    });
  }
  if (!parsed.success) for (const issue of parsed.error.issues) problems.push(describeIssue(def, issue, raw));
  if (problems.length) return { ok: false, problems };
  return { ok: true, params: parsed.data as Record<string, unknown> };
}
