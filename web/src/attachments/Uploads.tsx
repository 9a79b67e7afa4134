import { useState } from 'react';
import type { RequestId } from '../api/database';
import { uploadAttachment } from './api';

export interface Upload {
  id: number;
  name: string;
  progress: number;
  error: string | null;
}

let nextUploadId = 1;

/** Uploads files one after another, keeping each one's progress and refusal for display. */
export function useUploads(onDone: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);

  const update = (id: number, change: Partial<Upload>) => {
    setUploads((all) =>
      all.map((upload) => (upload.id === id ? { ...upload, ...change } : upload)),
    );
  };

  const start = async (requestId: RequestId, files: File[], commentId?: number) => {
    const started = files.map((file) => ({ file, id: nextUploadId++ }));
    setUploads((all) => [
      ...all.filter((upload) => upload.error === null && upload.progress < 1),
      ...started.map(({ file, id }) => ({ id, name: file.name, progress: 0, error: null })),
    ]);
    let failed = false;
    for (const { file, id } of started) {
      try {
        await uploadAttachment({
          requestId,
          commentId,
          file,
          onProgress: (progress) => {
            update(id, { progress });
          },
        });
      } catch (failure) {
        failed = true;
        update(id, { error: failure instanceof Error ? failure.message : String(failure) });
      }
    }
    onDone();
    if (!failed) setUploads((all) => all.filter((upload) => upload.error !== null));
  };

  return { uploads, start };
}

export function UploadList({ uploads }: { uploads: Upload[] }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="uploads" aria-label="Uploads">
      {uploads.map((upload) => (
        <li key={upload.id} className={upload.error ? 'upload upload-failed' : 'upload'}>
          <span className="upload-name">{upload.name}</span>
          {upload.error ? (
            <span className="field-error" role="alert">
              {upload.error}
            </span>
          ) : (
            <progress value={upload.progress} max={1} aria-label={`Uploading ${upload.name}`} />
          )}
        </li>
      ))}
    </ul>
  );
}

/** Files from a paste or a drop (a pasted screenshot has no name: give it one). */
export function filesFrom(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).map((file) =>
    file.name && file.name !== 'image.png'
      ? file
      : new File(
          [file],
          `Screenshot ${new Date().toISOString().slice(0, 19).replace('T', ' ')}.png`,
          {
            type: file.type,
          },
        ),
  );
}
