import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import type { Attachment, RequestId } from '../api/database';
import { describeError } from '../api/errors';
import { useMe } from '../api/me';
import { EmptyState, Loaded, Notice } from '../ui/States';
import { attachmentKeys, attachmentsQuery, downloadUrl, formatSize, removeAttachment } from './api';
import { UploadList, filesFrom, useUploads } from './Uploads';

/** The request's files: thumbnails for images, links for the rest; drop files here to attach. */
export function AttachmentsSection({ requestId }: { requestId: RequestId }) {
  const files = useQuery(attachmentsQuery(requestId));
  const queryClient = useQueryClient();
  const { uploads, start } = useUploads(() => {
    void queryClient.invalidateQueries({ queryKey: attachmentKeys.forRequest(requestId) });
  });
  const [dragging, setDragging] = useState(false);
  const me = useMe();
  const [removal, setRemoval] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });

  // The database decides (uploader or admin); the button only shows where it would.
  const remove = async (file: Attachment) => {
    if (removal.busy) return;
    if (!window.confirm(`Remove “${file.filename}”? Its name stays in the history.`)) return;
    setRemoval({ busy: true, error: null });
    try {
      await removeAttachment(file.id);
      setRemoval({ busy: false, error: null });
    } catch (error) {
      setRemoval({ busy: false, error: `“${file.filename}”: ${describeError(error)}` });
    }
    await queryClient.invalidateQueries({ queryKey: attachmentKeys.forRequest(requestId) });
  };

  const drop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    setDragging(false);
    const dropped = filesFrom(event.dataTransfer.files);
    if (dropped.length > 0) void start(requestId, dropped);
  };

  return (
    <section
      aria-labelledby="files-heading"
      className={dragging ? 'card dropzone dropzone-active' : 'card dropzone'}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={drop}
    >
      <h2 id="files-heading">Files</h2>
      {removal.error && <Notice tone="error">{removal.error}</Notice>}
      <Loaded query={files} loadingLabel="Loading files…">
        {(rows) =>
          rows.length === 0 ? (
            <EmptyState title="No files yet." />
          ) : (
            <ul className="attachments" aria-label="Files">
              {rows.map((file) => (
                <li key={file.id} className="attachment">
                  <a href={downloadUrl(file.id)} download={file.filename}>
                    {file.is_image && (
                      <img
                        className="attachment-thumb"
                        src={downloadUrl(file.id)}
                        alt={file.filename}
                        loading="lazy"
                      />
                    )}
                    <span>{file.filename}</span>
                  </a>{' '}
                  <span className="muted">
                    {formatSize(file.size_bytes)} · {file.uploaded_by_name}
                    {file.internal && ' · internal'}
                  </span>
                  {(file.uploaded_by === me.id || me.is_admin) && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="button button-small"
                        aria-disabled={removal.busy}
                        onClick={() => void remove(file)}
                      >
                        Remove<span className="sr-only"> {file.filename}</span>
                      </button>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <div className="field">
        <label htmlFor="attach-files">Attach files (or drop them here)</label>
        <input
          id="attach-files"
          type="file"
          multiple
          accept="image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain,.log,.txt,.csv"
          onChange={(event) => {
            const chosen = filesFrom(event.target.files);
            event.target.value = '';
            if (chosen.length > 0) void start(requestId, chosen);
          }}
        />
      </div>
      <UploadList uploads={uploads} />
    </section>
  );
}
