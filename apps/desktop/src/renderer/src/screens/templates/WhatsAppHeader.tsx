// A template's header inside the bubble: bold text, the image, or a document as a file row.
import { useState } from 'react';
import type { DraftHeader } from './template-draft.ts';

function ImageHeader({ url }: { url: string }) {
  const [broken, setBroken] = useState<string | null>(null);
  // Only a finished https address is fetched; while it is being typed, or if it fails, a placeholder stands in.
  if (!/^https:\/\/[^\s/]+\.[^\s/]+/.test(url) || broken === url) {
    return (
      <div className="wa-media-placeholder" role="img" aria-label="Image header">
        🖼 Image
      </div>
    );
  }
  return <img className="wa-image" src={url} alt="Header" onError={() => setBroken(url)} />;
}

export function WhatsAppHeader({ header }: { header: DraftHeader | undefined }) {
  if (!header) return null;
  if (header.type === 'text') return header.text ? <strong className="wa-header-text">{header.text}</strong> : null;
  if (header.type === 'image') return <ImageHeader url={header.url} />;
  const name = header.filename || header.url.split(/[/?#]/).filter(Boolean).pop() || 'Document';
  return (
    <div className="wa-document">
      <span className="wa-document-icon" aria-hidden>
        📄
      </span>
      <span className="wa-document-name">{name}</span>
      <small>{/\.([a-z0-9]{2,4})$/i.exec(name)?.[1]?.toUpperCase() ?? 'FILE'}</small>
    </div>
  );
}
