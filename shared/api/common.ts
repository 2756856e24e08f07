// Argument pieces and results that channels of several domains share.
import { z } from 'zod';

export const adcode = z.string().regex(/^\d{6}$/, 'must be a six-digit administrative code');
export const none = z.object({}).strict();
export const id = z.number().int().positive();
export const provinceFilter = z.object({ provinceAdcode: adcode.optional(), cityId: id.optional() }).strict();
export const jobId = z.object({ jobId: z.string().uuid() }).strict();
export const fileFormat = z.enum(['csv', 'xlsx']);
export const language = z.enum(['zh-CN', 'en']);

/** A file made by the core for the user to save; bytes as base64 so that both transports carry it as JSON. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  base64: string;
}
