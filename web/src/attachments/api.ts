// Files on requests and comments (ADR 0016). The list is a view; the upload is
// the raw file with its metadata in headers, sent with XMLHttpRequest because
// fetch cannot report upload progress; the type and size limits are the
// database's and the front door's — their refusals are shown as they come.
import { queryOptions } from '@tanstack/react-query';
import { db, run } from '../api/client';
import type { Attachment, RequestId } from '../api/database';
import { isRecord } from '../api/errors';

export const attachmentKeys = {
  forRequest: (requestId: RequestId) => ['attachments', requestId] as const,
};

export function attachmentsQuery(requestId: RequestId) {
  return queryOptions({
    queryKey: attachmentKeys.forRequest(requestId),
    queryFn: () =>
      run(
        db()
          .from('attachments')
          .select(
            'id,request_id,comment_id,internal,filename,content_type,is_image,size_bytes,sha256,uploaded_by,uploaded_by_name,created_at,removed_at',
          )
          .eq('request_id', requestId)
          .is('removed_at', null)
          .order('id'),
      ),
  });
}

/**
 * Removes a file's content (its uploader or an admin, `rpc/remove_attachment`);
 * its record and audit entries stay, so the request's history still names it.
 */
export async function removeAttachment(id: Attachment['id']): Promise<void> {
  await run(db().rpc('remove_attachment', { id }));
}

export function downloadUrl(id: Attachment['id']): string {
  return `/rest/rpc/download_attachment?id=${id}`;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Uploads one file; `onProgress` gets 0…1. Rejects with the server's sentence. */
export function uploadAttachment({
  requestId,
  commentId,
  file,
  onProgress,
}: {
  requestId: RequestId;
  commentId?: number;
  file: File;
  onProgress: (fraction: number) => void;
}): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/rest/rpc/upload_attachment');
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.setRequestHeader('Reqstly-Request-Id', String(requestId));
    if (commentId !== undefined) xhr.setRequestHeader('Reqstly-Comment-Id', String(commentId));
    xhr.setRequestHeader('Reqstly-Filename', encodeURIComponent(file.name || 'pasted image'));
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve();
        return;
      }
      reject(new Error(refusal(xhr.status, xhr.responseText, file.name)));
    };
    xhr.onerror = () => {
      reject(new Error(`“${file.name}” could not be sent: the connection failed. Try again.`));
    };
    xhr.send(file);
  });
}

function refusal(status: number, text: string, name: string): string {
  try {
    const body: unknown = JSON.parse(text);
    if (isRecord(body) && typeof body.message === 'string') return body.message;
  } catch {
    // not JSON: fall through to a sentence of our own
  }
  if (status === 401) return 'Your session has ended. Sign in again, then attach the file.';
  if (status === 413) return `“${name}” is larger than attachments may be.`;
  return `“${name}” was not attached (HTTP ${status}).`;
}
