import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type DragEvent } from 'react';
import type { RequestId } from '../api/database';
import { EmptyState, Loaded } from '../ui/States';
import { attachmentKeys, attachmentsQuery, downloadUrl, formatSize } from './api';
import { UploadList, filesFrom, useUploads } from './Uploads';

/** The request's files: thumbnails for images, links for the rest; drop files here to attach. */
export function AttachmentsSection({ requestId }: { requestId: RequestId }) {
  const files = useQuery(attachmentsQuery(requestId));
  const queryClient = useQueryClient();
  const { uploads, start } = useUploads(() => {
    void queryClient.invalidateQueries({ queryKey: attachmentKeys.forRequest(requestId) });
  });
  const [dragging, setDragging] = useState(false);

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
